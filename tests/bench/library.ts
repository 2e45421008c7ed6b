// Benchmark `library`: latency of library search on a generated library of 100,000 items
// (seeds/generate-library.ts) over the networks and people of seeds/generate.ts, on PGlite and on
// PostgreSQL. A person joins the largest network, so its network-only items are readable too; each
// case is one searchLibrary request (a page of 20 with snippets, the total and every facet count)
// repeated by autocannon over ONE connection, so each latency is one request's own time.
// Target (issue 14): p95 under 50 ms on PostgreSQL for ranked search with two filters and facets.
//
//   BENCH_LIBRARY_ITEMS=100000   size of the generated library
import { RequestMemo, systemClock, type ServiceContext } from '../../server/src/core/context.ts';
import type { Db } from '../../server/src/db/database.ts';
import { signUp } from '../../server/src/modules/accounts/service.ts';
import { joinNetwork } from '../../server/src/modules/memberships/service.ts';
import { generateLargeDataSet } from '../../seeds/generate.ts';
import { generateLibrary } from '../../seeds/generate-library.ts';
import { measureLoad } from './load.ts';
import { benchConfig, startHearth } from './servers.ts';
import type { Benchmark, BenchContext, CheckResult, LoadTarget, Measurement, RatioResult } from './types.ts';

const P95_BUDGET_MS = 50;
const SEED = 14;

const SEARCH = `query Search($query: String, $filter: LibraryFilter, $sort: LibrarySort) {
  searchLibrary(query: $query, filter: $filter, sort: $sort, first: 20) {
    totalCount correctedQuery
    facets { field value label count }
    edges { rank snippet { text highlighted } node { id kind title summary usedCount network { name } } }
  }
}`;

interface Case {
  name: string;
  label: string;
  variables: Record<string, unknown>;
}

const CASES: Case[] = [
  {
    name: 'ranked-two-filters',
    label: 'ranked "newsletter", kind and category filters, facets',
    variables: {
      query: 'newsletter',
      filter: { kinds: ['CASE_STUDY'], categories: ['QUICK_TIP', 'SHORT_TERM_SKILLS'] },
    },
  },
  { name: 'misspelt', label: 'ranked "newsleter" (mended), facets', variables: { query: 'newsleter' } },
  { name: 'common-word', label: 'ranked "volunteers" (a third of items), facets', variables: { query: 'volunteers' } },
  {
    name: 'browse-newest',
    label: 'no words, newest first, sector filter, facets',
    variables: { filter: { sectors: ['COMMUNITY'] }, sort: 'NEWEST' },
  },
];

async function rawSql<Row>(db: Db, text: string): Promise<Row[]> {
  const result = await db.executeQuery<Row>({
    sql: text,
    parameters: [],
    query: { kind: 'RawNode', sqlFragments: [text], parameters: [] },
    queryId: { queryId: `bench-${crypto.randomUUID()}` },
  });
  return [...result.rows];
}

function items(): number {
  const raw = process.env.BENCH_LIBRARY_ITEMS;
  const value = raw ? Number(raw) : 100_000;
  if (!Number.isInteger(value) || value < 100)
    throw new Error('BENCH_LIBRARY_ITEMS must be a whole number of at least 100.');
  return value;
}

/** One request before the load: a full page, a total and facets, no errors. */
async function checkAnswer(
  target: Omit<LoadTarget, 'expectIncludes'>,
  id: string,
): Promise<{ check: CheckResult; ms: number }> {
  const started = performance.now();
  let passed = false;
  let detail: string;
  try {
    const response = await fetch(target.url, { method: target.method, headers: target.headers, body: target.body });
    const body = await response.text();
    const page = (
      JSON.parse(body) as { data?: { searchLibrary?: { edges: unknown[]; totalCount: number; facets: unknown[] } } }
    ).data?.searchLibrary;
    passed = response.status === 200 && page !== undefined && page.edges.length === 20 && page.facets.length > 0;
    detail = passed
      ? `ok: ${page!.edges.length} on the page, ${page!.totalCount} in all, ${page!.facets.length} facet values`
      : `HTTP ${response.status}: ${body.slice(0, 300)}`;
  } catch (error) {
    detail = `request failed: ${(error as Error).message}`;
  }
  return {
    check: { name: `${id}: a full page, its total and facets`, passed, detail },
    ms: performance.now() - started,
  };
}

export const libraryBenchmark: Benchmark = {
  name: 'library',
  title: 'library search, 100,000 items (one connection: sequential requests)',
  async run(context: BenchContext) {
    const { settings } = context;
    const config = benchConfig(settings.logLevel);
    const count = items();
    const measurements: Measurement[] = [];
    const checks: CheckResult[] = [];
    const setup: string[] = [];

    for (const kind of settings.databases) {
      context.log(`library: opening a fresh ${kind} database`);
      const database = await context.openDatabase(kind);
      try {
        const started = performance.now();
        const db = database.handle.db;
        const people = await generateLargeDataSet(db, { networks: 50, people: 5_000, seed: SEED });
        const networkIds = (await db.selectFrom('networks').select('id').execute()).map((row) => row.id);
        const authorIds = (await db.selectFrom('users').select('id').limit(2_000).execute()).map((row) => row.id);
        const library = await generateLibrary(db, { items: count, seed: SEED, networkIds, authorIds });
        await rawSql(db, 'vacuum analyze');
        setup.push(
          `${kind}: ${library.items} items (${library.published} published, ${library.words} distinct words) over ` +
            `${people.networks} networks generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        context.log(`library: ${setup.at(-1)}`);
        context.signal.throwIfAborted();

        const ctx: ServiceContext = {
          db,
          clock: systemClock,
          pubsub: { publish: async () => {} },
          config,
          viewer: null,
          clientAddress: '127.0.0.1',
          memo: new RequestMemo(),
        };
        const signedIn = await signUp(ctx, {
          email: `bench.library.${crypto.randomUUID().slice(0, 8)}@example.org`,
          password: 'a long and unusual benchmark phrase',
          name: 'Bench Library',
        });
        const largest = await db
          .selectFrom('networks')
          .select('id')
          .where('slug', '=', people.largestNetworkSlug)
          .executeTakeFirstOrThrow();
        await joinNetwork({ ...ctx, viewer: signedIn.viewer }, largest.id, true);

        const server = await startHearth(config, database.handle);
        try {
          for (const c of CASES) {
            context.signal.throwIfAborted();
            const id = `library/${kind}/${c.name}`;
            const target = {
              url: `${server.url}/graphql`,
              method: 'POST' as const,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${signedIn.token}` },
              body: JSON.stringify({ query: SEARCH, variables: c.variables }),
            };
            const { check, ms } = await checkAnswer(target, id);
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

    const ratios: RatioResult[] = [];
    if (settings.databases.includes('postgres')) {
      for (const c of CASES) {
        const load = measurements.find((m) => m.database === 'postgres' && m.target === c.name)?.load;
        const value = load && !load.failed ? load.latencyMs.p95 / P95_BUDGET_MS : null;
        ratios.push({
          id: `library/postgres/${c.name}/p95÷budget`,
          label: `${c.label}: PostgreSQL p95 ÷ ${P95_BUDGET_MS} ms`,
          value,
          cpuValue: null,
          target: '≤ 1x',
          met: value === null ? null : value <= 1,
        });
      }
    }

    return {
      name: this.name,
      title: this.title,
      notes: [
        ...setup,
        `Data set: seeds/generate.ts (50 networks, 5,000 people, seed ${SEED}) and seeds/generate-library.ts (${count} items: 85% published, 30% shared with all networks), then VACUUM ANALYZE; the viewer joins the largest network.`,
        `Each request: searchLibrary first: 20 with snippets, totalCount and every facet count. Load: autocannon, one connection, ${settings.warmupSeconds} s warm-up, ${settings.seconds} s measured per case.`,
        `Target: PostgreSQL p95 under ${P95_BUDGET_MS} ms.`,
      ],
      measurements,
      ratios,
      checks,
    };
  },
};
