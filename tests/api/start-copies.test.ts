// Several copies of Hearth on one machine, from one checkout: the web app is built once, aside,
// and switched to in one step (scripts/build.ts), so copies started together all come up.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILDS_FOLDER } from '../../scripts/build.ts';
import { createPostgresDatabase } from '../../server/src/testing/databases.ts';
import {
  PATIENCE_MS,
  ROOT,
  spawnServer,
  stopAll,
  untilRunning,
  within,
  type Exit,
  type ServerProcess,
} from '../support/processes.ts';

const BUILD_SCRIPT = path.join(ROOT, 'scripts/build.ts');

/**
 * Stands in for `vite build` in a stand-in web folder: notes each build in FAKE_BUILD_LOG, holds
 * until the file FAKE_BUILD_GO exists (so a test can keep a build under way while others start),
 * then writes a handler.js holding src/page.txt.
 */
const FAKE_VITE = `
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
const out = process.env.HEARTH_WEB_BUILD_OUT;
appendFileSync(process.env.FAKE_BUILD_LOG, out + '\\n');
while (!existsSync(process.env.FAKE_BUILD_GO)) await new Promise((resolve) => setTimeout(resolve, 50));
mkdirSync(out, { recursive: true });
writeFileSync(out + '/handler.js', 'export const page = ' + JSON.stringify(readFileSync('src/page.txt', 'utf8')) + ';\\n');
`;

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

interface FakeWeb {
  dir: string;
  env: Record<string, string>;
  /** Lets builds under way finish. */
  go(): Promise<void>;
  /** One line per build started. */
  builds(): Promise<string[]>;
  /** What web/build/handler.js holds. */
  handler(): Promise<string>;
}

async function fakeWeb(page: string): Promise<FakeWeb> {
  const root = await mkdtemp(path.join(tmpdir(), 'hearth-build-'));
  folders.push(root);
  const dir = path.join(root, 'web');
  await mkdir(path.join(dir, 'src'), { recursive: true });
  await mkdir(path.join(dir, 'node_modules/vite/bin'), { recursive: true });
  await writeFile(path.join(dir, 'package.json'), '{ "name": "stand-in-web", "type": "module" }\n');
  await writeFile(path.join(dir, 'src/page.txt'), page);
  await writeFile(
    path.join(dir, 'node_modules/vite/package.json'),
    '{ "name": "vite", "bin": { "vite": "bin/vite.js" } }\n',
  );
  await writeFile(path.join(dir, 'node_modules/vite/bin/vite.js'), FAKE_VITE);
  const log = path.join(root, 'builds.log');
  const go = path.join(root, 'go');
  await writeFile(log, '');
  return {
    dir,
    env: { FAKE_BUILD_LOG: log, FAKE_BUILD_GO: go },
    go: () => writeFile(go, ''),
    builds: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean),
    handler: () => readFile(path.join(dir, 'build/handler.js'), 'utf8'),
  };
}

interface BuildRun {
  exited: Promise<Exit>;
  output(): string;
}

function runBuild(web: FakeWeb, ...flags: string[]): BuildRun {
  const child = spawn(process.execPath, [BUILD_SCRIPT, ...flags, '--web-dir', web.dir], {
    cwd: ROOT,
    env: { ...process.env, ...web.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { exited: within(exited, 'the build script exiting'), output: () => output };
}

async function buildToEnd(web: FakeWeb, ...flags: string[]): Promise<string> {
  const run = runBuild(web, ...flags);
  const { code } = await run.exited;
  if (code !== 0) throw new Error(`the build script exited with ${code}:\n${run.output()}`);
  return run.output();
}

/** Resolves once `condition` holds, checking every 50 ms. */
async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  await within(
    (async () => {
      while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
    })(),
    what,
  );
}

async function buildsKept(web: FakeWeb): Promise<string[]> {
  const entries = await readdir(path.join(web.dir, BUILDS_FOLDER), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe('scripts/build.ts', () => {
  it('should build once when several starters find no build, the others waiting for it', async () => {
    const web = await fakeWeb('first page');

    const runs = [1, 2, 3].map(() => runBuild(web, '--if-stale'));
    await until(
      async () =>
        (await web.builds()).length === 1 &&
        runs.filter((run) => run.output().includes('waiting for the web build in process')).length === 2,
      'one build under way and two starters waiting for it',
    );
    await web.go();
    const exits = await Promise.all(runs.map((run) => run.exited));

    expect(exits.map((exit) => exit.code)).toEqual([0, 0, 0]);
    expect(await web.builds()).toHaveLength(1);
    expect(runs.filter((run) => run.output().includes('the web app was built meanwhile'))).toHaveLength(2);
    const [only] = await buildsKept(web);
    expect(await readlink(path.join(web.dir, 'build'))).toBe(path.join(BUILDS_FOLDER, only!));
    expect(await web.handler()).toContain('first page');
  });

  it('should rebuild only when a source changed, keeping the two builds before the current one', async () => {
    const web = await fakeWeb('first page');
    await web.go();
    await buildToEnd(web, '--if-stale');
    const [first] = await buildsKept(web);

    expect(await buildToEnd(web, '--if-stale')).toContain('the web app is built from the current sources');
    expect(await web.builds()).toHaveLength(1);

    await writeFile(path.join(web.dir, 'src/page.txt'), 'second page');
    await buildToEnd(web, '--if-stale');
    expect(await web.builds()).toHaveLength(2);
    expect(await web.handler()).toContain('second page');
    expect(await buildsKept(web)).toContain(first);

    // `pnpm build` builds whatever the state.
    await buildToEnd(web);
    await buildToEnd(web);
    expect(await web.builds()).toHaveLength(4);
    const kept = await buildsKept(web);
    expect(kept).toHaveLength(3);
    expect(kept).not.toContain(first);
    expect(await readlink(path.join(web.dir, 'build'))).toBe(path.join(BUILDS_FOLDER, kept[2]!));
  });

  it('should move a build folder made before builds were kept aside into .builds, and rebuild', async () => {
    const web = await fakeWeb('new page');
    await web.go();
    await mkdir(path.join(web.dir, 'build'));
    await writeFile(path.join(web.dir, 'build/handler.js'), 'export const page = "old page";\n');

    await buildToEnd(web, '--if-stale');

    expect(await web.handler()).toContain('new page');
    const kept = await buildsKept(web);
    expect(kept).toHaveLength(2);
    const legacy = kept.find((name) => name.startsWith('legacy-'));
    expect(await readFile(path.join(web.dir, BUILDS_FOLDER, legacy!, 'handler.js'), 'utf8')).toContain('old page');
  });
});

/** pnpm as `pnpm test` was started by it, else through npx. */
function pnpm(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath) && existsSync(execPath)
    ? [process.execPath, [execPath]]
    : ['npx', ['-y', 'pnpm@10']];
}

describe('pnpm start', () => {
  const servers: ServerProcess[] = [];
  const dropDatabases: Array<() => Promise<void>> = [];
  afterAll(async () => {
    await stopAll(servers);
    await Promise.all(dropDatabases.map((drop) => drop()));
  }, PATIENCE_MS);

  it(
    'should bring up two copies started together from one checkout, each serving pages',
    async () => {
      const database = await createPostgresDatabase();
      dropDatabases.push(database.drop);
      const [command, args] = pnpm();

      const copies = await Promise.all(
        [1, 2].map(() => spawnServer(command, [...args, 'start'], { DATABASE_URL: database.url })),
      );
      servers.push(...copies);
      await Promise.all(copies.map((copy) => untilRunning(copy)));

      for (const copy of copies) {
        const page = await fetch(`${copy.url}/`);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await page.text()).toContain('<html');
        expect((await fetch(`${copy.url}/healthz`)).status).toBe(200);
      }
      const builds = copies.map((copy) => copy.output().split('[build] building the web app').length - 1);
      expect(builds.reduce((sum, count) => sum + count, 0)).toBeLessThanOrEqual(1);
    },
    2 * PATIENCE_MS,
  );
});
