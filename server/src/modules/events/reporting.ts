// What the safety module needs of events: an event as a report keeps it, and hiding one after a
// report. A hidden event is kept but left out of every list (repository.visibleEvent), and only
// its creator and the network's organisers and stewards can open it.
import type { ServiceContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { ReportableSubject } from '../../core/reportable.ts';
import { eventsByIds, shownTo } from './events.ts';
import * as repo from './repository.ts';
import type { EventRecord } from './repository.ts';

/** The event as the viewer sees it, for a report; null when there is none or the viewer cannot see it. */
export async function reportableEvent(ctx: ServiceContext, eventId: string): Promise<ReportableSubject | null> {
  const event = (await eventsByIds(ctx, [eventId])).get(eventId);
  if (!event || !(await shownTo(ctx, [event])).has(event.id)) return null;
  return {
    networkId: event.networkId,
    personId: event.createdBy,
    snapshot: {
      title: event.title,
      text: [event.description, event.writeUp].filter((part) => part.trim() !== '').join('\n\n'),
      path: `/events/${event.id}`,
    },
  };
}

/** Hides an event after a report, inside the safety module's transaction. NOT_FOUND when there is none. */
export async function hideEvent(ctx: ServiceContext, eventId: string): Promise<EventRecord> {
  const hidden = isUuid(eventId) ? await repo.hideEvent(ctx.db, eventId, ctx.clock.now()) : null;
  if (!hidden) throw notFound('There is no event with that id.');
  ctx.memo.clear();
  return hidden;
}
