// ESLint for the whole workspace: `pnpm lint` checks, `pnpm format` fixes what it can.
// Formatting is Prettier's job (eslint-config-prettier turns off the rules that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import { moduleWalls, readTables } from './server/scripts/eslint-module-walls.ts';

/** Which module owns each table: only that module's code may name it (see eslint-module-walls.ts). */
const MODULE_TABLES = {
  accounts: ['users', 'sessions', 'sign_in_attempts', 'email_tokens'],
  networks: ['networks'],
  memberships: ['memberships', 'join_requests'],
  lifecycle: ['lifecycle_changes'],
  people: ['profiles', 'people_search'],
  notifications: [
    'outbox_emails',
    'email_address_failures',
    'notifications',
    'notification_preferences',
    'notification_settings',
    'unsubscribe_tokens',
  ],
  mentoring: [
    'mentor_offers',
    'needs',
    'mentorship_requests',
    'mentorships',
    'mentorship_check_ins',
    'matching_rounds',
  ],
  venues: ['venues'],
  events: ['events', 'registrations', 'event_series', 'event_roles'],
  calendars: ['calendar_feeds'],
  audit: ['audit_log'],
  safety: ['reports', 'blocks', 'operators'],
  files: ['files'],
  library: [
    'library_items',
    'library_item_versions',
    'library_reviews',
    'library_uses',
    'library_reviewers',
    'library_settings',
    'library_words',
    'library_briefs',
  ],
};

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    'web/build',
    'web/.builds/',
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
    // Type-aware rules where a promise left floating or passed where a callback returns nothing
    // would lose an error or a write without a word.
    files: ['server/**/*.ts', 'tests/**/*.ts', 'seeds/**/*.ts', 'migrations/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['scripts/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['server/src/**/*.ts'],
    plugins: { hearth: moduleWalls },
    rules: {
      'hearth/module-walls': [
        'error',
        {
          tables: MODULE_TABLES,
          allTables: readTables(new URL('./server/src/db/schema.ts', import.meta.url).pathname),
        },
      ],
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
