import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/app.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught } from '../../testing/factories.ts';
import { planSeries } from './series.ts';
import * as events from './service.ts';
import { eventInput, eventSetUp } from './test-events.ts';

const at = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('planSeries', () => {
  it('should keep a London evening at 18:30 on both sides of the clocks changing', () => {
    // The first Tuesday of March 2027 is the 2nd, in GMT; April's is in BST.
    const plan = planSeries(at('2027-03-02T18:30:00Z'), 'Europe/London', { pattern: 'MONTHLY_BY_WEEKDAY', count: 3 });
    expect(iso(plan.starts)).toEqual([
      '2027-03-02T18:30:00.000Z',
      '2027-04-06T17:30:00.000Z',
      '2027-05-04T17:30:00.000Z',
    ]);
    expect(plan.description).toBe('The first Tuesday of every month');
    expect(plan.rule).toBe('RRULE:FREQ=MONTHLY;BYDAY=+1TU;COUNT=3');
  });

  it('should read a date in the last days of a month as the last such weekday', () => {
    // Thursday 29 April 2027: May's last Thursday is the 27th, June's the 24th.
    const plan = planSeries(at('2027-04-29T17:00:00Z'), 'Europe/London', { pattern: 'MONTHLY_BY_WEEKDAY', count: 3 });
    expect(plan.description).toBe('The last Thursday of every month');
    expect(iso(plan.starts)).toEqual([
      '2027-04-29T17:00:00.000Z',
      '2027-05-27T17:00:00.000Z',
      '2027-06-24T17:00:00.000Z',
    ]);
  });

  it('should count weeks and fortnights on the wall clock, and skip months without a date', () => {
    // 19:00 in London on Tuesday 26 October 2027 (BST); the clocks go back on the 31st.
    const weekly = planSeries(at('2027-10-26T18:00:00Z'), 'Europe/London', { pattern: 'WEEKLY', count: 2 });
    expect(iso(weekly.starts)).toEqual(['2027-10-26T18:00:00.000Z', '2027-11-02T19:00:00.000Z']);
    expect(weekly.description).toBe('Every Tuesday');
    const fortnightly = planSeries(at('2027-03-23T18:00:00Z'), 'Europe/London', { pattern: 'FORTNIGHTLY', count: 2 });
    expect(iso(fortnightly.starts)).toEqual(['2027-03-23T18:00:00.000Z', '2027-04-06T17:00:00.000Z']);
    expect(fortnightly.description).toBe('Every other Tuesday');
    const byDate = planSeries(at('2027-01-31T19:00:00Z'), 'Europe/London', { pattern: 'MONTHLY_BY_DATE', count: 3 });
    expect(iso(byDate.starts)).toEqual([
      '2027-01-31T19:00:00.000Z',
      '2027-03-31T18:00:00.000Z',
      '2027-05-31T18:00:00.000Z',
    ]);
    expect(byDate.description).toBe('The 31st of every month, in months that have one');
  });

  it('should count in the event’s own zone', () => {
    // 18:30 in New York, whose clocks go forward on 14 March 2027, a fortnight before London's.
    const plan = planSeries(at('2027-03-02T23:30:00Z'), 'America/New_York', { pattern: 'WEEKLY', count: 3 });
    expect(iso(plan.starts)).toEqual([
      '2027-03-02T23:30:00.000Z',
      '2027-03-09T23:30:00.000Z',
      '2027-03-16T22:30:00.000Z',
    ]);
    expect(plan.description).toBe('Every Tuesday');
  });
});

describe.each(DATABASE_KINDS)('series on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('should make each date an event of its own, registered for on its own', async () => {
    const { organiser, networkId, clock, person } = await eventSetUp(database.db);
    const first = await events.createEvent(organiser, {
      ...eventInput(clock.now(), { title: 'Monthly meetup', capacity: 1 }),
      networkId,
      repeat: { pattern: 'WEEKLY', count: 4 },
    });
    const dates = (await events.datesOfSeries(organiser, [first.seriesId!])).get(first.seriesId!)!;
    expect(dates.map((date) => date.id)[0]).toBe(first.id);
    expect(dates.map((date) => date.startsAt.getTime() - first.startsAt.getTime())).toEqual([
      0,
      7 * 86_400_000,
      14 * 86_400_000,
      21 * 86_400_000,
    ]);
    expect(new Set(dates.map((date) => date.title))).toEqual(new Set(['Monthly meetup']));
    expect(dates.every((date) => date.endsAt.getTime() - date.startsAt.getTime() === 2 * 3_600_000)).toBe(true);

    // One seat each: taking the first date's leaves the second's free.
    const ada = await person('Ada');
    const bea = await person('Bea');
    expect((await events.registerForEvent(ada, dates[0]!.id)).status).toBe('CONFIRMED');
    expect((await events.registerForEvent(bea, dates[0]!.id)).status).toBe('WAITLISTED');
    expect((await events.registerForEvent(bea, dates[1]!.id)).status).toBe('CONFIRMED');

    const series = (await events.seriesByIds(organiser, [first.seriesId!])).get(first.seriesId!);
    expect(series).toMatchObject({
      networkId,
      description: 'Every Friday',
      rule: 'RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=4',
    });
    // A duplicate is a single event.
    const copy = await events.duplicateEvent(
      organiser,
      dates[3]!.id,
      new Date(dates[3]!.startsAt.getTime() + 7 * 86_400_000),
    );
    expect(copy.seriesId).toBeNull();
  });

  it('should refuse a count outside 2 to 24, and make nothing', async () => {
    const { organiser, networkId, clock } = await eventSetUp(database.db);
    for (const count of [1, 25, 2.5]) {
      const refused = await caught(
        events.createEvent(organiser, { ...eventInput(clock.now()), networkId, repeat: { pattern: 'WEEKLY', count } }),
      );
      expect([refused.code, refused.field]).toEqual(['BAD_USER_INPUT', 'repeat.count']);
    }
    const made = await database.db
      .selectFrom('event_series')
      .select('id')
      .where('network_id', '=', networkId)
      .execute();
    expect(made).toEqual([]);
  });
});

describe.each(DATABASE_KINDS)('series over GraphQL on %s', (kind) => {
  const api = useTestApp(kind);

  it('should read the series of many events in as many statements as of one', async () => {
    const steward = await api.signUp('Sam Series');
    const network = await api.graphql(
      'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }',
      {
        token: steward.token,
        variables: {
          input: {
            name: `Seriesford ${crypto.randomUUID().slice(0, 6)}`,
            placeName: 'Bristol',
            region: 'South West England',
            latitude: 51.45,
            longitude: -2.59,
            purpose: 'Peers.',
            values: '',
            codeOfConduct: 'Be kind.',
          },
        },
      },
    );
    const networkId = network.data?.createNetwork.id as string;
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const make = (count: number) =>
      api.graphql('mutation ($input: CreateEventInput!) { createEvent(input: $input) { id series { description } } }', {
        token: steward.token,
        variables: {
          input: {
            networkId,
            title: 'Coffee',
            format: 'VIRTUAL_COFFEE',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
            timeZone: 'Europe/London',
            onlineUrl: 'https://meet.example.org/coffee',
            capacity: 5,
            repeat: { pattern: 'MONTHLY_BY_DATE', count },
          },
        },
      });
    const LIST = `query ($id: ID!) { upcomingEvents(filter: { networkId: $id }, first: 50) {
      edges { node { id series { id description events { id } } } } } }`;
    const seriesReads = () => api.database.statements.filter((s) => /"event_series"|"series_id" in/.test(s)).length;

    const made = await make(2);
    expect(made.errors).toBeUndefined();
    api.database.statements.length = 0;
    const two = await api.graphql(LIST, { variables: { id: networkId } });
    const twoReads = seriesReads();
    await make(6);
    api.database.statements.length = 0;
    const eight = await api.graphql(LIST, { variables: { id: networkId } });

    const nodes = eight.data?.upcomingEvents.edges.map(
      (edge: { node: { series: { events: unknown[] } } }) => edge.node,
    );
    expect(two.data?.upcomingEvents.edges).toHaveLength(2);
    expect(nodes).toHaveLength(8);
    expect(nodes.map((node: { series: { events: unknown[] } }) => node.series.events.length).sort()).toEqual([
      2, 2, 6, 6, 6, 6, 6, 6,
    ]);
    expect(seriesReads()).toBe(twoReads);
  });
});
