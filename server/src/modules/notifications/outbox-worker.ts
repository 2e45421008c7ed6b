// The outbox worker: one in each app copy, sending the emails queued by queueEmail.
//
// Each round claims a batch of due emails in one statement (repository.claimDue: FOR UPDATE
// SKIP LOCKED, so copies never claim the same email), sends them over a small pool of SMTP
// connections, and marks each sent as soon as the server has taken it. A copy that dies between
// the two leaves its claim to run out (OUTBOX_LEASE_MS); the email is then sent again, with the
// same Message-ID, so it may arrive twice but is never lost.
//
// Failures: a 5xx to the recipient or the message fails the email and marks the address failing;
// anything else (no connection, 4xx, 421, a refused login) is tried again after a growing wait
// (delivery-failures.ts). When the server itself is the trouble, the rest of the batch is not tried
// now either.
//
// Without SMTP_URL: in development each email is logged on one line and marked sent by LOG; in
// production one warning is logged at start and email waits in the outbox.
//
// On PGlite (one connection for the whole process) every statement here is short and none holds
// a transaction open while sending, so requests are not kept waiting.
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import { systemClock, type Clock } from '../../core/context.ts';
import type { Db, NotificationChannel } from '../../db/database.ts';
import { classifyFailure, describeFailure, retryDelayMs, type SendError } from './delivery-failures.ts';
import * as repo from './repository.ts';
import type { ClaimedEmail, EmailDelivery } from './repository.ts';

/** Emails claimed per round. */
const BATCH_SIZE = 50;
/** SMTP connections per copy, and emails sent at once. */
const CONNECTIONS = 4;
/** Sent and failed emails are kept this long (the development page shows them), then deleted. */
const KEEP_FINISHED_MS = 7 * 24 * 60 * 60 * 1000;
const CLEAR_OUT_EVERY_MS = 60 * 60 * 1000;
/** How long stopping waits for sends under way before it closes their connections. */
const STOP_GRACE_MS = 5_000;
const STOP_AFTER_FORCE_MS = 2_000;
const ROUND_ERROR_LOG_EVERY_MS = 60_000;

export interface WorkerLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface OutboxWorkerOptions {
  db: Db;
  config: Pick<Config, 'env' | 'mail' | 'outbox'>;
  log: WorkerLog;
  /** PostgreSQL's LISTEN/NOTIFY: a queued email wakes every copy when it commits. Null on PGlite. */
  notifications?: NotificationChannel | null;
  clock?: Clock;
  random?: () => number;
}

export interface OutboxWorker {
  /** How emails go out: over SMTP, or into the log. */
  readonly by: EmailDelivery;
  /** Looks for due email now, not at the next poll. */
  wake(): void;
  /**
   * Stops: takes no more email, hands back what it claimed but has not begun to send, waits a
   * few seconds for sends under way, then closes the SMTP connections. Never hangs.
   */
  stop(): Promise<void>;
}

/** Sends one email, or throws what the server said. */
interface Deliverer {
  by: EmailDelivery;
  deliver(email: ClaimedEmail): Promise<void>;
  close(force: boolean): void;
}

function smtpDeliverer(mail: Config['mail']): Deliverer {
  const transport = nodemailer.createTransport({
    url: mail.smtpUrl!,
    pool: true,
    maxConnections: CONNECTIONS,
    // Our own retries decide when to try again; the pool's would send outside the claim's time.
    maxRequeues: 0,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Nothing Hearth sends points at files or addresses to fetch; refuse it if anything ever did.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    by: 'SMTP',
    async deliver(email) {
      await transport.sendMail({
        from: mail.from,
        to: email.recipient,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: email.headers,
      });
    },
    close: (force) => transport.close({ force }),
  };
}

const FIRST_LINK = /https?:\/\/[^\s<>"]+/;

function logDeliverer(log: WorkerLog): Deliverer {
  return {
    by: 'LOG',
    async deliver(email) {
      const link = FIRST_LINK.exec(email.text)?.[0] ?? null;
      log.info({ to: email.recipient, subject: email.subject, link }, 'email logged, not sent: SMTP_URL is not set');
    },
    close() {},
  };
}

/**
 * Starts the worker this configuration calls for: SMTP when SMTP_URL is set, the log in
 * development, none otherwise (production warns once: email waits until SMTP_URL is set).
 */
export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker | null {
  const { config, log } = options;
  if (config.mail.smtpUrl) return runWorker(options, smtpDeliverer(config.mail));
  if (config.env === 'development') return runWorker(options, logDeliverer(log));
  if (config.env === 'production') {
    log.warn({}, 'SMTP_URL is not set: Hearth sends no email. Emails wait in the outbox until it is set.');
  }
  return null;
}

/** A wait that wake() ends early; a wake during a round makes the next wait end at once. */
function alarm() {
  let ring: (() => void) | null = null;
  let rung = false;
  return {
    wake() {
      rung = true;
      ring?.();
    },
    /** Forgets wakes before now: the round that follows will see what they announced. */
    reset() {
      rung = false;
    },
    sleep(ms: number): Promise<void> {
      if (rung) return Promise.resolve();
      return new Promise((resolve) => {
        const timer = setTimeout(() => done(), ms);
        timer.unref();
        const done = () => {
          clearTimeout(timer);
          ring = null;
          resolve();
        };
        ring = done;
      });
    },
  };
}

function runWorker(options: OutboxWorkerOptions, deliverer: Deliverer): OutboxWorker {
  const { db, config, log } = options;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const wakeUp = alarm();
  let stopping = false;
  let lastClearOut = 0;

  const retryAt = (email: ClaimedEmail, now: Date) =>
    new Date(now.getTime() + retryDelayMs(email.attempts, config.outbox.firstRetryMs, random));

  async function retryLater(email: ClaimedEmail, error: string): Promise<void> {
    const now = clock.now();
    await repo.releaseForRetry(db, {
      id: email.id,
      claimedUntil: email.claimedUntil,
      now,
      nextAttemptAt: retryAt(email, now),
      error,
    });
  }

  /** Sends one email and records the outcome; says whether the server itself is in trouble. */
  async function deliverOne(email: ClaimedEmail): Promise<string | null> {
    // A claim that ran out (a slow batch) may be another copy's now: leave the email to it.
    if (clock.now() >= email.claimedUntil) return null;
    try {
      await deliverer.deliver(email);
    } catch (caught) {
      return recordFailure(email, caught as SendError);
    }
    await repo.markSent(db, { id: email.id, now: clock.now(), by: deliverer.by });
    return null;
  }

  async function recordFailure(email: ClaimedEmail, error: SendError): Promise<string | null> {
    const kind = classifyFailure(error);
    const reason = describeFailure(error);
    const about = { to: email.recipient, messageId: email.messageId, attempts: email.attempts, error: reason };
    if (kind === 'permanent') {
      await repo.markFailed(db, { id: email.id, claimedUntil: email.claimedUntil, now: clock.now(), error: reason });
      log.warn(about, 'email refused for good: not sent, and its address is marked as failing');
      return null;
    }
    await retryLater(email, reason);
    if (kind === 'temporary') log.info(about, 'email refused for now: it will be tried again');
    return kind === 'server' ? reason : null;
  }

  /**
   * Sends a claimed batch over CONNECTIONS lanes; once the server is in trouble, the rest wait too.
   * Says whether the server was in trouble.
   */
  async function deliverBatch(emails: ClaimedEmail[]): Promise<boolean> {
    const queue = [...emails];
    let serverTrouble: string | null = null;
    const lane = async () => {
      for (let email = queue.shift(); email; email = queue.shift()) {
        try {
          if (stopping)
            await repo.releaseClaim(db, { id: email.id, claimedUntil: email.claimedUntil, now: clock.now() });
          else if (serverTrouble !== null) await retryLater(email, serverTrouble);
          else serverTrouble = await deliverOne(email);
        } catch (error) {
          // A database error: the claim runs out and the email is sent (again, same Message-ID) later.
          log.error({ err: error, messageId: email.messageId }, 'outbox: could not record what happened to an email');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONNECTIONS, emails.length) }, lane));
    if (serverTrouble === null) return false;
    log.warn({ error: serverTrouble, emails: emails.length }, 'mail server unavailable: emails will be tried again');
    return true;
  }

  async function clearOutIfDue(now: Date): Promise<void> {
    if (now.getTime() - lastClearOut < CLEAR_OUT_EVERY_MS) return;
    lastClearOut = now.getTime();
    const deleted = await repo.deleteFinishedBefore(db, new Date(now.getTime() - KEEP_FINISHED_MS));
    if (deleted > 0) log.info({ deleted }, 'outbox: deleted emails sent or failed over a week ago');
  }

  /** One round: claims a batch and sends it. Says whether to go on at once (more may be due). */
  async function round(): Promise<boolean> {
    wakeUp.reset();
    const now = clock.now();
    await clearOutIfDue(now);
    const claimed = await repo.claimDue(db, {
      now,
      leaseUntil: new Date(now.getTime() + config.outbox.leaseMs),
      limit: BATCH_SIZE,
    });
    if (claimed.length === 0) return false;
    const serverTrouble = await deliverBatch(claimed);
    // A full batch suggests more are due; but while the server is in trouble, the next poll will do.
    return claimed.length === BATCH_SIZE && !serverTrouble;
  }

  // While the database is unreachable every poll fails alike: say so once a minute, not every second.
  let lastRoundErrorLogged = -Infinity;
  const running = (async () => {
    while (!stopping) {
      let goOn = false;
      try {
        goOn = await round();
        lastRoundErrorLogged = -Infinity;
      } catch (error) {
        if (performance.now() - lastRoundErrorLogged >= ROUND_ERROR_LOG_EVERY_MS) {
          lastRoundErrorLogged = performance.now();
          log.error({ err: error }, 'outbox: a round failed; trying again at each poll');
        }
      }
      if (!stopping && !goOn) await wakeUp.sleep(config.outbox.pollMs);
    }
  })();

  options.notifications
    ?.listen(repo.OUTBOX_CHANNEL, () => wakeUp.wake())
    .catch((error: unknown) => {
      log.error({ err: error }, 'outbox: could not listen for queued email; polling only');
    });

  const settled = (ms: number) =>
    Promise.race([
      running.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
    ]);

  return {
    by: deliverer.by,
    wake: () => wakeUp.wake(),
    async stop() {
      if (stopping) return;
      stopping = true;
      wakeUp.wake();
      if (!(await settled(STOP_GRACE_MS))) {
        log.warn({}, 'outbox: sends still under way at shutdown; closing their connections');
        deliverer.close(true);
        await settled(STOP_AFTER_FORCE_MS);
      }
      deliverer.close(false);
    },
  };
}
