import { parse, PGlite, protocol } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, sql, type Generated, type Selectable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedPglite, type PreparedPglite } from './pglite-statements.ts';

interface Tables {
  things: {
    id: Generated<string>;
    name: string;
    at: Generated<Date>;
    data: Uint8Array | null;
    n: Generated<number>;
    flag: Generated<boolean>;
    tags: Generated<string[]>;
    doc: unknown;
  };
}

describe('preparedPglite', () => {
  let pglite: PGlite;
  let prepared: PreparedPglite;
  let db: Kysely<Tables>;

  beforeAll(async () => {
    pglite = await PGlite.create('memory://');
    prepared = preparedPglite(pglite, { maxStatements: 5 });
    db = new Kysely<Tables>({ dialect: new PGliteDialect({ pglite: prepared }) });
    await sql`create table things (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      at timestamptz not null default now(),
      data bytea,
      n integer not null default 0,
      flag boolean not null default false,
      tags text[] not null default '{}',
      doc jsonb
    )`.execute(db);
  });

  afterAll(async () => {
    await db.destroy();
  });

  it('should give the same rows and types as PGlite.query', async () => {
    await db
      .insertInto('things')
      .values([
        {
          name: 'a',
          at: new Date('2024-05-06T07:08:09.123Z'),
          data: new Uint8Array([0, 1, 254, 255]),
          n: 42,
          flag: true,
          tags: ['x', 'y z', 'q"uote'],
          doc: JSON.stringify({ k: [1, 'two', null], nested: { ok: true } }),
        },
        { name: 'b', data: null, doc: null },
      ])
      .execute();
    const queries = [
      { sql: 'select * from things order by name', params: [] },
      { sql: 'select * from things where name = $1 and n = $2 and flag = $3', params: ['a', 42, true] },
      { sql: 'select * from things where at < $1 and tags && $2', params: [new Date('2030-01-01'), ['y z']] },
      {
        sql: 'select $1::bytea as b, $2::jsonb as j, $3::int[] as ints',
        params: [new Uint8Array([9, 8]), { a: 1 }, [1, 2]],
      },
      { sql: 'select null::text as t, 1.5::numeric as num, 9007199254740993::int8 as big', params: [] },
    ];
    for (const { sql: text, params } of queries) {
      const fast = await prepared.query(text, params, { rowMode: 'object' });
      const plain = await pglite.query(text, params, { rowMode: 'object' });
      expect(fast.rows).toEqual(plain.rows);
      expect(fast.fields).toEqual(plain.fields);
      expect(fast.affectedRows).toBe(plain.affectedRows);
    }
    const [a] = (await db.selectFrom('things').selectAll().where('name', '=', 'a').execute()) as [
      Selectable<Tables['things']>,
    ];
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.at).toBeInstanceOf(Date);
    expect(a.at.toISOString()).toBe('2024-05-06T07:08:09.123Z');
    expect(a.data).toBeInstanceOf(Uint8Array);
    expect([...a.data!]).toEqual([0, 1, 254, 255]);
    expect(a.n).toBe(42);
    expect(a.flag).toBe(true);
    expect(a.tags).toEqual(['x', 'y z', 'q"uote']);
    expect(a.doc).toEqual({ k: [1, 'two', null], nested: { ok: true } });
    const b = await db.selectFrom('things').select(['data', 'doc']).where('name', '=', 'b').executeTakeFirstOrThrow();
    expect(b).toEqual({ data: null, doc: null });
  });

  it('should report affected rows for insert, update and delete', async () => {
    const inserted = await db
      .insertInto('things')
      .values([{ name: 'c1' }, { name: 'c2' }, { name: 'c3' }])
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(3n);
    const updated = await db.updateTable('things').set({ n: 7 }).where('name', 'like', 'c%').executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(3n);
    const deleted = await db.deleteFrom('things').where('name', 'in', ['c1', 'c2']).executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(2n);
    const returned = await db.deleteFrom('things').where('name', '=', 'c3').returning('n').execute();
    expect(returned).toEqual([{ n: 7 }]);
  });

  it('should surface a unique violation as a PGlite error with code 23505', async () => {
    await db.insertInto('things').values({ name: 'dup' }).execute();
    const error = await db
      .insertInto('things')
      .values({ name: 'dup' })
      .execute()
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({ code: '23505', constraint: 'things_name_key' });
    expect((error as { query?: string }).query).toMatch(/^insert into "things"/);
    // The statement is still usable afterwards.
    await db.insertInto('things').values({ name: 'dup2' }).execute();
    const invalid = await prepared.query('select * from things where id = $1', ['not-a-uuid']).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ code: '22P02' });
    expect(await prepared.query('select 1 as one')).toMatchObject({ rows: [{ one: 1 }] });
  });

  it('should leave nothing behind after a rolled-back transaction', async () => {
    const failed = await db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('things').values({ name: 'tx-1' }).execute();
        await trx.updateTable('things').set({ n: 99 }).where('name', '=', 'a').execute();
        expect(await trx.selectFrom('things').select('name').where('name', '=', 'tx-1').executeTakeFirst()).toEqual({
          name: 'tx-1',
        });
        await trx.insertInto('things').values({ name: 'dup' }).execute(); // 23505 aborts it
      })
      .catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: '23505' });
    expect(await db.selectFrom('things').select('name').where('name', '=', 'tx-1').execute()).toEqual([]);
    expect(await db.selectFrom('things').select('n').where('name', '=', 'a').executeTakeFirst()).toEqual({ n: 42 });
  });

  it('should not let other statements interleave inside a transaction', async () => {
    await db.insertInto('things').values({ name: 'counter', n: 0 }).execute();
    const events: string[] = [];
    const increment = (label: string) =>
      db.transaction().execute(async (trx) => {
        events.push(`${label}:begin`);
        const { n } = await trx
          .selectFrom('things')
          .select('n')
          .where('name', '=', 'counter')
          .executeTakeFirstOrThrow();
        await new Promise((resolve) => setTimeout(resolve, 5));
        await trx
          .updateTable('things')
          .set({ n: n + 1 })
          .where('name', '=', 'counter')
          .execute();
        events.push(`${label}:end`);
      });
    const outside = async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      const row = await db.selectFrom('things').select('n').where('name', '=', 'counter').executeTakeFirstOrThrow();
      events.push(`outside:${row.n}`);
    };
    // Also straight on the wrapper, which Kysely's own mutex does not guard.
    const direct = prepared.transaction(async (tx) => {
      const { rows } = await tx.query<{ n: number }>("select n from things where name = 'counter'");
      await new Promise((resolve) => setTimeout(resolve, 5));
      await tx.query("update things set n = $1 where name = 'counter'", [rows[0]!.n + 1]);
    });
    const directOutside = prepared.query<{ n: number }>("select n from things where name = 'counter'");
    await Promise.all([increment('t1'), increment('t2'), increment('t3'), outside(), direct, directOutside]);
    expect((await directOutside).rows[0]!.n).toBeGreaterThanOrEqual(1);
    const { n } = await db.selectFrom('things').select('n').where('name', '=', 'counter').executeTakeFirstOrThrow();
    expect(n).toBe(4);
    // Each transaction's begin is followed by its own end.
    const transactional = events.filter((e) => !e.startsWith('outside'));
    for (let i = 0; i < transactional.length; i += 2) {
      expect(transactional[i]!.replace(':begin', '')).toBe(transactional[i + 1]!.replace(':end', ''));
    }
  });

  it('should close the least recently used statement beyond the bound', async () => {
    const before = { ...prepared.stats };
    for (let i = 0; i < 12; i++) {
      const { rows } = await prepared.query(`select $1::int + ${i} as v`, [1]);
      expect(rows).toEqual([{ v: i + 1 }]);
    }
    expect(prepared.stats.cached).toBe(5);
    expect(prepared.stats.evicted - before.evicted).toBeGreaterThanOrEqual(7);
    // Closed statements are really gone on the server; the cache holds at most the bound.
    await prepared.query('select 1');
    const { rows } = await pglite.query<{ count: number }>('select count(*)::int as count from pg_prepared_statements');
    expect(rows[0]!.count).toBeLessThanOrEqual(5);
    // The most recent ones are reused, not prepared again.
    const prepares = prepared.stats.prepared;
    await prepared.query('select $1::int + 11 as v', [1]);
    expect(prepared.stats.prepared).toBe(prepares);
  });

  it('should prepare again after a schema change', async () => {
    await sql`create table shape (id int primary key, a text)`.execute(db);
    await sql`insert into shape values (1, 'x')`.execute(db);
    const select = () =>
      db
        .selectFrom('shape' as never)
        .selectAll()
        .execute();
    expect(await select()).toEqual([{ id: 1, a: 'x' }]);
    expect(await select()).toEqual([{ id: 1, a: 'x' }]);
    await sql`alter table shape add column b int default 5`.execute(db);
    expect(await select()).toEqual([{ id: 1, a: 'x', b: 5 }]);
    // A change the cache does not see (straight on PGlite) is caught by the retry.
    await pglite.exec('alter table shape drop column a');
    expect(await select()).toEqual([{ id: 1, b: 5 }]);
  });

  it('should run statements that cannot be prepared through the plain path', async () => {
    const unprepared = prepared.stats.unprepared;
    await sql`create table multi (id int); insert into multi values (1)`.execute(db).catch(() => undefined);
    await sql`create table multi (id int)`.execute(db);
    await sql`set search_path to public`.execute(db);
    expect(prepared.stats.unprepared - unprepared).toBeGreaterThanOrEqual(2);
    expect(
      await db
        .selectFrom('multi' as never)
        .selectAll()
        .execute(),
    ).toEqual([]);
  });
});

/** Lets every pending promise chain that is not waiting on a lock run to its end. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

function gate(): { open: () => void; opened: Promise<void> } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

// What preparedPglite takes from PGlite beyond its documented API, checked so that a new PGlite
// fails here, naming what changed, instead of misbehaving quietly.
describe('the PGlite internals preparedPglite relies on', () => {
  let pglite: PGlite;

  beforeAll(async () => {
    pglite = await PGlite.create('memory://');
  });

  afterAll(async () => {
    await pglite.close();
  });

  it.each([
    ['_checkReady', 0],
    ['_runExclusiveQuery', 1],
    ['_runExclusiveTransaction', 1],
  ])('should still have the private method %s, taking %i parameters', (name, parameters) => {
    const member = (pglite as unknown as Record<string, unknown>)[name];
    expect(typeof member, `PGlite.${name} is gone, or no longer a method; preparedPglite calls it`).toBe('function');
    expect(
      (member as (...args: unknown[]) => unknown).length,
      `PGlite.${name} now declares a different number of parameters; check what it does before relying on it`,
    ).toBe(parameters);
  });

  it('should wait in _checkReady until PGlite is ready, and refuse once it is closed', async () => {
    const starting = new PGlite('memory://');
    await starting._checkReady();
    expect(starting.ready, 'PGlite._checkReady resolved before PGlite was ready').toBe(true);
    await starting.close();
    const refused = await starting._checkReady().then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused, 'PGlite._checkReady no longer refuses a closed PGlite').toBeInstanceOf(Error);
  });

  it('should keep PGlite.query waiting while _runExclusiveQuery runs, and hand back its result', async () => {
    const order: string[] = [];
    const held = gate();
    const exclusive = pglite._runExclusiveQuery(async () => {
      await held.opened;
      order.push('exclusive');
      return 'its result';
    });
    const query = pglite.query('select 1 as one').then(() => order.push('query'));
    await settle();
    expect(order, 'PGlite.query ran while _runExclusiveQuery held its lock: they no longer share one').toEqual([]);
    held.open();
    expect(await exclusive, 'PGlite._runExclusiveQuery no longer returns what its function returns').toBe('its result');
    await query;
    expect(order).toEqual(['exclusive', 'query']);
  });

  it('should keep PGlite.transaction waiting while _runExclusiveTransaction runs, but not the query lock', async () => {
    const order: string[] = [];
    const held = gate();
    const exclusive = pglite._runExclusiveTransaction(async () => {
      // preparedPglite takes the query lock inside this one, as PGlite.query does.
      const inner = await pglite._runExclusiveQuery(async () => 'inner');
      order.push(inner);
      await held.opened;
      order.push('exclusive');
      return 'its result';
    });
    const transaction = pglite.transaction(async (tx) => {
      await tx.query('select 1');
      order.push('transaction');
    });
    await settle();
    expect(
      order,
      'PGlite.transaction ran while _runExclusiveTransaction held its lock, or _runExclusiveQuery could not be taken inside it',
    ).toEqual(['inner']);
    held.open();
    expect(await exclusive, 'PGlite._runExclusiveTransaction no longer returns what its function returns').toBe(
      'its result',
    );
    await transaction;
    expect(order).toEqual(['inner', 'exclusive', 'transaction']);
  });

  it('should round-trip a named statement through execProtocol and the exported parsers', async () => {
    const { serialize } = protocol;
    const text = 'select $1::int4 + 1 as v';
    const described = await pglite._runExclusiveQuery(() =>
      pglite.execProtocol(
        new Uint8Array([
          ...serialize.parse({ name: 'round_trip', text }),
          ...serialize.describe({ type: 'S', name: 'round_trip' }),
          ...serialize.sync(),
        ]),
        { syncToFs: false },
      ),
    );
    const paramTypes = parse.parseDescribeStatementResults(described.messages);
    expect(paramTypes, 'parse.parseDescribeStatementResults no longer gives the parameter type ids').toEqual([23]);
    const run = await pglite._runExclusiveQuery(() =>
      pglite.execProtocol(
        new Uint8Array([
          ...serialize.bind({ statement: 'round_trip', values: [pglite.serializers[23]!(41) as string] }),
          ...serialize.describe({ type: 'P' }),
          ...serialize.execute({}),
          ...serialize.sync(),
        ]),
        { syncToFs: false },
      ),
    );
    const [result] = parse.parseResults(run.messages, pglite.parsers);
    const plain = await pglite.query(text, [41]);
    expect(result?.rows, 'a named statement run through execProtocol gave other rows than PGlite.query').toEqual([
      { v: 42 },
    ]);
    expect(result?.fields).toEqual(plain.fields);
  });
});
