/** Hearth servers as real processes (`node server/src/main.ts`, `pnpm start`), for tests of starting and stopping. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../scripts/postgres.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const MAIN = path.join(ROOT, 'server/src/main.ts');

/**
 * How long to wait for a process to do what the test waits on: far longer than it takes on a
 * busy machine (a fresh PGlite folder takes 10-25 s to create, migrate and vacuum on two shared
 * cores), so a failure means it did not happen, not that it was slow.
 */
export const PATIENCE_MS = 150_000;

/** `promise`, or a failure naming what did not happen within PATIENCE_MS. */
export async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${PATIENCE_MS / 1000} s`)), PATIENCE_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  exited: Promise<Exit>;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
}

/** The environment of a quiet test server on loopback, on PGlite unless `env` says otherwise. */
function serverEnv(port: number, env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    NODE_ENV: 'test',
    // The "Hearth is running" line is logged at info.
    LOG_LEVEL: 'info',
    HEARTH_DEMO_DATA: 'false',
    ...env,
  };
}

/**
 * Starts `command args` as a server on `port` (a free one unless given), in its own process
 * group so that `stop` reaches whatever it starts in turn (pnpm starts a shell, which starts node).
 */
export async function spawnServer(
  command: string,
  args: string[],
  env: Record<string, string>,
  port?: number,
): Promise<ServerProcess> {
  const listenOn = port ?? (await freePort());
  const child = spawn(command, args, {
    cwd: ROOT,
    env: serverEnv(listenOn, env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, port: listenOn, url: `http://127.0.0.1:${listenOn}`, exited, output: () => output };
}

/** `node server/src/main.ts`, as `pnpm start` runs it once the web app is built. */
export function spawnMain(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  return spawnServer(process.execPath, [MAIN], env, port);
}

/** Resolves once the server says it is running and /healthz answers 200; fails with its output otherwise. */
export async function untilRunning(server: ServerProcess): Promise<void> {
  const running = new Promise<boolean>((resolve) => {
    const check = () => {
      if (server.output().includes('Hearth is running at')) resolve(true);
    };
    server.child.stdout?.on('data', check);
    check();
  });
  try {
    const started = await within(
      Promise.race([running, server.exited.then(() => false)]),
      'the server saying it is running',
    );
    if (!started) throw new Error('it exited');
    const health = await fetch(`${server.url}/healthz`);
    if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
  } catch (error) {
    stop(server, 'SIGKILL');
    throw new Error(`the server did not start (${(error as Error).message}):\n${server.output()}`, { cause: error });
  }
}

/** Its exit, once it has exited by itself. */
export function untilExit(server: ServerProcess): Promise<Exit> {
  return within(server.exited, 'the process exiting');
}

/** Signals the server's whole process group (a no-op once it has gone). */
export function stop(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  try {
    process.kill(-server.child.pid!, signal);
  } catch {
    // gone meanwhile
  }
}

/** Stops every server still running and waits for them to go (SIGKILL for any that will not). */
export async function stopAll(servers: ServerProcess[]): Promise<void> {
  await Promise.all(
    servers.map(async (server) => {
      stop(server, 'SIGTERM');
      const stopped = await Promise.race([
        server.exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000)),
      ]);
      if (!stopped) stop(server, 'SIGKILL');
      await server.exited;
    }),
  );
}
