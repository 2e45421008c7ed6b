// Set-up the calendars tests share: the app on a clock they control, fetching files over HTTP,
// and a real iCalendar parser (ical.js) to read them.
import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../app.ts';
import type { GraphqlResponse } from '../../testing/app.ts';
import { useTestDatabase, type DatabaseKind } from '../../testing/databases.ts';
import { signedUpPerson, startedNetwork, testConfig, TestClock, type TestPerson } from '../../testing/factories.ts';
import * as events from '../events/service.ts';

/** The day the events tests' clocks start on (test-events.ts). */
export const TEST_START = new Date('2026-12-04T09:00:00Z');

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Valid settings for an event, online, lasting two hours from `startsAt`. */
export function eventInput(startsAt: Date, overrides: Partial<events.EventInput> = {}): events.EventInput {
  return {
    title: 'Digital drop-in',
    description: 'Bring a laptop and a question.',
    format: 'WORKSHOP',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000),
    timeZone: 'Europe/London',
    onlineUrl: 'https://meet.example.org/drop-in',
    capacity: 10,
    ...overrides,
  };
}

export interface EventSetUp {
  clock: TestClock;
  organiser: TestPerson;
  networkId: string;
  event: events.EventRecord;
  /** A new person on the same clock. */
  person(name?: string): Promise<TestPerson>;
}

/** A new network, its steward, and one event of it, all on a clock at TEST_START. */
export async function eventSetUp(
  db: UsedCalendarApp['database']['db'],
  overrides: Partial<events.EventInput> & { startsAt: Date },
): Promise<EventSetUp> {
  const clock = new TestClock(TEST_START);
  const person = (name = 'Test Person') => signedUpPerson(db, { name, clock });
  const organiser = await person('Olu Organiser');
  const network = await startedNetwork(organiser);
  const event = await events.createEvent(organiser, {
    ...eventInput(overrides.startsAt, overrides),
    networkId: network.id,
  });
  return { clock, organiser, networkId: network.id, event, person };
}

export interface Served {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** An event as a parsed file gives it. */
export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  status: string | null;
  sequence: number;
  tzid: string | null;
  /** The start and end as local wall-clock times in their zone, e.g. 2027-07-01T18:30:00. */
  localStart: string;
  localEnd: string;
  /** The start and end as instants, worked out from the file's VTIMEZONE. */
  start: Date;
  end: Date;
}

export interface ParsedCalendar {
  name: string | null;
  refreshInterval: string | null;
  timezones: string[];
  events: ParsedEvent[];
}

/** Parses an .ics body with ical.js, reading each time through the file's own VTIMEZONE. */
export function parseIcs(body: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(body));
  const zones = new Map(
    calendar.getAllSubcomponents('vtimezone').map((component) => {
      const zone = new ICAL.Timezone(component);
      return [zone.tzid, zone] as const;
    }),
  );
  const instant = (property: ICAL.Property): Date => {
    const time = (property.getFirstValue() as ICAL.Time).clone();
    const tzid = property.getParameter('tzid');
    if (typeof tzid === 'string') {
      const zone = zones.get(tzid);
      expect(zone, `a VTIMEZONE for ${tzid}`).toBeDefined();
      time.zone = zone!;
    }
    return time.toJSDate();
  };
  const text = (component: ICAL.Component, name: string): string | null => {
    const value = component.getFirstPropertyValue(name);
    return value === null ? null : String(value);
  };
  return {
    name: text(calendar, 'name'),
    refreshInterval: text(calendar, 'refresh-interval'),
    timezones: [...zones.keys()],
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const start = vevent.getFirstProperty('dtstart')!;
      const end = vevent.getFirstProperty('dtend')!;
      const tzid = start.getParameter('tzid');
      return {
        uid: text(vevent, 'uid')!,
        summary: text(vevent, 'summary')!,
        description: text(vevent, 'description') ?? '',
        location: text(vevent, 'location'),
        url: text(vevent, 'url'),
        status: text(vevent, 'status'),
        sequence: Number(text(vevent, 'sequence') ?? 0),
        tzid: typeof tzid === 'string' ? tzid : null,
        localStart: (start.getFirstValue() as ICAL.Time).toString(),
        localEnd: (end.getFirstValue() as ICAL.Time).toString(),
        start: instant(start),
        end: instant(end),
      };
    }),
  };
}

export interface UsedCalendarApp {
  readonly database: ReturnType<typeof useTestDatabase>;
  /** The app's clock: tests that move it put it back. */
  readonly clock: TestClock;
  get(url: string): Promise<Served>;
  /** Posts one GraphQL request as the bearer of `token` (none: signed out). */
  graphql(query: string, token: string | null): Promise<GraphqlResponse>;
}

/** The app (no web site) over a fresh database of `kind`, on a clock at TEST_START. */
export function useCalendarApp(kind: DatabaseKind): UsedCalendarApp {
  const database = useTestDatabase(kind);
  const clock = new TestClock(TEST_START);
  let app: FastifyInstance | null = null;
  beforeAll(async () => {
    app = await buildApp({
      config: testConfig({ logLevel: 'silent' }),
      database: database.handle,
      web: false,
      closeDatabase: false,
      clock,
    });
  });
  afterAll(async () => {
    await app?.close();
    app = null;
  });
  return {
    database,
    clock,
    async get(url) {
      const response = await app!.inject({ method: 'GET', url });
      return { status: response.statusCode, headers: response.headers, body: response.body };
    },
    async graphql(query, token) {
      const response = await app!.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        payload: JSON.stringify({ query }),
      });
      return response.json<GraphqlResponse>();
    },
  };
}
