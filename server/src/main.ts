import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { startMaintenance } from './db/maintenance.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadDemoDataIfEmpty } from '../../seeds/demo.ts';
import { webBuildExists } from './web/mount.ts';

async function start(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  if (config.seedDemoData) await loadDemoDataIfEmpty(database.db);

  const app = await buildApp({ config, database, web: webBuildExists() || config.env === 'production' });
  const maintenance = startMaintenance(database, app.log);
  // Before the app's own onClose closes the database.
  app.addHook('preClose', () => maintenance.stop());

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight, then closing the database');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  app.log.info(`Hearth is running at ${config.publicUrl.origin} on ${where}`);
}

start().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Hearth could not start: ${error.message}`);
  } else {
    console.error('Hearth could not start:', error);
  }
  process.exit(1);
});
