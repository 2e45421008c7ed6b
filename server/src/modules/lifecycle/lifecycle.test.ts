import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases.ts';
import { caught, networkInput, signedUpPerson } from '../../testing/factories.ts';
import * as memberships from '../memberships/service.ts';
import * as networks from '../networks/service.ts';
import * as lifecycle from './service.ts';

describe.each(DATABASE_KINDS)('lifecycle service on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('setLifecycleStage', () => {
    it('should keep a dated history and refuse non-stewards and empty notes', async () => {
      const steward = await signedUpPerson(database.db);
      const member = await signedUpPerson(database.db);
      const network = await networks.createNetwork(steward, networkInput());
      await memberships.joinNetwork(member, network.id, true);
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
  });
});
