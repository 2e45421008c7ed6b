import type { ServiceContext } from '../../core/context.ts';
import * as audit from '../audit/service.ts';
import * as networks from '../networks/service.ts';
import * as repo from './repository.ts';

// What a person's own data export holds of safety: the reports they made, and what stewards did
// about them (warnings, hiding, suspensions, removals, with the stewards' notes). Never who
// reported them, nor what the reporter wrote.

/** The person's safety section: reports made, actions about them, audit entries naming them. */
export async function safetyForExport(ctx: ServiceContext, userId: string) {
  const [reportsMade, actionsAboutYou, auditEntries] = await Promise.all([
    repo.getReportsBy(ctx.db, userId),
    actionsAbout(ctx, userId),
    audit.entriesAbout(ctx, userId),
  ]);
  const named = await networks.networksByIds(
    ctx,
    auditEntries.flatMap((entry) => (entry.networkId ? [entry.networkId] : [])),
  );
  return {
    reportsMade,
    actionsAboutYou,
    // Who did each thing is themself or a steward; the entries never name a reporter.
    auditEntries: auditEntries.map((entry) => ({
      networkSlug: entry.networkId ? (named.get(entry.networkId)?.slug ?? null) : null,
      action: entry.action,
      byYou: entry.actorId === userId,
      aboutYou: entry.subjectPersonId === userId,
      summary: entry.summary,
      reason: entry.reason,
      at: entry.at,
    })),
  };
}

async function actionsAbout(ctx: ServiceContext, userId: string) {
  const rows = await repo.getActionsAbout(ctx.db, userId);
  const named = await networks.networksByIds(
    ctx,
    rows.flatMap((row) => (row.networkId ? [row.networkId] : [])),
  );
  return rows.map(({ networkId, ...row }) => ({
    networkSlug: networkId ? (named.get(networkId)?.slug ?? null) : null,
    ...row,
  }));
}

/** Inside the deletion's transaction: reports about the person keep nothing of them but the fact. */
export async function forgetReportedPerson(ctx: ServiceContext, userId: string): Promise<void> {
  await repo.forgetSubjectPerson(ctx.db, userId, ctx.clock.now());
}
