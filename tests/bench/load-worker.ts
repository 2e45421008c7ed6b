// Runs in a worker thread (see load.ts), so the load generator has its own event loop and does
// not steal the server's: warm-up, then one measured run, then posts a LoadResult back.
import { parentPort, workerData } from 'node:worker_threads';
import autocannon, { type Options, type RawResult } from 'autocannon';
import type { LoadResult, LoadTarget } from './types.ts';

export interface WorkerInput {
  /** One target, or several sent in turn on every connection (all to one origin). */
  targets: LoadTarget[];
  connections: number;
  warmupSeconds: number;
  seconds: number;
  /** Per-request timeout, seconds. */
  timeoutSeconds: number;
}

// A 200 with a GraphQL error is a failure too: the body must hold the expected answer.
function answers(target: LoadTarget, body: string): boolean {
  return body.includes(target.expectIncludes) && !body.includes('"errors"');
}

/** What autocannon sends: one target, or each of a mix in turn, every answer checked against its own target. */
function requestOptions(targets: LoadTarget[], onMismatch: () => void): Options {
  const [first] = targets;
  if (targets.length === 1)
    return {
      url: first!.url,
      method: first!.method,
      headers: first!.headers,
      body: first!.body,
      verifyBody: (body) => answers(first!, body),
    };
  return {
    url: new URL(first!.url).origin,
    requests: targets.map((target) => {
      const url = new URL(target.url);
      return {
        method: target.method,
        path: url.pathname + url.search,
        headers: target.headers,
        body: target.body,
        onResponse: (_status: number, body: string) => {
          if (!answers(target, body)) onMismatch();
        },
      };
    }),
  };
}

async function fire(input: WorkerInput, seconds: number, onLatency: ((ms: number) => void) | null): Promise<RawResult> {
  let mixMismatches = 0;
  const raw = await new Promise<RawResult>((resolve, reject) => {
    const instance = autocannon(
      {
        ...requestOptions(input.targets, () => mixMismatches++),
        connections: input.connections,
        pipelining: 1,
        duration: seconds,
        timeout: input.timeoutSeconds,
        renderProgressBar: false,
        renderResultsTable: false,
        renderLatencyTable: false,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onLatency) {
      instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) =>
        onLatency(responseTime),
      );
    }
  });
  return { ...raw, mismatches: raw.mismatches + mixMismatches };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

async function main(input: WorkerInput): Promise<LoadResult> {
  if (input.warmupSeconds > 0) await fire(input, input.warmupSeconds, null);

  let latencies = new Float64Array(1 << 16);
  let count = 0;
  // Tells load.ts to start counting the server's CPU time.
  parentPort!.postMessage({ measuring: true });
  const started = performance.now();
  const raw = await fire(input, input.seconds, (ms) => {
    if (count === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[count++] = ms;
  });
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.subarray(0, count).sort();
  const errors = raw.errors; // autocannon counts timeouts among errors too
  const problems: string[] = [];
  if (errors > 0) problems.push(`${errors} connection errors or timeouts`);
  if (raw.non2xx > 0) {
    const codes = Object.entries(raw.statusCodeStats)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, { count: n }]) => `${n}× ${code}`);
    problems.push(`${raw.non2xx} non-2xx responses (${codes.join(', ')})`);
  }
  if (raw.mismatches > 0) problems.push(`${raw.mismatches} responses without the expected data or with GraphQL errors`);
  if (count === 0) problems.push('no responses at all');
  return {
    requests: count,
    seconds: Math.round(seconds * 100) / 100,
    requestsPerSecond: count / seconds,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: count ? sorted[count - 1]! : 0,
    },
    serverCpuMicrosPerRequest: null, // filled in by load.ts, which runs on the server's thread
    errors,
    non2xx: raw.non2xx,
    mismatches: raw.mismatches,
    failed: problems.length > 0,
    failure: problems.length ? problems.join('; ') : null,
  };
}

main(workerData as WorkerInput).then(
  (result) => parentPort!.postMessage({ ok: true, result }),
  (error: unknown) =>
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) }),
);
