// This file reaches into PGlite: three private methods, `_checkReady`, `_runExclusiveTransaction`
// and `_runExclusiveQuery`, to take PGlite's own locks around the wire-protocol messages it sends,
// exactly as `PGlite.query` and `PGlite.transaction` do. That is why @electric-sql/pglite is pinned
// to an exact version (0.5.16) in server/package.json; before moving the pin, run
// pglite-statements.test.ts, which fails naming the member that changed (gone, a new arity, or no
// longer holding the lock `query` or `transaction` takes).
//
// It can go when PGlite's public API keeps statements prepared: a named prepared statement that is
// parsed once and later run by name (as node-postgres does with `{ name, text }`), or `query`
// caching its parsed statements itself; Kysely's PGlite dialect would then get the same saving
// without this wrapper. Short of that, a public lock for protocol messages, usable both inside
// and outside `transaction`, would remove the private calls. `PGlite.runExclusive` is not that
// lock: it takes only the query lock, though documented as keeping transactions out too, and made
// to match its documentation it would deadlock when called inside `transaction`.
import { parse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';

/**
 * PGlite behind Kysely's `PGliteDialect`, with the statements Kysely sends kept as named prepared
 * statements. `PGlite.query` makes six calls into wasm Postgres per statement (parse, describe,
 * bind, describe, execute, sync) and plans the statement again every time; here a statement is
 * parsed once (Parse + Describe statement, to learn its parameter types) and every later run is a
 * single Bind + Describe portal + Execute + Sync message.
 *
 * Only what Kysely's PGlite driver uses is implemented: `query` (outside a transaction) and
 * `transaction` with `query` and `rollback` on the transaction. Locking is PGlite's own: outside a
 * transaction a statement takes the transaction mutex and the query mutex, exactly like
 * `PGlite.query`; inside `transaction` (which holds the transaction mutex) only the query mutex.
 * Results, parsers, serializers and errors are PGlite's own.
 *
 * Statements that are not select/insert/update/delete/with, or that carry options beyond `rowMode`,
 * go through `PGlite.query` unchanged. Any of those other than transaction control (DDL, `set`, …)
 * empties the cache, and a statement that fails with "cached plan must not change result type" is
 * dropped and, outside a transaction, run again once.
 */
export interface PreparedPglite {
  readonly closed: boolean;
  readonly ready: boolean;
  readonly waitReady: Promise<void>;
  close(): Promise<void>;
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  transaction<T>(callback: (tx: PreparedTransaction) => Promise<T>): Promise<T>;
  /** Counters, for tests. */
  readonly stats: PreparedStatementStats;
}

export interface PreparedTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  rollback(): Promise<void>;
  readonly closed: boolean;
}

export interface PreparedStatementStats {
  /** Statements currently prepared. */
  cached: number;
  prepared: number;
  reused: number;
  evicted: number;
  /** Statements sent through `PGlite.query`. */
  unprepared: number;
  /** Times the whole cache was dropped. */
  cleared: number;
}

export interface PreparedPgliteOptions {
  /** Most statements kept prepared; the least recently used one is closed beyond it. */
  maxStatements?: number;
}

interface Statement {
  name: string;
  paramTypes: number[];
}

const PREPARABLE = /^\s*(?:select|insert|update|delete|with)\b/i;
const TRANSACTION_CONTROL =
  /^\s*(?:begin|start\s+transaction|commit|end|rollback|abort|savepoint|release|prepare\s+transaction)\b/i;
const CACHED_PLAN_CHANGED = '0A000';
const { serialize } = protocol;
const SYNC = serialize.sync();
const DESCRIBE_PORTAL = serialize.describe({ type: 'P' });
const EXECUTE = serialize.execute({});

export function preparedPglite(pglite: PGlite, options: PreparedPgliteOptions = {}): PreparedPglite {
  const maxStatements = options.maxStatements ?? 200;
  /** SQL text → statement, oldest use first (a Map keeps insertion order). */
  const cache = new Map<string, Statement>();
  /** Names to close on the server, sent ahead of the next message. */
  let pendingClose: string[] = [];
  let counter = 0;
  const stats: PreparedStatementStats = {
    cached: 0,
    prepared: 0,
    reused: 0,
    evicted: 0,
    unprepared: 0,
    cleared: 0,
  };

  function clear(): void {
    if (cache.size === 0) return;
    for (const statement of cache.values()) pendingClose.push(statement.name);
    cache.clear();
    stats.cached = 0;
    stats.cleared++;
  }

  function drop(sql: string): void {
    const statement = cache.get(sql);
    if (!statement) return;
    cache.delete(sql);
    pendingClose.push(statement.name);
    stats.cached = cache.size;
  }

  /** Prepends the pending Close messages to `parts` and forgets them (Close never fails). */
  function message(parts: Uint8Array[]): Uint8Array {
    if (pendingClose.length > 0) {
      parts = [...pendingClose.map((name) => serialize.close({ type: 'S', name })), ...parts];
      pendingClose = [];
    }
    if (parts.length === 1) return parts[0]!;
    let length = 0;
    for (const part of parts) length += part.length;
    const out = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }

  function withQuery(error: unknown, sql: string, params: unknown[], options: QueryOptions | undefined): unknown {
    // What PGlite's makePGliteError adds to a DatabaseError.
    if (error instanceof protocol.messages.DatabaseError) {
      Object.assign(error, { query: sql, params, queryOptions: options });
    }
    return error;
  }

  async function statementFor(sql: string): Promise<Statement> {
    const cached = cache.get(sql);
    if (cached) {
      // Move to the most recently used end.
      cache.delete(sql);
      cache.set(sql, cached);
      stats.reused++;
      return cached;
    }
    const name = `hearth_${(counter++).toString(36)}`;
    const { messages } = await pglite.execProtocol(
      message([serialize.parse({ name, text: sql }), serialize.describe({ type: 'S', name }), SYNC]),
      { syncToFs: false },
    );
    const statement: Statement = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    cache.set(sql, statement);
    stats.prepared++;
    if (cache.size > maxStatements) {
      const oldest = cache.keys().next().value!;
      drop(oldest);
      stats.evicted++;
    }
    stats.cached = cache.size;
    return statement;
  }

  async function execute<T>(
    sql: string,
    params: unknown[],
    options: QueryOptions | undefined,
    inTransaction: boolean,
  ): Promise<Results<T>> {
    const statement = await statementFor(sql);
    // The same serialisation as PGlite.query.
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const serializer = pglite.serializers[statement.paramTypes[i]!];
      return serializer ? serializer(param) : (param as { toString(): string }).toString();
    });
    const { messages } = await pglite.execProtocol(
      message([serialize.bind({ statement: statement.name, values }), DESCRIBE_PORTAL, EXECUTE, SYNC]),
      { syncToFs: false },
    );
    if (!inTransaction) await pglite.syncToFs();
    return parse.parseResults(messages, pglite.parsers, options)[0] as Results<T>;
  }

  async function run<T>(
    sql: string,
    params: unknown[] = [],
    options: QueryOptions | undefined,
    inTransaction: boolean,
  ): Promise<Results<T>> {
    try {
      return await execute<T>(sql, params, options, inTransaction);
    } catch (error) {
      if ((error as { code?: unknown }).code !== CACHED_PLAN_CHANGED) throw withQuery(error, sql, params, options);
      drop(sql);
      // Inside a transaction the error has aborted it; outside, prepare again and retry once.
      if (inTransaction) throw withQuery(error, sql, params, options);
      try {
        return await execute<T>(sql, params, options, inTransaction);
      } catch (retryError) {
        throw withQuery(retryError, sql, params, options);
      }
    }
  }

  function preparable(sql: string, options: QueryOptions | undefined): boolean {
    if (options && Object.entries(options).some(([key, value]) => key !== 'rowMode' && value !== undefined)) {
      return false;
    }
    return PREPARABLE.test(sql);
  }

  async function unprepared<T>(sql: string, runPlain: () => Promise<Results<T>>): Promise<Results<T>> {
    stats.unprepared++;
    try {
      return await runPlain();
    } finally {
      // DDL, `set` and the like may change what a prepared statement means; after it, prepare afresh.
      if (!TRANSACTION_CONTROL.test(sql)) clear();
    }
  }

  return {
    get closed() {
      return pglite.closed;
    },
    get ready() {
      return pglite.ready;
    },
    get waitReady() {
      return pglite.waitReady;
    },
    close: () => pglite.close(),
    stats,
    async query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
      if (!preparable(sql, options)) return unprepared(sql, () => pglite.query<T>(sql, params, options));
      await pglite._checkReady();
      return pglite._runExclusiveTransaction(() =>
        pglite._runExclusiveQuery(() => run<T>(sql, params, options, false)),
      );
    },
    async transaction<T>(callback: (tx: PreparedTransaction) => Promise<T>): Promise<T> {
      return pglite.transaction((tx: Transaction) =>
        callback({
          get closed() {
            return tx.closed;
          },
          rollback: () => tx.rollback(),
          async query<R>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<R>> {
            if (!preparable(sql, options)) return unprepared(sql, () => tx.query<R>(sql, params, options));
            if (tx.closed) throw new Error('Transaction is closed');
            return pglite._runExclusiveQuery(() => run<R>(sql, params, options, true));
          },
        }),
      );
    },
  };
}
