import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import * as memberships from '../memberships/service.ts';
import * as people from '../people/service.ts';
import * as events from './service.ts';
import { eventSetUp } from './test-events.ts';

describe.each(DATABASE_KINDS)('events in a data export on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('should hold the person’s registrations with what they told organisers, and their roles, and nobody else’s', async () => {
    const setUp = await eventSetUp(database.db, { questions: [{ prompt: 'What will you bring?' }] });
    const { event, networkId } = setUp;
    const [ada, bea] = [await setUp.person('Ada Export'), await setUp.person('Bea Other')];
    await memberships.joinNetwork(ada, networkId, true);
    await events.registerForEvent(ada, event.id, {
      accessNeeds: 'A seat near the door',
      dietaryNeeds: 'Vegan',
      answers: [{ questionId: event.questions[0]!.id, answer: 'Cake' }],
    });
    await events.registerForEvent(bea, event.id, { accessNeeds: 'Bea’s own need' });
    await events.takeEventRole(ada, event.id, 'FOOD', 'Brings the urn');

    const exported = JSON.parse(await people.exportMyData(ada)).events;
    expect(exported.registrations).toEqual([
      expect.objectContaining({
        eventId: event.id,
        eventTitle: 'Digital drop-in',
        status: 'CONFIRMED',
        accessNeeds: 'A seat near the door',
        dietaryNeeds: 'Vegan',
        answers: [{ question: 'What will you bring?', answer: 'Cake' }],
      }),
    ]);
    expect(exported.roles).toEqual([
      expect.objectContaining({ eventId: event.id, role: 'FOOD', note: 'Brings the urn' }),
    ]);
    expect(JSON.stringify(exported)).not.toContain('Bea');
  });
});
