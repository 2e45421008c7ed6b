// A mentorship, from an accepted request to its close: goals, dated check-ins either side logs,
// pause and resume, a close either side may make early with a kind note, and the mentee's
// outcome (how far the need was met, 1 to 5, and what changed), which impact figures read.
import { transaction, type ServiceContext, type Viewer } from '../../core/context.ts';
import { badInput, checkFields, conflict, forbidden, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { cleanText } from '../../core/text.ts';
import * as accounts from '../accounts/service.ts';
import { requireViewer } from '../accounts/service.ts';
import * as notices from './notices.ts';
import * as repo from './repository.ts';
import type { CheckInRecord, MentorshipRecord } from './repository.ts';

export type { CheckInRecord, MentorshipRecord };

const GOALS_MAX = 2000;
const NOTE_MAX = 2000;
const CLOSE_NOTE_MAX = 1000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One of the viewer's mentorships, as mentor or mentee; NOT_FOUND for anyone else. */
export async function myMentorship(ctx: ServiceContext, mentorshipId: string): Promise<MentorshipRecord> {
  const viewer = requireViewer(ctx);
  const [mentorship] = isUuid(mentorshipId) ? await repo.getMentorshipsByIds(ctx.db, [mentorshipId]) : [];
  if (!mentorship || (mentorship.mentorId !== viewer.userId && mentorship.menteeId !== viewer.userId)) {
    throw notFound('There is no such mentorship of yours.');
  }
  return mentorship;
}

export async function myMentorships(ctx: ServiceContext): Promise<MentorshipRecord[]> {
  return repo.getMentorshipsOf(ctx.db, requireViewer(ctx).userId);
}

const closedAlready = () => conflict('This mentorship is closed.');

export async function setMentorshipGoals(
  ctx: ServiceContext,
  mentorshipId: string,
  goals: string,
): Promise<MentorshipRecord> {
  const mentorship = await myMentorship(ctx, mentorshipId);
  const text = cleanText('goals', goals, { label: 'goals', max: GOALS_MAX, multiline: true });
  const changed = await repo.setGoals(ctx.db, mentorship.id, text, ctx.clock.now());
  if (!changed) throw closedAlready();
  return changed;
}

export async function pauseMentorship(
  ctx: ServiceContext,
  mentorshipId: string,
  paused: boolean,
): Promise<MentorshipRecord> {
  const mentorship = await myMentorship(ctx, mentorshipId);
  if (mentorship.status === 'CLOSED') throw closedAlready();
  if ((mentorship.status === 'PAUSED') === paused) return mentorship;
  const changed = await repo.setMentorshipPaused(ctx.db, mentorship.id, paused, ctx.clock.now());
  return changed ?? myMentorship(ctx, mentorshipId);
}

/** The day a check-in happened: the one given (not in the future), or today. */
function checkInDay(ctx: ServiceContext, on: string | null | undefined): string {
  const today = ctx.clock.now().toISOString().slice(0, 10);
  if (on === null || on === undefined || on === '') return today;
  if (!ISO_DAY.test(on) || Number.isNaN(Date.parse(`${on}T00:00:00Z`))) {
    throw badInput('on', 'Give the day as a date, such as 2026-12-01.');
  }
  if (on > today) throw badInput('on', 'A check-in can only be logged for a day that has come.');
  return on;
}

/** Logs a check-in; either side may, while the mentorship is not closed. */
export async function logCheckIn(
  ctx: ServiceContext,
  mentorshipId: string,
  note: string,
  on?: string | null,
): Promise<CheckInRecord> {
  const viewer = requireViewer(ctx);
  const mentorship = await myMentorship(ctx, mentorshipId);
  const checked = checkFields({
    note: () =>
      cleanText('note', note, {
        label: 'note',
        max: NOTE_MAX,
        multiline: true,
        required: 'Say what you talked about or did.',
      }),
    on: () => checkInDay(ctx, on),
  });
  if (mentorship.status === 'CLOSED') throw closedAlready();
  return repo.insertCheckIn(ctx.db, {
    mentorshipId: mentorship.id,
    authorId: viewer.userId,
    happenedOn: checked.on,
    note: checked.note,
    now: ctx.clock.now(),
  });
}

function validRating(rating: number): number {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw badInput('rating', 'Rate how far your need was met from 1 (not at all) to 5 (fully).');
  }
  return rating;
}

/**
 * Closes a mentorship. The mentee closes with their outcome (a rating and what changed); the
 * mentor closes with a kind note and no rating, and the mentee can give the outcome afterwards
 * by calling this again. Closing twice is refused.
 */
export async function closeMentorship(
  ctx: ServiceContext,
  mentorshipId: string,
  rating: number | null | undefined,
  note: string | null | undefined,
): Promise<MentorshipRecord> {
  const viewer = requireViewer(ctx);
  const mentorship = await myMentorship(ctx, mentorshipId);
  const isMentee = mentorship.menteeId === viewer.userId;
  const text =
    cleanText('note', note ?? '', { label: 'note', max: isMentee ? NOTE_MAX : CLOSE_NOTE_MAX, multiline: true }) ||
    null;
  if (!isMentee) {
    if (rating !== null && rating !== undefined) throw forbidden('Only the mentee rates how far their need was met.');
    return closeTelling(ctx, { id: mentorship.id, by: viewer, note: text, outcome: null });
  }
  if (rating === null || rating === undefined) {
    throw badInput('rating', 'Rate how far your need was met from 1 (not at all) to 5 (fully).');
  }
  const outcome = { rating: validRating(rating), note: text };
  if (mentorship.status === 'CLOSED') {
    const recorded = await repo.recordOutcome(ctx.db, mentorship.id, outcome, ctx.clock.now());
    if (!recorded) throw conflict('You have given the outcome of this mentorship already.');
    return recorded;
  }
  return closeTelling(ctx, { id: mentorship.id, by: viewer, note: null, outcome });
}

/** Closes a mentorship not closed yet and tells the other side, in one transaction. */
async function closeTelling(
  ctx: ServiceContext,
  close: {
    id: string;
    by: Pick<Viewer, 'userId' | 'name'>;
    note: string | null;
    outcome: { rating: number; note: string | null } | null;
  },
): Promise<MentorshipRecord> {
  const { closed, added } = await transaction(ctx, async (tx) => {
    const closed = await repo.closeMentorship(tx.db, { ...close, by: close.by.userId, now: tx.clock.now() });
    if (!closed) throw closedAlready();
    const [need] = await repo.getNeedsByIds(tx.db, [closed.needId]);
    return { closed, added: await notices.tell(tx, [notices.closed(closed, close.by.name, need!)]) };
  });
  await notices.announce(ctx, added);
  return closed;
}

/** The check-ins of each of these mentorships, in the order they happened. */
export async function checkInsOf(
  ctx: ServiceContext,
  mentorships: readonly MentorshipRecord[],
): Promise<Map<string, CheckInRecord[]>> {
  const rows = await repo.getCheckIns(
    ctx.db,
    mentorships.map((m) => m.id),
  );
  const found = new Map(mentorships.map((m) => [m.id, [] as CheckInRecord[]]));
  for (const row of rows) found.get(row.mentorshipId)?.push(row);
  return found;
}

/**
 * The other side's email address for each of these mentorships, by mentorship, in one statement:
 * shared with the two people in it because the request was accepted, and only while it is not
 * closed. Null for anyone else, once closed, and when the other account is gone.
 */
export async function contactEmailsOf(
  ctx: ServiceContext,
  mentorships: readonly MentorshipRecord[],
): Promise<Map<string, string | null>> {
  const viewerId = ctx.viewer?.userId ?? null;
  const otherSide = (m: MentorshipRecord) =>
    m.status === 'CLOSED' ? null : m.mentorId === viewerId ? m.menteeId : m.menteeId === viewerId ? m.mentorId : null;
  const others = mentorships.map(otherSide).filter((id): id is string => id !== null);
  const addresses = await accounts.mailingAddresses(ctx, others);
  return new Map(mentorships.map((m) => [m.id, addresses.get(otherSide(m) ?? '')?.email ?? null]));
}
