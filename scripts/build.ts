// `pnpm build`: builds the web app aside, then switches the server over to it in one step.
// `pnpm start` runs this with --if-stale first: it builds only when web/build is missing or was
// built from other sources, so starting is quick, and several copies can start together from one
// checkout (one builds, the others wait for it, none sees a half-written build).
//
//   web/.builds/<id>/        one complete build each; its hearth-build.json names the inputs it was built from
//   web/build -> .builds/<id> a symlink, which the server loads; replaced atomically (rename)
//   web/.builds/build.lock    held while building (see server/src/db/data-folder-lock.ts)
//
// A running server has loaded its build through the symlink's target, and SvelteKit loads a page's
// code only when the page is first asked for: so a build is not deleted when replaced. The newest
// three stay; a copy running on an older one should be restarted.
//
// Options: --if-stale, as above; --web-dir DIR, the web app to build (default web/; tests point
// it at a stand-in).
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tryLock } from '../server/src/db/data-folder-lock.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUILDS_FOLDER = '.builds';
export const STAMP_FILE = 'hearth-build.json';
/** The builds kept: the current one and the two before it. */
const BUILDS_KEPT = 3;
const LOCK_POLL_MS = 250;

/** What the web build is made from besides the web folder itself. */
const ROOT_INPUTS = ['pnpm-lock.yaml', 'schema', 'server/src/web/contract.ts', 'server/src/core/errors.ts'];
/** The web folder's own inputs: its sources, static files and every file at its top (config, package.json, .env). */
const WEB_INPUT_FOLDERS = ['src', 'static'];

interface Stamp {
  inputs: string;
  builtAt: string;
}

function log(message: string): void {
  console.log(`[build] ${message}`);
}

/** Every regular file under `dir`, relative to `base`; none when `dir` is absent. */
async function filesUnder(dir: string, base: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(base, path.join(entry.parentPath, entry.name)));
}

async function topLevelFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

/** A hash of every input of the build: any change to one makes the build stale. */
export async function inputsHash(webDir: string): Promise<string> {
  const files: Array<[label: string, file: string]> = [];
  for (const input of ROOT_INPUTS) {
    const full = path.join(ROOT, input);
    const isFolder = existsSync(full) && (await stat(full)).isDirectory();
    const names = isFolder ? await filesUnder(full, ROOT) : existsSync(full) ? [input] : [];
    for (const name of names) files.push([name, path.join(ROOT, name)]);
  }
  const webFiles = [
    ...(await topLevelFiles(webDir)),
    ...(await Promise.all(WEB_INPUT_FOLDERS.map((folder) => filesUnder(path.join(webDir, folder), webDir)))).flat(),
  ];
  for (const name of webFiles) files.push([`web/${name}`, path.join(webDir, name)]);

  const hash = createHash('sha256');
  for (const [label, file] of files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const content = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    hash.update(`${label.split(path.sep).join('/')}\0${content}\n`);
  }
  return hash.digest('hex');
}

/** The stamp of the build web/build points at; null when there is none or it is incomplete. */
async function currentStamp(webDir: string): Promise<Stamp | null> {
  try {
    const build = await realpath(path.join(webDir, 'build'));
    if (!existsSync(path.join(build, 'handler.js'))) return null;
    return JSON.parse(await readFile(path.join(build, STAMP_FILE), 'utf8')) as Stamp;
  } catch {
    return null;
  }
}

async function isFresh(webDir: string, inputs: string): Promise<boolean> {
  return (await currentStamp(webDir))?.inputs === inputs;
}

/** Runs `work` holding the build lock, waiting while another process builds. */
async function withBuildLock<T>(webDir: string, work: () => Promise<T>): Promise<T> {
  const builds = path.join(webDir, BUILDS_FOLDER);
  await mkdir(builds, { recursive: true });
  let told = false;
  for (;;) {
    const attempt = await tryLock(path.join(builds, 'build.lock'));
    if (attempt.acquired) {
      try {
        return await work();
      } finally {
        await attempt.lock.release();
      }
    }
    if (attempt.reason !== 'running') {
      throw new Error(
        `the build lock ${path.join(builds, 'build.lock')} cannot be taken (${attempt.reason}); delete it if no build runs`,
      );
    }
    if (!told) log(`waiting for the web build in process ${attempt.holder.pid}`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

/** `vite build` of the web app, as the web's own `build` script runs it, into `out` (relative to the web folder). */
async function runVite(webDir: string, out: string): Promise<void> {
  const require = createRequire(path.join(webDir, 'package.json'));
  const manifest = require.resolve('vite/package.json');
  const { bin } = JSON.parse(await readFile(manifest, 'utf8')) as { bin: Record<string, string> };
  const vite = path.join(path.dirname(manifest), bin.vite!);
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build'], {
      cwd: webDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      // Read by web/vite.config.ts.
      env: { ...process.env, HEARTH_WEB_BUILD_OUT: out },
    });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`vite build exited with ${code}`);
}

/** Builds into a folder of its own and stamps it; returns its name in .builds. */
async function buildAside(webDir: string, inputs: string): Promise<string> {
  const id = `${new Date().toISOString().replace(/[-:.]/g, '')}-${inputs.slice(0, 12)}`;
  const draft = path.join(BUILDS_FOLDER, `tmp-${id}`);
  await runVite(webDir, draft);
  if (!existsSync(path.join(webDir, draft, 'handler.js'))) throw new Error(`the build wrote no handler.js in ${draft}`);
  const stamp: Stamp = { inputs, builtAt: new Date().toISOString() };
  await writeFile(path.join(webDir, draft, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
  await rename(path.join(webDir, draft), path.join(webDir, BUILDS_FOLDER, id));
  return id;
}

/**
 * Points web/build at the build `id`: a new symlink renamed over the old one, so a reader sees
 * the old build or the new one, never neither. A web/build that is a plain folder (from before
 * builds were kept aside) is moved into .builds first, as the oldest build.
 */
async function switchTo(webDir: string, id: string): Promise<void> {
  const link = path.join(webDir, 'build');
  const existing = await lstat(link).catch(() => null);
  if (existing?.isDirectory()) await rename(link, path.join(webDir, BUILDS_FOLDER, `legacy-${Date.now()}`));
  const next = path.join(webDir, `.build-${randomUUID()}`);
  await symlink(path.join(BUILDS_FOLDER, id), next, 'dir');
  await rename(next, link);
}

/** Removes all but the newest builds, and drafts left by builds that died (we hold the lock: none is running). */
async function prune(webDir: string, current: string): Promise<void> {
  const builds = path.join(webDir, BUILDS_FOLDER);
  const entries = (await readdir(builds, { withFileTypes: true })).filter((entry) => entry.isDirectory());
  const drafts = entries.filter((entry) => entry.name.startsWith('tmp-')).map((entry) => entry.name);
  const finished = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('tmp-'))
      .map(async (entry) => ({ name: entry.name, time: (await stat(path.join(builds, entry.name))).mtimeMs })),
  );
  const older = finished
    .filter((build) => build.name !== current)
    .sort((a, b) => b.time - a.time)
    .slice(BUILDS_KEPT - 1)
    .map((build) => build.name);
  const strayLinks = (await readdir(webDir)).filter((name) => name.startsWith('.build-'));
  await Promise.all([
    ...[...drafts, ...older].map((name) => rm(path.join(builds, name), { recursive: true, force: true })),
    ...strayLinks.map((name) => rm(path.join(webDir, name), { force: true })),
  ]);
}

export interface BuildOptions {
  webDir: string;
  /** Build only when the current build is missing or was made from other inputs. */
  ifStale: boolean;
}

/** Builds the web app (when needed, with ifStale) and points web/build at the result. */
export async function buildWeb({ webDir, ifStale }: BuildOptions): Promise<void> {
  const inputs = await inputsHash(webDir);
  if (ifStale && (await isFresh(webDir, inputs))) {
    log('the web app is built from the current sources');
    return;
  }
  await withBuildLock(webDir, async () => {
    // Another process may have built it while this one waited.
    if (ifStale && (await isFresh(webDir, inputs))) {
      log('the web app was built meanwhile');
      return;
    }
    log('building the web app');
    const started = performance.now();
    const id = await buildAside(webDir, inputs);
    await switchTo(webDir, id);
    await prune(webDir, id);
    log(`built in ${((performance.now() - started) / 1000).toFixed(1)} s: web/build is ${BUILDS_FOLDER}/${id}`);
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { 'if-stale': { type: 'boolean', default: false }, 'web-dir': { type: 'string' } },
  });
  try {
    await buildWeb({ webDir: path.resolve(values['web-dir'] ?? path.join(ROOT, 'web')), ifStale: values['if-stale'] });
  } catch (error) {
    console.error(`[build] the web build failed: ${(error as Error).message}`);
    process.exit(1);
  }
}
