// Benchmark `pages`: what a server-rendered page costs next to the GraphQL query of its data. A
// network's page, signed out, on PGlite: GET /networks/<slug> (SvelteKit running the NetworkPage
// operation in process, then rendering) against POST /graphql with the same operation, both with
// BENCH_CONNECTIONS connections. Target: the page at half its query's req/s or better. Needs the
// web app built (`pnpm --filter @hearth/web build`).
import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DefinitionNode } from 'graphql';
import { webBuildExists } from '../../server/src/web/mount.ts';
import { ratioAtLeast } from './report.ts';
import { benchConfig, startHearthWithPages } from './servers.ts';
import type { Benchmark, BenchContext, CheckResult, LoadTarget, Measurement } from './types.ts';

const OPERATIONS = new URL('../../web/src/lib/graphql/networks.graphql', import.meta.url);
const NAME = 'Bench Page Network';
const MEMBERS = 5;
/** The page's req/s must be at least this share of its query's. */
const TARGET = 0.5;

/** The operation as the web sends it: the named operation and the fragments it spreads. */
function operationDocument(source: string, name: string): string {
  const definitions = parse(source).definitions;
  const fragments = new Map<string, DefinitionNode>();
  for (const d of definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`no operation ${name} in ${OPERATIONS.pathname}`);
  const wanted = new Set<string>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (wanted.has(spread.name.value)) return;
        wanted.add(spread.name.value);
        collect(fragments.get(spread.name.value)!);
      },
    });
  collect(operation);
  return [operation, ...[...wanted].map((n) => fragments.get(n)!)].map((d) => print(d)).join('\n\n');
}

async function api<T>(origin: string, query: string, variables: object, token?: string): Promise<T> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data || body.errors) throw new Error(`setting up the page failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function signUp(origin: string, label: string): Promise<string> {
  const input = {
    email: `bench.pages.${label}.${crypto.randomUUID().slice(0, 8)}@example.org`,
    password: 'a long and unusual benchmark phrase',
    name: `Bench ${label}`,
  };
  const data = await api<{ signUp: { token: string } }>(
    origin,
    'mutation ($input: SignUpInput!) { signUp(input: $input) { token } }',
    { input },
  );
  return data.signUp.token;
}

/** A network as a visitor finds it: a few members and a stage set with a note. */
async function makeNetwork(origin: string): Promise<string> {
  const steward = await signUp(origin, 'steward');
  const input = {
    name: NAME,
    placeName: 'Bristol',
    region: 'South West England',
    latitude: 51.4545,
    longitude: -2.5879,
    purpose: 'Peers for the digital people in small charities: a monthly meet-up and a chat.',
    values: 'Kindness. Plain words.',
    codeOfConduct: 'Be kind. Assume good intent. No selling.',
  };
  const created = await api<{ createNetwork: { id: string; slug: string } }>(
    origin,
    'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id slug } }',
    { input },
    steward,
  );
  const { id, slug } = created.createNetwork;
  for (let i = 0; i < MEMBERS; i += 1) {
    const member = await signUp(origin, `member${i}`);
    await api(
      origin,
      'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
      { id },
      member,
    );
  }
  await api(
    origin,
    'mutation ($id: ID!) { setLifecycleStage(networkId: $id, stage: COALESCING, note: "A core group meets monthly.") { id } }',
    { id },
    steward,
  );
  return slug;
}

/** One request before the load: the right status and the network in the answer. */
async function check(id: string, target: LoadTarget): Promise<CheckResult> {
  let passed = false;
  let detail: string;
  try {
    const response = await fetch(target.url, { method: target.method, headers: target.headers, body: target.body });
    const body = await response.text();
    passed = response.status === 200 && body.includes(target.expectIncludes) && !body.includes('"errors"');
    detail = passed ? 'ok' : `HTTP ${response.status}: ${body.slice(0, 300)}`;
  } catch (error) {
    detail = `request failed: ${(error as Error).message}`;
  }
  return { name: `${id}: answers with the network`, passed, detail };
}

export const pagesBenchmark: Benchmark = {
  name: 'pages',
  title: 'a network page, signed out, against the GraphQL query of its data (PGlite)',
  async run(context: BenchContext) {
    const { settings } = context;
    const measurements: Measurement[] = [];
    const checks: CheckResult[] = [];
    const notes = [
      `Page: GET /networks/<slug> as a browser asks for it (Accept: text/html), no cookie; query: POST /graphql with the web's NetworkPage operation, no token. ` +
        `Both on one Hearth (NODE_ENV=production, pages served) on PGlite, ${settings.connections} connections, ` +
        `${settings.warmupSeconds} s warm-up, ${settings.seconds} s measured. The network has ${MEMBERS + 1} members and one stage change.`,
    ];
    if (!webBuildExists()) {
      checks.push({
        name: 'pages: web app built',
        passed: false,
        detail: 'web/build is missing: run `pnpm --filter @hearth/web build` first.',
      });
      return { name: this.name, title: this.title, notes, measurements, ratios: [], checks };
    }
    if (!settings.databases.includes('pglite')) {
      notes.push('Not measured: BENCH_DATABASES leaves out pglite.');
      return { name: this.name, title: this.title, notes, measurements, ratios: [], checks };
    }

    context.log('pages: opening a fresh pglite database');
    const database = await context.openDatabase('pglite');
    try {
      const server = await startHearthWithPages(benchConfig(settings.logLevel), database.handle);
      try {
        const slug = await makeNetwork(server.url);
        const query = operationDocument(readFileSync(OPERATIONS, 'utf8'), 'NetworkPage');
        const targets: Array<{ name: string; label: string; target: LoadTarget }> = [
          {
            name: 'page',
            label: 'GET /networks/<slug> (page)',
            target: {
              url: `${server.url}/networks/${slug}`,
              method: 'GET',
              headers: { accept: 'text/html' },
              // The heading may carry a class (Svelte scopes styles with one).
              expectIncludes: `>${NAME}</h1>`,
            },
          },
          {
            name: 'query',
            label: 'POST /graphql NetworkPage (its data)',
            target: {
              url: `${server.url}/graphql`,
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query, variables: { slug }, operationName: 'NetworkPage' }),
              expectIncludes: `"name":"${NAME}"`,
            },
          },
        ];
        for (const { name, label, target } of targets) {
          context.signal.throwIfAborted();
          const id = `pages/pglite/${name}`;
          const result = await check(id, target);
          checks.push(result);
          if (!result.passed) {
            context.log(`${id}: wrong answer, not measuring (${result.detail})`);
            continue;
          }
          context.log(`${id}: warming up ${settings.warmupSeconds} s, measuring ${settings.seconds} s`);
          const load = await context.load(target);
          measurements.push({ id, database: 'pglite', target: name, label, load });
        }
      } finally {
        await server.close();
        // Requests the load generator abandoned may still be running: let them finish first.
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await database.release();
    }

    const loadOf = (target: string) => measurements.find((m) => m.target === target)?.load;
    return {
      name: this.name,
      title: this.title,
      notes,
      measurements,
      ratios: [
        ratioAtLeast(
          'pages/pglite/page÷query',
          'network page ÷ its query (pglite)',
          loadOf('page'),
          loadOf('query'),
          TARGET,
        ),
      ],
      checks,
    };
  },
};
