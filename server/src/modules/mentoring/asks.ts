// Sending one request: the checks any ask must pass, and the write that sends it and tells the
// mentor. Shared by asking about a posted need and by posting a need addressed to a mentor.
import type { ServiceContext, Viewer } from '../../core/context.ts';
import { badInput, conflict } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { cleanText } from '../../core/text.ts';
import * as memberships from '../memberships/service.ts';
import type { AddedNotifications } from '../notifications/service.ts';
import * as notices from './notices.ts';
import * as repo from './repository.ts';
import type { NeedRecord, RequestRecord } from './repository.ts';

/** How long a mentor has to answer before the request expires and the lead sees suggestions again. */
export const ANSWER_WITHIN_DAYS = 7;
const MESSAGE_MAX = 2000;

export const expiryFrom = (now: Date) => new Date(now.getTime() + ANSWER_WITHIN_DAYS * 24 * 60 * 60 * 1000);

/** The message a mentor reads with a request, checked: any ask's, and a matching round's. */
export const cleanAskMessage = (message: string) =>
  cleanText('message', message, { label: 'message', max: MESSAGE_MAX, multiline: true });

/** Checks that a mentor can be asked by this lead now: an offer, not paused, visible, with room. */
async function askableOffer(ctx: ServiceContext, leadId: string, mentorId: string): Promise<void> {
  const offer = isUuid(mentorId)
    ? await repo.getOfferVisibleTo(ctx.db, mentorId, memberships.sharesNetworkWith(leadId))
    : null;
  if (!offer) throw badInput('mentorId', 'That person does not offer mentoring.');
  if (offer.pausedAt) throw conflict('This mentor has paused their offer for now. Ask someone else.', 'mentorId');
  const open = (await repo.countOpenMentorships(ctx.db, [mentorId])).get(mentorId) ?? 0;
  if (open >= offer.capacity) throw conflict('This mentor has no place free just now. Ask someone else.', 'mentorId');
}

/** The message of an ask, checked, once the lead may ask this mentor: not themself, and askable. */
export async function checkedAsk(ctx: ServiceContext, leadId: string, mentorId: string, message: string) {
  if (mentorId === leadId) throw badInput('mentorId', 'You cannot ask yourself to be your mentor.');
  const text = cleanAskMessage(message);
  await askableOffer(ctx, leadId, mentorId);
  return text;
}

/** Sends the request and writes the mentor's notice, inside the caller's transaction. */
export async function sendAsk(
  tx: ServiceContext,
  ask: { need: NeedRecord; lead: Pick<Viewer, 'userId' | 'name'>; mentorId: string; message: string },
): Promise<{ request: RequestRecord; added: AddedNotifications }> {
  const now = tx.clock.now();
  const [request] = await repo.insertRequests(
    tx.db,
    [
      {
        needId: ask.need.id,
        mentorId: ask.mentorId,
        leadId: ask.lead.userId,
        message: ask.message,
        matchingRoundId: null,
        expiresAt: expiryFrom(now),
      },
    ],
    now,
  );
  const added = await notices.tell(tx, [notices.asked(request!, ask.lead.name, ask.need)]);
  return { request: request!, added };
}
