// Daily digests: once a person's local time has passed DIGEST_HOUR and today's digest is not
// done, what waited for it goes out in one email. Each person's digest is one transaction that
// first claims the day (a conditional upsert), so two app copies never send the same digest.
import { startBackgroundJob, type BackgroundJob, type BackgroundOptions } from '../../core/background.ts';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { badInput } from '../../core/errors.ts';
import * as accounts from '../accounts/service.ts';
import { requireViewer } from '../accounts/service.ts';
import { ESSENTIAL, unsubscribeParts } from './inbox.ts';
import * as repo from './inbox-repository.ts';
import type { NotificationRecord } from './inbox-repository.ts';
import type { NotificationKind } from './repository.ts';
import { composeEmail, queueEmail } from './service.ts';

export const DIGEST_HOUR = 7;
export const DEFAULT_TIME_ZONE = 'Europe/London';
const CANDIDATES_PER_ROUND = 500;
const EVERY_MS = 60_000;

/** The calendar day (YYYY-MM-DD) and hour at `now` in a time zone; an unknown zone counts as London's. */
export function localDayAndHour(now: Date, timeZone: string): { day: string; hour: number } {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
  } catch {
    return localDayAndHour(now, DEFAULT_TIME_ZONE);
  }
  const part = (type: string) => format.formatToParts(now).find((p) => p.type === type)!.value;
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

/**
 * The canonical name of an IANA time zone ("europe/london" is Europe/London), or null when it is
 * not one: offsets such as +01:00 are refused, as they would miss the clocks changing.
 */
export function canonicalTimeZone(name: string): string | null {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: name.trim() }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return resolved === 'UTC' || Intl.supportedValuesOf('timeZone').includes(resolved) ? resolved : null;
}

/** The time zone the viewer's digest follows. */
export async function digestTimeZone(ctx: ServiceContext): Promise<string> {
  const viewer = requireViewer(ctx);
  return (await repo.getTimeZone(ctx.db, viewer.userId)) ?? DEFAULT_TIME_ZONE;
}

/** Sets the time zone the viewer's digest follows; returns its canonical name. */
export async function setDigestTimeZone(ctx: ServiceContext, timeZone: string): Promise<string> {
  const viewer = requireViewer(ctx);
  const canonical = canonicalTimeZone(timeZone);
  if (!canonical) throw badInput('timeZone', 'Choose a time zone from the list, such as Europe/London.');
  await repo.setTimeZone(ctx.db, viewer.userId, canonical, ctx.clock.now());
  return canonical;
}

/** Sends every digest that is due; returns how many people's digests were done by this call. */
export async function sendDueDigests(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock.now();
  let done = 0;
  for (const candidate of await repo.listDigestCandidates(ctx.db, CANDIDATES_PER_ROUND)) {
    const { day, hour } = localDayAndHour(now, candidate.timeZone);
    if (hour < DIGEST_HOUR || (candidate.lastDigestOn !== null && candidate.lastDigestOn >= day)) continue;
    if (await sendDigest(ctx, candidate.userId, day)) done += 1;
  }
  return done;
}

async function sendDigest(ctx: ServiceContext, userId: string, day: string): Promise<boolean> {
  return transaction(ctx, async (tx) => {
    const now = tx.clock.now();
    if (!(await repo.claimDigestDay(tx.db, userId, day, now))) return false;
    const gathered = await repo.takeDigestNotifications(tx.db, userId, now);
    const address = (await accounts.mailingAddresses(tx, [userId])).get(userId);
    // Only to a proved address: until then Hearth sends nothing but account links.
    if (gathered.length === 0 || !address?.verified) return true;
    await queueDigest(tx, address, gathered);
    return true;
  });
}

async function queueDigest(
  ctx: ServiceContext,
  to: accounts.MailingAddress,
  gathered: readonly NotificationRecord[],
): Promise<void> {
  const kinds = [...new Set(gathered.map((n) => n.kind))].filter((kind) => !ESSENTIAL.has(kind)) as NotificationKind[];
  const { footer, headers } = await unsubscribeParts(ctx, to.id, kinds);
  const lines = gathered.map((n) => `• ${n.title}\n  ${new URL(n.url, ctx.config.publicUrl).href}`);
  const count = gathered.length === 1 ? 'one thing' : `${gathered.length} things`;
  const rendered = composeEmail(ctx, {
    subject: `Your Hearth digest: ${count} since yesterday`,
    paragraphs: [`Hello ${to.name},`, `Here is what happened on Hearth that concerns you:`, lines.join('\n')],
    action: { label: 'See your notifications', url: '/notifications' },
    footer,
  });
  await queueEmail(ctx, { to: to.email, userId: to.id, kind: kinds[0] ?? 'ACCOUNT', ...rendered, headers });
}

export type DigestWorkerOptions = BackgroundOptions;

/** Looks for due digests once a minute in this app copy; stop() before the database closes. */
export function startDigestWorker(options: DigestWorkerOptions): BackgroundJob {
  return startBackgroundJob(options, {
    round: (ctx) => sendDueDigests(ctx),
    firstAfterMs: 1000,
    everyMs: EVERY_MS,
    failure: 'digests: a round failed; trying again in a minute',
  });
}
