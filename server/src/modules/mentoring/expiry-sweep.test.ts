import { describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  RecordingPublisher,
  serviceContext,
  signedUpPerson,
  TestClock,
  testConfig,
  type TestPerson,
} from '../../testing/factories.ts';
import * as notifications from '../notifications/service.ts';
import { startExpirySweep, sweepOverdueRequests } from './expiry-sweep.ts';
import * as mentoring from './service.ts';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

describe('MENTORING_EXPIRY_SWEEP_MS', () => {
  it('should default to five minutes and refuse a value out of range', () => {
    expect(loadConfig({}).mentoring).toEqual({ expirySweepMs: 300_000 });
    expect(loadConfig({ MENTORING_EXPIRY_SWEEP_MS: '60000' }).mentoring.expirySweepMs).toBe(60_000);
    expect(() => loadConfig({ MENTORING_EXPIRY_SWEEP_MS: '10' })).toThrow(ConfigError);
    expect(() => loadConfig({ MENTORING_EXPIRY_SWEEP_MS: 'often' })).toThrow(
      'MENTORING_EXPIRY_SWEEP_MS must be a whole number from 1000 to 86400000; got "often".',
    );
  });
});

describe.each(DATABASE_KINDS)('the mentoring expiry sweep on %s', (kind) => {
  const database = useTestDatabase(kind);

  /** A mentor asked by `count` leads, each about a need of their own, on one clock. */
  async function unansweredRequests(count: number) {
    const clock = new TestClock(new Date('2026-12-02T09:00:00Z'));
    const mentor = await signedUpPerson(database.db, { name: 'Sam Silent', clock });
    await mentoring.upsertMentorOffer(mentor, {
      skills: ['Canva'],
      categories: ['QUICK_TIP'],
      formats: ['VIDEO'],
      capacity: 1,
      commitment: 'An hour',
      promiseNoSelling: true,
    });
    const leads: TestPerson[] = [];
    for (let i = 0; i < count; i += 1) {
      const lead = await signedUpPerson(database.db, { name: `Lead ${i}`, clock });
      const need = await mentoring.postNeed(lead, {
        title: `Posters ${i}`,
        description: 'Better posters',
        firstCallBrief: 'Show me Canva',
        categories: ['QUICK_TIP'],
        skills: ['Canva'],
        formats: ['VIDEO'],
        urgency: 'NO_RUSH',
      });
      await mentoring.requestMentor(lead, need.id, mentor.user.id, 'Hello');
      leads.push(lead);
    }
    return { clock, leads };
  }

  const titlesOf = async (lead: TestPerson) =>
    (await (await notifications.listNotifications(lead, {})).edges()).map((edge) => edge.node.title);

  it('should sweep batch after batch until nothing overdue is left', async () => {
    const { clock, leads } = await unansweredRequests(5);
    clock.advance(WEEK_MS);
    expect(await sweepOverdueRequests(serviceContext(database.db, { clock }), 2)).toBe(5);
    for (const [i, lead] of leads.entries()) {
      expect(await titlesOf(lead)).toEqual([`Sam Silent did not answer in 7 days: Posters ${i}`]);
    }
    expect(await sweepOverdueRequests(serviceContext(database.db, { clock }), 2)).toBe(0);
  });

  it('should tell each lead once when two app copies sweep on their own timers, and stop cleanly', async () => {
    const { clock, leads } = await unansweredRequests(3);
    clock.advance(WEEK_MS + 1);
    const config = testConfig({ mentoring: { expirySweepMs: 5 } });
    const log = { error: vi.fn() };
    const publishers = [new RecordingPublisher(), new RecordingPublisher()];
    const copies = publishers.map((pubsub) => startExpirySweep({ db: database.db, config, log, clock, pubsub }));
    try {
      await vi.waitFor(
        async () => {
          for (const lead of leads) expect(await titlesOf(lead)).toHaveLength(1);
        },
        { timeout: 10_000, interval: 20 },
      );
      // Let both copies sweep a few more times: nothing is left for them to tell.
      const announced = () => publishers.flatMap((p) => p.published).length;
      const before = announced();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(announced()).toBe(before);
    } finally {
      await Promise.all(copies.map((copy) => copy.stop()));
    }
    for (const lead of leads) expect(await titlesOf(lead)).toHaveLength(1);
    const topics = publishers.flatMap((p) => p.published.map((message) => message.topic));
    expect(topics.sort()).toEqual(leads.map((lead) => notifications.NOTIFICATION_ADDED_TOPIC(lead.user.id)).sort());
    expect(log.error).not.toHaveBeenCalled();
  });
});
