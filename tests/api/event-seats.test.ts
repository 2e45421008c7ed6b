// Live seats: Subscription.eventSeats over a real WebSocket, on one server and across two server
// processes sharing one PostgreSQL (a registration on one copy reaches a page open on the other).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../server/src/testing/databases.ts';
import { graphql, signUp } from '../support/graphql.ts';
import { networkFields, uniqueWord } from '../support/networks.ts';
import { PATIENCE_MS, spawnMain, stopAll, untilRunning, type ServerProcess } from '../support/processes.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { subscribe, type Subscription } from '../support/subscriptions.ts';

const EVENT_SEATS = 'subscription ($id: ID!) { eventSeats(eventId: $id) { eventId seatsLeft waitlistLength version } }';
const REGISTER = 'mutation ($id: ID!) { registerForEvent(eventId: $id) { id status } }';
const CANCEL = 'mutation ($id: ID!) { cancelRegistration(registrationId: $id) { status } }';

type Person = Awaited<ReturnType<typeof signUp>>;

async function data<T>(result: Promise<{ data?: T | null; errors?: unknown }>): Promise<T> {
  const { data: answer, errors } = await result;
  if (!answer) throw new Error(JSON.stringify(errors));
  return answer;
}

/** A network the organiser stewards, with an online event of `capacity` seats a week ahead. */
async function eventWithSeats(url: string, organiser: Person, capacity: number): Promise<string> {
  const { createNetwork } = await data(
    graphql<{ createNetwork: { id: string } }>(
      url,
      'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }',
      {
        token: organiser.token,
        variables: { input: networkFields(uniqueWord('Seatfield')) },
      },
    ),
  );
  const startsAt = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
  const { createEvent } = await data(
    graphql<{ createEvent: { id: string } }>(
      url,
      'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }',
      {
        token: organiser.token,
        variables: {
          input: {
            networkId: createNetwork.id,
            title: 'Live seats coffee',
            format: 'VIRTUAL_COFFEE',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 60 * 60 * 1000).toISOString(),
            timeZone: 'Europe/London',
            onlineUrl: 'https://meet.example.org/live-seats',
            capacity,
          },
        },
      },
    ),
  );
  return createEvent.id;
}

async function register(url: string, person: Person, eventId: string): Promise<string> {
  const { registerForEvent } = await data(
    graphql<{ registerForEvent: { id: string } }>(url, REGISTER, { token: person.token, variables: { id: eventId } }),
  );
  return registerForEvent.id;
}

/** The counts in the subscription's next message. */
async function nextSeats(subscription: Subscription) {
  const message = await subscription.next();
  expect(message).toMatchObject({ type: 'next' });
  const { eventSeats } = (message.payload as { data: { eventSeats: Record<string, unknown> } }).data;
  return eventSeats;
}

describe('eventSeats on one server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should send the counts first, then each change, to anyone, signed out too', async () => {
    const organiser = await signUp(server.url, 'seats-organiser');
    const eventId = await eventWithSeats(server.url, organiser, 1);
    const subscription = await subscribe(server.url, EVENT_SEATS, { variables: { id: eventId } });
    try {
      const first = await nextSeats(subscription);
      expect(first).toMatchObject({ eventId, seatsLeft: 1, waitlistLength: 0 });

      const seatHolder = await signUp(server.url, 'seats-holder');
      const seat = await register(server.url, seatHolder, eventId);
      const taken = await nextSeats(subscription);
      expect(taken).toMatchObject({ seatsLeft: 0, waitlistLength: 0 });

      await register(server.url, await signUp(server.url, 'seats-waiter'), eventId);
      const waiting = await nextSeats(subscription);
      expect(waiting).toMatchObject({ seatsLeft: 0, waitlistLength: 1 });

      await data(graphql(server.url, CANCEL, { token: seatHolder.token, variables: { id: seat } }));
      const promoted = await nextSeats(subscription);
      expect(promoted).toMatchObject({ seatsLeft: 0, waitlistLength: 0 });

      const versions = [first, taken, waiting, promoted].map((seats) => seats.version as number);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(new Set(versions).size).toBe(4);
    } finally {
      subscription.close();
    }
  });

  it('should refuse an event that does not exist with NOT_FOUND', async () => {
    for (const id of [crypto.randomUUID(), 'not-an-id']) {
      const subscription = await subscribe(server.url, EVENT_SEATS, { variables: { id } });
      try {
        const message = await subscription.next();
        expect(message.type).toBe('error');
        expect(message.payload).toEqual([
          expect.objectContaining({
            message: 'There is no event with that id.',
            extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
          }),
        ]);
      } finally {
        subscription.close();
      }
    }
  });
});

describe('eventSeats across two server processes on one PostgreSQL', () => {
  const servers: ServerProcess[] = [];
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await createPostgresDatabase();
    drop = database.drop;
    // Start one at a time: both would otherwise migrate the new database at once.
    for (let copy = 0; copy < 2; copy++) {
      const server = await spawnMain({ DATABASE_URL: database.url });
      servers.push(server);
      await untilRunning(server);
    }
  }, PATIENCE_MS);
  afterAll(async () => {
    await stopAll(servers);
    await drop?.();
  }, PATIENCE_MS);

  it('should bring a registration on one copy to a subscriber on the other', async () => {
    const [first, second] = servers.map((server) => server.url);
    const organiser = await signUp(first!, 'copies-organiser');
    const eventId = await eventWithSeats(first!, organiser, 2);
    const subscription = await subscribe(first!, EVENT_SEATS, { variables: { id: eventId } });
    try {
      expect(await nextSeats(subscription)).toMatchObject({ seatsLeft: 2, waitlistLength: 0 });

      await register(second!, await signUp(second!, 'copies-attendee'), eventId);

      expect(await nextSeats(subscription)).toMatchObject({ eventId, seatsLeft: 1, waitlistLength: 0 });
    } finally {
      subscription.close();
    }
  });
});
