// Benchmark `me`: requests per second and latency of `{ me { id name } }` with a Bearer token,
// on Hearth's /graphql against a bare Fastify route (the floor), graphql-yoga and Apollo Server,
// each on PGlite and on PostgreSQL. Before measuring, every target must answer a good token
// with the person and a signed-out, tampered or missing token with `me: null`.
import { RequestMemo, systemClock, type ServiceContext } from '../../server/src/core/context.ts';
import { authenticate, signOut, signUp } from '../../server/src/modules/accounts/service.ts';
import type { Config } from '../../server/src/config.ts';
import type { DatabaseHandle } from '../../server/src/db/database.ts';
import { ratioAtLeast, ratioAtMost } from './report.ts';
import { startApollo, startPlain, startYoga, sessionReader, type MeUser } from './me-servers.ts';
import { benchConfig, startHearth, type RunningServer } from './servers.ts';
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

const QUERY = '{ me { id name } }';

interface Target {
  name: 'hearth' | 'plain' | 'yoga' | 'apollo';
  label: string;
  start(config: Config, database: DatabaseHandle, logLevel: string): Promise<RunningServer>;
  /** The request, with the Authorization header value (or none). */
  request(origin: string, authorization: string | null): Omit<LoadTarget, 'expectIncludes'>;
}

function graphqlRequest(origin: string, authorization: string | null): Omit<LoadTarget, 'expectIncludes'> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  return { url: `${origin}/graphql`, method: 'POST', headers, body: JSON.stringify({ query: QUERY }) };
}

const TARGETS: Target[] = [
  { name: 'hearth', label: 'Hearth /graphql (Fastify + Mercurius)', start: startHearth, request: graphqlRequest },
  {
    name: 'plain',
    label: 'plain Fastify GET /me-plain',
    start: (config, database, logLevel) => startPlain(sessionReader(config, database), logLevel),
    request: (origin, authorization) => {
      const headers: Record<string, string> = authorization ? { authorization } : {};
      return { url: `${origin}/me-plain`, method: 'GET', headers };
    },
  },
  {
    name: 'yoga',
    label: 'graphql-yoga 5 (node:http)',
    start: (config, database, logLevel) => startYoga(sessionReader(config, database), logLevel),
    request: graphqlRequest,
  },
  {
    name: 'apollo',
    label: '@apollo/server 5 (standalone)',
    start: (config, database, logLevel) => startApollo(sessionReader(config, database), logLevel),
    request: (origin, authorization) => graphqlRequest(origin, authorization),
  },
];

interface Fixture {
  user: MeUser;
  token: string;
  signedOutToken: string;
  tamperedToken: string;
}

/** One signed-in person, and one token of a session that was signed out. */
async function makeFixture(config: Config, database: DatabaseHandle): Promise<Fixture> {
  const ctx: ServiceContext = {
    db: database.db,
    clock: systemClock,
    pubsub: { publish: async () => {} },
    config,
    viewer: null,
    clientAddress: '127.0.0.1',
    memo: new RequestMemo(),
  };
  const tag = crypto.randomUUID().slice(0, 8);
  const password = 'a long and unusual benchmark phrase';
  const person = await signUp(ctx, { email: `bench.me.${tag}@example.org`, password, name: 'Bench Person' });
  const leaver = await signUp(ctx, { email: `bench.leaver.${tag}@example.org`, password, name: 'Bench Leaver' });
  const auth = await authenticate({ db: database.db, config, now: new Date() }, leaver.token);
  if (!auth) throw new Error('the fresh session did not authenticate');
  await signOut({ ...ctx, viewer: auth.viewer });
  // The right session id with a wrong secret: only the constant-time compare can refuse it.
  const [id, secret] = person.token.split('.') as [string, string];
  const tamperedToken = `${id}.${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
  return {
    user: { id: person.user.id, name: person.user.name },
    token: person.token,
    signedOutToken: leaver.token,
    tamperedToken,
  };
}

async function ask(request: Omit<LoadTarget, 'expectIncludes'>): Promise<{ status: number; body: string }> {
  const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  return { status: response.status, body: await response.text() };
}

/** The session is checked, not just read: good token → the person; anything else → me: null. */
async function sessionChecks(
  target: Target,
  origin: string,
  fixture: Fixture,
  prefix: string,
  when: string,
): Promise<CheckResult[]> {
  const cases: Array<[string, string | null, MeUser | null]> = [
    ['valid token → me', `Bearer ${fixture.token}`, fixture.user],
    ['signed-out token → me: null', `Bearer ${fixture.signedOutToken}`, null],
    ['tampered secret → me: null', `Bearer ${fixture.tamperedToken}`, null],
    ['no token → me: null', null, null],
  ];
  const results: CheckResult[] = [];
  for (const [name, authorization, expected] of cases) {
    let passed = false;
    let detail: string;
    try {
      const { status, body } = await ask(target.request(origin, authorization));
      const parsed = JSON.parse(body) as { data?: { me?: MeUser | null }; errors?: unknown };
      const me = parsed.data?.me;
      passed =
        status === 200 &&
        parsed.errors === undefined &&
        (expected === null ? me === null : me?.id === expected.id && me?.name === expected.name);
      detail = passed ? 'ok' : `HTTP ${status}: ${body.slice(0, 300)}`;
    } catch (error) {
      detail = `request failed: ${(error as Error).message}`;
    }
    results.push({ name: `${prefix} ${when}: ${name}`, passed, detail });
  }
  return results;
}

function loadOf(measurements: Measurement[], database: DatabaseKind, target: string): LoadResult | null {
  return measurements.find((m) => m.database === database && m.target === target)?.load ?? null;
}

export const meBenchmark: Benchmark = {
  name: 'me',
  title: '`{ me { id name } }` with a Bearer token',
  async run(context: BenchContext) {
    const { settings } = context;
    const config = benchConfig(settings.logLevel);
    const measurements: Measurement[] = [];
    const checks: CheckResult[] = [];

    for (const kind of settings.databases) {
      context.log(`me: opening a fresh ${kind} database`);
      const database = await context.openDatabase(kind);
      try {
        const fixture = await makeFixture(config, database.handle);
        for (const target of TARGETS) {
          context.signal.throwIfAborted();
          const id = `me/${kind}/${target.name}`;
          const server = await target.start(config, database.handle, settings.logLevel);
          try {
            const results = await sessionChecks(target, server.url, fixture, id, 'before load');
            checks.push(...results);
            if (!results[0]!.passed) {
              context.log(`${id}: the valid token was not accepted, not measuring (${results[0]!.detail})`);
              continue;
            }
            context.log(`${id}: warming up ${settings.warmupSeconds} s, measuring ${settings.seconds} s`);
            const request = target.request(server.url, `Bearer ${fixture.token}`);
            const load = await context.load({ ...request, expectIncludes: `"me":{"id":"${fixture.user.id}"` });
            measurements.push({ id, database: kind, target: target.name, label: target.label, load });
            // Still right after the load; this also lets requests the load generator abandoned finish.
            checks.push(...(await sessionChecks(target, server.url, fixture, id, 'after load')));
          } finally {
            await server.close();
            // Requests the load generator abandoned may still be querying: let them finish before
            // the database closes (postgres.js cannot end a pool while a reserved connection is busy).
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        }
      } finally {
        await database.release();
      }
    }

    const ratios: RatioResult[] = [];
    for (const kind of settings.databases) {
      const hearth = loadOf(measurements, kind, 'hearth');
      const rps = (target: string) => loadOf(measurements, kind, target);
      ratios.push(ratioAtLeast(`me/${kind}/hearth÷apollo`, `Hearth ÷ Apollo (${kind})`, hearth, rps('apollo'), 2));
      ratios.push(ratioAtLeast(`me/${kind}/hearth÷yoga`, `Hearth ÷ Yoga (${kind})`, hearth, rps('yoga'), 1));
      ratios.push(
        ratioAtLeast(`me/${kind}/hearth÷plain`, `Hearth ÷ plain Fastify (${kind})`, hearth, rps('plain'), 0.7),
      );
    }
    ratios.push(
      ratioAtMost(
        'me/hearth/postgres÷pglite',
        'Hearth PostgreSQL ÷ PGlite (PGlite within 3x)',
        loadOf(measurements, 'postgres', 'hearth'),
        loadOf(measurements, 'pglite', 'hearth'),
        3,
      ),
    );

    // What each server adds on top of the floor (same session check, same database), in CPU per request.
    const overhead = settings.databases.map((kind) => {
      const floor = loadOf(measurements, kind, 'plain')?.serverCpuMicrosPerRequest;
      const parts = (['hearth', 'yoga', 'apollo'] as const).map((target) => {
        const cpu = loadOf(measurements, kind, target)?.serverCpuMicrosPerRequest;
        return `${target} ${floor && cpu ? `+${Math.round(cpu - floor)}` : '—'}`;
      });
      return `${kind}: ${parts.join(', ')} µs/req over plain (${floor ? Math.round(floor) : '—'} µs/req)`;
    });

    return {
      name: this.name,
      title: this.title,
      notes: [
        `GraphQL overhead over the floor, server CPU — ${overhead.join('; ')}.`,
        'Schema for Yoga and Apollo: the full SDL from schema/*.graphql (loadSchemaSource()), with one resolver, Query.me, ' +
          'returning the viewer the context resolved with authenticate() — as Hearth resolves it.',
        'plain: a bare Fastify 5 GET route calling authenticate() and answering {"data":{"me":…}} — the floor.',
        `Every server: logger level ${settings.logLevel}; Hearth in NODE_ENV=production (JIT after 1 run, no GraphiQL).`,
        'The load generator runs in a worker thread of the same process; one target at a time; all servers of a database kind share one database.',
        'CPU µs/req: CPU time of the server thread per response (process.threadCpuUsage), PostgreSQL processes excluded; ' +
          '"by CPU/req" gives each ratio from it — steadier than req/s when other work shares the machine.',
      ],
      measurements,
      ratios,
      checks,
    };
  },
};
