// A lead asks one mentor about one need; the mentor accepts or declines, once. Accepting makes a
// mentorship, and never takes a mentor past their capacity: the accept locks the mentor's offer
// row first, so accepts for one mentor happen one after another, each counting what the last made.
import { transaction, type ServiceContext } from '../../core/context.ts';
import { conflict, forbidden, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { isUniqueViolation } from '../../core/query.ts';
import { cleanText } from '../../core/text.ts';
import * as accounts from '../accounts/service.ts';
import { requireViewer } from '../accounts/service.ts';
import { checkedAsk, sendAsk } from './asks.ts';
import { myNeed } from './needs.ts';
import * as notices from './notices.ts';
import { suggestMentors } from './suggestions.ts';
import * as repo from './repository.ts';
import type { MentorshipRecord, NeedRecord, RequestRecord } from './repository.ts';

export type { MentorshipRecord, RequestRecord };
export { ANSWER_WITHIN_DAYS } from './asks.ts';

const NOTE_MAX = 1000;

/** Whether a request is still waiting for its answer at this moment. */
export const isWaiting = (request: RequestRecord, now: Date) => request.status === 'PENDING' && request.expiresAt > now;

/** The answer a request has at this moment: a waiting request past its time reads as expired. */
export function statusAt(request: RequestRecord, now: Date): RequestRecord['status'] {
  return request.status === 'PENDING' && request.expiresAt <= now ? 'EXPIRED' : request.status;
}

/** Asks a mentor about one of the viewer's needs, with a message the mentor reads first. */
export async function requestMentor(
  ctx: ServiceContext,
  needId: string,
  mentorId: string,
  message: string,
): Promise<RequestRecord> {
  const viewer = requireViewer(ctx);
  const need = await myNeed(ctx, needId);
  if (need.status !== 'OPEN') throw conflict('This need is no longer open. Post a new one to ask a mentor.');
  const text = await checkedAsk(ctx, { leadId: viewer.userId, mentorId, networkId: need.networkId, message });
  const asked = await repo.getRequestsOfNeeds(ctx.db, [need.id]);
  const now = ctx.clock.now();
  if (asked.some((request) => request.mentorId === mentorId)) {
    throw conflict('You have asked this mentor about this need already.', 'mentorId');
  }
  if (asked.some((request) => isWaiting(request, now))) {
    throw conflict('You are waiting for a mentor’s answer about this need. Wait for it, or withdraw the request.');
  }
  try {
    const { request, added } = await transaction(ctx, async (tx) => {
      // A request past its time still holds the need's one waiting place until the sweep marks it.
      await repo.expireRequestsOfNeed(tx.db, need.id, now);
      return sendAsk(tx, { need, lead: viewer, mentorId, message: text });
    });
    await notices.announce(ctx, added);
    return request;
  } catch (error) {
    // Two asks at once: the database's unique indexes let one through.
    if (isUniqueViolation(error)) throw conflict('You have just asked a mentor about this need.', 'mentorId');
    throw error;
  }
}

/** A request the viewer may see: they sent it or were sent it. NOT_FOUND otherwise. */
export async function visibleRequest(ctx: ServiceContext, requestId: string): Promise<RequestRecord> {
  const viewer = requireViewer(ctx);
  const [request] = isUuid(requestId) ? await repo.getRequestsByIds(ctx.db, [requestId]) : [];
  if (!request || (request.mentorId !== viewer.userId && request.leadId !== viewer.userId)) {
    throw notFound('There is no such request for you.');
  }
  return { ...request, status: statusAt(request, ctx.clock.now()) };
}

export interface Answer {
  request: RequestRecord;
  mentorship: MentorshipRecord | null;
}

/**
 * The mentor answers, once. Accepting makes the mentorship and marks the need matched, all in
 * one transaction that holds the mentor's offer row, so no two accepts can share the last place.
 */
export async function respondToRequest(
  ctx: ServiceContext,
  requestId: string,
  accept: boolean,
  message: string | null | undefined,
): Promise<Answer> {
  const viewer = requireViewer(ctx);
  const request = await visibleRequest(ctx, requestId);
  if (request.mentorId !== viewer.userId) throw forbidden('Only the mentor who was asked can answer this request.');
  const note = cleanText('message', message ?? '', { label: 'note', max: NOTE_MAX, multiline: true }) || null;
  const { answer, added } = await transaction(ctx, async (tx) => {
    const now = tx.clock.now();
    if (accept) await ensurePlaceFree(tx, viewer.userId);
    const answered = await repo.answerRequest(tx.db, {
      requestId,
      status: accept ? 'ACCEPTED' : 'DECLINED',
      note,
      now,
    });
    if (!answered) throw conflict(alreadyAnswered(request, now));
    const [need] = await repo.getNeedsByIds(tx.db, [answered.needId]);
    if (!accept) {
      const added = await notices.tell(tx, [notices.declined(answered, viewer.name, need!)]);
      return { answer: { request: answered, mentorship: null }, added };
    }
    const mentorship = await repo.insertMentorship(tx.db, answered, now);
    await repo.setNeedStatus(tx.db, answered.needId, 'MATCHED', now);
    const added = await notices.tell(tx, [notices.accepted(mentorship, viewer.name, need!, note)]);
    return { answer: { request: answered, mentorship }, added };
  });
  await notices.announce(ctx, added);
  return answer;
}

/** Locks the mentor's offer and counts their open mentorships under that lock. */
async function ensurePlaceFree(ctx: ServiceContext, mentorId: string): Promise<void> {
  const offer = await repo.lockOffer(ctx.db, mentorId);
  const open = (await repo.countOpenMentorships(ctx.db, [mentorId])).get(mentorId) ?? 0;
  if (!offer || open >= offer.capacity) {
    throw conflict(
      `You have no place free: you mentor ${open} ${open === 1 ? 'person' : 'people'} now. Close a mentorship or raise your capacity first.`,
    );
  }
}

function alreadyAnswered(request: RequestRecord, now: Date): string {
  if (statusAt(request, now) === 'EXPIRED') return 'This request expired before it was answered.';
  if (request.status === 'WITHDRAWN') return 'The lead withdrew this request.';
  return 'This request has been answered already.';
}

/** The lead takes back a request that is still waiting; the mentor is told. */
export async function withdrawRequest(ctx: ServiceContext, requestId: string): Promise<RequestRecord> {
  const viewer = requireViewer(ctx);
  const request = await visibleRequest(ctx, requestId);
  if (request.leadId !== viewer.userId) throw forbidden('Only the lead who asked can withdraw this request.');
  const { withdrawn, added } = await transaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const withdrawn = await repo.answerRequest(tx.db, { requestId, status: 'WITHDRAWN', note: null, now });
    if (!withdrawn) throw conflict(alreadyAnswered(request, now));
    const [need] = await repo.getNeedsByIds(tx.db, [withdrawn.needId]);
    return { withdrawn, added: await notices.tell(tx, [notices.withdrawn(withdrawn, viewer.name, need!)]) };
  });
  await notices.announce(ctx, added);
  return withdrawn;
}

/**
 * Marks requests past their time as expired, a batch at a time, and tells each lead, in one
 * transaction: the conditional update hands each request to one sweep only, so two app copies
 * sweeping at once tell a lead once. Returns the requests this call expired.
 */
export async function expireOverdueRequests(ctx: ServiceContext, limit = 500): Promise<RequestRecord[]> {
  const { expired, added } = await transaction(ctx, async (tx) => {
    const expired = await repo.expireRequests(tx.db, tx.clock.now(), limit);
    if (expired.length === 0) return { expired, added: { added: [] } };
    const [needs, mentors] = await Promise.all([
      needsOf(tx, expired),
      accounts.getUsersByIds(
        tx,
        expired.map((request) => request.mentorId),
      ),
    ]);
    const nameOf = new Map(mentors.map((mentor) => [mentor.id, mentor.name]));
    const told = expired.map((request) =>
      notices.expired(request, nameOf.get(request.mentorId) ?? 'Your mentor', needs.get(request.needId)!),
    );
    return { expired, added: await notices.tell(tx, told) };
  });
  await notices.announce(ctx, added);
  return expired;
}

/** The viewer's role towards a need: only its lead sees its suggestions and requests. */
function requireLead(ctx: ServiceContext, need: NeedRecord): void {
  if (requireViewer(ctx).userId !== need.leadId) throw forbidden('Only the lead who posted this need can see this.');
}

/** The requests about each of these needs, for their lead, oldest first, as of now. */
export async function requestsOfNeeds(
  ctx: ServiceContext,
  needs: readonly NeedRecord[],
): Promise<Map<string, RequestRecord[] | Error>> {
  const answers = new Map<string, RequestRecord[] | Error>();
  const own = needs.filter((need) => {
    try {
      requireLead(ctx, need);
      return true;
    } catch (error) {
      answers.set(need.id, error as Error);
      return false;
    }
  });
  const now = ctx.clock.now();
  const rows = await repo.getRequestsOfNeeds(
    ctx.db,
    own.map((need) => need.id),
  );
  for (const need of own) answers.set(need.id, []);
  for (const row of rows) (answers.get(row.needId) as RequestRecord[]).push({ ...row, status: statusAt(row, now) });
  return answers;
}

/** Mentors to suggest for a need, for its lead: none while a request about it waits. */
export async function needSuggestions(ctx: ServiceContext, need: NeedRecord, first: number | null | undefined) {
  requireLead(ctx, need);
  const now = ctx.clock.now();
  const requests = await repo.getRequestsOfNeeds(ctx.db, [need.id]);
  return suggestMentors(
    ctx,
    need,
    first,
    requests.some((request) => isWaiting(request, now)),
  );
}

/**
 * The needs these requests or mentorships are about, for the people they are between (the
 * caller has shown they may see the rows).
 */
export async function needsOf(
  ctx: ServiceContext,
  rows: ReadonlyArray<{ needId: string }>,
): Promise<Map<string, NeedRecord>> {
  const found = await repo.getNeedsByIds(ctx.db, [...new Set(rows.map((row) => row.needId))]);
  return new Map(found.map((need) => [need.id, need]));
}

/** The mentorships these requests began, by request. */
export async function mentorshipsOfRequests(
  ctx: ServiceContext,
  requests: readonly RequestRecord[],
): Promise<Map<string, MentorshipRecord>> {
  const found = await repo.getMentorshipsByRequestIds(
    ctx.db,
    requests.filter((request) => request.status === 'ACCEPTED').map((request) => request.id),
  );
  return new Map(found.map((mentorship) => [mentorship.requestId, mentorship]));
}

/** Requests the viewer was sent as a mentor (in) or sent as a lead (out), newest first, as of now. */
export async function myRequests(ctx: ServiceContext, direction: 'in' | 'out'): Promise<RequestRecord[]> {
  const viewer = requireViewer(ctx);
  const now = ctx.clock.now();
  const rows = await repo.getRequestsOf(ctx.db, viewer.userId, direction === 'in' ? 'mentor_id' : 'lead_id');
  return rows.map((request) => ({ ...request, status: statusAt(request, now) }));
}
