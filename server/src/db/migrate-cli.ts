// `pnpm migrate`: runs the migrations alone, for deployments that migrate before starting copies.
import { ConfigError, loadConfig } from '../config.ts';
import { DataFolderLockedError } from './data-folder-lock.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/** Errors whose message says what to do: printed without a stack. */
function failWithMessage(error: unknown): never {
  if (!(error instanceof ConfigError || error instanceof DataFolderLockedError)) throw error;
  console.error(`Cannot migrate: ${error.message}`);
  process.exit(1);
}

let handle: DatabaseHandle;
try {
  const config = loadConfig();
  handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 1 });
} catch (error) {
  failWithMessage(error);
}
try {
  const { results = [] } = await migrateToLatest(handle.db);
  const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Already up to date.');
} finally {
  await handle.close();
}
