// Hearth's benchmark suite: `pnpm bench`. Runs every benchmark module one target at a time,
// prints a table per benchmark and writes the same figures to .bench/latest.json.
//
//   BENCH_SECONDS=8 BENCH_WARMUP_SECONDS=2   measured and warm-up seconds per target
//   BENCH_CONNECTIONS=10                     concurrent connections of the load generator
//   BENCH_DATABASES=pglite,postgres          database kinds to measure on
//   BENCH_ONLY=me,directory                  benchmarks to run (comma separated names; `pages` and `memory` need web/build)
//   BENCH_OUTBOX_MESSAGES=2000 BENCH_OUTBOX_RATE=20   the outbox benchmark's backlog and trickle rate
//   BENCH_MATCHING_NEEDS=10000 BENCH_MATCHING_MENTORS=2000   the matching round's size
//   BENCH_MENTORING_PEOPLE=100000 BENCH_MENTORING_OFFERS=20000   the suggestions benchmark's data set
//   BENCH_LIBRARY_ITEMS=100000               the library search benchmark's generated library
//   BENCH_SAFETY_ROWS=40000                  reports, audit entries and blocks of the safety benchmark
//   BENCH_LOG_LEVEL=warn                     logger level of every server under test
//   BENCH_STRICT=1                           exit 1 when a target is missed, not only on failure
//
// Exit code: 0 when every run and session check passed; 1 otherwise (or on a missed target
// with BENCH_STRICT=1). PostgreSQL is started (and stopped) by the run; it needs the
// postgresql server binaries, or HEARTH_TEST_POSTGRES_URL pointing at a server you own.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { BenchDatabases, postgresUnavailableReason } from './databases.ts';
import { directoryBenchmark } from './directory.ts';
import { eventsBenchmark } from './events.ts';
import { libraryBenchmark } from './library.ts';
import { measureLoad } from './load.ts';
import { matchingBenchmark } from './matching.ts';
import { meBenchmark } from './me.ts';
import { memoryBenchmark } from './memory.ts';
import { mentoringBenchmark } from './mentoring.ts';
import { pagesBenchmark } from './pages.ts';
import { outboxBenchmark } from './outbox.ts';
import { formatReport, writeJson } from './report.ts';
import { safetyBenchmark } from './safety.ts';
import { shutdownBenchmark } from './shutdown.ts';
import type { Benchmark, BenchContext, BenchmarkReport, DatabaseKind, Settings } from './types.ts';

/** Every benchmark, in the order they run. New modules go here. */
const BENCHMARKS: Benchmark[] = [
  meBenchmark,
  directoryBenchmark,
  shutdownBenchmark,
  outboxBenchmark,
  matchingBenchmark,
  mentoringBenchmark,
  eventsBenchmark,
  libraryBenchmark,
  safetyBenchmark,
  pagesBenchmark,
  memoryBenchmark,
];

const OUTPUT = fileURLToPath(new URL('../../.bench/latest.json', import.meta.url));
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
const KINDS: DatabaseKind[] = ['pglite', 'postgres'];

class SettingsError extends Error {}

function number(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
  integer = false,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new SettingsError(
      `${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}; got "${raw}".`,
    );
  }
  return value;
}

function list(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const databases = list(env, 'BENCH_DATABASES');
  for (const kind of databases) {
    if (!KINDS.includes(kind as DatabaseKind))
      throw new SettingsError(`BENCH_DATABASES may hold ${KINDS.join(', ')}; got "${kind}".`);
  }
  const only = list(env, 'BENCH_ONLY');
  for (const name of only) {
    if (!BENCHMARKS.some((b) => b.name === name)) {
      throw new SettingsError(
        `BENCH_ONLY names an unknown benchmark "${name}"; known: ${BENCHMARKS.map((b) => b.name).join(', ')}.`,
      );
    }
  }
  const logLevel = env.BENCH_LOG_LEVEL || 'warn';
  if (!LOG_LEVELS.includes(logLevel))
    throw new SettingsError(`BENCH_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got "${logLevel}".`);
  return {
    seconds: number(env, 'BENCH_SECONDS', 8, 1, 60),
    warmupSeconds: number(env, 'BENCH_WARMUP_SECONDS', 2, 0, 30),
    connections: number(env, 'BENCH_CONNECTIONS', 10, 1, 100, true),
    logLevel,
    databases: databases.length ? (databases as DatabaseKind[]) : [...KINDS],
    only,
    strict: ['1', 'true', 'yes'].includes((env.BENCH_STRICT ?? '').toLowerCase()),
  };
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function main(): Promise<number> {
  let settings: Settings;
  try {
    settings = readSettings();
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(`bench: ${error.message}`);
      return 2;
    }
    throw error;
  }

  const problems: string[] = [];
  if (settings.databases.includes('postgres')) {
    const reason = postgresUnavailableReason();
    if (reason) {
      console.error(`\nbench: ${reason}\nbench: measuring PGlite only; the run counts as incomplete.\n`);
      problems.push(reason);
      settings.databases = settings.databases.filter((kind) => kind !== 'postgres');
      if (settings.databases.length === 0) return 1;
    }
  }
  const benchmarks = BENCHMARKS.filter((b) => settings.only.length === 0 || settings.only.includes(b.name));

  const databases = new BenchDatabases();
  let cleaning: Promise<void> | null = null;
  const cleanUp = () => {
    cleaning ??= databases.closeAll();
    return cleaning;
  };

  // Ctrl-C, a kill, or a run far past its expected time: the load stops at once, the benchmark
  // unwinds (closing its server and database), PostgreSQL stops, and the process leaves. If the
  // unwinding sticks, the databases are closed from here and the process leaves all the same.
  const aborting = new AbortController();
  let abortCode = 0;
  const abort = (why: string, code: number) => {
    if (aborting.signal.aborted) return;
    abortCode = code;
    console.error(`\nbench: ${why}; stopping the load, servers and databases.`);
    aborting.abort(new Error(why));
    setTimeout(() => {
      console.error('bench: clean-up is slow; closing the databases and leaving.');
      const leave = () => process.exit(code);
      setTimeout(leave, 30_000).unref();
      cleanUp().then(leave, leave);
    }, 20_000).unref();
  };
  process.once('SIGINT', () => abort('interrupted', 130));
  process.once('SIGTERM', () => abort('terminated', 143));
  const perTarget = settings.warmupSeconds + settings.seconds + 20;
  const budgetSeconds = 120 + benchmarks.length * settings.databases.length * 6 * perTarget;
  const watchdog = setTimeout(() => abort(`the run took longer than ${budgetSeconds} s`, 1), budgetSeconds * 1000);
  watchdog.unref();

  const context: BenchContext = {
    settings,
    openDatabase: (kind) => databases.open(kind),
    load: (target, timing) => measureLoad(target, { ...settings, ...timing, signal: aborting.signal }),
    signal: aborting.signal,
    log,
  };

  const cpuCount = os.cpus().length;
  const loadBefore = os.loadavg();
  if (loadBefore[0]! > cpuCount * 0.5) {
    log(
      `warning: the machine is busy before the run (load average ${loadBefore[0]!.toFixed(2)} on ${cpuCount} cores): figures will be noisy`,
    );
  }
  const startedAt = new Date();
  const reports: BenchmarkReport[] = [];
  try {
    for (const benchmark of benchmarks) {
      aborting.signal.throwIfAborted();
      log(`running ${benchmark.name}`);
      reports.push(await benchmark.run(context));
    }
  } catch (error) {
    if (!aborting.signal.aborted) throw error;
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }
  if (aborting.signal.aborted) {
    console.error('bench: stopped; nothing written.');
    return abortCode;
  }

  for (const report of reports) {
    for (const m of report.measurements) if (m.load.failed) problems.push(`${m.id}: ${m.load.failure}`);
    for (const c of report.checks) if (!c.passed) problems.push(`${c.name}: ${c.detail}`);
  }
  const missed = reports.flatMap((r) =>
    [...r.ratios, ...(r.limits ?? [])].filter((target) => target.met === false).map((target) => target.label),
  );

  console.log('');
  for (const report of reports) console.log(`${formatReport(report)}\n`);
  const cpus = os.cpus();
  await writeJson(OUTPUT, {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    settings,
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: `${cpus.length}× ${cpus[0]?.model ?? 'unknown'}`,
      databases: databases.versions,
      loadAverageBefore: loadBefore.map((n) => Math.round(n * 100) / 100),
      loadAverageAfter: os.loadavg().map((n) => Math.round(n * 100) / 100),
    },
    ok: problems.length === 0,
    problems,
    warnings: databases.warnings,
    missedTargets: missed,
    benchmarks: reports,
  });
  console.log(`figures written to ${OUTPUT}`);
  for (const warning of databases.warnings) console.log(`warning: ${warning}`);
  if (problems.length)
    console.log(`\n${problems.length} problem(s): the run is not trustworthy.\n  ${problems.join('\n  ')}`);
  if (missed.length) console.log(`\nmissed targets: ${missed.join('; ')}`);
  if (problems.length) return 1;
  return settings.strict && missed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bench: failed:', error);
    process.exit(1);
  },
);
