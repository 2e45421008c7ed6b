// `pnpm check`: everything short of running the tests, one step after another; each reports
// pass or fail and its time, and a failed step does not stop the later ones.
//
//   lint        eslint, prettier --check
//   typecheck   tsc -p server, tsc -p tests, svelte-check of the web app
//   codegen     regenerates the GraphQL and database types (and checks the gazetteer) and fails
//               when that changed them
//
// `pnpm check -- lint codegen` runs only the steps whose names start with those words.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATED = ['server/src/graphql/generated.ts', 'web/src/lib/graphql/generated.ts'];

// Tools from node_modules/.bin, run by the Node that runs this script (24, as pnpm scripts do).
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: [join(ROOT, 'node_modules', '.bin'), dirname(process.execPath), process.env.PATH].join(':'),
};

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** pnpm as this script was started by it (npm_execpath), else through npx. */
function pnpm(args: string[]): Promise<number> {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath) && existsSync(execPath)) return run(process.execPath, [execPath, ...args]);
  return run('npx', ['-y', 'pnpm@10', ...args]);
}

function read(path: string): string | null {
  const file = join(ROOT, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

async function codegenIsFresh(): Promise<number> {
  const before = GENERATED.map(read);
  const codegen = await run('graphql-codegen', ['--config', 'codegen.ts']);
  if (codegen !== 0) return codegen;
  const changed = GENERATED.filter((path, index) => read(path) !== before[index]);
  let status = 0;
  if (changed.length > 0) {
    console.error(`\nStale generated files (now regenerated; review and commit them): ${changed.join(', ')}`);
    await run('git', ['--no-pager', 'diff', '--stat', '--', ...changed]);
    status = 1;
  }
  // On a clean checkout (CI) this is the same question asked of git: does the result match the commit?
  if (process.env.CI) {
    const dirty = await run('git', ['diff', '--exit-code', '--quiet', '--', ...GENERATED]);
    if (dirty !== 0) {
      console.error('Generated files differ from the commit:');
      await run('git', ['--no-pager', 'diff', '--stat', '--', ...GENERATED]);
      status = 1;
    }
  }
  const dbTypes = await run(process.execPath, ['server/scripts/db-types.ts', '--check']);
  const gazetteer = await run(process.execPath, ['server/scripts/build-gazetteer.ts', '--check']);
  return status || dbTypes || gazetteer;
}

const steps: Array<{ name: string; run: () => Promise<number> }> = [
  { name: 'lint: eslint', run: () => run('eslint', ['.']) },
  { name: 'lint: prettier', run: () => run('prettier', ['--check', '.', '--log-level', 'warn']) },
  { name: 'typecheck: server', run: () => run('tsc', ['-p', 'server']) },
  { name: 'typecheck: tests', run: () => run('tsc', ['-p', 'tests']) },
  { name: 'typecheck: web', run: () => pnpm(['--filter', '@hearth/web', 'check']) },
  { name: 'codegen: fresh', run: codegenIsFresh },
];

const wanted = process.argv.slice(2).filter((arg) => arg !== '--');
const selected = wanted.length ? steps.filter((step) => wanted.some((word) => step.name.startsWith(word))) : steps;
if (selected.length === 0) {
  console.error(`No step matches ${wanted.join(' ')}; steps: ${steps.map((step) => step.name).join(', ')}`);
  process.exit(2);
}

const results: Array<{ name: string; ok: boolean; seconds: number }> = [];
const started = performance.now();
for (const step of selected) {
  console.log(`\n▶ ${step.name}`);
  const stepStarted = performance.now();
  const status = await step.run();
  const seconds = (performance.now() - stepStarted) / 1000;
  results.push({ name: step.name, ok: status === 0, seconds });
  console.log(`${status === 0 ? '✔ passed' : `✘ FAILED (exit ${status})`}: ${step.name} in ${seconds.toFixed(1)} s`);
}

const failed = results.filter((result) => !result.ok);
console.log('\ncheck summary');
for (const result of results) {
  console.log(`  ${result.ok ? 'pass' : 'FAIL'}  ${result.name.padEnd(20)} ${result.seconds.toFixed(1).padStart(6)} s`);
}
console.log(
  `check: ${failed.length === 0 ? 'all passed' : `${failed.length} of ${results.length} failed`} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(failed.length === 0 ? 0 : 1);
