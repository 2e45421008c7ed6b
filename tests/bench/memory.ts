// Benchmark `memory`: what Hearth holds in RAM, started as `pnpm start` starts it (the node
// options and environment of its last step, read from package.json) in a process of its own,
// NODE_ENV=production, pages served, on each database kind with the demo data. It records the
// resident set (RSS) and V8's figures from inside the server (tests/bench/memory-probe.ts, over
// an IPC channel) at four moments:
//   1. idle after the first start on an empty database (which loads the demo data);
//   2. idle after a restart on that database, the usual state of a running server;
//   3. the highest reading under LOAD_SECONDS of BENCH_CONNECTIONS connections, each sending in
//      turn `me` (signed in), the network directory, a member directory (signed in), the home
//      page, the networks page and a network's page;
//   4. idle again after the load (memory a process has taken is rarely given back).
// "Idle" means the RSS moved less than SETTLE_TOLERANCE_MB over SETTLE_WINDOW_MS: start-up
// work (migrations, PGlite's vacuum, V8 optimising PGlite's hot code) is over. Targets, on
// PGlite: idle at most 300 MiB, under load at most 450 MiB. Needs web/build.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/postgres.ts';
import { webBuildExists } from '../../server/src/web/mount.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../seeds/demo.ts';
import type { ProbeSample } from './memory-probe.ts';
import { limitAtMost } from './report.ts';
import type {
  Benchmark,
  BenchContext,
  CheckResult,
  DatabaseKind,
  LimitResult,
  LoadResult,
  LoadTarget,
  Measurement,
  MemoryReading,
} from './types.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = 'server/src/main.ts';
const PROBE = new URL('./memory-probe.ts', import.meta.url).href;

/** Seconds of load; memory under this load levels off after about 15 s. */
const LOAD_SECONDS = 20;
const SAMPLE_EVERY_MS = 250;
const SETTLE_TOLERANCE_MB = 2;
const SETTLE_WINDOW_MS = 3_000;
/** A server still busy after this long is read as it is, and the reading is marked. */
const SETTLE_LIMIT_MS = 45_000;
/** A first start on two busy cores takes 10-25 s; past this it failed. */
const START_LIMIT_MS = 150_000;
const STOP_LIMIT_MS = 30_000;
const PROBE_LIMIT_MS = 5_000;

/** The aims for the embedded database, in MiB. */
const PGLITE_IDLE_MAX_MB = 300;
const PGLITE_LOAD_MAX_MB = 450;

const PERSON = DEMO_PEOPLE[0]; // Amara Okafor, a steward of Leeds Charity Digital
const NETWORK = { name: 'Leeds Charity Digital', slug: 'leeds-charity-digital' };
const NETWORKS_QUERY = '{ networks(first: 20) { edges { node { slug name } } totalCount } }';
const MEMBERS_QUERY = `query ($slug: String!) {
  network(slug: $slug) { members(first: 20) { edges { node { role person { name } } } totalCount } }
}`;

/** How `pnpm start` runs the server: its environment assignments and node options. */
export interface StartCommand {
  text: string;
  env: Record<string, string>;
  nodeOptions: string[];
}

/**
 * Reads the step of a package.json `start` script that runs server/src/main.ts, e.g.
 * `node scripts/build.ts --if-stale && MALLOC_ARENA_MAX=2 node --max-old-space-size=384 server/src/main.ts`;
 * null when no step does, or it is not `[NAME=value ...] node [options] server/src/main.ts`.
 */
export function startCommandOf(script: string): StartCommand | null {
  for (const step of script.split('&&')) {
    const words = step.trim().split(/\s+/);
    const main = words.indexOf(MAIN);
    if (main === -1) continue;
    const node = words.indexOf('node');
    if (node === -1 || node > main) return null;
    const assignments = words.slice(0, node);
    if (!assignments.every((word) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(word))) return null;
    const options = words.slice(node + 1, main);
    if (!options.every((word) => word.startsWith('-'))) return null;
    const env = Object.fromEntries(
      assignments.map((word) => [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)]),
    );
    return { text: step.trim(), env, nodeOptions: options };
  }
  return null;
}

async function readStartCommand(): Promise<StartCommand | null> {
  const manifest = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  return startCommandOf(manifest.scripts?.start ?? '');
}

/** A Hearth server in a process of its own, with the memory probe loaded. */
class ServerProcess {
  #child: ChildProcess;
  #output = '';
  #exited: Promise<void>;
  #stopping: Promise<void> | null = null;
  readonly url: string;

  private constructor(child: ChildProcess, url: string) {
    this.#child = child;
    this.url = url;
    const keep = (chunk: Buffer) => (this.#output = (this.#output + chunk.toString()).slice(-4_000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Starts the server and resolves once /healthz answers 200. */
  static async start(command: StartCommand, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<ServerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [...command.nodeOptions, '--import', PROBE, MAIN], {
      cwd: ROOT,
      env: { ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
    try {
      await server.#waitUntilHealthy(signal);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  get #running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  #failure(what: string): Error {
    return new Error(`${what}; its output ended with:\n${this.#output.slice(-1_500)}`);
  }

  async #waitUntilHealthy(signal: AbortSignal): Promise<void> {
    const deadline = performance.now() + START_LIMIT_MS;
    for (;;) {
      if (!this.#running) throw this.#failure('the server exited while starting');
      if (performance.now() > deadline)
        throw this.#failure(`the server was not healthy within ${START_LIMIT_MS / 1000} s`);
      try {
        const response = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // Not listening yet, or refusing while it starts.
      }
      await sleep(200, undefined, { signal });
    }
  }

  /** The server's memory and CPU time now, from the probe inside it. */
  async sample(): Promise<ProbeSample> {
    if (!this.#running) throw this.#failure('the server exited');
    const answer = once(this.#child, 'message', { signal: AbortSignal.timeout(PROBE_LIMIT_MS) });
    this.#child.send('memory');
    try {
      const [sample] = (await answer) as [ProbeSample];
      return sample;
    } catch {
      throw this.#failure(`the memory probe did not answer within ${PROBE_LIMIT_MS / 1000} s`);
    }
  }

  /** Samples until the RSS holds still (idle), or SETTLE_LIMIT_MS have passed. */
  async settle(signal: AbortSignal): Promise<{ sample: ProbeSample; settled: boolean }> {
    const started = performance.now();
    const window: Array<{ at: number; rssMb: number }> = [];
    for (;;) {
      const sample = await this.sample();
      const at = performance.now();
      window.push({ at, rssMb: sample.rssMb });
      while (window.length > 1 && at - window[1]!.at >= SETTLE_WINDOW_MS) window.shift();
      const rss = window.map((w) => w.rssMb);
      if (at - window[0]!.at >= SETTLE_WINDOW_MS && Math.max(...rss) - Math.min(...rss) <= SETTLE_TOLERANCE_MB) {
        return { sample, settled: true };
      }
      if (at - started > SETTLE_LIMIT_MS) return { sample, settled: false };
      await sleep(500, undefined, { signal });
    }
  }

  /** SIGTERM (a graceful shutdown), then SIGKILL if it takes too long. */
  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      if (!this.#running) return;
      this.#child.kill('SIGTERM');
      const timer = setTimeout(() => this.#child.kill('SIGKILL'), STOP_LIMIT_MS);
      try {
        await this.#exited;
      } finally {
        clearTimeout(timer);
      }
    })();
    return this.#stopping;
  }
}

/** Samples the server every SAMPLE_EVERY_MS until stopped; resolves with the highest-RSS sample. */
function trackPeak(server: ServerProcess): { stop(): Promise<ProbeSample | null> } {
  let running = true;
  let peak: ProbeSample | null = null;
  const loop = (async () => {
    while (running) {
      const sample = await server.sample();
      if (!peak || sample.rssMb > peak.rssMb) peak = sample;
      await sleep(SAMPLE_EVERY_MS);
    }
  })();
  // A failure (the server gone) surfaces from stop(); until then it must not count as unhandled.
  loop.catch(() => {});
  return {
    async stop() {
      running = false;
      await loop;
      return peak;
    },
  };
}

async function signIn(origin: string): Promise<string> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
      variables: { input: { email: PERSON.email, password: DEMO_PASSWORD } },
    }),
  });
  const body = (await response.json()) as { data?: { signIn?: { token: string } }; errors?: unknown };
  if (!body.data?.signIn) throw new Error(`signing in as ${PERSON.email} failed: ${JSON.stringify(body.errors)}`);
  return body.data.signIn.token;
}

/** What a visitor and a signed-in steward ask for, in turn on every connection. */
function loadMix(origin: string, token: string): LoadTarget[] {
  const graphql = (query: string, variables: object, expectIncludes: string, signedIn: boolean): LoadTarget => ({
    url: `${origin}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signedIn ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    expectIncludes,
  });
  const page = (pathname: string, expectIncludes: string): LoadTarget => ({
    url: `${origin}${pathname}`,
    method: 'GET',
    headers: { accept: 'text/html' },
    expectIncludes,
  });
  return [
    graphql('{ me { id name } }', {}, `"name":"${PERSON.name}"`, true),
    graphql(NETWORKS_QUERY, {}, `"slug":"${NETWORK.slug}"`, false),
    graphql(MEMBERS_QUERY, { slug: NETWORK.slug }, '"totalCount":', true),
    page('/', '<title>Hearth'),
    page('/networks', NETWORK.name),
    page(`/networks/${NETWORK.slug}`, `>${NETWORK.name}</h1>`),
  ];
}

/** One request of each kind before the load: the right status and the expected content. */
async function checkMix(kind: DatabaseKind, mix: LoadTarget[]): Promise<CheckResult> {
  const wrong: string[] = [];
  for (const target of mix) {
    const response = await fetch(target.url, { method: target.method, headers: target.headers, body: target.body });
    const body = await response.text();
    const what = `${target.method} ${new URL(target.url).pathname}`;
    if (response.status !== 200) wrong.push(`${what}: HTTP ${response.status}`);
    else if (!body.includes(target.expectIncludes)) wrong.push(`${what}: no ${JSON.stringify(target.expectIncludes)}`);
    else if (body.includes('"errors"')) wrong.push(`${what}: GraphQL errors in ${body.slice(0, 300)}`);
  }
  return {
    name: `memory/${kind}: every request of the mix answers as expected`,
    passed: wrong.length === 0,
    detail: wrong.length ? wrong.join('; ') : `${mix.length} requests ok`,
  };
}

interface KindResult {
  readings: MemoryReading[];
  load: LoadResult | null;
  checks: CheckResult[];
  notes: string[];
}

function reading(kind: DatabaseKind, phase: string, label: string, sample: ProbeSample): MemoryReading {
  const { rssMb, heapUsedMb, heapTotalMb, externalMb, peakRssMb } = sample;
  return {
    id: `memory/${kind}/${phase}`,
    database: kind,
    phase,
    label,
    rssMb,
    heapUsedMb,
    heapTotalMb,
    externalMb,
    peakRssMb,
  };
}

async function settled(
  server: ServerProcess,
  context: BenchContext,
  kind: DatabaseKind,
  what: string,
  notes: string[],
): Promise<ProbeSample> {
  const { sample, settled } = await server.settle(context.signal);
  if (!settled) notes.push(`${kind}: ${what}: the RSS was still moving after ${SETTLE_LIMIT_MS / 1000} s; read then.`);
  return sample;
}

/** Checks the mix, then loads the server with it, recording the highest reading; false when an answer was wrong. */
async function measureUnderLoad(
  server: ServerProcess,
  context: BenchContext,
  kind: DatabaseKind,
  result: KindResult,
): Promise<boolean> {
  const mix = loadMix(server.url, await signIn(server.url));
  const check = await checkMix(kind, mix);
  result.checks.push(check);
  if (!check.passed) return false;

  const before = await server.sample();
  const tracking = trackPeak(server);
  let load: LoadResult;
  try {
    load = await context.load(mix, { warmupSeconds: 0, seconds: LOAD_SECONDS });
  } finally {
    const peak = await tracking.stop();
    const label = `highest under load (${context.settings.connections} connections)`;
    if (peak) result.readings.push(reading(kind, 'load', label, peak));
  }
  // The load generator's own figure is the CPU time of this process; the server is another.
  const after = await server.sample();
  load.serverCpuMicrosPerRequest = load.requests > 0 ? (after.cpuMicros - before.cpuMicros) / load.requests : null;
  result.load = load;
  return true;
}

async function measureKind(context: BenchContext, kind: DatabaseKind, command: StartCommand): Promise<KindResult> {
  const { settings, signal } = context;
  const result: KindResult = { readings: [], load: null, checks: [], notes: [] };
  const database = kind === 'postgres' ? await context.openDatabase('postgres') : null;
  const dataDir = kind === 'pglite' ? await mkdtemp(path.join(os.tmpdir(), 'hearth-bench-memory-')) : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...command.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    LOG_LEVEL: settings.logLevel,
    DATABASE_URL: database?.url ?? '',
    HEARTH_DATA_DIR: dataDir ?? '',
    HEARTH_DEMO_DATA: 'true',
  };
  try {
    context.log(`memory/${kind}: first start on an empty database (loads the demo data)`);
    let server = await ServerProcess.start(command, env, signal);
    try {
      const first = await settled(server, context, kind, 'after the first start', result.notes);
      result.readings.push(reading(kind, 'first-start', 'idle after the first start (demo data loaded)', first));
    } finally {
      await server.stop();
    }

    context.log(`memory/${kind}: restart, then ${LOAD_SECONDS} s of load`);
    server = await ServerProcess.start(command, env, signal);
    try {
      const idle = await settled(server, context, kind, 'after the restart', result.notes);
      result.readings.push(reading(kind, 'idle', 'idle after a restart', idle));
      if (!(await measureUnderLoad(server, context, kind, result))) return result;
      const rest = await settled(server, context, kind, 'after the load', result.notes);
      result.readings.push(reading(kind, 'after-load', 'idle after the load', rest));
    } finally {
      await server.stop();
    }
  } finally {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await database?.release();
  }
  return result;
}

const TITLE = 'resident memory of the server as `pnpm start` runs it, idle and under load';

export const memoryBenchmark: Benchmark = {
  name: 'memory',
  title: TITLE,
  async run(context: BenchContext) {
    const { settings } = context;
    const measurements: Measurement[] = [];
    const checks: CheckResult[] = [];
    const memory: MemoryReading[] = [];
    const limits: LimitResult[] = [];
    const notes: string[] = [];
    const report = () => ({
      name: this.name,
      title: this.title,
      notes,
      measurements,
      ratios: [],
      checks,
      memory,
      limits,
    });

    if (!webBuildExists()) {
      checks.push({
        name: 'memory: web app built',
        passed: false,
        detail: 'web/build is missing: run `pnpm build` first.',
      });
      return report();
    }
    const read = await readStartCommand();
    const command = read ?? { text: `node ${MAIN}`, env: {}, nodeOptions: [] };
    const source = read
      ? "the step of package.json's start script that runs it"
      : `package.json's start script has no step of the form \`[NAME=value …] node [options] ${MAIN}\``;
    notes.push(
      `Server started as \`${command.text}\` (${source}), plus ` +
        `\`--import tests/bench/memory-probe.ts\`; NODE_ENV=production, pages served, demo data. ` +
        `Load: ${settings.connections} connections for ${LOAD_SECONDS} s, each sending in turn me, the network ` +
        `directory, a member directory, /, /networks and /networks/${NETWORK.slug}. MiB throughout; "external" ` +
        `is memory outside the V8 heap that V8 knows of (PGlite's WebAssembly memory, buffers); "peak RSS so ` +
        `far" includes start-up, when V8 briefly needs several hundred MiB to optimise PGlite's SQL parser.`,
    );

    for (const kind of settings.databases) {
      context.signal.throwIfAborted();
      let result: KindResult;
      try {
        result = await measureKind(context, kind, command);
      } catch (error) {
        if (context.signal.aborted) throw error;
        checks.push({ name: `memory/${kind}: measured`, passed: false, detail: (error as Error).message });
        continue;
      }
      memory.push(...result.readings);
      checks.push(...result.checks);
      notes.push(...result.notes);
      if (result.load) {
        measurements.push({
          id: `memory/${kind}/mix`,
          database: kind,
          target: 'mix',
          label: 'the mix of pages and queries',
          load: result.load,
        });
      }
    }

    const rssOf = (phase: string) => memory.find((r) => r.id === `memory/pglite/${phase}`)?.rssMb ?? null;
    if (settings.databases.includes('pglite')) {
      limits.push(
        limitAtMost(
          'memory/pglite/idle',
          'RSS idle after a restart (pglite)',
          rssOf('idle'),
          'MiB',
          PGLITE_IDLE_MAX_MB,
        ),
        limitAtMost('memory/pglite/load', 'RSS under load (pglite)', rssOf('load'), 'MiB', PGLITE_LOAD_MAX_MB),
      );
    }
    return report();
  },
};
