// Benchmark `directory`: latency of the member directory and the network search on the large
// generated data set (seeds/generate.ts: 200 networks, 100,000 people, network 1 holding every
// person), on PGlite and on PostgreSQL. The data set is made once per database kind; a person
// signs up and joins the largest network, then each case is one GraphQL request repeated by
// autocannon over ONE connection (sequential requests: each latency is one request's own time,
// with no queueing behind others). Targets: p95 under 50 ms on PostgreSQL, PGlite within 3x.
//
//   BENCH_DIRECTORY_PEOPLE=100000 BENCH_DIRECTORY_NETWORKS=200   size of the generated data set
//   BENCH_DIRECTORY_CASES=members-role,networks-search           cases to run (default all)
import { RequestMemo, systemClock, type ServiceContext } from '../../server/src/core/context.ts';
import { signUp } from '../../server/src/modules/accounts/service.ts';
import { joinNetwork } from '../../server/src/modules/memberships/service.ts';
import { generateLargeDataSet } from '../../seeds/generate.ts';
import { rawSql } from './graphql-cases.ts';
import { measureLoad } from './load.ts';
import { benchConfig, startHearth } from './servers.ts';
import type {
  Benchmark,
  BenchContext,
  CheckResult,
  DatabaseKind,
  LoadResult,
  LoadTarget,
  Measurement,
  RatioResult,
} from './types.ts';

/** p95 budget of one page on PostgreSQL, in milliseconds. */
const P95_BUDGET_MS = 50;
/** PGlite's p95 may be at most this many times PostgreSQL's. */
const PGLITE_FACTOR = 3;
const SEED = 1;

interface Case {
  name: string;
  label: string;
  query: string;
  variables: (slug: string) => Record<string, unknown>;
  /** Which connection the answer holds, and how many rows it must at least have. */
  connection: 'members' | 'networks';
  minTotal: number;
}

const MEMBERS_QUERY = `query Directory($slug: String!, $filter: MemberFilter) {
  network(slug: $slug) {
    members(first: 20, filter: $filter) { edges { node { person { name } role } } totalCount }
  }
}`;
const NETWORKS_QUERY = `query Networks($filter: NetworkFilter) {
  networks(first: 20, filter: $filter) { edges { node { slug name distanceKm } } totalCount }
}`;

const members = (name: string, label: string, filter: Record<string, unknown> | null, minTotal = 20): Case => ({
  name,
  label,
  query: MEMBERS_QUERY,
  variables: (slug) => ({ slug, filter }),
  connection: 'members',
  minTotal,
});
const networks = (name: string, label: string, filter: Record<string, unknown>, minTotal = 20): Case => ({
  name,
  label,
  query: NETWORKS_QUERY,
  variables: () => ({ filter }),
  connection: 'networks',
  minTotal,
});

/** Manchester: a point most generated networks are some way from. */
const NEAR = { latitude: 53.4808, longitude: -2.2426 };

const CASES: Case[] = [
  members('members-all', 'members, no filter', null),
  members('members-role', 'members, role: ORGANISER', { role: 'ORGANISER' }),
  members('members-mentor', 'members, isMentor: true', { isMentor: true }),
  members('members-skill', 'members, skill: "seo"', { skill: 'seo' }),
  members('members-search', 'members, search: "housing"', { search: 'housing' }),
  members('members-search-name', 'members, search: "smith"', { search: 'smith' }),
  networks('networks-search', 'networks, search: "digital"', { search: 'digital' }),
  networks('networks-near', 'networks, search: "digital", near Manchester', { search: 'digital', near: NEAR }),
];

/**
 * One statement of plain SQL without parameters. (Kysely's `sql` tag is not a dependency of the
 * tests package; this is what `CompiledQuery.raw` makes.)
 */
function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1.`);
  return value;
}

function selectedCases(): Case[] {
  const wanted = (process.env.BENCH_DIRECTORY_CASES ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of wanted) {
    if (!CASES.some((c) => c.name === name)) {
      throw new Error(
        `BENCH_DIRECTORY_CASES names an unknown case "${name}"; known: ${CASES.map((c) => c.name).join(', ')}.`,
      );
    }
  }
  return wanted.length ? CASES.filter((c) => wanted.includes(c.name)) : CASES;
}

function request(origin: string, token: string, c: Case, slug: string): Omit<LoadTarget, 'expectIncludes'> {
  return {
    url: `${origin}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: c.query, variables: c.variables(slug) }),
  };
}

interface Page {
  edges: unknown[];
  totalCount: number;
}

/** One request before the load: a full page of 20 and a total of at least `minTotal`, no errors. */
async function checkAnswer(
  target: Omit<LoadTarget, 'expectIncludes'>,
  c: Case,
  id: string,
): Promise<{ check: CheckResult; ms: number }> {
  const started = performance.now();
  let passed = false;
  let detail: string;
  try {
    const response = await fetch(target.url, { method: target.method, headers: target.headers, body: target.body });
    const body = await response.text();
    const parsed = JSON.parse(body) as {
      data?: { network?: { members?: Page } | null; networks?: Page };
      errors?: unknown;
    };
    const page = c.connection === 'members' ? parsed.data?.network?.members : parsed.data?.networks;
    passed =
      response.status === 200 &&
      parsed.errors === undefined &&
      page !== undefined &&
      page.edges.length === Math.min(20, c.minTotal) &&
      page.totalCount >= c.minTotal;
    detail = passed
      ? `ok: ${page!.edges.length} on the page, ${page!.totalCount} in all`
      : `HTTP ${response.status}: ${body.slice(0, 300)}`;
  } catch (error) {
    detail = `request failed: ${(error as Error).message}`;
  }
  return { check: { name: `${id}: a full page and its total`, passed, detail }, ms: performance.now() - started };
}

function p95Of(measurements: Measurement[], kind: DatabaseKind, target: string): LoadResult | null {
  const load = measurements.find((m) => m.database === kind && m.target === target)?.load;
  return load && !load.failed ? load : null;
}

export const directoryBenchmark: Benchmark = {
  name: 'directory',
  title: 'member directory and network search, 100,000 people (one connection: sequential requests)',
  async run(context: BenchContext) {
    const { settings } = context;
    const config = benchConfig(settings.logLevel);
    const people = positiveInteger('BENCH_DIRECTORY_PEOPLE', 100_000);
    const networkCount = positiveInteger('BENCH_DIRECTORY_NETWORKS', 200);
    const cases = selectedCases();
    const measurements: Measurement[] = [];
    const checks: CheckResult[] = [];
    const setup: string[] = [];

    for (const kind of settings.databases) {
      context.log(`directory: opening a fresh ${kind} database`);
      const database = await context.openDatabase(kind);
      try {
        const started = performance.now();
        const db = database.handle.db;
        const summary = await generateLargeDataSet(db, { networks: networkCount, people, seed: SEED });
        // Planner statistics and visibility maps, as a live database has them: autovacuum on
        // PostgreSQL, the server's maintenance on PGlite (db/maintenance.ts).
        await rawSql(db, 'vacuum analyze');
        const [profiles] = await rawSql<{ count: string }>(db, 'select count(*)::text as count from profiles');
        const generatedSeconds = (performance.now() - started) / 1000;
        setup.push(
          `${kind}: ${summary.people} people (${profiles!.count} with a profile), ${summary.networks} networks, ` +
            `${summary.memberships} memberships generated in ${generatedSeconds.toFixed(1)} s`,
        );
        context.log(`directory: ${setup.at(-1)}`);
        context.signal.throwIfAborted();

        // The viewer: a new person who joins the largest network (every generated person is in it).
        const ctx: ServiceContext = {
          db: database.handle.db,
          clock: systemClock,
          pubsub: { publish: async () => {} },
          config,
          viewer: null,
          clientAddress: '127.0.0.1',
          memo: new RequestMemo(),
        };
        const signedIn = await signUp(ctx, {
          email: `bench.directory.${crypto.randomUUID().slice(0, 8)}@example.org`,
          password: 'a long and unusual benchmark phrase',
          name: 'Bench Directory',
        });
        const network = await database.handle.db
          .selectFrom('networks')
          .select('id')
          .where('slug', '=', summary.largestNetworkSlug)
          .executeTakeFirstOrThrow();
        await joinNetwork({ ...ctx, viewer: signedIn.viewer }, network.id, true);

        const server = await startHearth(config, database.handle);
        try {
          for (const c of cases) {
            context.signal.throwIfAborted();
            const id = `directory/${kind}/${c.name}`;
            const target = request(server.url, signedIn.token, c, summary.largestNetworkSlug);
            const { check, ms } = await checkAnswer(target, c, id);
            checks.push(check);
            if (!check.passed) {
              context.log(`${id}: wrong answer, not measuring (${check.detail})`);
              continue;
            }
            context.log(`${id}: first request ${ms.toFixed(0)} ms (${check.detail}); measuring ${settings.seconds} s`);
            const load = await measureLoad(
              { ...target, expectIncludes: '"totalCount":' },
              { ...settings, connections: 1, signal: context.signal },
            );
            measurements.push({ id, database: kind, target: c.name, label: c.label, load });
          }
        } finally {
          await server.close();
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      } finally {
        await database.release();
      }
    }

    // Latency targets, written as ratios so the report's table and missed-target list carry them.
    const ratios: RatioResult[] = [];
    for (const c of cases) {
      const postgres = p95Of(measurements, 'postgres', c.name);
      const pglite = p95Of(measurements, 'pglite', c.name);
      if (settings.databases.includes('postgres')) {
        const value = postgres ? postgres.latencyMs.p95 / P95_BUDGET_MS : null;
        ratios.push({
          id: `directory/postgres/${c.name}/p95÷budget`,
          label: `${c.label}: PostgreSQL p95 ÷ ${P95_BUDGET_MS} ms`,
          value,
          cpuValue: null,
          target: '≤ 1x',
          met: value === null ? null : value <= 1,
        });
      }
      if (settings.databases.includes('pglite') && settings.databases.includes('postgres')) {
        const value = postgres && pglite ? pglite.latencyMs.p95 / postgres.latencyMs.p95 : null;
        ratios.push({
          id: `directory/${c.name}/pglite÷postgres`,
          label: `${c.label}: PGlite p95 ÷ PostgreSQL p95`,
          value,
          cpuValue: null,
          target: `≤ ${PGLITE_FACTOR}x`,
          met: value === null ? null : value <= PGLITE_FACTOR,
        });
      }
    }

    return {
      name: this.name,
      title: this.title,
      notes: [
        ...setup,
        `Data set: seeds/generate.ts, seed ${SEED}, then VACUUM ANALYZE; the viewer signs up and joins the largest network (every generated person is a member).`,
        `Load: autocannon with one connection, so requests run one after another and p50/p95 are single-request latencies (no queueing); ` +
          `${settings.warmupSeconds} s warm-up, ${settings.seconds} s measured per case; Hearth in NODE_ENV=production.`,
        `Targets: PostgreSQL p95 under ${P95_BUDGET_MS} ms for a page of 20 with its totalCount; PGlite p95 within ${PGLITE_FACTOR}x of PostgreSQL's (ratio rows: "value" is that ratio of p95 latencies, not of req/s).`,
      ],
      measurements,
      ratios,
      checks,
    };
  },
};
