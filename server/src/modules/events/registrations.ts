// Registering, leaving, claiming an offered seat, registering someone on their behalf, and
// checking people in. Every change to who holds a seat runs under the event's lock (seats.ts).
import { transaction, type ServiceContext } from '../../core/context.ts';
import { badInput, conflict, forbidden, InputProblems, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { cleanText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import * as memberships from '../memberships/service.ts';
import { currentEvent, requireNotHidden } from './events.ts';
import * as notices from './notices.ts';
import * as repo from './repository.ts';
import type { Answer, EventRecord, RegistrationRecord } from './repository.ts';
import { announceSeats, arrivingStatus, countsNow, fillFreeSeats, lockedEvent, organises } from './seats.ts';

export const ACCESS_NEEDS_MAX = 1000;
export const DIETARY_NEEDS_MAX = 500;
export const ANSWER_MAX = 1000;

export interface RegistrationInput {
  accessNeeds?: string | null;
  dietaryNeeds?: string | null;
  answers?: ReadonlyArray<{ questionId: string; answer: string }> | null;
}

export interface OnBehalfInput {
  name: string;
  email?: string | null;
  phone?: string | null;
  accessNeeds?: string | null;
  dietaryNeeds?: string | null;
}

const LIVE: ReadonlySet<repo.RegistrationStatus> = new Set([
  'CONFIRMED',
  'WAITLISTED',
  'OFFERED',
  'ATTENDED',
  'NO_SHOW',
]);

function validNeeds(input: { accessNeeds?: string | null; dietaryNeeds?: string | null }, problems: InputProblems) {
  const accessNeeds = problems.check(() =>
    cleanText('accessNeeds', input.accessNeeds ?? '', {
      label: 'access needs',
      max: ACCESS_NEEDS_MAX,
      multiline: true,
    }),
  );
  const dietaryNeeds = problems.check(() =>
    cleanText('dietaryNeeds', input.dietaryNeeds ?? '', { label: 'dietary needs', max: DIETARY_NEEDS_MAX }),
  );
  return { accessNeeds: accessNeeds ?? '', dietaryNeeds: dietaryNeeds ?? '' };
}

/** Answers to the event's own questions, every required one answered; blank answers are left out. */
function validAnswers(event: EventRecord, given: RegistrationInput['answers'], problems: InputProblems): Answer[] {
  const byQuestion = new Map<string, string>();
  for (const { questionId, answer } of given ?? []) {
    if (!event.questions.some((question) => question.id === questionId)) {
      problems.add(
        'answers',
        'One of the answers is to a question this event does not ask. Reload the page and try again.',
      );
      return [];
    }
    const text = problems.check(() =>
      cleanText('answers', answer, { label: 'answer', max: ANSWER_MAX, multiline: true }),
    );
    if (text) byQuestion.set(questionId, text);
  }
  const missing = event.questions.find((question) => question.required && !byQuestion.has(question.id));
  if (missing) problems.add('answers', `Answer the question "${missing.prompt}".`);
  return event.questions.flatMap((question) =>
    byQuestion.has(question.id) ? [{ questionId: question.id, answer: byQuestion.get(question.id)! }] : [],
  );
}

/** Refuses registration for an event that was cancelled, has started, or (unless organising) is closed. */
function requireOpen(event: EventRecord, now: Date, organiser: boolean): void {
  if (event.cancelledAt) throw conflict('This event was cancelled, so nobody can register for it.');
  if (event.startsAt <= now) throw conflict('This event has started, so registration has closed.');
  if (event.registrationClosedAt && !organiser) {
    throw conflict('Registration for this event is closed. The organisers can tell you more.');
  }
}

/**
 * Registers the viewer: a seat while one is free and nobody waits, else a place on the
 * waitlist. Registering again gives back the registration the person holds.
 */
export async function registerForEvent(
  ctx: ServiceContext,
  eventId: string,
  input: RegistrationInput = {},
): Promise<RegistrationRecord> {
  const viewer = requireViewer(ctx);
  const event = await currentEvent(ctx, eventId);
  requireNotHidden(event);
  await memberships.requireGoodStanding(ctx, event.networkId);
  const held = await liveRegistrationOf(ctx, event.id, viewer.userId);
  if (held) return held;
  requireOpen(event, ctx.clock.now(), false);
  const problems = new InputProblems();
  const needs = validNeeds(input, problems);
  const answers = validAnswers(event, input.answers, problems);
  problems.throwIfAny();
  const { registration, seats } = await transaction(ctx, async (tx) => {
    const locked = await lockedEvent(tx, event.id);
    requireNotHidden(locked);
    requireOpen(locked, tx.clock.now(), false);
    const written = await repo.upsertRegistration(tx.db, {
      eventId: event.id,
      userId: viewer.userId,
      name: null,
      email: null,
      phone: null,
      registeredBy: null,
      ...needs,
      answers,
      status: arrivingStatus(locked),
      now: tx.clock.now(),
    });
    // Null: the same person registered in another request meanwhile; theirs is the one to give back.
    if (!written) return { registration: (await liveRegistrationOf(tx, event.id, viewer.userId))!, seats: null };
    return { registration: written, seats: await countsNow(tx, event.id) };
  });
  await announceSeats(ctx, seats);
  return registration;
}

async function liveRegistrationOf(ctx: ServiceContext, eventId: string, userId: string) {
  const [found] = await repo.getRegistrationsOfUser(ctx.db, userId, [eventId]);
  return found && LIVE.has(found.status) ? found : null;
}

/** The phone number as typed, if it looks like one: digits, spaces and + ( ) - only, 7 to 15 digits. */
function validPhone(raw: string): string {
  const phone = raw.trim().replace(/\s+/g, ' ');
  const digits = phone.replace(/\D/g, '').length;
  if (!/^\+?[\d ()-]+$/.test(phone) || digits < 7 || digits > 15) {
    throw badInput('phone', 'Enter a phone number like 07700 900123 or +44 7700 900123.');
  }
  return phone;
}

function validEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw badInput('email', 'Enter an email address like name@example.org.');
  }
  return email;
}

/** An organiser registers someone without an account: a name, and an email or a phone. */
export async function registerOnBehalf(
  ctx: ServiceContext,
  eventId: string,
  input: OnBehalfInput,
): Promise<RegistrationRecord> {
  const viewer = requireViewer(ctx);
  const event = await currentEvent(ctx, eventId);
  requireNotHidden(event);
  await memberships.requireOrganiser(ctx, event.networkId);
  await memberships.requireGoodStanding(ctx, event.networkId);
  const problems = new InputProblems();
  const name = problems.check(() =>
    cleanText('name', input.name, { label: 'name', max: 100, required: 'Give the name of the person you register.' }),
  );
  const email = input.email?.trim() ? problems.check(() => validEmail(input.email!)) : null;
  const phone = input.phone?.trim() ? problems.check(() => validPhone(input.phone!)) : null;
  if (!input.email?.trim() && !input.phone?.trim()) {
    problems.add('email', 'Give an email address or a phone number, so the person can be told of changes.');
  }
  const needs = validNeeds(input, problems);
  problems.throwIfAny();
  const { registration, seats } = await transaction(ctx, async (tx) => {
    const locked = await lockedEvent(tx, event.id);
    requireNotHidden(locked);
    requireOpen(locked, tx.clock.now(), true);
    // Under the event's lock, so two organisers adding the same person at once make one registration.
    const existing = await repo.findOnBehalfRegistration(tx.db, event.id, {
      email: email ?? null,
      phone: phone ?? null,
    });
    if (existing) return { registration: existing, seats: null };
    const registration = await repo.upsertRegistration(tx.db, {
      eventId: event.id,
      userId: null,
      name: name!,
      email: email ?? null,
      phone: phone ?? null,
      registeredBy: viewer.userId,
      ...needs,
      answers: [],
      status: arrivingStatus(locked),
      now: tx.clock.now(),
    });
    return { registration: registration!, seats: await countsNow(tx, event.id) };
  });
  await announceSeats(ctx, seats);
  return registration;
}

/**
 * A registration the viewer may act on and see in full: their own, or one for an event of a
 * network they organise. NOT_FOUND otherwise, so ids reveal nothing.
 */
export async function visibleRegistration(
  ctx: ServiceContext,
  registrationId: string,
): Promise<{ registration: RegistrationRecord; event: EventRecord; asOrganiser: boolean }> {
  const viewer = requireViewer(ctx);
  const [registration] = isUuid(registrationId) ? await repo.getRegistrationsByIds(ctx.db, [registrationId]) : [];
  if (registration) {
    const event = await currentEvent(ctx, registration.eventId);
    const asOrganiser = await organises(ctx, event.networkId);
    if (registration.userId === viewer.userId || asOrganiser) return { registration, event, asOrganiser };
  }
  throw notFound('There is no such registration for you.');
}

/** The person (or an organiser for them) gives up a seat or leaves the waitlist; a freed seat goes to the next in line. */
export async function cancelRegistration(ctx: ServiceContext, registrationId: string): Promise<RegistrationRecord> {
  const { registration, event } = await visibleRegistration(ctx, registrationId);
  if (registration.status === 'CANCELLED') return registration;
  const { cancelled, added, seats } = await transaction(ctx, async (tx) => {
    const locked = await lockedEvent(tx, event.id);
    if (locked.endsAt <= tx.clock.now()) throw conflict('This event is over, so its registrations stay as they were.');
    const cancelled = await repo.cancelRegistration(tx.db, registration.id, tx.clock.now());
    if (!cancelled) return { cancelled: await alreadyEnded(tx, registration.id), added: null, seats: null };
    const promoted = await fillFreeSeats(tx, locked);
    const added = await notices.tell(tx, notices.promoted(locked, promoted));
    return { cancelled, added, seats: await countsNow(tx, event.id) };
  });
  if (added) await notices.announce(ctx, added);
  await announceSeats(ctx, seats);
  return cancelled;
}

/**
 * A registration that could not be cancelled: cancelled already (by another request, which filled
 * the seat), or checked in, which stays as a record of who came.
 */
async function alreadyEnded(ctx: ServiceContext, registrationId: string): Promise<RegistrationRecord> {
  const [now] = await repo.getRegistrationsByIds(ctx.db, [registrationId]);
  if (now!.status === 'CANCELLED') return now!;
  throw conflict('This person has been checked in, so the registration stays as a record of who came.');
}

/** The person takes the seat offered to them, while the offer stands. */
export async function claimSeat(ctx: ServiceContext, registrationId: string): Promise<RegistrationRecord> {
  const viewer = requireViewer(ctx);
  const { registration, event } = await visibleRegistration(ctx, registrationId);
  if (registration.userId !== viewer.userId) throw forbidden('Only the person offered a seat can claim it.');
  requireNotHidden(event);
  if (registration.status === 'CONFIRMED') return registration;
  return transaction(ctx, async (tx) => {
    requireNotHidden(await lockedEvent(tx, event.id));
    const claimed = await repo.claimOffer(tx.db, registration.id, tx.clock.now());
    if (claimed) return claimed;
    const [now] = await repo.getRegistrationsByIds(tx.db, [registration.id]);
    if (now!.status === 'CONFIRMED') return now!;
    if (now!.status === 'OFFERED' || (now!.status === 'CANCELLED' && registration.status === 'OFFERED')) {
      throw conflict('The time to claim this seat has passed, so it went to the next person waiting.');
    }
    throw conflict('No seat is offered to you for this event.');
  });
}

/** An organiser ticks a seat holder in on the night; ticking twice changes nothing. */
export async function checkIn(ctx: ServiceContext, registrationId: string): Promise<RegistrationRecord> {
  const { registration, asOrganiser } = await visibleRegistration(ctx, registrationId);
  if (!asOrganiser) throw forbidden("Only this network's organisers and stewards can check people in.");
  if (registration.status === 'ATTENDED') return registration;
  const checked = await transaction(ctx, (tx) => repo.checkIn(tx.db, registration.id, tx.clock.now()));
  if (checked) return checked;
  const [now] = await repo.getRegistrationsByIds(ctx.db, [registration.id]);
  if (now!.status === 'ATTENDED') return now!;
  throw conflict(
    now!.status === 'WAITLISTED'
      ? 'This person is on the waitlist, not holding a seat.'
      : 'This registration was cancelled, so it holds no seat.',
  );
}

/**
 * Offers past their time, passed to the next person waiting, a batch of events at a time. Each
 * event's offers are lapsed under its lock by a conditional update, so two app copies sweeping at
 * once lapse each offer once and fill each freed seat once. Returns the offers this call lapsed.
 */
export async function lapseOverdueOffers(ctx: ServiceContext, eventLimit = 100): Promise<RegistrationRecord[]> {
  const eventIds = await repo.eventsWithLapsedOffers(ctx.db, ctx.clock.now(), eventLimit);
  const lapsed: RegistrationRecord[] = [];
  for (const eventId of eventIds) {
    const { gone, added, seats } = await transaction(ctx, async (tx) => {
      const event = await lockedEvent(tx, eventId);
      const gone = await repo.lapseOffers(tx.db, eventId, tx.clock.now());
      if (gone.length === 0) return { gone, added: null, seats: null };
      const promoted = await fillFreeSeats(tx, event);
      // Once the event has started nobody is moved up, and an offer that ran out then needs no words.
      const told = event.startsAt > tx.clock.now() ? notices.lapsed(event, gone) : [];
      const added = await notices.tell(tx, [...told, ...notices.promoted(event, promoted)]);
      return { gone, added, seats: await countsNow(tx, eventId) };
    });
    lapsed.push(...gone);
    if (added) await notices.announce(ctx, added);
    await announceSeats(ctx, seats);
  }
  return lapsed;
}

/** What releaseSeatsOf changed, to announce once the caller's transaction commits. */
export interface ReleasedSeats {
  added: Array<Awaited<ReturnType<typeof notices.tell>>>;
  seats: Array<Awaited<ReturnType<typeof countsNow>>>;
}

/**
 * Gives up every seat and waitlist place a person holds in events not yet over, inside the
 * caller's transaction (an account being deleted): erasing the rows alone would free seats with
 * nobody waiting moved up. Events are locked in id order, as every other path takes one at a time.
 */
export async function releaseSeatsOf(ctx: ServiceContext, userId: string): Promise<ReleasedSeats> {
  const released: ReleasedSeats = { added: [], seats: [] };
  for (const registration of await repo.getLiveRegistrationsOfUser(ctx.db, userId, ctx.clock.now())) {
    const locked = await lockedEvent(ctx, registration.eventId);
    if (!(await repo.cancelRegistration(ctx.db, registration.id, ctx.clock.now()))) continue;
    const promoted = await fillFreeSeats(ctx, locked);
    released.added.push(await notices.tell(ctx, notices.promoted(locked, promoted)));
    released.seats.push(await countsNow(ctx, registration.eventId));
  }
  return released;
}

/** Tells the people moved up, and pages open on the events, once the deletion has committed. */
export async function announceReleasedSeats(ctx: ServiceContext, released: ReleasedSeats): Promise<void> {
  for (const added of released.added) await notices.announce(ctx, added);
  for (const seats of released.seats) await announceSeats(ctx, seats);
}
