import { describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { RecordingPublisher, serviceContext, testConfig } from '../../testing/factories.ts';
import { startClaimSweep, sweepLapsedOffers } from './claim-sweep.ts';
import * as events from './service.ts';
import { eventSetUp, registered } from './test-events.ts';

const HOUR_MS = 60 * 60 * 1000;

describe('EVENTS_CLAIM_SWEEP_MS', () => {
  it('should default to a minute and refuse a value out of range', () => {
    expect(loadConfig({}).events).toEqual({ claimSweepMs: 60_000 });
    expect(loadConfig({ EVENTS_CLAIM_SWEEP_MS: '5000' }).events.claimSweepMs).toBe(5000);
    expect(() => loadConfig({ EVENTS_CLAIM_SWEEP_MS: '10' })).toThrow(ConfigError);
    expect(() => loadConfig({ EVENTS_CLAIM_SWEEP_MS: 'often' })).toThrow(
      'EVENTS_CLAIM_SWEEP_MS must be a whole number from 1000 to 3600000; got "often".',
    );
  });
});

describe.each(DATABASE_KINDS)('the claim sweep on %s', (kind) => {
  const database = useTestDatabase(kind);

  /** An event whose `offers` seats were offered from its waitlist `hours` ago and not claimed. */
  async function lapsedOffers(offers: number, waiting: number) {
    const setUp = await eventSetUp(database.db, { capacity: offers, promotion: 'CLAIM_WITHIN_HOURS', claimHours: 1 });
    const crowd = await registered(setUp, offers * 2 + waiting);
    for (const { person, registration } of crowd.slice(0, offers)) {
      await events.cancelRegistration(person, registration.id);
    }
    setUp.clock.advance(HOUR_MS);
    return { setUp, offered: crowd.slice(offers, offers * 2), next: crowd.slice(offers * 2) };
  }

  const statusOf = async (person: Parameters<typeof events.myRegistrations>[0], eventId: string) =>
    (await events.myRegistrations(serviceContext(person.db, { viewer: person.viewer }), [eventId])).get(eventId)!
      .status;

  it('should sweep until no lapsed offer is left, passing each seat to the next person waiting', async () => {
    const { setUp, offered, next } = await lapsedOffers(2, 1);
    expect(await sweepLapsedOffers(serviceContext(database.db, { clock: setUp.clock }), 1)).toBe(2);
    for (const { person } of offered) expect(await statusOf(person, setUp.event.id)).toBe('CANCELLED');
    expect(await statusOf(next[0]!.person, setUp.event.id)).toBe('OFFERED');
    expect(await sweepLapsedOffers(serviceContext(database.db, { clock: setUp.clock }))).toBe(0);
  });

  it('should lapse each offer once when two app copies sweep on their own timers, and stop cleanly', async () => {
    const { setUp, offered, next } = await lapsedOffers(2, 2);
    const config = testConfig({ events: { claimSweepMs: 5 } });
    const log = { error: vi.fn() };
    const publishers = [new RecordingPublisher(), new RecordingPublisher()];
    const copies = publishers.map((pubsub) =>
      startClaimSweep({ db: database.db, config, log, clock: setUp.clock, pubsub }),
    );
    try {
      await vi.waitFor(
        async () => {
          for (const { person } of offered) expect(await statusOf(person, setUp.event.id)).toBe('CANCELLED');
        },
        { timeout: 10_000, interval: 20 },
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await Promise.all(copies.map((copy) => copy.stop()));
    }
    for (const { person } of next) expect(await statusOf(person, setUp.event.id)).toBe('OFFERED');
    // One seats announcement for the one sweep that lapsed the offers, from whichever copy did.
    const seatTopics = publishers
      .flatMap((publisher) => publisher.published)
      .filter((message) => message.topic === events.EVENT_SEATS_TOPIC(setUp.event.id));
    expect(seatTopics).toEqual([
      {
        topic: events.EVENT_SEATS_TOPIC(setUp.event.id),
        payload: {
          eventSeats: {
            eventId: setUp.event.id,
            capacity: setUp.event.capacity,
            seatsLeft: 0,
            waitlistLength: 0,
            version: expect.any(Number),
          },
        },
      },
    ]);
    expect(log.error).not.toHaveBeenCalled();
  });
});
