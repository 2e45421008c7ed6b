// `pnpm operator grant EMAIL`, `pnpm operator revoke EMAIL`, `pnpm operator list`: who the site's
// operators are. Only someone who can run commands on the server can change it, and each change is
// written to the audit trail. With the embedded database, stop the server first (it holds the
// data folder); with DATABASE_URL it can run beside the server.
import { ConfigError, loadConfig } from '../../config.ts';
import { RequestMemo, systemClock, type ServiceContext } from '../../core/context.ts';
import { DomainError } from '../../core/errors.ts';
import { DataFolderLockedError } from '../../db/data-folder-lock.ts';
import { openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { grantOperator, listOperators, revokeOperator } from './operators.ts';

const USAGE = 'Usage: pnpm operator grant EMAIL | pnpm operator revoke EMAIL | pnpm operator list';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const [command, email] = process.argv.slice(2);
if (!(command === 'list' || ((command === 'grant' || command === 'revoke') && email))) fail(USAGE);

let handle: DatabaseHandle;
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
  handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 1 });
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataFolderLockedError)
    fail(`Cannot open the database: ${error.message}`);
  throw error;
}
try {
  await migrateToLatest(handle.db);
  const ctx: ServiceContext = {
    db: handle.db,
    clock: systemClock,
    pubsub: { publish: async () => {} },
    config,
    viewer: null,
    clientAddress: 'command line',
    memo: new RequestMemo(),
  };
  if (command === 'list') {
    const operators = await listOperators(ctx);
    console.log(operators.length ? operators.map((o) => `${o.email}\t${o.name}`).join('\n') : 'No operators yet.');
  } else if (command === 'grant') {
    console.log(
      (await grantOperator(ctx, email!)) ? `${email} is now an operator.` : `${email} was already an operator.`,
    );
  } else {
    console.log(
      (await revokeOperator(ctx, email!)) ? `${email} is no longer an operator.` : `${email} was not an operator.`,
    );
  }
} catch (error) {
  if (error instanceof DomainError) fail(error.message);
  throw error;
} finally {
  await handle.close();
}
