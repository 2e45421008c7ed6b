// One owner per PGlite data folder. PGlite is a database inside one process: a second process on
// the same folder keeps its own copy of the data in memory, acknowledges writes the first never
// sees, and loses them. So whoever opens the folder first writes a lock file into it naming its
// process, and every later opener is refused while that process lives.
//
// The lock file is created whole and exclusively: written to a temporary file first, then hard-
// linked to its name, which fails if the name exists. A lock whose process has died (killed, or
// the machine restarted) is stale and is taken over, by one starter only: see removeStaleLock.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

export const DATA_FOLDER_LOCK_FILE = 'hearth.lock';

/** What a lock file records about the process holding it. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** When the holding process started (its performance.timeOrigin), to tell apart two processes given the same pid. */
  processStartedAt: number;
  lockedAt: string;
  /** Unique per lock, so a lock file's content names one taking of the lock. */
  token: string;
}

export interface HeldLock {
  path: string;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): Promise<void>;
}

/** Why a lock could not be taken. */
export type LockRefusal =
  | { reason: 'running'; holder: LockHolder }
  | { reason: 'elsewhere'; holder: LockHolder }
  | { reason: 'unreadable' }
  | { reason: 'contended' };

export type LockAttempt = { acquired: true; lock: HeldLock } | ({ acquired: false } & LockRefusal);

/** The data folder belongs to another process, or its lock cannot be checked; the message says what to do. */
export class DataFolderLockedError extends Error {
  override name = 'DataFolderLockedError';
}

const THIS_PROCESS_STARTED_AT = performance.timeOrigin;
/** How many times to look again while other starters are busy taking over a stale lock. */
const TAKEOVER_ATTEMPTS = 100;
const TAKEOVER_PAUSE_MS = 50;

/** Locks a PGlite data folder (creating the folder), or throws DataFolderLockedError. */
export async function lockDataFolder(dataDir: string): Promise<HeldLock> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, DATA_FOLDER_LOCK_FILE);
  const attempt = await tryLock(lockPath);
  if (attempt.acquired) return attempt.lock;
  throw new DataFolderLockedError(describeRefusal(dataDir, lockPath, attempt));
}

function describeRefusal(dataDir: string, lockPath: string, refusal: LockRefusal): string {
  switch (refusal.reason) {
    case 'running':
      return refusal.holder.pid === process.pid
        ? `the data folder ${dataDir} is already open in this process.`
        : `the data folder ${dataDir} is in use by process ${refusal.holder.pid} (another Hearth server). ` +
            'Stop it first, or set HEARTH_DATA_DIR to another folder.';
    case 'elsewhere':
      return (
        `the data folder ${dataDir} is locked by process ${refusal.holder.pid} on ${refusal.holder.hostname}, ` +
        `which cannot be checked from ${hostname()}. If no Hearth server on ${refusal.holder.hostname} uses ` +
        `the folder any more, delete ${lockPath} and start again.`
      );
    case 'unreadable':
      return (
        `the data folder ${dataDir} has a lock file that cannot be read (${lockPath}). ` +
        'If no Hearth server uses the folder, delete that file and start again.'
      );
    case 'contended':
      return (
        `the lock on the data folder ${dataDir} could not be taken over: another start seems stuck taking ` +
        `it. If no Hearth server uses the folder, delete ${lockPath} and ${lockPath}.*.claim, then start again.`
      );
  }
}

/** Takes the lock at `lockPath` if no living process holds it. */
export async function tryLock(lockPath: string): Promise<LockAttempt> {
  const me: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    processStartedAt: THIS_PROCESS_STARTED_AT,
    lockedAt: new Date().toISOString(),
    token: randomUUID(),
  };
  const content = `${JSON.stringify(me)}\n`;
  const draft = `${lockPath}.${me.token}.tmp`;
  await writeDurably(draft, content);
  try {
    for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt += 1) {
      if (await linkUnlessTaken(draft, lockPath)) return { acquired: true, lock: heldLock(lockPath, content) };
      const current = await readIfPresent(lockPath);
      if (current === null) continue; // released meanwhile: try again
      const holder = parseHolder(current);
      if (!holder) return { acquired: false, reason: 'unreadable' };
      const state = holderState(holder);
      if (state !== 'dead') return { acquired: false, reason: state, holder };
      if (!(await removeStaleLock(lockPath, current, content))) await pause(TAKEOVER_PAUSE_MS);
    }
    return { acquired: false, reason: 'contended' };
  } finally {
    await rm(draft, { force: true });
  }
}

/** Written and flushed before it is linked into place, so a lock file is never seen empty, even after a power cut. */
async function writeDurably(file: string, content: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function linkUnlessTaken(from: string, to: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readIfPresent(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseHolder(content: string): LockHolder | null {
  try {
    const holder = JSON.parse(content) as Partial<LockHolder>;
    const valid =
      Number.isInteger(holder.pid) &&
      holder.pid! > 0 &&
      typeof holder.hostname === 'string' &&
      typeof holder.processStartedAt === 'number';
    return valid ? (holder as LockHolder) : null;
  } catch {
    return null;
  }
}

/**
 * 'running' while the holder lives. A holder on another machine (a shared disk) cannot be
 * checked. The holder's pid may be our own yet not us: in a container, the server is pid 1 after
 * every restart, so a lock left by the last run names our pid; its start time tells them apart.
 */
function holderState(holder: LockHolder): 'running' | 'dead' | 'elsewhere' {
  if (holder.hostname !== hostname()) return 'elsewhere';
  if (holder.pid === process.pid) return holder.processStartedAt === THIS_PROCESS_STARTED_AT ? 'running' : 'dead';
  return processExists(holder.pid) ? 'running' : 'dead';
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock so that exactly one of the starters who found it stale does so. Deleting
 * it outright would let a slow starter delete the lock a faster one has just taken in its place.
 * Instead, each starter first claims this stale lock, by its content, with an exclusively created
 * claim file: one claim wins. The winner removes the lock only if it still has that content (a
 * lock's content is unique to one taking), then all starters race to link their own as usual.
 * False when another starter holds the claim.
 */
async function removeStaleLock(lockPath: string, staleContent: string, claimerContent: string): Promise<boolean> {
  const claim = `${lockPath}.${createHash('sha256').update(staleContent).digest('hex').slice(0, 16)}.claim`;
  try {
    await writeFile(claim, claimerContent, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    if ((await readIfPresent(lockPath)) === staleContent) await unlink(lockPath);
  } finally {
    await rm(claim, { force: true });
  }
  return true;
}

function heldLock(lockPath: string, content: string): HeldLock {
  let released = false;
  // Best effort when the process ends without closing the database (process.exit, a crash in
  // start-up). A kill -9 leaves the file, which the next start finds stale.
  const releaseOnExit = () => {
    try {
      if (readFileSync(lockPath, 'utf8') === content) unlinkSync(lockPath);
    } catch {
      // gone already
    }
  };
  process.once('exit', releaseOnExit);
  return {
    path: lockPath,
    async release() {
      if (released) return;
      released = true;
      process.off('exit', releaseOnExit);
      if ((await readIfPresent(lockPath)) === content) await unlink(lockPath);
    },
  };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
