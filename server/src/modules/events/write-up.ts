// After the event: a short write-up of what happened, by its organisers, shown on its page. Meetup
// and Luma stop at the door; this is the step that turns a night into something a digital lead can
// show their manager, and the start of a case study once the library exists.
import { transaction, type ServiceContext } from '../../core/context.ts';
import { conflict } from '../../core/errors.ts';
import { cleanText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import * as memberships from '../memberships/service.ts';
import * as repo from './repository.ts';
import type { EventRecord } from './repository.ts';
import { lockedEvent } from './seats.ts';

export const WRITE_UP_MAX = 3000;

/** Writes (or with empty text, clears) the write-up of an event that has started. Organisers only. */
export async function writeUpEvent(ctx: ServiceContext, eventId: string, rawWriteUp: string): Promise<EventRecord> {
  const viewer = requireViewer(ctx);
  const writeUp = cleanText('writeUp', rawWriteUp, { label: 'write-up', max: WRITE_UP_MAX, multiline: true });
  return transaction(ctx, async (tx) => {
    const event = await lockedEvent(tx, eventId);
    await memberships.requireOrganiser(tx, event.networkId);
    await memberships.requireGoodStanding(tx, event.networkId);
    if (event.cancelledAt) throw conflict('This event was cancelled, so there is nothing to write up.');
    if (event.startsAt > tx.clock.now()) throw conflict('Write it up once the event has started.');
    return repo.setWriteUp(tx.db, eventId, writeUp, viewer.userId, tx.clock.now());
  });
}
