// Benchmark `safety`: latency of a steward's moderation queue and audit trail, and of the member
// directory for a viewer who blocked many people (every list between two people carries the
// block condition), on PGlite and on PostgreSQL. Over seeds/generate.ts (50 networks, 20,000
// people) it adds 40,000 reports (a fifth in the largest network, a third open), 40,000 audit
// entries and 40,000 blocks, 500 of them the viewer's own; the viewer stewards the largest network.
// Each case is one GraphQL request repeated over ONE connection. Target: p95 under 50 ms on
// PostgreSQL for a page of 20 with its total.
//
//   BENCH_SAFETY_ROWS=40000   reports, audit entries and blocks generated (each)
import type { Db } from '../../server/src/db/database.ts';
import { generateLargeDataSet } from '../../seeds/generate.ts';
import { measureGraphqlCases, p95BudgetRatios, rawSql, viewerInNetwork, type GraphqlCase } from './graphql-cases.ts';
import { benchConfig, startHearth } from './servers.ts';
import type { Benchmark, BenchContext, CheckResult, Measurement } from './types.ts';

const P95_BUDGET_MS = 50;
const SEED = 15;
const VIEWER_BLOCKS = 500;

function rows(): number {
  const raw = process.env.BENCH_SAFETY_ROWS;
  const value = raw ? Number(raw) : 40_000;
  if (!Number.isInteger(value) || value < 1_000)
    throw new Error('BENCH_SAFETY_ROWS must be a whole number of at least 1,000.');
  return value;
}

type Page = { totalCount?: number; edges: unknown[] } | undefined;
const fullPage = (page: Page, withTotal = true) =>
  page && page.edges.length === 20
    ? `${page.edges.length} on the page${withTotal ? `, ${page.totalCount} in all` : ''}`
    : null;
const network = (data: Record<string, unknown> | undefined) => data?.network as Record<string, Page> | undefined;

function cases(slug: string): GraphqlCase[] {
  const queue = (status: string): GraphqlCase => ({
    name: `queue-${status.toLowerCase()}`,
    label: `the ${status.toLowerCase()} queue: 20 reports with reporter, person and snapshot, total`,
    query: `query ($slug: String!, $status: ReportStatus) { network(slug: $slug) { reports(status: $status, first: 20) {
      totalCount edges { node { id reason details anonymous createdAt reporter { name } subjectPerson { name }
        snapshot { title path } resolution { action note resolvedBy { name } } } } } } }`,
    variables: { slug, status },
    accept: (data) => fullPage(network(data)?.reports),
  });
  return [
    queue('OPEN'),
    queue('RESOLVED'),
    {
      name: 'audit-trail',
      label: 'the audit trail: 20 entries with actor and person',
      query: `query ($slug: String!) { network(slug: $slug) { auditLog(first: 20) {
        edges { node { at action summary reason actor { name } actorIsFormerMember subjectPerson { name } } } } } }`,
      variables: { slug },
      accept: (data) => fullPage(network(data)?.auditLog, false),
    },
    {
      name: 'members-with-blocks',
      label: `members of the largest network, for a viewer with ${VIEWER_BLOCKS} blocks: 20 and total`,
      query: `query ($slug: String!) { network(slug: $slug) { members(first: 20) { totalCount edges { node { role person { name } } } } } }`,
      variables: { slug },
      accept: (data) => fullPage(network(data)?.members),
    },
  ];
}

/** Reports, audit entries and blocks, made in the database from generate_series. */
async function generateSafetyRows(db: Db, count: number, largestId: string, viewerId: string): Promise<void> {
  const people = `(select array_agg(id order by id) as ids from users)`;
  const networks = `(select array_agg(id order by id) as ids from networks)`;
  await rawSql(
    db,
    `insert into reports (reporter_id, subject_kind, subject_id, subject_person_id, network_id, for_operators, reason,
       details, anonymous, snapshot, status, action, note, resolved_by, resolved_at, created_at, updated_at)
     select p.ids[1 + (g * 7) % cardinality(p.ids)], 'PERSON', p.ids[1 + (g * 13 + 1) % cardinality(p.ids)],
       p.ids[1 + (g * 13 + 1) % cardinality(p.ids)],
       case when g % 5 = 0 then '${largestId}'::uuid else n.ids[1 + g % cardinality(n.ids)] end, false,
       (array['HARASSMENT','SELLING','SPAM','UNSAFE','PRIVACY','OTHER'])[1 + g % 6]::report_reason,
       'Generated report number ' || g || ': they kept posting links to a paid webinar.', g % 2 = 0,
       jsonb_build_object('title', 'A member', 'text', 'Their profile as it was', 'path', null),
       case when g % 3 = 0 then 'OPEN' else 'RESOLVED' end::report_status,
       case when g % 3 = 0 then null else 'WARN' end::report_action,
       case when g % 3 = 0 then null else 'Please keep to the code of conduct.' end,
       case when g % 3 = 0 then null else p.ids[1 + g % cardinality(p.ids)] end,
       case when g % 3 = 0 then null else now() - (g || ' minutes')::interval end,
       now() - (g || ' minutes')::interval - interval '1 day', now()
     from generate_series(1, ${count}) g, ${people} p, ${networks} n
     on conflict do nothing`,
  );
  await rawSql(
    db,
    `insert into audit_log (network_id, actor_id, action, subject_person_id, summary, reason, created_at)
     select case when g % 4 = 0 then '${largestId}'::uuid else n.ids[1 + g % cardinality(n.ids)] end,
       p.ids[1 + (g * 3) % cardinality(p.ids)], 'ROLE_CHANGED', p.ids[1 + (g * 11) % cardinality(p.ids)],
       'Changed a member''s role from member to organiser', null, now() - (g || ' minutes')::interval
     from generate_series(1, ${count}) g, ${people} p, ${networks} n`,
  );
  await rawSql(
    db,
    `insert into blocks (blocker_id, blocked_id, created_at)
     select p.ids[1 + (g * 17) % cardinality(p.ids)], p.ids[1 + (g * 31 + 5) % cardinality(p.ids)], now()
     from generate_series(1, ${count}) g, ${people} p
     where p.ids[1 + (g * 17) % cardinality(p.ids)] <> p.ids[1 + (g * 31 + 5) % cardinality(p.ids)]
     on conflict do nothing`,
  );
  await rawSql(
    db,
    `insert into blocks (blocker_id, blocked_id, created_at)
     select '${viewerId}'::uuid, m.user_id, now() from memberships m
     where m.network_id = '${largestId}'::uuid and m.user_id <> '${viewerId}'::uuid and m.left_at is null
     order by m.user_id desc limit ${VIEWER_BLOCKS}
     on conflict do nothing`,
  );
}

export const safetyBenchmark: Benchmark = {
  name: 'safety',
  title: 'moderation queue, audit trail and blocked members (one connection: sequential requests)',
  async run(context: BenchContext) {
    const { settings } = context;
    const config = benchConfig(settings.logLevel);
    const count = rows();
    const measurements: Measurement[] = [];
    const checks: CheckResult[] = [];
    const setup: string[] = [];
    let caseList: GraphqlCase[] = [];

    for (const kind of settings.databases) {
      context.log(`safety: opening a fresh ${kind} database`);
      const database = await context.openDatabase(kind);
      try {
        const started = performance.now();
        const db = database.handle.db;
        const people = await generateLargeDataSet(db, { networks: 50, people: 20_000, seed: SEED });
        const viewer = await viewerInNetwork(db, config, people.largestNetworkSlug, 'Bench Steward');
        await db
          .updateTable('memberships')
          .set({ role: 'STEWARD' })
          .where('network_id', '=', viewer.networkId)
          .where('user_id', '=', viewer.userId)
          .execute();
        await generateSafetyRows(db, count, viewer.networkId, viewer.userId);
        await rawSql(db, 'vacuum analyze');
        setup.push(
          `${kind}: ${count} reports, audit entries and blocks over ${people.networks} networks generated in ` +
            `${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        context.log(`safety: ${setup.at(-1)}`);
        caseList = cases(people.largestNetworkSlug);
        const server = await startHearth(config, database.handle);
        try {
          const measured = await measureGraphqlCases(context, 'safety', kind, server, viewer.token, caseList);
          measurements.push(...measured.measurements);
          checks.push(...measured.checks);
        } finally {
          await server.close();
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      } finally {
        await database.release();
      }
    }

    return {
      name: this.name,
      title: this.title,
      notes: [
        ...setup,
        `Data set: seeds/generate.ts (50 networks, 20,000 people, seed ${SEED}), then ${count} reports (every fifth in the largest network, every third open), ${count} audit entries (every fourth there) and ${count} blocks plus ${VIEWER_BLOCKS} by the viewer, who stewards the largest network; VACUUM ANALYZE.`,
        `Load: autocannon, one connection, ${settings.warmupSeconds} s warm-up, ${settings.seconds} s measured per case.`,
        `Target: PostgreSQL p95 under ${P95_BUDGET_MS} ms.`,
      ],
      measurements,
      ratios: settings.databases.includes('postgres')
        ? p95BudgetRatios('safety', caseList, measurements, P95_BUDGET_MS)
        : [],
      checks,
    };
  },
};
