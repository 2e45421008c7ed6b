// The load generator: autocannon in a worker thread, loopback only, bounded connections and time.
// Returns requests per second, latency percentiles and every kind of failure; any non-2xx, any
// connection error and any body without the expected data (or with GraphQL `errors`) fails the run.
import { Worker } from 'node:worker_threads';
import type { LoadResult, LoadTarget } from './types.ts';
import type { WorkerInput } from './load-worker.ts';

export const LIMITS = { maxConnections: 200, maxSeconds: 120, maxWarmupSeconds: 60 } as const;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface LoadOptions {
  connections: number;
  warmupSeconds: number;
  seconds: number;
  timeoutSeconds?: number;
  /** Stops the load at once (Ctrl-C): the promise rejects. */
  signal?: AbortSignal;
}

export function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (!LOOPBACK.has(hostname)) throw new Error(`The load generator only targets loopback addresses; got ${url}.`);
}

/** The targets of one run: one, or a mix sent in turn on every connection, all to one loopback origin. */
function targetsOf(target: LoadTarget | LoadTarget[]): LoadTarget[] {
  const targets = Array.isArray(target) ? target : [target];
  if (targets.length === 0) throw new Error('The load generator needs at least one target.');
  for (const t of targets) assertLoopback(t.url);
  const origins = new Set(targets.map((t) => new URL(t.url).origin));
  if (origins.size > 1) throw new Error(`A mix of targets must share one origin; got ${[...origins].join(', ')}.`);
  return targets;
}

export async function measureLoad(target: LoadTarget | LoadTarget[], options: LoadOptions): Promise<LoadResult> {
  const targets = targetsOf(target);
  options.signal?.throwIfAborted();
  const { connections, warmupSeconds, seconds } = options;
  if (!Number.isInteger(connections) || connections < 1 || connections > LIMITS.maxConnections) {
    throw new Error(`connections must be a whole number from 1 to ${LIMITS.maxConnections}; got ${connections}.`);
  }
  if (!(seconds > 0 && seconds <= LIMITS.maxSeconds))
    throw new Error(`seconds must be in (0, ${LIMITS.maxSeconds}]; got ${seconds}.`);
  if (!(warmupSeconds >= 0 && warmupSeconds <= LIMITS.maxWarmupSeconds)) {
    throw new Error(`warm-up seconds must be in [0, ${LIMITS.maxWarmupSeconds}]; got ${warmupSeconds}.`);
  }
  const timeoutSeconds = options.timeoutSeconds ?? 10;
  const input: WorkerInput = { targets, connections, warmupSeconds, seconds, timeoutSeconds };
  const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: input });
  // autocannon stops itself after the duration; this bounds a stuck worker all the same.
  const deadlineMs = (warmupSeconds + seconds + timeoutSeconds + 30) * 1000;
  let onAbort: (() => void) | null = null;
  try {
    return await new Promise<LoadResult>((resolve, reject) => {
      onAbort = () => reject(new Error('load generator stopped: the run was aborted'));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(
        () => reject(new Error(`load generator did not finish within ${deadlineMs / 1000} s`)),
        deadlineMs,
      );
      // This thread runs the server under test: its CPU time while measuring is the server's.
      let cpuAtStart: NodeJS.CpuUsage | null = null;
      worker.on(
        'message',
        (message: { measuring: true } | { ok: true; result: LoadResult } | { ok: false; error: string }) => {
          if ('measuring' in message) {
            cpuAtStart = process.threadCpuUsage();
            return;
          }
          clearTimeout(timer);
          if (!message.ok) return reject(new Error(`load generator failed: ${message.error}`));
          const { result } = message;
          if (cpuAtStart && result.requests > 0) {
            const used = process.threadCpuUsage(cpuAtStart);
            result.serverCpuMicrosPerRequest = (used.user + used.system) / result.requests;
          }
          resolve(result);
        },
      );
      worker.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      worker.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`load generator exited early (code ${code})`));
      });
    });
  } finally {
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}
