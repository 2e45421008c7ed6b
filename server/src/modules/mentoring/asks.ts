// Sending one request: the checks any ask must pass, and the write that sends it and tells the
// mentor. Shared by asking about a posted need and by posting a need addressed to a mentor.
import type { ServiceContext, Viewer } from '../../core/context.ts';
import { badInput, conflict, forbidden } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { IdCondition } from '../../core/query.ts';
import { cleanText } from '../../core/text.ts';
import * as memberships from '../memberships/service.ts';
import type { AddedNotifications } from '../notifications/service.ts';
import * as safety from '../safety/service.ts';
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

/**
 * The one refusal for every reason a lead may not ask a mentor that is not theirs to know: no
 * offer, an offer they may not see or the stewards hid, a block either way, a mentor suspended in
 * the need's network. One wording, so a refusal never tells a block from the rest.
 */
const CANNOT_ASK = 'You cannot send this mentor a request.';

/**
 * What a mentor must be to be put before this lead, about a need in this network (or none): not
 * blocked by or blocking the lead, and not suspended in the network. Conditions on the mentor's
 * id, for suggestions and asks alike.
 */
export function mentorsFor(ctx: ServiceContext, leadId: string, networkId: string | null): IdCondition[] {
  const conditions = [safety.notBlockedWith(leadId)];
  if (networkId) {
    conditions.push(
      repo.notSuspendedIn(memberships.isActiveMemberOf(networkId), memberships.isInGoodStandingOf(ctx, networkId)),
    );
  }
  return conditions;
}

/** Checks that a mentor can be asked by this lead now: an offer, not paused, visible, with room. */
async function askableOffer(
  ctx: ServiceContext,
  leadId: string,
  mentorId: string,
  networkId: string | null,
): Promise<void> {
  if (!isUuid(mentorId) || (await safety.isBlockedBetween(ctx, leadId, mentorId))) throw forbidden(CANNOT_ASK);
  const offer = await repo.getOfferVisibleTo(
    ctx.db,
    mentorId,
    memberships.sharesNetworkWith(leadId),
    mentorsFor(ctx, leadId, networkId),
  );
  if (!offer) throw forbidden(CANNOT_ASK);
  if (offer.pausedAt) throw conflict('This mentor has paused their offer for now. Ask someone else.', 'mentorId');
  const open = (await repo.countOpenMentorships(ctx.db, [mentorId])).get(mentorId) ?? 0;
  if (open >= offer.capacity) throw conflict('This mentor has no place free just now. Ask someone else.', 'mentorId');
}

/**
 * The message of an ask about a need in this network (or none), checked, once the lead may ask
 * this mentor: not themself, in good standing in the network, and the mentor askable.
 */
export async function checkedAsk(
  ctx: ServiceContext,
  ask: { leadId: string; mentorId: string; networkId: string | null; message: string },
) {
  if (ask.mentorId === ask.leadId) throw badInput('mentorId', 'You cannot ask yourself to be your mentor.');
  const text = cleanAskMessage(ask.message);
  if (ask.networkId) await memberships.requireGoodStanding(ctx, ask.networkId);
  await askableOffer(ctx, ask.leadId, ask.mentorId, ask.networkId);
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
