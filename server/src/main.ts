import { createServer, type Server } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { DataFolderLockedError } from './db/data-folder-lock.ts';
import { openDatabase, type DatabaseHandle } from './db/database.ts';
import { startMaintenance } from './db/maintenance.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadDemoDataIfEmpty } from '../../seeds/demo.ts';
import { webBuildExists } from './web/mount.ts';

/** The port cannot be listened on; the message says why and what to do. */
class PortUnavailableError extends Error {
  override name = 'PortUnavailableError';
}

/** The port, held from before the database is touched until the app listens on it. */
interface PortReservation {
  port: number;
  release(): Promise<void>;
}

/**
 * Binds HOST:PORT first, so a start that cannot listen fails before it opens, migrates or
 * vacuums anything. Connections that arrive while the app is still being built are closed at
 * once: the client sees a refusal, as if nothing listened yet, and tries again.
 */
function reservePort(host: string, port: number): Promise<PortReservation> {
  return new Promise((resolve, reject) => {
    const server: Server = createServer((socket) => socket.destroy());
    server.once('error', (error: NodeJS.ErrnoException) => reject(portError(error, host, port)));
    server.listen({ host, port }, () => {
      const address = server.address();
      resolve({
        // PORT=0 asks for any free port: the app then listens on the one reserved.
        port: typeof address === 'object' && address ? address.port : port,
        release: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function portError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new PortUnavailableError(
        `port ${port} on ${host} is in use (another Hearth server?). Stop it, or set PORT to another port.`,
      );
    case 'EACCES':
      return new PortUnavailableError(`port ${port} on ${host} needs privileges this user lacks; set PORT above 1023.`);
    case 'EADDRNOTAVAIL':
      return new PortUnavailableError(`HOST ${host} is not an address of this machine; try 127.0.0.1 or 0.0.0.0.`);
    default:
      return error;
  }
}

/** Opens and prepares the database, then builds the app on it, ready to listen (closing the database if that fails). */
async function prepareApp(config: Config): Promise<FastifyInstance> {
  const database: DatabaseHandle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    if (config.seedDemoData) await loadDemoDataIfEmpty(database.db);
    const app = await buildApp({ config, database, web: webBuildExists() || config.env === 'production' });
    const maintenance = startMaintenance(database, app.log);
    // Before the app's own onClose closes the database.
    app.addHook('preClose', () => maintenance.stop());
    await app.ready();
    return app;
  } catch (error) {
    await database.close();
    throw error;
  }
}

function closeOnSignals(app: FastifyInstance): void {
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
}

async function start(): Promise<void> {
  const config = loadConfig();
  const reservation = await reservePort(config.host, config.port);
  let app: FastifyInstance;
  try {
    app = await prepareApp(config);
    closeOnSignals(app);
  } finally {
    await reservation.release();
  }
  try {
    // At once: the port is free only since the line above.
    await app.listen({ port: reservation.port, host: config.host });
  } catch (error) {
    await app.close();
    throw portError(error as NodeJS.ErrnoException, config.host, reservation.port);
  }
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  app.log.info(`Hearth is running at ${config.publicUrl.origin} on ${where}`);
}

start().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataFolderLockedError || error instanceof PortUnavailableError) {
    console.error(`Hearth could not start: ${error.message}`);
  } else {
    console.error('Hearth could not start:', error);
  }
  process.exit(1);
});
