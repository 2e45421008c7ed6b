import { describe, expect, it } from 'vitest';
import { errorCodes, useTestApp, type SignedUpOverGraphql } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';

// Events over GraphQL: the contract's names, field errors, and who sees what on every path that
// returns an event or a registration.

const DAY_MS = 24 * 60 * 60 * 1000;

const CREATE = `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id title timeZone capacity seatsLeft
  waitlistLength promotion isOnline onlineUrl canManage registrationOpen network { id } venue { id } questions { id prompt required } } }`;
const REGISTER = `mutation ($eventId: ID!, $input: RegisterForEventInput) { registerForEvent(eventId: $eventId, input: $input) {
  id status waitlistPosition claimBy accessNeeds dietaryNeeds name onBehalf person { id } } }`;
const ON_BEHALF = `mutation ($eventId: ID!, $input: RegisterOnBehalfInput!) { registerOnBehalf(eventId: $eventId, input: $input) {
  id status name email phone onBehalf accessNeeds } }`;
const CHECK_IN = `mutation ($id: ID!) { checkIn(registrationId: $id) { id status checkedInAt accessNeeds dietaryNeeds } }`;
const CANCEL = `mutation ($id: ID!) { cancelRegistration(registrationId: $id) { id status accessNeeds } }`;
const EVENT = `query ($id: ID!) { event(id: $id) { id seatsLeft waitlistLength onlineUrl canManage
  myRegistration { id status waitlistPosition accessNeeds dietaryNeeds answers { questionId answer } }
  registrations { totalCount edges { node { name onBehalf email phone accessNeeds dietaryNeeds status
    person { id } event { id } } } } } }`;
const UPCOMING = `query ($filter: UpcomingEventsFilter) { upcomingEvents(filter: $filter, first: 5) { totalCount
  edges { node { id onlineUrl myRegistration { id accessNeeds } } } } }`;

describe.each(DATABASE_KINDS)('events over GraphQL on %s', (kind) => {
  const api = useTestApp(kind);

  async function organisedEvent(capacity = 1) {
    const organiser = await api.signUp('Ola Organiser');
    const network = await api.startNetwork(organiser.token);
    const startsAt = new Date(Date.now() + 7 * DAY_MS);
    const input = {
      networkId: network.id,
      title: 'Evening talks',
      format: 'TALKS_AND_NETWORKING',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
      timeZone: 'Europe/London',
      onlineUrl: 'https://meet.example.org/talks',
      capacity,
      questions: [{ prompt: 'Your organisation?' }],
    };
    const created = await api.graphql(CREATE, { token: organiser.token, variables: { input } });
    return { organiser, network, input, event: created.data?.createEvent, created };
  }

  const register = (person: SignedUpOverGraphql, eventId: string, input: Record<string, unknown> = {}) =>
    api.graphql(REGISTER, { token: person.token, variables: { eventId, input } });
  const eventAs = (person: SignedUpOverGraphql | null, id: string) =>
    api.graphql(EVENT, { token: person?.token ?? null, variables: { id } });

  it('should create an event, naming each field at fault', async () => {
    const { created, network, input, organiser } = await organisedEvent();
    expect(created.data?.createEvent).toMatchObject({
      title: 'Evening talks',
      timeZone: 'Europe/London',
      capacity: 1,
      seatsLeft: 1,
      waitlistLength: 0,
      promotion: 'AUTO_CONFIRM',
      isOnline: true,
      onlineUrl: 'https://meet.example.org/talks',
      canManage: true,
      registrationOpen: true,
      network: { id: network.id },
      venue: null,
      questions: [{ id: expect.any(String), prompt: 'Your organisation?', required: false }],
    });
    const refused = await api.graphql(CREATE, {
      token: organiser.token,
      variables: { input: { ...input, endsAt: input.startsAt, capacity: 100_000, timeZone: 'Atlantis/Capital' } },
    });
    expect(refused.data).toBeNull();
    expect(refused.errors?.map((error) => [error.extensions.code, error.extensions.field])).toEqual([
      ['BAD_USER_INPUT', 'endsAt'],
      ['BAD_USER_INPUT', 'timeZone'],
      ['BAD_USER_INPUT', 'capacity'],
    ]);
    const member = await api.signUp('Mel Member');
    expect(errorCodes(await api.graphql(CREATE, { token: member.token, variables: { input } }))).toEqual(['FORBIDDEN']);
  });

  it('should keep the online link, needs and the list of registrations to those allowed, on every path', async () => {
    const { organiser, event } = await organisedEvent(1);
    const holder = await api.signUp('Hal Holder');
    const waiting = await api.signUp('Wyn Waiting');
    const stranger = await api.signUp('Stu Stranger');
    const question = event.questions[0].id as string;

    const held = await register(holder, event.id, {
      accessNeeds: 'Step-free',
      dietaryNeeds: 'Vegan',
      answers: [{ questionId: question, answer: 'Food bank' }],
    });
    expect(held.data?.registerForEvent).toMatchObject({
      status: 'CONFIRMED',
      accessNeeds: 'Step-free',
      dietaryNeeds: 'Vegan',
      name: 'Hal Holder',
      onBehalf: false,
      person: { id: holder.id },
    });
    const queued = await register(waiting, event.id, { accessNeeds: 'Hearing loop' });
    expect(queued.data?.registerForEvent).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    const offline = await api.graphql(ON_BEHALF, {
      token: organiser.token,
      variables: {
        eventId: event.id,
        input: { name: 'Flo Offline', phone: '0117 496 0001', accessNeeds: 'Large print' },
      },
    });
    expect(offline.data?.registerOnBehalf).toEqual({
      id: expect.any(String),
      status: 'WAITLISTED',
      name: 'Flo Offline',
      email: null,
      phone: '0117 496 0001',
      onBehalf: true,
      accessNeeds: 'Large print',
    });

    // The holder: the link and their own needs, but not the list.
    const asHolder = await eventAs(holder, event.id);
    expect(asHolder.data?.event).toMatchObject({
      onlineUrl: 'https://meet.example.org/talks',
      canManage: false,
      seatsLeft: 0,
      waitlistLength: 2,
      myRegistration: {
        status: 'CONFIRMED',
        accessNeeds: 'Step-free',
        dietaryNeeds: 'Vegan',
        answers: [{ questionId: question, answer: 'Food bank' }],
      },
      registrations: null,
    });
    expect(errorCodes(asHolder)).toEqual(['FORBIDDEN']);

    // Waiting: their place and needs, no link.
    const asWaiting = await eventAs(waiting, event.id);
    expect(asWaiting.data?.event).toMatchObject({
      onlineUrl: null,
      myRegistration: { status: 'WAITLISTED', waitlistPosition: 1, accessNeeds: 'Hearing loop' },
      registrations: null,
    });

    // Strangers and the signed-out: nothing private at all.
    for (const viewer of [stranger, null]) {
      const answer = await eventAs(viewer, event.id);
      expect(answer.data?.event).toMatchObject({ onlineUrl: null, myRegistration: null, registrations: null });
      expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
    }
    const listed = await api.graphql(UPCOMING, {
      token: stranger.token,
      variables: { filter: { networkId: event.network.id } },
    });
    expect(listed.data?.upcomingEvents).toEqual({
      totalCount: 1,
      edges: [{ node: { id: event.id, onlineUrl: null, myRegistration: null } }],
    });
    const listedToHolder = await api.graphql(UPCOMING, {
      token: holder.token,
      variables: { filter: { networkId: event.network.id } },
    });
    expect(listedToHolder.data?.upcomingEvents.edges[0].node).toEqual({
      id: event.id,
      onlineUrl: 'https://meet.example.org/talks',
      myRegistration: { id: held.data?.registerForEvent.id, accessNeeds: 'Step-free' },
    });

    // Organisers: everything, in the order people registered.
    const asOrganiser = await eventAs(organiser, event.id);
    expect(asOrganiser.errors).toBeUndefined();
    expect(asOrganiser.data?.event.canManage).toBe(true);
    expect(asOrganiser.data?.event.registrations).toEqual({
      totalCount: 3,
      edges: [
        {
          node: {
            name: 'Hal Holder',
            onBehalf: false,
            email: null,
            phone: null,
            accessNeeds: 'Step-free',
            dietaryNeeds: 'Vegan',
            status: 'CONFIRMED',
            person: { id: holder.id },
            event: { id: event.id },
          },
        },
        {
          node: {
            name: 'Wyn Waiting',
            onBehalf: false,
            email: null,
            phone: null,
            accessNeeds: 'Hearing loop',
            dietaryNeeds: '',
            status: 'WAITLISTED',
            person: { id: waiting.id },
            event: { id: event.id },
          },
        },
        {
          node: {
            name: 'Flo Offline',
            onBehalf: true,
            email: null,
            phone: '0117 496 0001',
            accessNeeds: 'Large print',
            dietaryNeeds: '',
            status: 'WAITLISTED',
            person: null,
            event: { id: event.id },
          },
        },
      ],
    });

    // Mutations that return a registration: to the person, or to an organiser.
    const registrationId = held.data?.registerForEvent.id as string;
    expect(
      errorCodes(await api.graphql(CHECK_IN, { token: stranger.token, variables: { id: registrationId } })),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await api.graphql(CANCEL, { token: stranger.token, variables: { id: registrationId } }))).toEqual(
      ['NOT_FOUND'],
    );
    const checked = await api.graphql(CHECK_IN, { token: organiser.token, variables: { id: registrationId } });
    expect(checked.data?.checkIn).toMatchObject({
      status: 'ATTENDED',
      accessNeeds: 'Step-free',
      dietaryNeeds: 'Vegan',
    });
    const left = await api.graphql(CANCEL, {
      token: waiting.token,
      variables: { id: queued.data?.registerForEvent.id },
    });
    expect(left.data?.cancelRegistration).toMatchObject({ status: 'CANCELLED', accessNeeds: 'Hearing loop' });
  });
  it('should read a page of 2 events and a page of 20 in as many statements', async () => {
    const { organiser, input, network } = await organisedEvent(3);
    for (let i = 0; i < 19; i += 1) await api.graphql(CREATE, { token: organiser.token, variables: { input } });
    const viewer = await api.signUp('Lou Lister');
    const LIST = `query ($filter: UpcomingEventsFilter, $first: Int) { upcomingEvents(filter: $filter, first: $first) {
      edges { node { id seatsLeft onlineUrl canManage network { id name } venue { id }
        myRegistration { id status waitlistPosition } } } } }`;
    const count = async (first: number) => {
      api.database.statements.length = 0;
      const answer = await api.graphql(LIST, {
        token: viewer.token,
        variables: { filter: { networkId: network.id }, first },
      });
      expect(answer.data?.upcomingEvents.edges).toHaveLength(first);
      return api.database.statements.length;
    };
    const two = await count(2);
    expect(await count(20)).toBe(two);
  });
});
