import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../config.ts';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught, serviceContext, signedUpPerson, testConfig, uniqueEmail } from '../../testing/factories.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../testing/smtp.ts';
import * as accounts from '../accounts/service.ts';
import { startOutboxWorker, type OutboxWorker, type WorkerLog } from './outbox-worker.ts';
import * as repo from './repository.ts';
import * as notifications from './service.ts';

/** Long enough that an email given back for a retry is not tried again while the file runs. */
const FIRST_RETRY_MS = 10 * 60 * 1000;
const WAIT_MS = 20_000;

interface LogLine {
  level: 'info' | 'warn' | 'error';
  details: Record<string, unknown>;
  message: string;
}

function recordingLog(): WorkerLog & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (details: object, message: string) =>
    lines.push({ level, details: details as Record<string, unknown>, message });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

/** Resolves once `condition` holds, checking every 25 ms; fails naming `what` after WAIT_MS. */
async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const email = (to: string, overrides: Partial<notifications.EmailToQueue> = {}): notifications.EmailToQueue => ({
  to,
  userId: null,
  kind: 'ACCOUNT',
  ...notifications.composeEmail(
    { config: testConfig() },
    {
      subject: 'Reset your password',
      paragraphs: ['Someone asked to reset the password of your Hearth account.'],
      action: { label: 'Choose a new password', url: '/reset-password?token=abc123' },
    },
  ),
  ...overrides,
});

describe.each(DATABASE_KINDS)('the outbox on %s', (kind) => {
  const database = useTestDatabase(kind);
  let smtp: TestSmtpServer;
  let ctx: ServiceContext;
  const workers: OutboxWorker[] = [];

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    ctx = serviceContext(database.db);
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await smtp?.close();
  });

  function startWorker(
    overrides: { env?: Config['env']; smtpUrl?: string | null; pollMs?: number; log?: WorkerLog } = {},
  ): OutboxWorker | null {
    const worker = startOutboxWorker({
      db: database.db,
      config: {
        env: overrides.env ?? 'test',
        mail: {
          smtpUrl: overrides.smtpUrl === undefined ? smtp.url : overrides.smtpUrl,
          from: 'Hearth <hearth@example.org>',
        },
        outbox: { pollMs: overrides.pollMs ?? 20, leaseMs: 10_000, firstRetryMs: FIRST_RETRY_MS },
      },
      log: overrides.log ?? recordingLog(),
      notifications: database.handle.notifications,
      random: () => 0,
    });
    if (worker) workers.push(worker);
    return worker;
  }

  const row = (id: string) =>
    database.db.selectFrom('outbox_emails').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const received = (messageId: string) => smtp.received.filter((message) => message.messageId === messageId);

  describe('queueEmail', () => {
    it("should queue an email with the caller's change, and neither when the change rolls back", async () => {
      const person = await signedUpPerson(database.db);
      const userId = person.user.id;
      const kept = await transaction(ctx, async (tx) => {
        await accounts.renameUser(tx, userId, 'Renamed Person');
        return notifications.queueEmail(tx, email(person.user.email, { userId }));
      });
      expect(kept.messageId).toMatch(/^<[0-9a-f-]{36}@localhost>$/);
      expect(await row(kept.id)).toMatchObject({
        message_id: kept.messageId,
        recipient: person.user.email,
        user_id: userId,
        kind: 'ACCOUNT',
        subject: 'Reset your password',
        status: 'PENDING',
        attempts: 0,
        claimed_until: null,
        sent_at: null,
      });

      const recipient = uniqueEmail('rolled-back');
      const failure = await transaction(ctx, async (tx) => {
        await accounts.renameUser(tx, userId, 'Never Named');
        await notifications.queueEmail(tx, email(recipient, { userId }));
        throw new Error('the change fails after queueing');
      }).catch((error: Error) => error.message);
      expect(failure).toBe('the change fails after queueing');
      const left = await database.db
        .selectFrom('outbox_emails')
        .select('id')
        .where('recipient', '=', recipient)
        .execute();
      expect(left).toEqual([]);
      const name = await database.db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
      expect(name).toEqual({ name: 'Renamed Person' });
    });

    it('should refuse two addresses, a subject of two lines and a header the outbox writes itself', async () => {
      const to = uniqueEmail();
      const errors = await Promise.all([
        caught(notifications.queueEmail(ctx, email(`${to}, other@example.org`))),
        caught(notifications.queueEmail(ctx, email(to, { subject: 'Hello\r\nBcc: everyone@example.org' }))),
        caught(notifications.queueEmail(ctx, email(to, { headers: { Bcc: 'everyone@example.org' } }))),
        caught(notifications.queueEmail(ctx, email(to, { headers: { 'List-Unsubscribe': '<x>\r\nBcc: y' } }))),
      ]);
      expect(errors.map((error) => [error.code, error.field])).toEqual([
        ['BAD_USER_INPUT', 'to'],
        ['BAD_USER_INPUT', 'subject'],
        ['BAD_USER_INPUT', 'headers'],
        ['BAD_USER_INPUT', 'headers'],
      ]);
      const left = await database.db.selectFrom('outbox_emails').select('id').where('recipient', '=', to).execute();
      expect(left).toEqual([]);
    });

    it("should erase a person's mail and failing address with the person", async () => {
      const person = await signedUpPerson(database.db);
      const userId = person.user.id;
      await notifications.queueEmail(ctx, email(person.user.email, { userId }));
      await database.db
        .insertInto('email_address_failures')
        .values({ address: person.user.email, user_id: userId, reason: '550 no such mailbox', failed_at: new Date() })
        .execute();
      expect((await notifications.failingAddressesOf(ctx, [userId])).get(userId)?.address).toBe(person.user.email);
      await transaction(ctx, (tx) => accounts.deleteUser(tx, userId));
      const [mail, failures] = await Promise.all([
        database.db.selectFrom('outbox_emails').select('id').where('user_id', '=', userId).execute(),
        database.db.selectFrom('email_address_failures').select('address').where('user_id', '=', userId).execute(),
      ]);
      expect([mail, failures]).toEqual([[], []]);
    });
  });

  describe('claiming', () => {
    it('should not claim an email again while its claim holds, and should claim it once the claim runs out', async () => {
      const queued = await notifications.queueEmail(ctx, email(uniqueEmail('claim')));
      const now = new Date();
      const first = await repo.claimDue(database.db, { now, leaseUntil: new Date(now.getTime() + 60_000), limit: 500 });
      expect(first.map((claimed) => claimed.id)).toContain(queued.id);
      expect(await row(queued.id)).toMatchObject({ attempts: 1, claimed_until: new Date(now.getTime() + 60_000) });

      const soon = new Date(now.getTime() + 30_000);
      const second = await repo.claimDue(database.db, {
        now: soon,
        leaseUntil: new Date(soon.getTime() + 60_000),
        limit: 500,
      });
      expect(second.map((claimed) => claimed.id)).not.toContain(queued.id);

      const later = new Date(now.getTime() + 61_000);
      const third = await repo.claimDue(database.db, {
        now: later,
        leaseUntil: new Date(later.getTime() + 60_000),
        limit: 500,
      });
      expect(third.find((claimed) => claimed.id === queued.id)).toMatchObject({
        attempts: 2,
        messageId: queued.messageId,
      });
      // Given back, so the worker tests that follow find nothing of this test's due.
      await database.db
        .updateTable('outbox_emails')
        .set({ status: 'FAILED', claimed_until: null, last_error: 'test' })
        .where('id', '=', queued.id)
        .execute();
    });

    if (kind === 'postgres') {
      it('should skip emails another copy holds locked, without waiting for them', async () => {
        const ids = await Promise.all(
          Array.from({ length: 10 }, async () => (await notifications.queueEmail(ctx, email(uniqueEmail('race')))).id),
        );
        const now = new Date();
        const claim = { now, leaseUntil: new Date(now.getTime() + 60_000), limit: 5 };
        const held = await database.db.startTransaction().execute();
        try {
          const firstCopy = await repo.claimDue(held, claim);
          // The first copy's transaction is still open: its five rows are locked.
          const secondCopy = await repo.claimDue(database.db, { ...claim, limit: 500 });
          const firstIds = firstCopy.map((claimed) => claimed.id);
          const secondIds = secondCopy.map((claimed) => claimed.id);
          expect(firstIds).toHaveLength(5);
          expect(firstIds.filter((id) => secondIds.includes(id))).toEqual([]);
          expect([...firstIds, ...secondIds].filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
        } finally {
          await held.commit().execute();
        }
        await database.db
          .updateTable('outbox_emails')
          .set({ status: 'FAILED', claimed_until: null, last_error: 'test' })
          .where('id', 'in', ids)
          .execute();
      });
    }
  });

  describe('the worker', () => {
    it('should send a due email over SMTP with its stored Message-ID and headers, and mark it sent', async () => {
      const to = uniqueEmail('sent');
      const queued = await notifications.queueEmail(
        ctx,
        email(to, { headers: { 'List-Unsubscribe': '<http://localhost:3000/unsubscribe?token=t1>' } }),
      );
      const worker = startWorker()!;
      await until(async () => received(queued.messageId).length === 1, 'the email arriving');
      await until(async () => (await row(queued.id)).status === 'SENT', 'the email marked sent');
      await worker.stop();

      const [message] = received(queued.messageId);
      expect(message).toMatchObject({
        messageId: queued.messageId,
        from: 'hearth@example.org',
        to: [to],
        subject: 'Reset your password',
      });
      expect(message!.text).toContain('Choose a new password:\nhttp://localhost:3000/reset-password?token=abc123');
      expect(message!.html).toContain('<a href="http://localhost:3000/reset-password?token=abc123"');
      expect(message!.raw).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/unsubscribe\?token=t1>\r$/m);
      const sent = await row(queued.id);
      expect(sent).toMatchObject({
        status: 'SENT',
        sent_by: 'SMTP',
        attempts: 1,
        claimed_until: null,
        last_error: null,
      });
      expect(sent.sent_at).toBeInstanceOf(Date);
    });

    it('should try again later after a temporary refusal (450), with the wait of a first failure', async () => {
      const to = uniqueEmail('greylisted');
      smtp.refuse = (address) => (address === to ? { code: 450, message: 'Greylisted, try again later' } : null);
      try {
        const queued = await notifications.queueEmail(ctx, email(to));
        const before = Date.now();
        const worker = startWorker()!;
        await until(async () => (await row(queued.id)).last_error !== null, 'the refusal recorded');
        await worker.stop();
        const after = Date.now();
        const retried = await row(queued.id);
        expect(retried).toMatchObject({ status: 'PENDING', attempts: 1, claimed_until: null });
        expect(retried.last_error).toContain('450');
        const wait = retried.next_attempt_at.getTime();
        expect(wait).toBeGreaterThanOrEqual(before + FIRST_RETRY_MS);
        expect(wait).toBeLessThanOrEqual(after + FIRST_RETRY_MS);
        expect(received(queued.messageId)).toEqual([]);
      } finally {
        smtp.refuse = () => null;
      }
    });

    it('should give up after a permanent refusal (550), mark the address failing, and clear it once mail gets through', async () => {
      const person = await signedUpPerson(database.db);
      const { id: userId, email: to } = person.user;
      smtp.refuse = (address) => (address === to ? { code: 550, message: 'No such mailbox here' } : null);
      const log = recordingLog();
      try {
        const queued = await notifications.queueEmail(ctx, email(to, { userId }));
        const worker = startWorker({ log })!;
        await until(async () => (await row(queued.id)).status === 'FAILED', 'the email marked failed');
        await worker.stop();
        const failed = await row(queued.id);
        expect(failed).toMatchObject({ attempts: 1, claimed_until: null, sent_at: null });
        expect(failed.last_error).toMatch(/^RCPT TO: 550 .*No such mailbox here/);
        const failing = (await notifications.failingAddressesOf(ctx, [userId])).get(userId);
        expect(failing).toMatchObject({ userId, address: to, reason: failed.last_error });
        // Sign-up queued an email to the address too: this email's own warning is the one looked for.
        const warned = log.lines.filter((line) => line.level === 'warn' && line.details.messageId === queued.messageId);
        expect(warned.map((line) => [line.details.to, line.message])).toEqual([
          [to, 'email refused for good: not sent, and its address is marked as failing'],
        ]);
      } finally {
        smtp.refuse = () => null;
      }

      const next = await notifications.queueEmail(ctx, email(to, { userId }));
      const worker = startWorker()!;
      await until(async () => (await row(next.id)).status === 'SENT', 'the next email sent');
      await worker.stop();
      expect(await notifications.failingAddressesOf(ctx, [userId])).toEqual(new Map());
    });

    it('should lose nothing while the server is down, and send everything once it is back', async () => {
      const down = await startTestSmtpServer({ down: true });
      try {
        const queued = await Promise.all(
          [1, 2, 3].map(() => notifications.queueEmail(ctx, email(uniqueEmail('while-down')))),
        );
        const log = recordingLog();
        const worker = startWorker({ smtpUrl: down.url, log })!;
        await until(
          async () => (await Promise.all(queued.map((q) => row(q.id)))).every((r) => r.last_error !== null),
          'the failures recorded',
        );
        await worker.stop();
        const waiting = await Promise.all(queued.map((q) => row(q.id)));
        expect(waiting.map((r) => [r.status, r.attempts, r.claimed_until])).toEqual([
          ['PENDING', 1, null],
          ['PENDING', 1, null],
          ['PENDING', 1, null],
        ]);
        expect(log.lines.some((line) => line.message.startsWith('mail server unavailable'))).toBe(true);

        // The server comes back, and the wait is over.
        await down.up();
        await database.db
          .updateTable('outbox_emails')
          .set({ next_attempt_at: new Date() })
          .where(
            'id',
            'in',
            queued.map((q) => q.id),
          )
          .execute();
        const again = startWorker({ smtpUrl: down.url })!;
        await down.untilCount(3, WAIT_MS);
        await until(
          async () => (await Promise.all(queued.map((q) => row(q.id)))).every((r) => r.status === 'SENT'),
          'all marked sent',
        );
        await again.stop();
        expect(down.received.map((message) => message.messageId).sort()).toEqual(queued.map((q) => q.messageId).sort());
      } finally {
        await down.close();
      }
    });

    it('should send an email again with the same Message-ID when its copy died before marking it sent', async () => {
      const queued = await notifications.queueEmail(ctx, email(uniqueEmail('resent')));
      // A copy claims it for a moment and dies: the worker may send it only once that claim ends.
      const now = new Date();
      await repo.claimDue(database.db, { now, leaseUntil: new Date(now.getTime() + 300), limit: 500 });
      const worker = startWorker()!;
      await until(async () => (await row(queued.id)).status === 'SENT', 'the email sent after the claim ran out');
      expect((await row(queued.id)).attempts).toBe(2);

      // Sent, but as if the copy died before writing so: it is due again, and goes again.
      await database.db
        .updateTable('outbox_emails')
        .set({ status: 'PENDING', sent_at: null, sent_by: null, next_attempt_at: new Date() })
        .where('id', '=', queued.id)
        .execute();
      worker.wake();
      await until(async () => received(queued.messageId).length === 2, 'the email arriving twice');
      await worker.stop();
      expect(received(queued.messageId).map((message) => message.messageId)).toEqual([
        queued.messageId,
        queued.messageId,
      ]);
    });

    if (kind === 'postgres') {
      it('should be woken by an email committed on PostgreSQL, not wait for its next poll', async () => {
        const first = await notifications.queueEmail(ctx, email(uniqueEmail('first')));
        const worker = startWorker({ pollMs: 60_000 })!;
        // Its first round has sent this one; now it sleeps for a minute.
        await until(async () => (await row(first.id)).status === 'SENT', 'the first round');
        const queued = await transaction(ctx, (tx) => notifications.queueEmail(tx, email(uniqueEmail('woken'))));
        await until(async () => received(queued.messageId).length === 1, 'the email arriving before the next poll');
        await worker.stop();
      });
    }
  });

  describe('without SMTP_URL', () => {
    it('should log each email on one line in development, mark it sent by LOG, and list it for the development page', async () => {
      const to = uniqueEmail('logged');
      const queued = await notifications.queueEmail(ctx, email(to, { subject: 'Confirm your email address' }));
      const log = recordingLog();
      const worker = startWorker({ env: 'development', smtpUrl: null, log })!;
      expect(worker.by).toBe('LOG');
      await until(async () => (await row(queued.id)).status === 'SENT', 'the email logged');
      await worker.stop();
      expect(await row(queued.id)).toMatchObject({ sent_by: 'LOG', attempts: 1 });
      expect(log.lines.filter((line) => line.details.to === to)).toEqual([
        {
          level: 'info',
          details: {
            to,
            subject: 'Confirm your email address',
            link: 'http://localhost:3000/reset-password?token=abc123',
          },
          message: 'email logged, not sent: SMTP_URL is not set',
        },
      ]);

      const person = await signedUpPerson(database.db);
      const listed = await notifications.listRecentLoggedEmails(
        { ...person, config: testConfig({ env: 'development' }) },
        5,
      );
      expect(listed[0]).toMatchObject({ id: queued.id, recipient: to, subject: 'Confirm your email address' });
      expect(
        (await caught(notifications.listRecentLoggedEmails({ ...person, config: testConfig({ env: 'production' }) })))
          .code,
      ).toBe('FORBIDDEN');
      expect(
        (await caught(notifications.listRecentLoggedEmails({ ...ctx, config: testConfig({ env: 'development' }) })))
          .code,
      ).toBe('UNAUTHENTICATED');
    });

    it('should warn once in production and send nothing; in tests, start nothing', async () => {
      const production = recordingLog();
      expect(startWorker({ env: 'production', smtpUrl: null, log: production })).toBeNull();
      expect(production.lines.map((line) => [line.level, line.message])).toEqual([
        ['warn', 'SMTP_URL is not set: Hearth sends no email. Emails wait in the outbox until it is set.'],
      ]);
      const test = recordingLog();
      expect(startWorker({ env: 'test', smtpUrl: null, log: test })).toBeNull();
      expect(test.lines).toEqual([]);
    });
  });

  it('should delete emails finished over a week ago, and never pending ones', async () => {
    const [old, pending] = await Promise.all([
      notifications.queueEmail(ctx, email(uniqueEmail('old'))),
      notifications.queueEmail(ctx, email(uniqueEmail('old-pending'))),
    ]);
    const longAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    await database.db
      .updateTable('outbox_emails')
      .set({ status: 'SENT', sent_at: longAgo, sent_by: 'SMTP', updated_at: longAgo })
      .where('id', '=', old.id)
      .execute();
    await database.db
      .updateTable('outbox_emails')
      .set({ updated_at: longAgo, next_attempt_at: new Date(Date.now() + FIRST_RETRY_MS) })
      .where('id', '=', pending.id)
      .execute();
    await repo.deleteFinishedBefore(database.db, new Date(Date.now() - 7 * 24 * 60 * 60 * 1000));
    const left = await database.db
      .selectFrom('outbox_emails')
      .select('id')
      .where('id', 'in', [old.id, pending.id])
      .execute();
    expect(left).toEqual([{ id: pending.id }]);
  });
});
