import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  caught,
  networkInput,
  networkWith,
  nodesOf,
  roleIn,
  serviceContext,
  signedUpPerson,
  startedNetwork,
} from '../../testing/factories.ts';
import type { ServiceContext } from '../../core/context.ts';
import * as audit from '../audit/service.ts';
import * as lifecycle from '../lifecycle/service.ts';
import * as memberships from '../memberships/service.ts';
import * as networks from './service.ts';

describe.each(DATABASE_KINDS)('networks service on %s', (kind) => {
  const database = useTestDatabase(kind);

  describe('createNetwork', () => {
    it('should make the creator its first steward and the slug from the name', async () => {
      const steward = await signedUpPerson(database.db);
      const network = await networks.createNetwork(steward, networkInput({ name: 'Café & Code: Bristol!' }));
      expect(network).toMatchObject({ slug: 'cafe-and-code-bristol', stage: 'POTENTIAL', codeOfConductVersion: 1 });
      expect(await roleIn(steward, network.id)).toBe('STEWARD');
      expect((await networks.getNetworkBySlug(steward, 'cafe-and-code-bristol'))?.id).toBe(network.id);
    });

    it('should refuse a name whose address is taken, naming the field, and write nothing', async () => {
      const steward = await signedUpPerson(database.db);
      const input = networkInput();
      await networks.createNetwork(steward, input);
      const error = await caught(networks.createNetwork(steward, { ...input, name: input.name.toUpperCase() }));
      expect([error.code, error.field]).toEqual(['CONFLICT', 'name']);
      const count = await database.db
        .selectFrom('networks')
        .select('id')
        .where('name', '=', input.name.toUpperCase())
        .execute();
      expect(count).toEqual([]);
    });

    it.each([
      ['name', { name: '  ' }],
      ['name', { name: '!!!' }],
      ['purpose', { purpose: 'x'.repeat(10 * 1024 * 1024) }],
      ['latitude', { latitude: 200 }],
      ['longitude', { longitude: -181 }],
      ['codeOfConduct', { codeOfConduct: '' }],
    ])('should refuse a bad %s with BAD_USER_INPUT', async (field, change) => {
      const steward = await signedUpPerson(database.db);
      const error = await caught(networks.createNetwork(steward, { ...networkInput(), ...change }));
      expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', field]);
    });

    it('should refuse when signed out', async () => {
      expect((await caught(networks.createNetwork(serviceContext(database.db), networkInput()))).code).toBe(
        'UNAUTHENTICATED',
      );
    });
  });

  describe('updateNetwork', () => {
    it('should change only what is given, keep the address, and raise the conduct version only on a real change', async () => {
      const steward = await signedUpPerson(database.db);
      const input = { ...networkInput(), codeOfConduct: 'Be kind.\nBe curious.' };
      const network = await networks.createNetwork(steward, input);

      const renamed = await networks.updateNetwork(steward, network.id, { name: 'A New Name', region: 'Wales' });
      expect(renamed).toMatchObject({
        slug: network.slug,
        name: 'A New Name',
        region: 'Wales',
        purpose: input.purpose,
        codeOfConductVersion: 1,
      });
      // A browser sends textarea line breaks as CRLF: the same text, so the same version.
      const resent = await networks.updateNetwork(steward, network.id, { codeOfConduct: ' Be kind.\r\nBe curious. ' });
      expect([resent.codeOfConduct, resent.codeOfConductVersion]).toEqual(['Be kind.\nBe curious.', 1]);
      const changed = await networks.updateNetwork(steward, network.id, { codeOfConduct: 'Be kind. Be brave.' });
      expect(changed.codeOfConductVersion).toBe(2);
    });

    it('should refuse a change based on details another steward has changed since, and write nothing', async () => {
      const steward = await signedUpPerson(database.db);
      const network = await startedNetwork(steward);
      expect(network.detailsVersion).toBe(1);
      // Two stewards open the form at version 1; the first save wins, the second is told.
      const first = await networks.updateNetwork(steward, network.id, { purpose: 'First', expectedDetailsVersion: 1 });
      expect(first.detailsVersion).toBe(2);
      const second = await caught(
        networks.updateNetwork(steward, network.id, { purpose: 'Second', expectedDetailsVersion: 1 }),
      );
      expect([second.code, second.field]).toEqual(['CONFLICT', 'expectedDetailsVersion']);
      expect((await networks.getNetworkBySlug(steward, network.slug))?.purpose).toBe('First');
      // Saved again on the version now shown, it goes through.
      const again = await networks.updateNetwork(steward, network.id, { purpose: 'Second', expectedDetailsVersion: 2 });
      expect([again.purpose, again.detailsVersion]).toEqual(['Second', 3]);
    });

    it('should let only its stewards change it, and refuse bad input naming the field', async () => {
      const stewardA = await signedUpPerson(database.db);
      const stewardB = await signedUpPerson(database.db);
      const organiser = await signedUpPerson(database.db);
      const networkA = await networkWith(stewardA, organiser);
      await startedNetwork(stewardB);
      await memberships.setMemberRole(stewardA, networkA.id, organiser.viewer!.userId, 'ORGANISER');
      for (const who of [organiser, stewardB]) {
        expect((await caught(networks.updateNetwork(who, networkA.id, { name: 'Taken over' }))).code).toBe('FORBIDDEN');
      }
      expect((await caught(networks.updateNetwork(serviceContext(database.db), networkA.id, { name: 'x' }))).code).toBe(
        'UNAUTHENTICATED',
      );
      const bad = await caught(
        networks.updateNetwork(stewardA, networkA.id, { name: 'Fine', latitude: 200, longitude: 0 }),
      );
      expect([bad.code, bad.field]).toEqual(['BAD_USER_INPUT', 'latitude']);
      const unchanged = await networks.getNetworkBySlug(stewardA, networkA.slug);
      expect(unchanged?.name).toBe(networkA.name);
    });
  });

  describe('listNetworks', () => {
    it('should find by ranked text, filter by stage, sort by distance, and page with cursors', async () => {
      const steward = await signedUpPerson(database.db);
      const tag = crypto.randomUUID().slice(0, 8);
      const places = [
        { name: `Zeta ${tag} Exeter`, placeName: 'Exeter', latitude: 50.72, longitude: -3.53 },
        { name: `Alpha ${tag} Leeds`, placeName: 'Leeds', latitude: 53.8, longitude: -1.55 },
        { name: `Mid ${tag} Bath`, placeName: 'Bath', latitude: 51.38, longitude: -2.36 },
      ];
      for (const place of places) await startedNetwork(steward, { ...place, purpose: `Charity digital ${tag}` });

      const near = await networks.listNetworks(steward, { search: tag, near: { latitude: 51.45, longitude: -2.58 } });
      expect(nodesOf(near).map((r) => r.placeName)).toEqual(['Bath', 'Exeter', 'Leeds']);
      expect(nodesOf(near)[0]!.distanceKm).toBeGreaterThan(15);
      expect(nodesOf(near)[0]!.distanceKm).toBeLessThan(25);

      const firstPage = await networks.listNetworks(steward, { search: tag, first: 2 });
      expect([await firstPage.totalCount(), nodesOf(firstPage).map((r) => r.placeName)]).toEqual([
        3,
        ['Leeds', 'Bath'],
      ]);
      expect(firstPage.pageInfo.hasNextPage).toBe(true);
      const secondPage = await networks.listNetworks(steward, {
        search: tag,
        first: 2,
        after: firstPage.pageInfo.endCursor,
      });
      expect(nodesOf(secondPage).map((r) => r.placeName)).toEqual(['Exeter']);
      expect(secondPage.pageInfo.hasNextPage).toBe(false);
      // Keyset pages by distance too: the cursor carries the distance and name.
      const nearFirst = await networks.listNetworks(steward, {
        search: tag,
        first: 1,
        near: { latitude: 51.45, longitude: -2.58 },
      });
      const nearRest = await networks.listNetworks(steward, {
        search: tag,
        first: 5,
        near: { latitude: 51.45, longitude: -2.58 },
        after: nearFirst.pageInfo.endCursor,
      });
      expect([...nodesOf(nearFirst), ...nodesOf(nearRest)].map((r) => r.placeName)).toEqual([
        'Bath',
        'Exeter',
        'Leeds',
      ]);
      // A cursor from a list sorted another way is not this list's.
      expect(
        (await caught(networks.listNetworks(steward, { first: 2, after: nearFirst.pageInfo.endCursor }))).field,
      ).toBe('after');

      const leeds = nodesOf(near).find((r) => r.placeName === 'Leeds')!;
      await lifecycle.setLifecycleStage(steward, leeds.id, 'MATURING', 'Regular rhythm.');
      const maturing = await networks.listNetworks(steward, { search: tag, stage: 'MATURING' });
      expect(nodesOf(maturing).map((r) => r.id)).toEqual([leeds.id]);

      expect((await caught(networks.listNetworks(steward, { first: 51 }))).field).toBe('first');
      expect((await caught(networks.listNetworks(steward, { after: 'bogus' }))).field).toBe('after');
    });

    it('should sort by distance from a typed town, and name close places when the town is unknown', async () => {
      const steward = await signedUpPerson(database.db);
      const tag = crypto.randomUUID().slice(0, 8);
      for (const place of [
        { name: `Leeds ${tag}`, placeName: 'Leeds', latitude: 53.8, longitude: -1.55 },
        { name: `Bath ${tag}`, placeName: 'Bath', latitude: 51.38, longitude: -2.36 },
        { name: `Exeter ${tag}`, placeName: 'Exeter', latitude: 50.72, longitude: -3.53 },
      ])
        await startedNetwork(steward, { ...place, purpose: `Charity digital ${tag}` });

      const fromBristol = await networks.listNetworks(steward, { search: tag, placeName: '  bristol ' });
      expect(fromBristol.nearPlace).toMatchObject({ name: 'Bristol', country: 'GB', region: 'England' });
      expect(nodesOf(fromBristol).map((r) => r.placeName)).toEqual(['Bath', 'Exeter', 'Leeds']);
      expect(nodesOf(fromBristol)[0]!.distanceKm).toBeGreaterThan(10);
      expect(nodesOf(fromBristol)[0]!.distanceKm).toBeLessThan(25);
      const fromYork = await networks.listNetworks(steward, { search: tag, placeName: 'York' });
      expect(nodesOf(fromYork).map((r) => r.placeName)).toEqual(['Leeds', 'Bath', 'Exeter']);

      // A point given as well wins: placeName is ignored, even an unknown one.
      const both = await networks.listNetworks(steward, {
        search: tag,
        placeName: 'Nowhereville',
        near: { latitude: 53.96, longitude: -1.08 },
      });
      expect([both.nearPlace, nodesOf(both).map((r) => r.placeName)]).toEqual([null, ['Leeds', 'Bath', 'Exeter']]);
      const blank = await networks.listNetworks(steward, { search: tag, placeName: '   ' });
      expect([blank.nearPlace, nodesOf(blank)[0]!.distanceKm]).toEqual([null, null]);

      const typo = await caught(networks.listNetworks(steward, { search: tag, placeName: 'Bristoll' }));
      expect([typo.code, typo.field]).toEqual(['BAD_USER_INPUT', 'placeName']);
      expect(typo.message).toMatch(/^We could not find a town or city called "Bristoll"\. Did you mean Bristol\b/);
      const nothing = await caught(networks.listNetworks(steward, { placeName: 'Qqqxz' }));
      expect(nothing.message).toBe(
        'We could not find a town or city called "Qqqxz". Check the spelling, or try the nearest larger town.',
      );
      expect((await caught(networks.listNetworks(steward, { placeName: 'x'.repeat(101) }))).field).toBe('placeName');
    });
  });

  describe('join policy, audit trail and reporting', () => {
    /** The network's audit trail, newest first, as [action, actor, summary, reason]. */
    async function auditOf(person: ServiceContext, networkId: string) {
      const page = await audit.entries(person, networkId, 20, null);
      return page.edges.map(({ node }) => [node.action, node.actorId, node.summary, node.reason]);
    }

    it('should start open unless asked, and let stewards alone change who may join, recording it', async () => {
      const steward = await signedUpPerson(database.db);
      const member = await signedUpPerson(database.db);
      const open = await networkWith(steward, member);
      expect(open.joinPolicy).toBe('OPEN');
      const asking = await networks.createNetwork(steward, { ...networkInput(), joinPolicy: 'ASK_TO_JOIN' });
      expect(asking.joinPolicy).toBe('ASK_TO_JOIN');
      expect(await auditOf(steward, asking.id)).toEqual([]);

      expect((await caught(networks.updateNetwork(member, open.id, { joinPolicy: 'ASK_TO_JOIN' }))).code).toBe(
        'FORBIDDEN',
      );
      const changed = await networks.updateNetwork(steward, open.id, { joinPolicy: 'ASK_TO_JOIN' });
      expect(changed.joinPolicy).toBe('ASK_TO_JOIN');
      expect((await networks.getNetworkBySlug(serviceContext(database.db), open.slug))?.joinPolicy).toBe('ASK_TO_JOIN');
      expect(await auditOf(steward, open.id)).toEqual([
        ['JOIN_POLICY_CHANGED', steward.viewer!.userId, 'Changed who may join: ask to join', null],
      ]);
    });

    it('should record which details changed in one entry, and nothing when nothing changed', async () => {
      const steward = await signedUpPerson(database.db);
      const network = await startedNetwork(steward);
      await networks.updateNetwork(steward, network.id, { name: network.name, purpose: network.purpose });
      expect(await auditOf(steward, network.id)).toEqual([]);
      await networks.updateNetwork(steward, network.id, {
        name: `${network.name} again`,
        codeOfConduct: 'Be kind, version two.',
        values: network.values,
      });
      expect(await auditOf(steward, network.id)).toEqual([
        ['DETAILS_CHANGED', steward.viewer!.userId, 'Changed the name and the code of conduct', null],
      ]);
    });

    it('should write no audit entry when a stale save is refused', async () => {
      const steward = await signedUpPerson(database.db);
      const network = await startedNetwork(steward);
      const stale = await caught(
        networks.updateNetwork(steward, network.id, { purpose: 'New purpose.', expectedDetailsVersion: 99 }),
      );
      expect(stale.code).toBe('CONFLICT');
      expect(await auditOf(steward, network.id)).toEqual([]);
    });

    it('should give the safety module the network as it reads, or null for no such network', async () => {
      const steward = await signedUpPerson(database.db);
      const network = await startedNetwork(steward, { values: 'Kindness', codeOfConduct: 'Be kind.' });
      const visitor = serviceContext(database.db);
      expect(await networks.reportableNetwork(visitor, network.id)).toEqual({
        networkId: network.id,
        personId: null,
        snapshot: {
          title: network.name,
          text: `${network.purpose}\n\nKindness\n\nBe kind.`,
          path: `/networks/${network.slug}`,
        },
      });
      expect(await networks.reportableNetwork(visitor, crypto.randomUUID())).toBeNull();
      expect(await networks.reportableNetwork(visitor, 'not-a-uuid')).toBeNull();
    });
  });
});
