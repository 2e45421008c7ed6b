// Who came: after the doors open, organisers finish the list by marking those who did not come,
// and take back a tick made by mistake. A person marked as not come who turns up late is checked
// in as usual (checkIn takes NO_SHOW too).
import { transaction, type ServiceContext } from '../../core/context.ts';
import { conflict, forbidden } from '../../core/errors.ts';
import { requireViewer } from '../accounts/service.ts';
import * as memberships from '../memberships/service.ts';
import { visibleRegistration } from './registrations.ts';
import * as repo from './repository.ts';
import type { EventRecord, RegistrationRecord } from './repository.ts';
import { lockedEvent } from './seats.ts';

/** Takes back a check-in; the person holds their seat again. Organisers only. */
export async function undoCheckIn(ctx: ServiceContext, registrationId: string): Promise<RegistrationRecord> {
  const { registration, asOrganiser } = await visibleRegistration(ctx, registrationId);
  if (!asOrganiser) throw forbidden("Only this network's organisers and stewards can change who came.");
  if (registration.status === 'CONFIRMED') return registration;
  const undone = await transaction(ctx, (tx) => repo.undoCheckIn(tx.db, registration.id, tx.clock.now()));
  if (undone) return undone;
  const [now] = await repo.getRegistrationsByIds(ctx.db, [registration.id]);
  if (now!.status === 'CONFIRMED') return now!;
  throw conflict('This person was not checked in, so there is nothing to take back.');
}

/**
 * Marks everyone holding a seat who was not checked in as not come, once the event has started.
 * Organisers only. Returns how many were marked; doing it again marks nobody new.
 */
export async function recordNoShows(
  ctx: ServiceContext,
  eventId: string,
): Promise<{ event: EventRecord; marked: number }> {
  requireViewer(ctx);
  return transaction(ctx, async (tx) => {
    const event = await lockedEvent(tx, eventId);
    await memberships.requireOrganiser(tx, event.networkId);
    if (event.cancelledAt) throw conflict('This event was cancelled, so nobody was expected.');
    if (event.startsAt > tx.clock.now())
      throw conflict('The event has not started yet: mark who did not come once it has.');
    return { event, marked: await repo.markNoShows(tx.db, eventId, tx.clock.now()) };
  });
}
