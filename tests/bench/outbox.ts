// Benchmark `outbox`: how fast the outbox worker sends email to a real SMTP server on loopback
// (server/src/testing/smtp.ts, messages not parsed), on PGlite and on PostgreSQL, with the
// worker's production settings (1 s polls, 4 SMTP connections, batches of 50).
//
//   - drain: BENCH_OUTBOX_MESSAGES emails (default 2,000) queued first, in transactions of 100
//     through the notifications service; then the worker starts, and the clock runs until every
//     one is marked sent. Messages per second is the throughput of a backlog.
//   - trickle: for BENCH_SECONDS, one email queued every 1/BENCH_OUTBOX_RATE s (default 20 a
//     second) while the worker runs; latency is from the queuing transaction's commit to the
//     SMTP server taking the message. PostgreSQL wakes the worker on commit (LISTEN/NOTIFY); on
//     PGlite it finds the email at its next poll, so about half a second on average.
//
// Checks: every message arrived exactly once and is marked sent. The CPU figure is this whole
// process per message: the worker, the SMTP server, and PGlite when used (not PostgreSQL's own).
import { systemClock } from '../../server/src/core/context.ts';
import type { Db } from '../../server/src/db/database.ts';
import { startOutboxWorker, type OutboxWorker } from '../../server/src/modules/notifications/outbox-worker.ts';
import * as notifications from '../../server/src/modules/notifications/service.ts';
import { serviceContext, testConfig } from '../../server/src/testing/factories.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../server/src/testing/smtp.ts';
import { benchConfig } from './servers.ts';
import type {
  Benchmark,
  BenchContext,
  CheckResult,
  DatabaseKind,
  LoadResult,
  Measurement,
  OpenedDatabase,
} from './types.ts';

/** A run that takes longer than this has failed. */
const LIMIT_MS = 120_000;

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1.`);
  return value;
}

const quietLog = { info() {}, warn() {}, error() {} };

function startWorker(opened: OpenedDatabase, smtp: TestSmtpServer, logLevel: string): OutboxWorker {
  const config = { ...benchConfig(logLevel), mail: { smtpUrl: smtp.url, from: 'Hearth <hearth@127.0.0.1>' } };
  const worker = startOutboxWorker({
    db: opened.handle.db,
    config,
    log: quietLog,
    notifications: opened.handle.notifications,
    clock: systemClock,
  });
  if (!worker) throw new Error('the outbox worker did not start');
  return worker;
}

let sequence = 0;

function content(n: number) {
  return notifications.composeEmail(
    { config: testConfig() },
    {
      subject: `Benchmark message ${n}`,
      paragraphs: [
        'Someone asked to reset the password of your Hearth account.',
        'If it was not you, ignore this email.',
      ],
      action: { label: 'Choose a new password', url: `/reset-password?token=${crypto.randomUUID()}` },
      footer: ['You get this email because you have an account on Hearth.'],
    },
  );
}

/** Queues `count` emails in transactions of `per`; returns their Message-IDs. */
async function queue(db: Db, count: number, per: number): Promise<string[]> {
  const ids: string[] = [];
  const ctx = serviceContext(db, { clock: systemClock });
  for (let start = 0; start < count; start += per) {
    await db.transaction().execute(async (trx) => {
      for (let n = start; n < Math.min(start + per, count); n += 1) {
        sequence += 1;
        const email = await notifications.queueEmail(
          { ...ctx, db: trx },
          { to: `bench.${sequence}@example.org`, userId: null, kind: 'ACCOUNT', ...content(sequence) },
        );
        ids.push(email.messageId);
      }
    });
  }
  return ids;
}

async function sentCount(db: Db, messageIds: string[]): Promise<number> {
  let sent = 0;
  for (let start = 0; start < messageIds.length; start += 1000) {
    const row = await db
      .selectFrom('outbox_emails')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('status', '=', 'SENT')
      .where('message_id', 'in', messageIds.slice(start, start + 1000))
      .executeTakeFirstOrThrow();
    sent += Number(row.count);
  }
  return sent;
}

async function until(condition: () => Promise<boolean>, what: string, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + LIMIT_MS;
  while (!(await condition())) {
    signal.throwIfAborted();
    if (Date.now() > deadline) throw new Error(`${what}: not within ${LIMIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Each Message-ID's arrivals: missing ones and duplicates spoil the run. */
function tally(smtp: TestSmtpServer, messageIds: string[]) {
  const arrived = new Map<string, number>();
  for (const message of smtp.received) arrived.set(message.messageId, (arrived.get(message.messageId) ?? 0) + 1);
  const missing = messageIds.filter((id) => !arrived.has(id)).length;
  const twice = [...arrived.values()].filter((times) => times > 1).length;
  return { missing, twice };
}

function result(
  messages: number,
  ms: number,
  cpuMicros: number,
  latencies: number[],
  missing: number,
  twice: number,
): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const failed = missing > 0 || twice > 0;
  return {
    requests: messages,
    seconds: ms / 1000,
    requestsPerSecond: messages / (ms / 1000),
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
    },
    serverCpuMicrosPerRequest: messages > 0 ? cpuMicros / messages : null,
    errors: missing,
    non2xx: 0,
    mismatches: twice,
    failed,
    failure: failed ? `${missing} message(s) missing, ${twice} arrived more than once` : null,
  };
}

async function drain(context: BenchContext, opened: OpenedDatabase, count: number): Promise<LoadResult> {
  const smtp = await startTestSmtpServer({ parse: false });
  try {
    const messageIds = await queue(opened.handle.db, count, 100);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const worker = startWorker(opened, smtp, context.settings.logLevel);
    try {
      // The SMTP server's count first: asking the database all along would take PGlite's one connection.
      await until(async () => smtp.count >= count, 'drain: arrivals', context.signal);
      await until(
        async () => (await sentCount(opened.handle.db, messageIds)) === count,
        'drain: marked sent',
        context.signal,
      );
    } finally {
      await worker.stop();
    }
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    // Latency here is each message's time from the start of the drain: how long the last waited.
    const latencies = smtp.received.map((message) => message.receivedAt - started);
    const { missing, twice } = tally(smtp, messageIds);
    return result(count, ms, used.user + used.system, latencies, missing, twice);
  } finally {
    await smtp.close();
  }
}

async function trickle(context: BenchContext, opened: OpenedDatabase, rate: number): Promise<LoadResult> {
  const smtp = await startTestSmtpServer({ parse: false });
  const worker = startWorker(opened, smtp, context.settings.logLevel);
  const committedAt = new Map<string, number>();
  try {
    const interval = 1000 / rate;
    const started = performance.now();
    const cpu = process.cpuUsage();
    for (let n = 0; performance.now() - started < context.settings.seconds * 1000; n += 1) {
      context.signal.throwIfAborted();
      const [messageId] = await queue(opened.handle.db, 1, 1);
      committedAt.set(messageId!, performance.now());
      const next = started + (n + 1) * interval;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
    const messageIds = [...committedAt.keys()];
    await until(async () => smtp.count >= messageIds.length, 'trickle: arrivals', context.signal);
    await until(
      async () => (await sentCount(opened.handle.db, messageIds)) === messageIds.length,
      'trickle: marked sent',
      context.signal,
    );
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const latencies = smtp.received.map((message) => message.receivedAt - (committedAt.get(message.messageId) ?? NaN));
    const { missing, twice } = tally(smtp, messageIds);
    return result(messageIds.length, ms, used.user + used.system, latencies.filter(Number.isFinite), missing, twice);
  } finally {
    await worker.stop();
    await smtp.close();
  }
}

export const outboxBenchmark: Benchmark = {
  name: 'outbox',
  title: 'outbox: email sent to a loopback SMTP server (messages per second; latency to the SMTP server)',
  async run(context) {
    const count = positiveInteger('BENCH_OUTBOX_MESSAGES', 2000);
    const rate = positiveInteger('BENCH_OUTBOX_RATE', 20);
    const measurements: Measurement[] = [];
    const checks: CheckResult[] = [];
    for (const kind of context.settings.databases as DatabaseKind[]) {
      const opened = await context.openDatabase(kind);
      try {
        context.log(`outbox: draining ${count} queued emails on ${kind}`);
        const drained = await drain(context, opened, count);
        measurements.push({
          id: `outbox/${kind}/drain`,
          database: kind,
          target: 'drain',
          label: `drain ${count.toLocaleString('en-GB')} queued (latency: since start)`,
          load: drained,
        });
        context.log(`outbox: ${rate} emails a second for ${context.settings.seconds} s on ${kind}`);
        const trickled = await trickle(context, opened, rate);
        measurements.push({
          id: `outbox/${kind}/trickle`,
          database: kind,
          target: 'trickle',
          label: `${rate}/s as queued (latency: commit to SMTP)`,
          load: trickled,
        });
        for (const [name, load] of [
          ['drain', drained],
          ['trickle', trickled],
        ] as const) {
          checks.push({
            name: `outbox/${kind}/${name}: every message once`,
            passed: !load.failed,
            detail: load.failure ?? `${load.requests} sent, none missing or twice`,
          });
        }
      } finally {
        await opened.release();
      }
    }
    return {
      name: 'outbox',
      title: this.title,
      notes: [
        'req/s is messages per second. "errors": messages that never arrived; "bad body": messages that arrived twice.',
        'CPU µs/req is this process per message: worker, SMTP server and PGlite (PostgreSQL runs apart).',
        'trickle on PGlite waits for the next 1 s poll; on PostgreSQL the commit wakes the worker (NOTIFY).',
      ],
      measurements,
      ratios: [],
      checks,
    };
  },
};
