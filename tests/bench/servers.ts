// Servers under test, each listening on a free loopback port and closed by `close()`.
// Hearth itself, started as main.ts would but on a database the benchmark owns (shared by
// several servers in turn, so the app must not close it).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig, type Config } from '../../server/src/config.ts';
import type { DatabaseHandle } from '../../server/src/db/database.ts';

export interface RunningServer {
  name: string;
  /** Origin, e.g. http://127.0.0.1:34567 */
  url: string;
  close(): Promise<void>;
}

/** The configuration every server in a run shares: production mode, quiet logs. */
export function benchConfig(logLevel: string): Config {
  return loadConfig({
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    PUBLIC_URL: 'http://127.0.0.1',
    HEARTH_DEMO_DATA: 'false',
    LOG_LEVEL: logLevel,
  });
}

export function originOf(server: Server): string {
  const address = server.address() as AddressInfo | null;
  if (!address || typeof address !== 'object') throw new Error('server is not listening');
  return `http://127.0.0.1:${address.port}`;
}

export function startHearth(config: Config, database: DatabaseHandle): Promise<RunningServer> {
  return listen(config, database, false);
}

/** Hearth serving its web pages too (web/build must exist). */
export function startHearthWithPages(config: Config, database: DatabaseHandle): Promise<RunningServer> {
  return listen(config, database, true);
}

async function listen(config: Config, database: DatabaseHandle, web: boolean): Promise<RunningServer> {
  const app = await buildApp({ config, database, web, closeDatabase: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { name: 'hearth', url: originOf(app.server), close: () => app.close() };
}

/** Closes a node:http server, dropping idle keep-alive connections the load generator left. */
export function closeHttpServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}
