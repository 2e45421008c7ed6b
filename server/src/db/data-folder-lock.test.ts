import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DATA_FOLDER_LOCK_FILE,
  DataFolderLockedError,
  lockDataFolder,
  tryLock,
  type HeldLock,
  type LockHolder,
} from './data-folder-lock.ts';
import { openDatabase } from './database.ts';

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

async function newFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'hearth-lock-'));
  folders.push(folder);
  return folder;
}

/** Runs `node -e script` to its end; resolves with its pid and exit code. */
function runNode(script: string): Promise<{ pid: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ pid: child.pid!, code }));
  });
}

/** The pid of a process that has ended. */
async function deadPid(): Promise<number> {
  return (await runNode('')).pid;
}

function holder(overrides: Partial<LockHolder>): LockHolder {
  return {
    pid: process.pid,
    hostname: hostname(),
    processStartedAt: performance.timeOrigin,
    lockedAt: new Date().toISOString(),
    token: crypto.randomUUID(),
    ...overrides,
  };
}

async function writeLock(folder: string, content: LockHolder | string): Promise<string> {
  const lockPath = path.join(folder, DATA_FOLDER_LOCK_FILE);
  await writeFile(lockPath, typeof content === 'string' ? content : JSON.stringify(content));
  return lockPath;
}

async function lockFileHolder(folder: string): Promise<LockHolder> {
  return JSON.parse(await readFile(path.join(folder, DATA_FOLDER_LOCK_FILE), 'utf8')) as LockHolder;
}

describe('lockDataFolder', () => {
  it('should refuse a second lock on a folder while the first is held, and allow it once released', async () => {
    const folder = await newFolder();
    const first = await lockDataFolder(folder);

    const second = await tryLock(first.path);
    expect(second).toMatchObject({ acquired: false, reason: 'running', holder: { pid: process.pid } });
    await expect(lockDataFolder(folder)).rejects.toThrow(
      new DataFolderLockedError(`the data folder ${folder} is already open in this process.`),
    );

    await first.release();
    expect(await readdir(folder)).toEqual([]);
    const third = await lockDataFolder(folder);
    expect((await lockFileHolder(folder)).pid).toBe(process.pid);
    await third.release();
  });

  it('should create the folder it locks', async () => {
    const folder = path.join(await newFolder(), 'nested', 'data');
    const lock = await lockDataFolder(folder);
    expect(await readdir(folder)).toEqual([DATA_FOLDER_LOCK_FILE]);
    await lock.release();
  });

  it('should take over a lock left by a process that has died', async () => {
    const folder = await newFolder();
    const pid = await deadPid();
    await writeLock(folder, holder({ pid, processStartedAt: 1 }));

    const lock = await lockDataFolder(folder);

    expect((await lockFileHolder(folder)).pid).toBe(process.pid);
    await lock.release();
  });

  it('should take over a lock naming our own pid that an earlier process took (a restarted container)', async () => {
    const folder = await newFolder();
    await writeLock(folder, holder({ processStartedAt: performance.timeOrigin - 60_000 }));

    const lock = await lockDataFolder(folder);

    expect(await lockFileHolder(folder)).toMatchObject({ pid: process.pid, processStartedAt: performance.timeOrigin });
    await lock.release();
  });

  it('should refuse a lock held by a running process, naming its pid', async () => {
    const folder = await newFolder();
    // The test runner's parent process outlives this test.
    await writeLock(folder, holder({ pid: process.ppid, processStartedAt: 1 }));

    await expect(lockDataFolder(folder)).rejects.toThrow(
      new DataFolderLockedError(
        `the data folder ${folder} is in use by process ${process.ppid} (another Hearth server). ` +
          'Stop it first, or set HEARTH_DATA_DIR to another folder.',
      ),
    );
  });

  it('should refuse a lock from another machine, saying which file to delete', async () => {
    const folder = await newFolder();
    const lockPath = await writeLock(folder, holder({ pid: 4242, hostname: 'elsewhere.example' }));

    await expect(lockDataFolder(folder)).rejects.toThrow(
      new DataFolderLockedError(
        `the data folder ${folder} is locked by process 4242 on elsewhere.example, which cannot be checked ` +
          `from ${hostname()}. If no Hearth server on elsewhere.example uses the folder any more, delete ` +
          `${lockPath} and start again.`,
      ),
    );
    expect((await lockFileHolder(folder)).hostname).toBe('elsewhere.example');
  });

  it('should refuse a lock file it cannot read rather than guess', async () => {
    const folder = await newFolder();
    const lockPath = await writeLock(folder, 'not a lock');

    await expect(lockDataFolder(folder)).rejects.toThrow(
      new DataFolderLockedError(
        `the data folder ${folder} has a lock file that cannot be read (${lockPath}). ` +
          'If no Hearth server uses the folder, delete that file and start again.',
      ),
    );
  });

  it('should let exactly one of several starters take over a stale lock', async () => {
    const folder = await newFolder();
    const lockPath = await writeLock(folder, holder({ pid: await deadPid(), processStartedAt: 1 }));

    const attempts = await Promise.all(Array.from({ length: 8 }, () => tryLock(lockPath)));

    const winners = attempts.filter((attempt) => attempt.acquired);
    expect(winners).toHaveLength(1);
    expect(attempts.filter((attempt) => !attempt.acquired).map((attempt) => attempt.reason)).toEqual(
      Array(7).fill('running'),
    );
    // Nothing left behind but the lock itself: no drafts, no claims.
    expect(await readdir(folder)).toEqual([DATA_FOLDER_LOCK_FILE]);
    await (winners[0] as { lock: HeldLock }).lock.release();
  });

  it('should remove its lock when the process exits without closing', async () => {
    const folder = await newFolder();
    const module = new URL('./data-folder-lock.ts', import.meta.url).href;
    const script =
      `const { lockDataFolder } = await import(${JSON.stringify(module)});` +
      `await lockDataFolder(${JSON.stringify(folder)}); process.exit(0);`;

    expect((await runNode(script)).code).toBe(0);

    expect(await readdir(folder)).toEqual([]);
  });
});

describe('openDatabase', () => {
  it('should refuse to open a PGlite folder another handle has open, until that one closes', async () => {
    const folder = await newFolder();
    const first = await openDatabase({ databaseUrl: null, dataDir: folder });

    await expect(openDatabase({ databaseUrl: null, dataDir: folder })).rejects.toThrow(DataFolderLockedError);

    await first.close();
    expect(await readdir(folder)).not.toContain(DATA_FOLDER_LOCK_FILE);
    const second = await openDatabase({ databaseUrl: null, dataDir: folder });
    await second.close();
  }, 120_000); // PGlite opens a folder in 10-30 s on a busy machine, and this opens one twice
});
