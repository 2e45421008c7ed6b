import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught, networkWith, signedUpPerson } from '../../testing/factories.ts';
import * as audit from '../audit/service.ts';
import * as lifecycle from './service.ts';

describe.each(DATABASE_KINDS)('lifecycle service on %s', (kind) => {
  const database = useTestDatabase(kind);

  describe('setLifecycleStage', () => {
    it('should keep a dated history and refuse non-stewards and empty notes', async () => {
      const steward = await signedUpPerson(database.db);
      const member = await signedUpPerson(database.db);
      const network = await networkWith(steward, member);
      await lifecycle.setLifecycleStage(steward, network.id, 'COALESCING', 'First meetup held.');
      const updated = await lifecycle.setLifecycleStage(steward, network.id, 'MATURING', 'Monthly since spring.');
      expect(updated.stage).toBe('MATURING');
      const history = (await lifecycle.lifecycleHistories(steward, [network.id])).get(network.id);
      expect(history?.map((h) => [h.stage, h.note, h.setBy])).toEqual([
        ['MATURING', 'Monthly since spring.', steward.viewer!.userId],
        ['COALESCING', 'First meetup held.', steward.viewer!.userId],
      ]);
      expect((await caught(lifecycle.setLifecycleStage(member, network.id, 'POTENTIAL', 'No.'))).code).toBe(
        'FORBIDDEN',
      );
      expect((await caught(lifecycle.setLifecycleStage(steward, network.id, 'POTENTIAL', '  '))).field).toBe('note');
    });

    it('should write one audit entry per stage set, with the note as the reason', async () => {
      const steward = await signedUpPerson(database.db);
      const member = await signedUpPerson(database.db);
      const network = await networkWith(steward, member);
      await lifecycle.setLifecycleStage(steward, network.id, 'COALESCING', 'First meetup held.');
      await caught(lifecycle.setLifecycleStage(member, network.id, 'MATURING', 'Not mine to set.'));
      const entries = (await audit.entries(steward, network.id, 20, null)).edges.map(({ node }) => node);
      expect(
        entries.map((entry) => [entry.action, entry.actorId, entry.subjectPersonId, entry.summary, entry.reason]),
      ).toEqual([
        [
          'STAGE_CHANGED',
          steward.viewer!.userId,
          null,
          'Changed the stage from Potential to Coalescing',
          'First meetup held.',
        ],
      ]);
    });
  });

  describe('suggestions', () => {
    it('should weigh the stage stewards set: events are not tracked, so not enough evidence to leave it', async () => {
      const steward = await signedUpPerson(database.db);
      const network = await networkWith(steward);
      const set = await lifecycle.setLifecycleStage(steward, network.id, 'COALESCING', 'Our first meetup.');
      expect((await lifecycle.suggestions(steward, [set])).get(network.id)).toMatchObject({
        stage: 'COALESCING',
        enoughEvidence: false,
      });
      // Left at Potential, the same network's signals show Potential: nothing lower to go to.
      expect((await lifecycle.suggestions(steward, [network])).get(network.id)).toMatchObject({
        stage: 'POTENTIAL',
        enoughEvidence: true,
      });
    });
  });
});
