// What the GraphQL latency benchmarks share: a service context to set data up with, raw SQL for
// VACUUM and bulk rows, one request checked before the load, and the p95-against-budget ratio rows.
import type { Config } from '../../server/src/config.ts';
import { RequestMemo, systemClock, type ServiceContext } from '../../server/src/core/context.ts';
import type { Db } from '../../server/src/db/database.ts';
import { signUp } from '../../server/src/modules/accounts/service.ts';
import { joinNetwork } from '../../server/src/modules/memberships/service.ts';
import { measureLoad } from './load.ts';
import type { BenchContext, CheckResult, DatabaseKind, LoadTarget, Measurement, RatioResult } from './types.ts';

/** A context outside any request, to call services while setting data up. */
export function setUpContext(db: Db, config: Config): ServiceContext {
  return {
    db,
    clock: systemClock,
    pubsub: { publish: async () => {} },
    config,
    viewer: null,
    clientAddress: '127.0.0.1',
    memo: new RequestMemo(),
  };
}

/**
 * A new person who joined the network at this address, for the benchmark's requests: their id,
 * the network's id and the bearer token.
 */
export async function viewerInNetwork(
  db: Db,
  config: Config,
  slug: string,
  name: string,
): Promise<{ userId: string; networkId: string; token: string }> {
  const ctx = setUpContext(db, config);
  const signedIn = await signUp(ctx, {
    email: `bench.${crypto.randomUUID().slice(0, 8)}@example.org`,
    password: 'a long and unusual benchmark phrase',
    name,
  });
  const network = await db.selectFrom('networks').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  await joinNetwork({ ...ctx, viewer: signedIn.viewer }, network.id, true);
  return { userId: signedIn.user.id, networkId: network.id, token: signedIn.token };
}

/** Runs SQL text as it is (VACUUM, bulk inserts from generate_series), on either driver. */
export async function rawSql<Row>(db: Db, text: string): Promise<Row[]> {
  const result = await db.executeQuery<Row>({
    sql: text,
    parameters: [],
    query: { kind: 'RawNode', sqlFragments: [text], parameters: [] },
    queryId: { queryId: `bench-${crypto.randomUUID()}` },
  });
  return [...result.rows];
}

/** One GraphQL request repeated over one connection, so each latency is one request's own time. */
export interface GraphqlCase {
  name: string;
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** Whether an answer is the full one expected; its words go in the check's detail. */
  accept(data: Record<string, unknown> | undefined): string | null;
}

/** Checks one request, then measures the case; a wrong first answer is reported and not measured. */
export async function measureGraphqlCases(
  context: BenchContext,
  benchmark: string,
  kind: DatabaseKind,
  server: { url: string },
  token: string,
  cases: readonly GraphqlCase[],
): Promise<{ measurements: Measurement[]; checks: CheckResult[] }> {
  const measurements: Measurement[] = [];
  const checks: CheckResult[] = [];
  for (const c of cases) {
    context.signal.throwIfAborted();
    const id = `${benchmark}/${kind}/${c.name}`;
    const target: Omit<LoadTarget, 'expectIncludes'> = {
      url: `${server.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: c.query, variables: c.variables }),
    };
    const started = performance.now();
    let detail: string;
    try {
      const response = await fetch(target.url, { method: target.method, headers: target.headers, body: target.body });
      const body = await response.text();
      const answer = JSON.parse(body) as { data?: Record<string, unknown>; errors?: unknown[] };
      const accepted = response.status === 200 && !answer.errors ? c.accept(answer.data) : null;
      detail = accepted === null ? `wrong answer: HTTP ${response.status}: ${body.slice(0, 300)}` : `ok: ${accepted}`;
    } catch (error) {
      detail = `request failed: ${(error as Error).message}`;
    }
    const passed = detail.startsWith('ok: ');
    checks.push({ name: `${id}: ${c.label}`, passed, detail });
    if (!passed) {
      context.log(`${id}: not measuring (${detail})`);
      continue;
    }
    const ms = performance.now() - started;
    context.log(`${id}: first request ${ms.toFixed(0)} ms (${detail}); measuring`);
    const load = await measureLoad(
      { ...target, expectIncludes: '"data":' },
      { ...context.settings, connections: 1, signal: context.signal },
    );
    measurements.push({ id, database: kind, target: c.name, label: c.label, load });
  }
  return { measurements, checks };
}

/** One ratio row per case: PostgreSQL's p95 over the budget, met at 1x or under. */
export function p95BudgetRatios(
  benchmark: string,
  cases: ReadonlyArray<{ name: string; label: string }>,
  measurements: readonly Measurement[],
  budgetMs: number,
): RatioResult[] {
  return cases.map((c) => {
    const load = measurements.find((m) => m.database === 'postgres' && m.target === c.name)?.load;
    const value = load && !load.failed ? load.latencyMs.p95 / budgetMs : null;
    return {
      id: `${benchmark}/postgres/${c.name}/p95÷budget`,
      label: `${c.label}: PostgreSQL p95 ÷ ${budgetMs} ms`,
      value,
      cpuValue: null,
      target: '≤ 1x',
      met: value === null ? null : value <= 1,
    };
  });
}
