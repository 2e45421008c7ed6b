// Benchmark `library`: latency of library search on a generated library of 100,000 items
// (seeds/generate-library.ts) over the networks and people of seeds/generate.ts, on PGlite and on
// PostgreSQL. A person joins the largest network, so its network-only items are readable too; each
// case is one searchLibrary request (a page of 20 with snippets, the total and every facet count)
// repeated by autocannon over ONE connection, so each latency is one request's own time.
// Target (issue 14): p95 under 50 ms on PostgreSQL for ranked search with two filters and facets.
//
//   BENCH_LIBRARY_ITEMS=100000   size of the generated library
import { generateLargeDataSet } from '../../seeds/generate.ts';
import { generateLibrary } from '../../seeds/generate-library.ts';
import { measureGraphqlCases, p95BudgetRatios, rawSql, viewerInNetwork, type GraphqlCase } from './graphql-cases.ts';
import { benchConfig, startHearth } from './servers.ts';
import type { Benchmark, BenchContext, CheckResult, Measurement } from './types.ts';

const P95_BUDGET_MS = 50;
const SEED = 14;

const SEARCH = `query Search($query: String, $filter: LibraryFilter, $sort: LibrarySort) {
  searchLibrary(query: $query, filter: $filter, sort: $sort, first: 20) {
    totalCount correctedQuery
    facets { field value label count }
    edges { rank snippet { text highlighted } node { id kind title summary usedCount network { name } } }
  }
}`;

/** A full page of 20, with facets: the words for the check, or null. */
function fullPage(data: Record<string, unknown> | undefined): string | null {
  const page = data?.searchLibrary as { edges: unknown[]; totalCount: number; facets: unknown[] } | undefined;
  if (!page || page.edges.length !== 20 || page.facets.length === 0) return null;
  return `${page.edges.length} on the page, ${page.totalCount} in all, ${page.facets.length} facet values`;
}

const CASES: GraphqlCase[] = [
  {
    name: 'ranked-two-filters',
    label: 'ranked "newsletter", kind and category filters, facets',
    query: SEARCH,
    accept: fullPage,
    variables: {
      query: 'newsletter',
      filter: { kinds: ['CASE_STUDY'], categories: ['QUICK_TIP', 'SHORT_TERM_SKILLS'] },
    },
  },
  {
    name: 'misspelt',
    label: 'ranked "newsleter" (mended), facets',
    query: SEARCH,
    accept: fullPage,
    variables: { query: 'newsleter' },
  },
  {
    name: 'common-word',
    label: 'ranked "volunteers" (a third of items), facets',
    query: SEARCH,
    accept: fullPage,
    variables: { query: 'volunteers' },
  },
  {
    name: 'browse-newest',
    label: 'no words, newest first, sector filter, facets',
    query: SEARCH,
    accept: fullPage,
    variables: { filter: { sectors: ['COMMUNITY'] }, sort: 'NEWEST' },
  },
];

function items(): number {
  const raw = process.env.BENCH_LIBRARY_ITEMS;
  const value = raw ? Number(raw) : 100_000;
  if (!Number.isInteger(value) || value < 100)
    throw new Error('BENCH_LIBRARY_ITEMS must be a whole number of at least 100.');
  return value;
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

        const viewer = await viewerInNetwork(db, config, people.largestNetworkSlug, 'Bench Library');

        const server = await startHearth(config, database.handle);
        try {
          const measured = await measureGraphqlCases(context, 'library', kind, server, viewer.token, CASES);
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
        `Data set: seeds/generate.ts (50 networks, 5,000 people, seed ${SEED}) and seeds/generate-library.ts (${count} items: 85% published, 30% shared with all networks), then VACUUM ANALYZE; the viewer joins the largest network.`,
        `Each request: searchLibrary first: 20 with snippets, totalCount and every facet count. Load: autocannon, one connection, ${settings.warmupSeconds} s warm-up, ${settings.seconds} s measured per case.`,
        `Target: PostgreSQL p95 under ${P95_BUDGET_MS} ms.`,
      ],
      measurements,
      ratios: settings.databases.includes('postgres')
        ? p95BudgetRatios('library', CASES, measurements, P95_BUDGET_MS)
        : [],
      checks,
    };
  },
};
