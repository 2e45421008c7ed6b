import type { MercuriusLoaders } from 'mercurius';
import type { GraphqlContext } from '../../graphql/context.ts';
import type { Resolvers } from '../../graphql/generated.ts';
import * as accounts from '../accounts/service.ts';
import type { AccountRecord } from '../accounts/service.ts';
import type { AuditEntryRecord } from '../audit/service.ts';
import * as networks from '../networks/service.ts';
import * as safety from './service.ts';
import type { BlockRecord, ReportView } from './service.ts';

export const safetyResolvers: Resolvers = {
  Query: {
    operatorReports: (_root, { status, first, after }, ctx) =>
      safety.operatorReports(ctx.services, status ?? 'OPEN', first, after),
    operatorAuditLog: (_root, { first, after }, ctx) => safety.operatorAuditLog(ctx.services, first, after),
    viewerIsOperator: (_root, _args, ctx) => safety.isViewerOperator(ctx.services),
    report: (_root, { id }, ctx) => safety.reportById(ctx.services, id),
    myReports: (_root, { first, after }, ctx) => safety.myReports(ctx.services, first, after),
    myBlocks: (_root, _args, ctx) => safety.myBlocks(ctx.services),
  },
  Mutation: {
    reportConcern: async (_root, { input }, ctx) =>
      safety.reporterView(await safety.reportConcern(ctx.services, input)),
    resolveReport: (_root, { reportId, action, note, suspendUntil }, ctx) =>
      safety.resolveReport(ctx.services, reportId, action, note, suspendUntil),
    blockPerson: (_root, { personId }, ctx) => safety.blockPerson(ctx.services, personId),
    unblockPerson: (_root, { personId }, ctx) => safety.unblockPerson(ctx.services, personId),
  },
  Network: {
    reports: (network, { status, first, after }, ctx) =>
      safety.networkReports(ctx.services, network.id, status ?? 'OPEN', first, after),
    auditLog: (network, { first, after }, ctx) => safety.networkAuditLog(ctx.services, network.id, first, after),
  },
  ReportConnection: {
    totalCount: (connection) => connection.totalCount(),
  },
  Report: {
    // Only those who handle a report read what was done; its reporter is told in general words.
    resolution: (report) =>
      report.handledByViewer && report.status === 'RESOLVED'
        ? {
            action: report.action!,
            note: report.note!,
            suspendUntil: report.suspendUntil,
            resolvedAt: report.resolvedAt!,
            resolvedBy: report.resolvedBy,
          }
        : null,
  },
  AuditEntry: {
    actorIsFormerMember: () => false,
  },
};

type Queries<Obj> = Array<{ obj: Obj }>;

/** People by id, read once per request for every field that names someone. */
async function usersById(ctx: GraphqlContext, ids: ReadonlyArray<string | null>): Promise<Map<string, AccountRecord>> {
  const wanted = ids.filter((id): id is string => id !== null);
  return ctx.services.memo.batch('safety-users', wanted, async (missing) => {
    const users = await accounts.getUsersByIds(ctx.services, missing);
    return new Map(users.map((user) => [user.id, user]));
  });
}

async function networksOf(ctx: GraphqlContext, ids: ReadonlyArray<string | null>) {
  return networks.networksByIds(
    ctx.services,
    ids.filter((id): id is string => id !== null),
  );
}

/** Every field that names a person or a network, batched per request: a queue page costs the same few statements however long. */
export const safetyLoaders: MercuriusLoaders = {
  Network: {
    async openReportCount(queries: Queries<{ id: string }>, ctx: GraphqlContext) {
      const counts = await safety.openReportCounts(
        ctx.services,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => counts.get(q.obj.id) ?? null);
    },
  },
  Report: {
    async network(queries: Queries<ReportView>, ctx: GraphqlContext) {
      const found = await networksOf(
        ctx,
        queries.map((q) => q.obj.networkId),
      );
      return queries.map((q) => (q.obj.networkId ? (found.get(q.obj.networkId) ?? null) : null));
    },
    async reporter(queries: Queries<ReportView>, ctx: GraphqlContext) {
      const found = await usersById(
        ctx,
        queries.map((q) => q.obj.reporterId),
      );
      return queries.map((q) => (q.obj.reporterId ? (found.get(q.obj.reporterId) ?? null) : null));
    },
    async subjectPerson(queries: Queries<ReportView>, ctx: GraphqlContext) {
      const found = await usersById(
        ctx,
        queries.map((q) => q.obj.subjectPersonId),
      );
      return queries.map((q) => (q.obj.subjectPersonId ? (found.get(q.obj.subjectPersonId) ?? null) : null));
    },
  },
  ReportResolution: {
    async resolvedBy(queries: Queries<{ resolvedBy: string | null }>, ctx: GraphqlContext) {
      const found = await usersById(
        ctx,
        queries.map((q) => q.obj.resolvedBy),
      );
      return queries.map((q) => (q.obj.resolvedBy ? (found.get(q.obj.resolvedBy) ?? null) : null));
    },
  },
  AuditEntry: {
    async actor(queries: Queries<AuditEntryRecord>, ctx: GraphqlContext) {
      const found = await usersById(
        ctx,
        queries.map((q) => q.obj.actorId),
      );
      return queries.map((q) => (q.obj.actorId ? (found.get(q.obj.actorId) ?? null) : null));
    },
    async actorIsFormerMember(queries: Queries<AuditEntryRecord>, ctx: GraphqlContext) {
      const found = await usersById(
        ctx,
        queries.map((q) => q.obj.actorId),
      );
      return queries.map((q) => q.obj.actorId !== null && !found.has(q.obj.actorId));
    },
    async subjectPerson(queries: Queries<AuditEntryRecord>, ctx: GraphqlContext) {
      const found = await usersById(
        ctx,
        queries.map((q) => q.obj.subjectPersonId),
      );
      return queries.map((q) => (q.obj.subjectPersonId ? (found.get(q.obj.subjectPersonId) ?? null) : null));
    },
    async network(queries: Queries<AuditEntryRecord>, ctx: GraphqlContext) {
      const found = await networksOf(
        ctx,
        queries.map((q) => q.obj.networkId),
      );
      return queries.map((q) => (q.obj.networkId ? (found.get(q.obj.networkId) ?? null) : null));
    },
  },
  Block: {
    async person(queries: Queries<BlockRecord>, ctx: GraphqlContext) {
      const found = await usersById(
        ctx,
        queries.map((q) => q.obj.personId),
      );
      return queries.map((q) => found.get(q.obj.personId)!);
    },
  },
};
