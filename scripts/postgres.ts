// A throwaway PostgreSQL server for tests: a fresh data folder in the temp dir, a free loopback
// port, durability turned off for speed, removed again on stop.
//
//   import { startThrowawayPostgres } from './postgres.ts';
//   const pg = await startThrowawayPostgres(); ... pg.url ... await pg.stop();
//
// With HEARTH_TEST_POSTGRES_URL set, that server is used instead and nothing is started.
// Run alone: `node scripts/postgres.ts` starts one and keeps it until Ctrl-C;
// `node scripts/postgres.ts --smoke` starts one, runs a query, stops it, and prints the times.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const POSTGRES_URL_ENV = 'HEARTH_TEST_POSTGRES_URL';
const TEMP_PREFIX = 'hearth-pg-';

export interface ThrowawayPostgres {
  /** postgres://postgres@127.0.0.1:PORT/postgres, a superuser with trust auth. */
  url: string;
  /** Fast shutdown and removal of the data folder. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * The folder holding `initdb` and `postgres`: the newest /usr/lib/postgresql/<version>/bin
 * (Debian, Ubuntu), else `pg_config --bindir`, else whatever is on PATH. Null when none is found.
 */
export function findPostgresBinDir(): string | null {
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) {
      const bin = join(debianRoot, version, 'bin');
      if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) return bin;
    }
  }
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) {
    const bin = pgConfig.stdout.trim();
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'postgres'))) return bin;
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'))) return dir;
  }
  return null;
}

/** initdb and postgres refuse to run as root: as root, run them as this user. */
function postgresUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) {
    throw new Error(
      'Running as root, but there is no `postgres` user to run PostgreSQL as (initdb refuses root). ' +
        'Install the postgresql package, which creates it, or run the tests as a normal user.',
    );
  }
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** A port nothing listens on right now, on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}

function run(
  command: string,
  args: string[],
  options: { user: { uid: number; gid: number } | null; env: NodeJS.ProcessEnv },
) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.user ?? {}),
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}

/**
 * Data folders (and servers) left behind by runs that were killed outright. Each folder names
 * the process that made it in `owner`; while that process lives, the folder is left alone.
 */
function removeAbandonedDataDirs(): void {
  const base = baseTempDir();
  let entries: string[];
  try {
    entries = readdirSync(base).filter((name) => name.startsWith(TEMP_PREFIX));
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = join(base, name);
    try {
      const ownerFile = join(dir, 'owner');
      if (existsSync(ownerFile)) {
        const owner = Number(readFileSync(ownerFile, 'utf8').trim());
        if (owner > 0 && isAlive(owner)) continue;
      } else if (Date.now() - statSync(dir).mtimeMs < 5 * 60_000) {
        continue; // its maker may be about to write `owner`
      }
      const pidFile = join(dir, 'data', 'postmaster.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        if (pid > 0 && isAlive(pid)) {
          process.kill(pid, 'SIGQUIT'); // immediate shutdown: nobody will use this data again
          for (let i = 0; i < 40 && isAlive(pid); i += 1) spawnSync('sleep', ['0.05']);
          if (isAlive(pid)) continue;
        }
      }
      spawnSync('rm', ['-rf', dir]);
    } catch {
      // not ours to worry about
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** As root, TMPDIR may sit under /root, where the postgres user cannot go: use /tmp then. */
function baseTempDir(): string {
  return process.getuid?.() === 0 ? '/tmp' : tmpdir();
}

export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const given = process.env[POSTGRES_URL_ENV];
  if (given) return { url: given, stop: async () => {} };

  const bin = findPostgresBinDir();
  if (!bin) {
    throw new Error(
      'PostgreSQL server binaries (initdb, postgres) not found. Install PostgreSQL (Debian/Ubuntu: ' +
        `apt-get install postgresql), or point ${POSTGRES_URL_ENV} at a server you own.`,
    );
  }
  const user = postgresUser();
  removeAbandonedDataDirs();

  const root = await mkdtemp(join(baseTempDir(), TEMP_PREFIX));
  const dataDir = join(root, 'data');
  const socketDir = root;
  await writeFile(join(root, 'owner'), String(process.pid));
  if (user) await chown(root, user.uid, user.gid);
  // A clean environment: no PG* variables from the caller leak in; UTC and C locale for stable results.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C', TZ: 'UTC', HOME: root };

  try {
    const init = await run(
      join(bin, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-locale', '--encoding=UTF8', '--no-sync'],
      { user, env },
    );
    if (init.code !== 0) throw new Error(`initdb failed (exit ${init.code}):\n${init.output}`);

    let lastError: Error | null = null;
    // The free port can be taken between probing and binding: try a few.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const port = await freePort();
      try {
        const server = await launch(bin, dataDir, socketDir, port, user, env);
        let stopped: Promise<void> | null = null;
        return {
          url: `postgres://postgres@127.0.0.1:${port}/postgres`,
          stop() {
            stopped ??= shutdown(server).finally(() => rm(root, { recursive: true, force: true }));
            return stopped;
          },
        };
      } catch (error) {
        lastError = error as Error;
        if (!/could not bind|address already in use/i.test(lastError.message)) break;
      }
    }
    throw lastError ?? new Error('PostgreSQL did not start');
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
}

async function launch(
  bin: string,
  dataDir: string,
  socketDir: string,
  port: number,
  user: { uid: number; gid: number } | null,
  env: NodeJS.ProcessEnv,
): Promise<ChildProcess> {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: socketDir,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '200',
    timezone: 'UTC',
    log_min_messages: 'warning',
    logging_collector: 'off',
  };
  const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`])];
  // Same process group as the caller: Ctrl-C in a terminal reaches the server too (fast shutdown).
  const child = spawn(join(bin, 'postgres'), args, { env, stdio: ['ignore', 'pipe', 'pipe'], ...(user ?? {}) });
  let log = '';
  const collect = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 64_000) log = log.slice(-32_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  const deadline = Date.now() + 30_000;
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`PostgreSQL exited during start (code ${code}, signal ${signal}):\n${log}`));
    child.once('exit', onExit);
    child.once('error', (error) => finish(error));
    // Ready once postmaster.pid says so (line 8: "ready"), as pg_ctl -w checks it.
    const poll = setInterval(async () => {
      if (Date.now() > deadline) {
        child.kill('SIGQUIT');
        finish(new Error(`PostgreSQL did not become ready within 30 s:\n${log}`));
        return;
      }
      try {
        const pid = await readFile(join(dataDir, 'postmaster.pid'), 'utf8');
        if (pid.split('\n')[7]?.trim() === 'ready') finish();
      } catch {
        // not written yet (or not readable yet)
      }
    }, 25);
  });
  return child;
}

async function shutdown(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGINT'); // fast shutdown: abort sessions, checkpoint, exit
  const timeout = (ms: number) => new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
  if ((await Promise.race([exited, timeout(15_000)])) === 'timeout') {
    child.kill('SIGQUIT'); // immediate shutdown
    if ((await Promise.race([exited, timeout(5_000)])) === 'timeout') child.kill('SIGKILL');
  }
  await exited;
}

if (import.meta.main) {
  const started = performance.now();
  const pg = await startThrowawayPostgres();
  const startMs = performance.now() - started;
  console.log(`PostgreSQL ready in ${(startMs / 1000).toFixed(2)} s: ${pg.url}`);
  if (process.argv.includes('--smoke')) {
    const bin = findPostgresBinDir();
    const query = spawnSync(join(bin!, 'psql'), [pg.url, '-Atc', 'select version()'], { encoding: 'utf8' });
    console.log(query.status === 0 ? query.stdout.trim() : `psql failed: ${query.stderr}`);
    const stopping = performance.now();
    await pg.stop();
    console.log(`stopped and removed in ${((performance.now() - stopping) / 1000).toFixed(2)} s`);
    process.exit(query.status === 0 ? 0 : 1);
  } else {
    console.log('Ctrl-C to stop.');
    const stop = () => void pg.stop().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
}
