import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/postgres.ts';
import { graphql, newPerson, SIGN_IN, SIGN_UP } from '../support/graphql.ts';

const MAIN = path.resolve(import.meta.dirname, '../../server/src/main.ts');

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
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, url, exited, output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${output}`);
}

/** Fires sign-ups continuously until stopped; returns the people whose sign-up was acknowledged. */
function writeUntilStopped(url: string) {
  const acknowledged: Array<{ email: string; password: string }> = [];
  let running = true;
  const workers = Array.from({ length: 4 }, async () => {
    while (running) {
      const person = newPerson('durable');
      const result = await graphql(url, SIGN_UP, { variables: { input: person } }).catch(() => null);
      if (result?.data) acknowledged.push(person);
      if (!result) return;
    }
  });
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
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
    const writes = writeUntilStopped(first.url);
    await new Promise((r) => setTimeout(r, 1500));
    const stoppedAt = Date.now();
    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    // Keep-alive clients must not hold shutdown open until their idle timeout (72 s).
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    await writes.stop();
    expect(first.output()).toContain('shutting down');
    expect(writes.acknowledged.length).toBeGreaterThan(0);

    const second = await startMain(folder);
    try {
      await expectAllCanSignIn(second.url, writes.acknowledged);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);

  it('should recover the PGlite data folder after being killed during writes', async () => {
    const folder = await dataDir();
    const first = await startMain(folder);
    const writes = writeUntilStopped(first.url);
    await new Promise((r) => setTimeout(r, 1500));
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
      expect(await second.exited).toEqual({ code: 0, signal: null });
    }
  }, 120_000);
});
