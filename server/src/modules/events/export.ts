// What the events module holds about a person, for their data export: each registration with
// what they told the organisers, and the volunteer roles they took.
import type { ServiceContext } from '../../core/context.ts';
import * as networks from '../networks/service.ts';
import { eventsByIds } from './events.ts';
import * as repo from './repository.ts';

export async function eventsForExport(ctx: ServiceContext, userId: string) {
  const [registrations, roles] = await Promise.all([
    repo.listRegistrationsOfUser(ctx.db, userId),
    repo.listRolesOfUser(ctx.db, userId),
  ]);
  const events = await eventsByIds(ctx, [...new Set([...registrations, ...roles].map((row) => row.eventId))]);
  const named = await networks.networksByIds(ctx, [...new Set([...events.values()].map((event) => event.networkId))]);
  const eventOf = (eventId: string) => {
    const event = events.get(eventId)!;
    return {
      eventId,
      eventTitle: event.title,
      networkName: named.get(event.networkId)?.name ?? null,
      startsAt: event.startsAt,
      timeZone: event.timeZone,
    };
  };
  return {
    registrations: registrations.map((registration) => {
      const prompts = new Map(events.get(registration.eventId)!.questions.map((q) => [q.id, q.prompt]));
      return {
        ...eventOf(registration.eventId),
        status: registration.status,
        waitlistPosition: registration.waitlistPosition,
        accessNeeds: registration.accessNeeds,
        dietaryNeeds: registration.dietaryNeeds,
        answers: registration.answers.map((answer) => ({
          question: prompts.get(answer.questionId) ?? null,
          answer: answer.answer,
        })),
        registeredAt: registration.createdAt,
        checkedInAt: registration.checkedInAt,
        cancelledAt: registration.cancelledAt,
      };
    }),
    roles: roles.map((role) => ({ ...eventOf(role.eventId), role: role.role, note: role.note, since: role.createdAt })),
  };
}
