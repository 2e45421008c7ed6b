// The test projects. Run them all with `pnpm test` (which also starts a throwaway PostgreSQL
// and builds the web app); one alone with `pnpm test -- --project server`.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    alias: [
      // Vite would resolve `graphql` to its ESM build (index.mjs) while Mercurius, loaded by Node,
      // requires the CommonJS build: two copies, and "Cannot use GraphQLSchema from another
      // module or realm". Point every import at the one copy Node itself loads.
      {
        find: /^graphql$/,
        replacement: require.resolve('graphql', { paths: [new URL('./server', import.meta.url).pathname] }),
      },
    ],
  },
  test: {
    environment: 'node',
    // Two cores: more workers only thrash (PostgreSQL and Chromium want CPU too).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    exclude: ['**/node_modules/**', '**/.git/**', 'web/build/**', 'web/.svelte-kit/**', '.test-output/**'],
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: [
            'server/src/**/*.test.ts',
            'server/scripts/**/*.test.ts',
            'migrations/**/*.test.ts',
            'seeds/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: { name: 'api', include: ['tests/api/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'browser', include: ['tests/browser/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 90_000 },
      },
    ],
  },
});
