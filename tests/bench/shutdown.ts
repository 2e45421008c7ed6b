// Benchmark `shutdown`: how long Hearth takes to close (stop taking requests, finish those in
// flight, drop keep-alive connections) while clients hold keep-alive connections to it, half of
// them busy with `GET /healthz` and half idle after one answer, as browsers leave them. The API
// tests only check that shutdown happens; how long it takes is measured here. Loopback only:
// ROUNDS rounds per database kind, BENCH_CONNECTIONS connections, each round bounded in time.
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { buildApp } from '../../server/src/app.ts';
import type { Config } from '../../server/src/config.ts';
import type { DatabaseHandle } from '../../server/src/db/database.ts';
import { benchConfig, originOf } from './servers.ts';
import type { Benchmark, BenchContext, CheckResult } from './types.ts';

const ROUNDS = 3;
/** Answers each busy connection has before shutdown starts: the server is warm and in use. */
const ANSWERS_BEFORE_CLOSE = 5;
/**
 * Shutdown must end far inside Fastify's keep-alive idle timeout (72 s): waiting for that
 * timeout is the failure this guards against, and it takes milliseconds when right.
 */
const BUDGET_MS = 10_000;
/** A round that takes longer is abandoned as failed. */
const ROUND_LIMIT_MS = 30_000;

type Outcome = { status: number } | { error: string };

/** `GET /healthz` over `agent`; `onSocket` is told which connection carries it. */
function get(origin: string, agent: Agent, onSocket?: (socket: Socket) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const failed = (error: Error) => resolve({ error: (error as NodeJS.ErrnoException).code ?? error.message });
    const sent = request(`${origin}/healthz`, { agent }, (response) => {
      response.once('error', failed);
      response.once('end', () => resolve({ status: response.statusCode ?? 0 }));
      response.resume();
    });
    if (onSocket) sent.once('socket', onSocket);
    sent.once('error', failed);
    sent.end();
  });
}

async function limited<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ROUND_LIMIT_MS / 1000} s`)), ROUND_LIMIT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface IdleConnection {
  agent: Agent;
  /** Resolves with the time (performance.now()) the client saw the server close it. */
  closed: Promise<number>;
}

/** A keep-alive connection that got one answer and now sits idle in its agent's pool. */
async function idleConnection(origin: string): Promise<IdleConnection> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let seen: (at: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (seen = resolve));
  let answered = false;
  let early = false;
  const outcome = await get(origin, agent, (socket) =>
    socket.once('close', () => {
      if (!answered) early = true;
      seen(performance.now());
    }),
  );
  answered = true;
  if (!('status' in outcome) || outcome.status !== 200 || early) {
    agent.destroy();
    throw new Error(`an idle connection could not be opened: ${JSON.stringify(outcome)}`);
  }
  return { agent, closed };
}

interface Round {
  /** From the start of shutdown until `app.close()` resolved. */
  closeMs: number;
  /** From the start of shutdown until the clients saw every idle connection closed. */
  idleClosedMs: number;
  idle: number;
  idleClosed: number;
  /** Answers that arrived after shutdown had begun. */
  answeredWhileClosing: number;
  refused503: number;
  /** Requests whose connection ended before an answer, by error code (a race a client retries). */
  reset: Record<string, number>;
  unexpected: string[];
}

async function round(config: Config, database: DatabaseHandle, connections: number): Promise<Round> {
  const app = await buildApp({ config, database, web: false, closeDatabase: false });
  const idleCount = Math.max(1, Math.floor(connections / 2));
  const busyCount = Math.max(1, connections - idleCount);
  const busyAgent = new Agent({ keepAlive: true, maxSockets: busyCount });
  const idle: IdleConnection[] = [];
  let closing = false;
  const result: Round = {
    closeMs: 0,
    idleClosedMs: 0,
    idle: idleCount,
    idleClosed: 0,
    answeredWhileClosing: 0,
    refused503: 0,
    reset: {},
    unexpected: [],
  };
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const origin = originOf(app.server);
    for (let i = 0; i < idleCount; i++) idle.push(await idleConnection(origin));

    let answered = 0;
    let warm: () => void = () => {};
    const warmed = new Promise<void>((resolve) => (warm = resolve));
    const busy = Array.from({ length: busyCount }, async () => {
      for (;;) {
        const outcome = await get(origin, busyAgent);
        if ('error' in outcome) {
          // Refused: the server no longer listens, this loop is done. Anything else ended a request.
          if (outcome.error !== 'ECONNREFUSED') result.reset[outcome.error] = (result.reset[outcome.error] ?? 0) + 1;
          if (closing) return;
          result.unexpected.push(`before shutdown: ${outcome.error}`);
          return;
        }
        if (outcome.status === 200) {
          if (closing) result.answeredWhileClosing++;
          else if (++answered >= busyCount * ANSWERS_BEFORE_CLOSE) warm();
        } else if (outcome.status === 503 && closing) {
          result.refused503++;
        } else {
          result.unexpected.push(`HTTP ${outcome.status}${closing ? ' while closing' : ''}`);
          return;
        }
      }
    });
    await limited('warming up', warmed);

    closing = true;
    const started = performance.now();
    await limited('app.close()', app.close());
    result.closeMs = performance.now() - started;
    const idleClosedAt = await limited(
      'the idle connections closing',
      Promise.all(idle.map((connection) => connection.closed)),
    );
    result.idleClosed = idleClosedAt.length;
    result.idleClosedMs = Math.max(...idleClosedAt) - started;
    await limited('the busy connections ending', Promise.all(busy));
    return result;
  } finally {
    busyAgent.destroy();
    for (const connection of idle) connection.agent.destroy();
    if (!closing) await app.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const TITLE = 'closing with keep-alive connections open, busy and idle';

export const shutdownBenchmark: Benchmark = {
  name: 'shutdown',
  title: TITLE,
  async run(context: BenchContext) {
    const { settings } = context;
    const config = benchConfig(settings.logLevel);
    const checks: CheckResult[] = [];
    const notes: string[] = [];

    for (const kind of settings.databases) {
      context.log(`shutdown: opening a fresh ${kind} database`);
      const database = await context.openDatabase(kind);
      const rounds: Round[] = [];
      let failure: string | null = null;
      try {
        for (let i = 0; i < ROUNDS && !failure; i++) {
          context.signal.throwIfAborted();
          try {
            rounds.push(await round(config, database.handle, settings.connections));
          } catch (error) {
            failure = (error as Error).message;
          }
        }
      } finally {
        await database.release();
      }

      const id = `shutdown/${kind}`;
      const times = rounds.map((r) => Math.max(r.closeMs, r.idleClosedMs));
      const slowest = times.length ? Math.max(...times) : null;
      const unexpected = rounds.flatMap((r) => r.unexpected);
      const idle = rounds.reduce((sum, r) => sum + r.idle, 0);
      const idleClosed = rounds.reduce((sum, r) => sum + r.idleClosed, 0);
      checks.push(
        {
          name: `${id}: ${ROUNDS} rounds ran`,
          passed: failure === null && rounds.length === ROUNDS,
          detail: failure ?? `${rounds.length} of ${ROUNDS}`,
        },
        {
          name: `${id}: closed within ${BUDGET_MS / 1000} s`,
          passed: slowest !== null && slowest < BUDGET_MS,
          detail: slowest === null ? 'not measured' : `slowest ${slowest.toFixed(0)} ms`,
        },
        {
          name: `${id}: idle keep-alive connections closed by the server`,
          passed: idle > 0 && idleClosed === idle,
          detail: `${idleClosed} of ${idle}`,
        },
        {
          name: `${id}: every answer 200, or 503 once closing`,
          passed: unexpected.length === 0,
          detail: unexpected.length ? unexpected.slice(0, 5).join('; ') : 'ok',
        },
      );
      if (slowest !== null) {
        const sum = (pick: (r: Round) => number) => rounds.reduce((total, r) => total + pick(r), 0);
        const resets = new Map<string, number>();
        for (const r of rounds)
          for (const [code, n] of Object.entries(r.reset)) resets.set(code, (resets.get(code) ?? 0) + n);
        const resetText = [...resets].map(([code, n]) => `${n} ${code}`).join(', ') || 'none';
        notes.push(
          `${kind}: shut down in ${median(times).toFixed(1)} ms (median), ${slowest.toFixed(1)} ms at most ` +
            `(app.close() and every idle connection closed), over ${rounds.length} rounds with ` +
            `${settings.connections} keep-alive connections; while closing ${sum((r) => r.answeredWhileClosing)} ` +
            `answers arrived, ${sum((r) => r.refused503)} requests got 503; requests cut off: ${resetText}.`,
        );
      }
    }
    return { name: 'shutdown', title: TITLE, notes, measurements: [], ratios: [], checks };
  },
};
