// Shared shapes of the benchmark suite: what a benchmark module gets and what it hands back.
import type { DatabaseHandle } from '../../server/src/db/database.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Settings {
  /** Seconds measured per target (BENCH_SECONDS). */
  seconds: number;
  /** Seconds of load thrown away before measuring (BENCH_WARMUP_SECONDS). */
  warmupSeconds: number;
  /** Concurrent keep-alive connections of the load generator (BENCH_CONNECTIONS). */
  connections: number;
  /** Logger level of every server under test (BENCH_LOG_LEVEL): the same for all, so it is fair. */
  logLevel: string;
  /** Database kinds to measure on (BENCH_DATABASES, comma separated). */
  databases: DatabaseKind[];
  /** Benchmarks to run by name (BENCH_ONLY, comma separated); empty: all. */
  only: string[];
  /** Exit non-zero when a target is missed, not only when a run fails (BENCH_STRICT=1). */
  strict: boolean;
}

/** One HTTP request, repeated by the load generator. */
export interface LoadTarget {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Every response body must contain this, or the response counts as a mismatch. */
  expectIncludes: string;
}

export interface LoadTiming {
  warmupSeconds: number;
  seconds: number;
}

export interface LoadResult {
  /** Responses completed while measuring. */
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /**
   * CPU time of the main thread (the server under test, with PGlite inside it when used) per
   * response while measuring. Unlike req/s it hardly moves when other processes compete for
   * the CPU. PostgreSQL's own processes are not in it.
   */
  serverCpuMicrosPerRequest: number | null;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** Bodies without the expected content, or with a GraphQL `errors` entry. */
  mismatches: number;
  /** True when anything went wrong: the figures must not be trusted. */
  failed: boolean;
  failure: string | null;
}

export interface Measurement {
  /** `benchmark/database/target`, stable for comparing runs. */
  id: string;
  database: DatabaseKind;
  target: string;
  label: string;
  load: LoadResult;
}

export interface RatioResult {
  id: string;
  label: string;
  /** The ratio of requests per second; null when a side was not measured or failed. */
  value: number | null;
  /**
   * The same ratio from the servers' CPU time per request (the denominator's ÷ the numerator's):
   * what req/s would show if each server had a core to itself. Informational; the target is
   * judged on req/s.
   */
  cpuValue: number | null;
  /** Human wording of the target, e.g. "≥ 2x". */
  target: string;
  /** null: not measured. */
  met: boolean | null;
}

export interface CheckResult {
  name: string;
  passed: boolean;
  detail: string;
}

/** A server process's memory at one moment, in MiB (from `process.memoryUsage()` inside it). */
export interface MemoryReading {
  /** `memory/database/phase`, stable for comparing runs. */
  id: string;
  database: DatabaseKind;
  phase: string;
  label: string;
  /** Resident set size: what the process holds in RAM. */
  rssMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  /** Memory outside the V8 heap that V8 knows of: PGlite's WebAssembly memory, buffers. */
  externalMb: number;
  /** The highest RSS since the process started. */
  peakRssMb: number;
}

/** A figure with a ceiling, e.g. idle RSS ≤ 300 MiB. */
export interface LimitResult {
  id: string;
  label: string;
  /** null: not measured. */
  value: number | null;
  unit: string;
  max: number;
  met: boolean | null;
}

export interface BenchmarkReport {
  name: string;
  title: string;
  notes: string[];
  measurements: Measurement[];
  ratios: RatioResult[];
  checks: CheckResult[];
  /** Memory readings of the servers under test, for benchmarks that take them. */
  memory?: MemoryReading[];
  limits?: LimitResult[];
}

export interface OpenedDatabase {
  kind: DatabaseKind;
  handle: DatabaseHandle;
  /** The PostgreSQL database's URL, for a server started as a process; null for in-memory PGlite. */
  url: string | null;
  /** Closes the connection (and drops a PostgreSQL database); safe to call more than once. */
  release(): Promise<void>;
}

export interface BenchContext {
  settings: Settings;
  /** A fresh, migrated database of that kind; closed at the end of the run if not released before. */
  openDatabase(kind: DatabaseKind): Promise<OpenedDatabase>;
  /**
   * Warm up, then measure one target (one target at a time), or several sent in turn on every
   * connection. `timing` overrides BENCH_WARMUP_SECONDS and BENCH_SECONDS.
   */
  load(target: LoadTarget | LoadTarget[], timing?: LoadTiming): Promise<LoadResult>;
  /** Aborted on Ctrl-C, SIGTERM or the run's time limit: stop, close what is open, and throw. */
  signal: AbortSignal;
  log(message: string): void;
}

export interface Benchmark {
  name: string;
  title: string;
  run(context: BenchContext): Promise<BenchmarkReport>;
}
