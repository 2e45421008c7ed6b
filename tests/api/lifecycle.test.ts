import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/postgres.ts';
import { graphql, newPerson, SIGN_IN, SIGN_UP } from '../support/graphql.ts';

const MAIN = path.resolve(import.meta.dirname, '../../server/src/main.ts');
/**
 * How long to wait for something the test is waiting on: far longer than any of it takes on a
 * busy machine, and below the 72 s keep-alive idle timeout, so a shutdown held open by an idle
 * client fails here instead of passing slowly. How long shutdown takes is `pnpm bench`'s
 * business (the shutdown benchmark), not this test's.
 */
const PATIENCE_MS = 60_000;

/** `promise`, or a failure naming what did not happen within PATIENCE_MS. */
async function within<T>(promise: Promise<T>, what: string): Promise<T> {
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

interface Started {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

/** Runs `server/src/main.ts` as `pnpm start` does, on a PGlite data folder. */
async function startMain(dataDir: string): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HEARTH_DATA_DIR: dataDir,
      DATABASE_URL: '',
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HEARTH_DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let announced: () => void = () => {};
  const listening = new Promise<void>((resolve) => (announced = resolve));
  // main.ts logs this line once it listens.
  child.stdout?.on('data', (chunk) => {
    output += chunk;
    if (output.includes('Hearth is running at')) announced();
  });
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    const started = await within(
      Promise.race([listening.then(() => true), exited.then(() => false)]),
      'the server listening',
    );
    if (!started) throw new Error('it exited');
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`server did not start (${(error as Error).message}):\n${output}`, { cause: error });
  }
  return { child, url, exited, output: () => output };
}

/** Fires sign-ups continuously until stopped; returns the people whose sign-up was acknowledged. */
function writeUntilStopped(url: string) {
  const acknowledged: Array<{ email: string; password: string }> = [];
  const waiting: Array<{ count: number; resolve: () => void }> = [];
  let running = true;
  const workers = Array.from({ length: 4 }, async () => {
    while (running) {
      const person = newPerson('durable');
      const result = await graphql(url, SIGN_UP, { variables: { input: person } }).catch(() => null);
      if (result?.data) {
        acknowledged.push(person);
        for (const waiter of waiting.filter((w) => acknowledged.length >= w.count)) waiter.resolve();
      }
      if (!result) return;
    }
  });
  return {
    acknowledged,
    /** Resolves once `count` sign-ups are acknowledged: writes are flowing, and more are in flight. */
    reached: (count: number) =>
      within(
        new Promise<void>((resolve) => {
          if (acknowledged.length >= count) resolve();
          else waiting.push({ count, resolve });
        }),
        `${count} acknowledged sign-ups`,
      ),
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

/**
 * A keep-alive connection that has had its answer and now sits idle, as a browser's would;
 * `closed` resolves when the server closes it.
 */
async function idleKeepAliveConnection(url: string): Promise<{ closed: Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return new Promise((resolve, reject) => {
    const sent = request(`${url}/healthz`, { agent }, (response) => {
      response.resume();
      response.once('end', () => {
        if (response.statusCode !== 200) return reject(new Error(`/healthz answered ${response.statusCode}`));
        const socket = sent.socket!;
        resolve({ closed: new Promise((done) => socket.once('close', () => done())) });
      });
    });
    sent.once('error', reject);
    sent.end();
  });
}

async function expectAllCanSignIn(url: string, people: Array<{ email: string; password: string }>) {
  const failures = [];
  for (const person of people) {
    const result = await graphql(url, SIGN_IN, {
      variables: { input: { email: person.email, password: person.password } },
    });
    if (!result.data) failures.push(`${person.email}: ${result.errors?.[0]?.message}`);
  }
  expect(failures).toEqual([]);
}

describe('the server process', () => {
  const folders: string[] = [];
  afterAll(async () => {
    await Promise.all(folders.map((f) => rm(f, { recursive: true, force: true })));
  });

  async function dataDir() {
    const folder = await mkdtemp(path.join(tmpdir(), 'hearth-data-'));
    folders.push(folder);
    return folder;
  }

  it('should finish requests in flight on SIGTERM, exit cleanly, and keep every acknowledged write', async () => {
    const folder = await dataDir();
    const first = await startMain(folder);
    const idle = await idleKeepAliveConnection(first.url);
    const writes = writeUntilStopped(first.url);
    await writes.reached(8);
    first.child.kill('SIGTERM');
    // Neither the idle connection nor the busy ones may hold shutdown open (see PATIENCE_MS).
    expect(await within(first.exited, 'exit after SIGTERM')).toEqual({ code: 0, signal: null });
    await within(idle.closed, 'the idle keep-alive connection closed');
    await writes.stop();
    expect(first.output()).toContain('shutting down');
    expect(writes.acknowledged.length).toBeGreaterThan(0);

    const second = await startMain(folder);
    try {
      await expectAllCanSignIn(second.url, writes.acknowledged);
    } finally {
      second.child.kill('SIGTERM');
      await within(second.exited, 'exit after SIGTERM');
    }
  }, 240_000);

  it('should recover the PGlite data folder after being killed during writes', async () => {
    const folder = await dataDir();
    const first = await startMain(folder);
    const writes = writeUntilStopped(first.url);
    await writes.reached(8);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    await writes.stop();
    expect(writes.acknowledged.length).toBeGreaterThan(0);

    const second = await startMain(folder);
    try {
      await expectAllCanSignIn(second.url, writes.acknowledged);
      const after = await graphql(second.url, SIGN_UP, { variables: { input: newPerson('after-crash') } });
      expect(after.data).not.toBeNull();
    } finally {
      second.child.kill('SIGTERM');
      expect(await within(second.exited, 'exit after SIGTERM')).toEqual({ code: 0, signal: null });
    }
  }, 240_000);
});
