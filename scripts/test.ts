// `pnpm test`: every test suite, against a throwaway PostgreSQL server.
//
//   1. makes sure PostgreSQL and Chromium are installed (as root on Debian/Ubuntu: installs them),
//   2. builds the web app when its sources changed since the last build (API and browser tests serve it),
//   3. starts a throwaway PostgreSQL and hands its URL to the tests as HEARTH_TEST_POSTGRES_URL,
//   4. runs Vitest (vitest.config.ts) with a JSON report in .test-output/vitest.json,
//   5. stops PostgreSQL, whatever happened,
//   6. prints, as its very last line, `N passed, N failed[, N skipped]`.
//
// Arguments go to Vitest: `pnpm test -- --project server`, `pnpm test -- tests/api/accounts`.
// HEARTH_TEST_POSTGRES_URL set: that server is used and none is started.
// HEARTH_TEST_SKIP_BUILD=1: use the web build already in web/build.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH_ENV, findChromium } from './chromium.ts';
import { POSTGRES_URL_ENV, findPostgresBinDir, startThrowawayPostgres, type ThrowawayPostgres } from './postgres.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const REPORT = join(ROOT, '.test-output', 'vitest.json');
const PROJECTS = ['server', 'api', 'browser'] as const;

const vitestArgs = process.argv.slice(2);
if (vitestArgs[0] === '--') vitestArgs.shift();

const timings: Array<[string, number]> = [];
let postgres: ThrowawayPostgres | null = null;
let vitest: ChildProcess | null = null;
let helper: ChildProcess | null = null; // the web build, while it runs
let interrupted = false;

function log(message: string): void {
  console.log(`[test] ${message}`);
}

async function timed<T>(label: string, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings.push([label, (performance.now() - started) / 1000]);
  }
}

/** The projects this run selects with --project (all when none is named). */
function selectedProjects(): Set<string> {
  const named: string[] = [];
  for (let i = 0; i < vitestArgs.length; i += 1) {
    const arg = vitestArgs[i]!;
    if (arg === '--project' && vitestArgs[i + 1]) named.push(vitestArgs[i + 1]!);
    else if (arg.startsWith('--project=')) named.push(arg.slice('--project='.length));
  }
  if (named.length === 0) return new Set(PROJECTS);
  // --project accepts wildcards (e.g. "a*"); match them against the known names.
  const patterns = named.map(
    (name) => new RegExp(`^${name.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`),
  );
  return new Set(PROJECTS.filter((project) => patterns.some((pattern) => pattern.test(project))));
}

function osRelease(): Record<string, string> {
  try {
    const entries = readFileSync('/etc/os-release', 'utf8')
      .split('\n')
      .map((line) => /^([A-Z_]+)=(.*)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!, match[2]!.replace(/^["']|["']$/g, '')]);
    return Object.fromEntries(entries);
  } catch {
    return {};
  }
}

function runInherit(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env, cwd: ROOT });
  if (result.error) {
    console.error(`[test] could not run ${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

/** PostgreSQL server binaries and Chromium, installed through apt when we may; false when missing. */
function ensurePrerequisites(needPostgres: boolean, needChromium: boolean): boolean {
  const givenChromium = process.env[CHROMIUM_PATH_ENV];
  if (needChromium && givenChromium && !existsSync(givenChromium)) {
    console.error(`[test] ${CHROMIUM_PATH_ENV} is ${givenChromium}, which does not exist`);
    return false;
  }
  const missing = () => ({
    postgresql: needPostgres && findPostgresBinDir() === null,
    chromium: needChromium && findChromium() === null,
  });
  let lacking = missing();
  if (!lacking.postgresql && !lacking.chromium) return true;

  const packages = Object.entries(lacking)
    .filter(([, absent]) => absent)
    .map(([name]) => name);
  const os = osRelease();
  const family = `${os.ID ?? ''} ${os.ID_LIKE ?? ''}`;
  const debianLike = /\b(debian|ubuntu)\b/.test(family);
  const root = process.getuid?.() === 0;

  if (debianLike && root && existsSync('/usr/bin/apt-get')) {
    log(`installing ${packages.join(' and ')} with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (runInherit('apt-get', ['update'], env) !== 0) log('apt-get update failed; trying the install anyway');
    const status = runInherit('apt-get', ['install', '-y', ...packages], env);
    if (status !== 0) log(`apt-get install exited with ${status}`);
    lacking = missing();
    if (!lacking.postgresql && !lacking.chromium) return true;
  }

  console.error('');
  console.error('The tests need software that is not installed:');
  if (lacking.postgresql) {
    console.error('  - PostgreSQL server binaries (initdb, postgres), version 15 or newer');
    console.error(`    (or set ${POSTGRES_URL_ENV} to a PostgreSQL server you own, as its superuser)`);
  }
  if (lacking.chromium) {
    console.error('  - Chromium, for the browser tests');
    console.error(`    (or set ${CHROMIUM_PATH_ENV} to a Chromium or Chrome executable)`);
  }
  console.error('Install them, for example:');
  const wanted = Object.entries(lacking)
    .filter(([, absent]) => absent)
    .map(([name]) => name)
    .join(' ');
  if (debianLike) console.error(`  sudo apt-get update && sudo apt-get install -y ${wanted}`);
  else if (existsSync('/usr/bin/dnf'))
    console.error(`  sudo dnf install -y ${wanted.replace('postgresql', 'postgresql-server')}`);
  else if (process.platform === 'darwin')
    console.error(`  brew install ${wanted.replace('chromium', '--cask chromium')}`);
  else console.error(`  your package manager's ${wanted}`);
  if (lacking.chromium && /\bubuntu\b/.test(family)) {
    console.error('  (on Ubuntu the chromium package is a snap; Google Chrome works too, via HEARTH_CHROMIUM_PATH)');
  }
  console.error('');
  return false;
}

/** `pnpm build --if-stale`: builds the web app unless web/build was built from the current sources. */
function buildWeb(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'build.ts'), '--if-stale'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      cwd: ROOT,
    });
    helper = child;
    child.once('exit', () => (helper = null));
    child.once('error', (error) => {
      console.error(`[test] could not run the web build: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

function runVitest(env: NodeJS.ProcessEnv): Promise<number> {
  const require = createRequire(join(ROOT, 'package.json'));
  const entry = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const args = [
    entry,
    'run',
    '--config',
    join(ROOT, 'vitest.config.ts'),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${REPORT}`,
    ...vitestArgs,
  ];
  return new Promise((resolve) => {
    // Its own process group, so that stopping it also stops what the tests started (servers, browsers).
    const child = spawn(process.execPath, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env,
      cwd: ROOT,
      detached: true,
    });
    vitest = child;
    child.once('error', (error) => {
      console.error(`[test] could not start vitest: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      resolve(code ?? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGINT' ? 2 : 15));
    });
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Processes the tests started and left running (vitest's own helpers get a moment to exit first). */
async function reapLeftovers(pid: number): Promise<void> {
  for (let i = 0; i < 30 && groupAlive(pid); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  if (!groupAlive(pid)) return;
  const listing = (spawnSync('ps', ['-e', '-o', 'pgid=,pid=,args='], { encoding: 'utf8' }).stdout ?? '')
    .split('\n')
    .filter((line) => line.trim().split(/\s+/)[0] === String(pid))
    .map((line) => line.trim().split(/\s+/).slice(1).join(' '))
    .join('\n');
  console.error(`[test] processes started by the tests were still running after vitest ended; stopping them:`);
  if (listing) console.error(listing.replace(/^/gm, '[test]   '));
  await stopGroup(pid, 3_000);
}

/** SIGTERM to vitest's process group, SIGKILL to whatever is left a few seconds later. */
async function stopGroup(pid: number, graceMs: number): Promise<void> {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

interface JsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{ name: string; status: string; message: string; assertionResults: Array<{ status: string }> }>;
}

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
  brokenFiles: string[];
}

function readTotals(): Totals | null {
  if (!existsSync(REPORT)) return null;
  try {
    const report = JSON.parse(readFileSync(REPORT, 'utf8')) as JsonReport;
    // A file that failed to load (syntax error, failing beforeAll, crash) has no failed test: count it once.
    const brokenFiles = report.testResults
      .filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'))
      .map((file) => file.name);
    return {
      passed: report.numPassedTests,
      failed: report.numFailedTests + brokenFiles.length,
      skipped: report.numPendingTests + report.numTodoTests,
      brokenFiles,
    };
  } catch (error) {
    console.error(`[test] could not read ${REPORT}: ${(error as Error).message}`);
    return null;
  }
}

function totalsLine(totals: Totals | null): string {
  const { passed, failed, skipped } = totals ?? { passed: 0, failed: 0, skipped: 0 };
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

function printTimings(): void {
  if (timings.length === 0) return;
  log(timings.map(([label, seconds]) => `${label} ${seconds.toFixed(1)} s`).join(', '));
}

async function cleanUp(): Promise<void> {
  const running = postgres;
  postgres = null;
  if (running) {
    try {
      await timed('stop PostgreSQL', () => running.stop());
    } catch (error) {
      console.error(`[test] stopping PostgreSQL failed: ${(error as Error).message}`);
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return;
  interrupted = true;
  log(`${signal}: stopping`);
  (helper as ChildProcess | null)?.kill('SIGTERM');
  const child = vitest as ChildProcess | null;
  const stopping = child?.pid ? stopGroup(child.pid, 5_000) : Promise.resolve();
  void Promise.all([stopping, cleanUp()]).finally(() => {
    printTimings();
    console.log(totalsLine(readTotals()));
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);

async function main(): Promise<number> {
  const projects = selectedProjects();
  const needPostgres =
    !process.env[POSTGRES_URL_ENV] && (projects.has('server') || projects.has('api') || projects.has('browser'));
  const needChromium = projects.has('browser');
  const needWeb = projects.has('api') || projects.has('browser');

  await rm(REPORT, { force: true });
  const ready = await timed('prerequisites', () => ensurePrerequisites(needPostgres, needChromium));
  if (!ready) return 1;

  if (needWeb && process.env.HEARTH_TEST_SKIP_BUILD !== '1') {
    const status = await timed('web build', () => buildWeb());
    if (status !== 0) {
      console.error(`[test] the web build failed (exit ${status})`);
      return 1;
    }
  }
  if (interrupted) return 1;

  postgres = await timed('start PostgreSQL', () => startThrowawayPostgres());
  log(`PostgreSQL at ${postgres.url}`);
  if (interrupted) return 1;

  const env: NodeJS.ProcessEnv = { ...process.env, [POSTGRES_URL_ENV]: postgres.url };
  const chromium = findChromium();
  if (chromium) env[CHROMIUM_PATH_ENV] = chromium;
  const status = await timed('vitest', () => runVitest(env));
  const pid = (vitest as ChildProcess | null)?.pid;
  vitest = null;
  if (interrupted) return 1;
  if (pid) await reapLeftovers(pid);
  await cleanUp();

  const totals = readTotals();
  if (!totals) {
    console.error(`[test] vitest wrote no report (exit ${status})`);
    return 1;
  }
  for (const file of totals.brokenFiles) console.error(`[test] counted as 1 failure: ${file} did not run (see above)`);
  if (status !== 0 && totals.failed === 0 && totals.passed > 0) {
    console.error(`[test] vitest exited with ${status} though no test failed: unhandled errors? (see above)`);
  }
  if (totals.passed + totals.failed === 0) console.error('[test] no test ran');
  return status !== 0 || totals.failed > 0 || totals.passed + totals.failed === 0 ? 1 : 0;
}

let exitCode: number;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[test] ${(error as Error).stack ?? error}`);
  exitCode = 1;
}
await cleanUp();
if (interrupted) await new Promise(() => {}); // the signal handler finishes and exits
printTimings();
console.log(totalsLine(readTotals()));
process.exit(exitCode);
