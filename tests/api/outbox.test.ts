// The outbox across real processes: Hearth as `node server/src/main.ts` on the test PostgreSQL,
// sending to a real SMTP server on loopback. The test queues mail through the notifications
// service, on the same database, as another module would, and reads what arrives.
//
//   - killed with SIGKILL mid-send and started again: every message arrives, once or twice, a
//     second time only with the same Message-ID (on PostgreSQL, and on a PGlite data folder);
//   - two copies on one database: 500 messages, none twice;
//   - a mail server that is off, then busy (421), then up: nothing lost.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import * as notifications from '../../server/src/modules/notifications/service.ts';
import { createPostgresDatabase } from '../../server/src/testing/databases.ts';
import { serviceContext, testConfig } from '../../server/src/testing/factories.ts';
import { startTestSmtpServer, type ReceivedEmail, type TestSmtpServer } from '../../server/src/testing/smtp.ts';
import { spawnMain, stop, stopAll, untilRunning, type ServerProcess } from '../support/processes.ts';

/** Every wait of this file ends by then, and each test well within a minute. */
const WAIT_MS = 40_000;

/** The outbox's timings in the copies under test: quick polls, claims and first retries. */
const OUTBOX_ENV = { OUTBOX_POLL_MS: '50', OUTBOX_LEASE_MS: '3000', OUTBOX_FIRST_RETRY_MS: '200' };

interface Setting {
  database: DatabaseHandle;
  url: string;
  drop(): Promise<void>;
}

/** A new migrated database on the test PostgreSQL, and a handle of the test's own on it. */
async function newDatabase(): Promise<Setting> {
  const created = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: created.url, dataDir: '', maxConnections: 4 });
  await migrateToLatest(database.db);
  return {
    database,
    url: created.url,
    async drop() {
      await database.close();
      await created.drop();
    },
  };
}

/** Queues `count` emails in transactions of 50, as a module's changes would; returns their ids and Message-IDs. */
async function queue(
  database: DatabaseHandle,
  count: number,
  label: string,
): Promise<Array<{ id: string; messageId: string; to: string; subject: string }>> {
  const ctx = serviceContext(database.db);
  const queued: Array<{ id: string; messageId: string; to: string; subject: string }> = [];
  for (let start = 0; start < count; start += 50) {
    await database.db.transaction().execute(async (trx) => {
      for (let n = start; n < Math.min(start + 50, count); n += 1) {
        const to = `${label}.${n}@example.org`;
        const content = notifications.composeEmail(
          { config: testConfig() },
          {
            subject: `Message ${n}`,
            paragraphs: [`This is message ${n} of ${count}.`],
            action: { label: 'Open Hearth', url: `/messages/${n}` },
          },
        );
        const email = await notifications.queueEmail(
          { ...ctx, db: trx },
          { to, userId: null, kind: 'ACCOUNT', ...content },
        );
        queued.push({ ...email, to, subject: content.subject });
      }
    });
  }
  return queued;
}

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function statuses(database: DatabaseHandle): Promise<Record<string, number>> {
  const rows = await database.db
    .selectFrom('outbox_emails')
    .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
}

/** How many times each Message-ID arrived. */
function arrivals(received: ReceivedEmail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of received) counts.set(message.messageId, (counts.get(message.messageId) ?? 0) + 1);
  return counts;
}

const servers: ServerProcess[] = [];
let setting: Setting | null = null;
let smtp: TestSmtpServer | null = null;

async function startCopy(env: Record<string, string>): Promise<ServerProcess> {
  const server = await spawnMain({ ...OUTBOX_ENV, ...env });
  servers.push(server);
  await untilRunning(server);
  return server;
}

afterEach(async () => {
  await stopAll(servers.splice(0));
  await smtp?.close();
  smtp = null;
  await setting?.drop();
  setting = null;
}, 60_000);

describe('the outbox across processes', () => {
  beforeAll(() => {
    // createPostgresDatabase needs the test server: fail early with its message otherwise.
    expect(process.env.HEARTH_TEST_POSTGRES_URL).toBeTruthy();
  });
  afterAll(() => stopAll(servers.splice(0)), 60_000);

  it(
    'should deliver every message once, or twice with the same Message-ID, when killed mid-send',
    { timeout: 90_000 },
    async () => {
      setting = await newDatabase();
      smtp = await startTestSmtpServer();
      // A slow server: the copy is killed with most of the 200 still to send, some mid-send.
      smtp.delayMs = 10;
      const queued = await queue(setting.database, 200, 'killed');
      const env = { DATABASE_URL: setting.url, SMTP_URL: smtp.url };

      const first = await startCopy(env);
      await smtp.untilCount(20, WAIT_MS);
      stop(first, 'SIGKILL');
      await first.exited;
      const atKill = smtp.count;
      const leftPending = (await statuses(setting.database)).PENDING ?? 0;
      expect(atKill).toBeLessThan(200);
      expect(leftPending).toBeGreaterThan(0);

      smtp.delayMs = 0;
      await startCopy(env);
      await until(async () => (await statuses(setting!.database)).SENT === 200, 'all 200 marked sent');
      await until(() => new Set(smtp!.received.map((m) => m.messageId)).size === 200, 'all 200 arrived');

      const counts = arrivals(smtp.received);
      const stored = new Map(queued.map((email) => [email.messageId, email]));
      expect([...counts.keys()].sort()).toEqual([...stored.keys()].sort());
      expect([...counts.values()].every((times) => times === 1 || times === 2)).toBe(true);
      // A message that came twice is the same message: same recipient and subject both times.
      for (const message of smtp.received) {
        const email = stored.get(message.messageId)!;
        expect(message.to).toEqual([email.to]);
        expect(message.subject).toBe(email.subject);
      }
      const twice = [...counts.values()].filter((times) => times === 2).length;
      console.log(
        `SIGKILL after ${atKill} of 200 arrived (${leftPending} pending): all 200 delivered, ${twice} twice (same Message-ID)`,
      );
    },
  );

  it('should deliver 500 messages from two copies on one database, none twice', { timeout: 90_000 }, async () => {
    setting = await newDatabase();
    smtp = await startTestSmtpServer();
    const env = { DATABASE_URL: setting.url, SMTP_URL: smtp.url };
    // Each copy signs its mail, so the test can tell that both took part.
    await Promise.all([
      startCopy({ ...env, MAIL_FROM: 'Copy A <a@hearth.example>' }),
      startCopy({ ...env, MAIL_FROM: 'Copy B <b@hearth.example>' }),
    ]);
    const queued = await queue(setting.database, 500, 'two-copies');

    await until(async () => (await statuses(setting!.database)).SENT === 500, 'all 500 marked sent');
    await smtp.untilCount(500, WAIT_MS);
    const counts = arrivals(smtp.received);
    expect(smtp.count).toBe(500);
    expect(counts.size).toBe(500);
    expect([...counts.keys()].sort()).toEqual(queued.map((email) => email.messageId).sort());
    const bySender = { a: 0, b: 0 };
    for (const message of smtp.received) bySender[message.from === 'a@hearth.example' ? 'a' : 'b'] += 1;
    expect(bySender.a + bySender.b).toBe(500);
    expect(bySender.a).toBeGreaterThan(0);
    expect(bySender.b).toBeGreaterThan(0);
    console.log(`two copies: 500 delivered once each, ${bySender.a} by one copy and ${bySender.b} by the other`);
  });

  it('should lose nothing while the mail server is off, then busy (421), then back', { timeout: 90_000 }, async () => {
    setting = await newDatabase();
    smtp = await startTestSmtpServer({ down: true });
    const database = setting.database;
    await startCopy({ DATABASE_URL: setting.url, SMTP_URL: smtp.url });
    const queued = await queue(database, 50, 'server-down');

    const lastErrors = async () =>
      (await database.db.selectFrom('outbox_emails').select('last_error').execute()).map((row) => row.last_error ?? '');
    // Off: connections refused; every message tried (or given back untried) and still pending.
    await until(async () => (await lastErrors()).every((error) => error.includes('ECONNREFUSED')), 'refusals recorded');
    expect(await statuses(database)).toEqual({ PENDING: 50 });

    // On, but answering every connection with 421.
    smtp.busy = true;
    await smtp.up();
    await until(async () => (await lastErrors()).some((error) => error.includes('421')), 'a 421 recorded');
    expect(smtp.count).toBe(0);
    expect(await statuses(database)).toEqual({ PENDING: 50 });

    // Back: everything arrives, once.
    smtp.busy = false;
    await until(async () => (await statuses(database)).SENT === 50, 'all 50 marked sent');
    const counts = arrivals(smtp.received);
    expect([...counts.keys()].sort()).toEqual(queued.map((email) => email.messageId).sort());
    expect([...counts.values()].every((times) => times === 1)).toBe(true);
    const attempts = await database.db.selectFrom('outbox_emails').select('attempts').execute();
    console.log(
      `server off, then busy, then back: 50 delivered once each after up to ${Math.max(...attempts.map((row) => row.attempts))} attempts`,
    );
  });
  it(
    'should deliver every message once, or twice with the same Message-ID, when killed mid-send on PGlite',
    { timeout: 120_000 },
    async () => {
      const folder = await mkdtemp(path.join(tmpdir(), 'hearth-outbox-'));
      try {
        // PGlite has one owner per folder: the test queues before the copy starts, and reads after it stops.
        const before = await openDatabase({ databaseUrl: null, dataDir: folder });
        let queued: Awaited<ReturnType<typeof queue>>;
        try {
          await migrateToLatest(before.db);
          queued = await queue(before, 200, 'killed-pglite');
        } finally {
          await before.close();
        }
        smtp = await startTestSmtpServer();
        smtp.delayMs = 10;
        const env = { HEARTH_DATA_DIR: folder, SMTP_URL: smtp.url };

        const first = await startCopy(env);
        await smtp.untilCount(20, WAIT_MS);
        stop(first, 'SIGKILL');
        await first.exited;
        // Messages the server held (its delay) when the copy died are taken all the same.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const atKill = smtp.count;
        expect(atKill).toBeLessThan(200);
        // What the dead copy left: every email not marked sent, whether it arrived or not, goes (again).
        const between = await openDatabase({ databaseUrl: null, dataDir: folder });
        let pending: number;
        try {
          pending = (await statuses(between)).PENDING ?? 0;
        } finally {
          await between.close();
        }
        expect(pending).toBeGreaterThanOrEqual(200 - atKill);

        smtp.delayMs = 0;
        await startCopy(env);
        await smtp.untilCount(atKill + pending, WAIT_MS);
        await stopAll(servers.splice(0));

        const after = await openDatabase({ databaseUrl: null, dataDir: folder });
        try {
          expect(await statuses(after)).toEqual({ SENT: 200 });
        } finally {
          await after.close();
        }
        const counts = arrivals(smtp.received);
        expect([...counts.keys()].sort()).toEqual(queued.map((email) => email.messageId).sort());
        expect([...counts.values()].every((times) => times === 1 || times === 2)).toBe(true);
        const twice = [...counts.values()].filter((times) => times === 2).length;
        console.log(
          `PGlite: SIGKILL after ${atKill} of 200 arrived: all 200 delivered, ${twice} twice (same Message-ID)`,
        );
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  );
});
