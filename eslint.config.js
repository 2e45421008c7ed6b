// ESLint for the whole workspace: `pnpm lint` checks, `pnpm format` fixes what it can.
// Formatting is Prettier's job (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    'web/build/',
    'web/.svelte-kit/',
    '.hearth/',
    '.bench/',
    '.test-output/',
    'test-results/',
    // generated: `pnpm codegen`, checked for staleness by `pnpm check`
    'server/src/graphql/generated.ts',
    'web/src/lib/graphql/generated.ts',
    'server/src/db/schema.ts',
  ]),
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `interface MercuriusContext extends RequestExtras {}` is how module augmentation is written.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // Migrations must not depend on today's table types: Kysely's docs use Kysely<any> there.
    files: ['migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Code that runs in the browser (and, for SvelteKit, on the server too).
    files: ['web/src/**/*.{ts,js,svelte}', 'tests/browser/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Hearth serves the web app at the site root (no `paths.base`): plain hrefs are right.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        parser: ts.parser,
        extraFileExtensions: ['.svelte'],
      },
    },
  },
  prettier,
  svelte.configs.prettier,
);
