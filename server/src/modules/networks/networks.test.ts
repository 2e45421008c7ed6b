import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext, Viewer } from '../../core/context.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases.ts';
import { caught, serviceContext, uniqueEmail } from '../../testing/factories.ts';
import * as accounts from '../accounts/service.ts';
import * as networks from './service.ts';

let counter = 0;
const networkInput = (overrides: Partial<networks.NetworkRecord> = {}) => {
  counter += 1;
  return {
    name: `Tech for Good Testville ${counter} ${crypto.randomUUID().slice(0, 6)}`,
    placeName: 'Testville',
    region: 'South West England',
    latitude: 51.45,
    longitude: -2.58,
    purpose: 'Helping the digital people in small charities find each other.',
    values: 'Kindness, openness',
    codeOfConduct: 'Be kind. Be patient. No selling.',
    ...overrides,
  };
};

describe.each(DATABASE_KINDS)('networks service on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  const person = async (): Promise<ServiceContext> => {
    const signed = await accounts.signUp(serviceContext(database.db), {
      email: uniqueEmail('net'),
      password: 'a long and unusual phrase',
      name: 'Net Person',
    });
    const viewer: Viewer = signed.viewer;
    return serviceContext(database.db, { viewer });
  };
  const role = async (ctx: ServiceContext, networkId: string) =>
    (await networks.rolesOfViewer(ctx, [networkId])).get(networkId) ?? null;

  describe('createNetwork', () => {
    it('should make the creator its first steward and the slug from the name', async () => {
      const steward = await person();
      const network = await networks.createNetwork(steward, networkInput({ name: 'Café & Code: Bristol!' }));
      expect(network).toMatchObject({ slug: 'cafe-and-code-bristol', stage: 'POTENTIAL', codeOfConductVersion: 1 });
      expect(await role(steward, network.id)).toBe('STEWARD');
      expect((await networks.getNetworkBySlug(steward, 'cafe-and-code-bristol'))?.id).toBe(network.id);
    });

    it('should refuse a name whose address is taken, naming the field, and write nothing', async () => {
      const steward = await person();
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
      const steward = await person();
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
      const steward = await person();
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
      const steward = await person();
      const network = await networks.createNetwork(steward, networkInput());
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
      const stewardA = await person();
      const stewardB = await person();
      const organiser = await person();
      const networkA = await networks.createNetwork(stewardA, networkInput());
      await networks.createNetwork(stewardB, networkInput());
      await networks.joinNetwork(organiser, networkA.id, true);
      await networks.setMemberRole(stewardA, networkA.id, organiser.viewer!.userId, 'ORGANISER');
      for (const who of [organiser, stewardB]) {
        expect((await caught(networks.updateNetwork(who, networkA.id, { name: 'Taken over' }))).code).toBe('FORBIDDEN');
      }
      expect((await caught(networks.updateNetwork(serviceContext(database.db), networkA.id, { name: 'x' }))).code).toBe(
        'UNAUTHENTICATED',
      );
      const bad = await caught(networks.updateNetwork(stewardA, networkA.id, { name: 'Fine', latitude: 200 }));
      expect([bad.code, bad.field]).toEqual(['BAD_USER_INPUT', 'latitude']);
      const unchanged = await networks.getNetworkBySlug(stewardA, networkA.slug);
      expect(unchanged?.name).toBe(networkA.name);
    });
  });

  describe('joining, leaving and roles', () => {
    it('should join only with the code of conduct accepted, recording its version', async () => {
      const steward = await person();
      const member = await person();
      const network = await networks.createNetwork(steward, networkInput());
      expect((await caught(networks.joinNetwork(member, network.id, false))).field).toBe('acceptCodeOfConduct');
      await networks.updateNetwork(steward, network.id, { codeOfConduct: 'Be kind, version two.' });
      await networks.joinNetwork(member, network.id, true);
      const row = await database.db
        .selectFrom('memberships')
        .select(['role', 'code_of_conduct_version'])
        .where('network_id', '=', network.id)
        .where('user_id', '=', member.viewer!.userId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ role: 'MEMBER', code_of_conduct_version: 2 });
      expect((await caught(networks.joinNetwork(member, network.id, true))).code).toBe('CONFLICT');
    });

    it('should let a member leave and rejoin, and refuse the last steward leaving', async () => {
      const steward = await person();
      const member = await person();
      const network = await networks.createNetwork(steward, networkInput());
      await networks.joinNetwork(member, network.id, true);
      expect(await networks.leaveNetwork(member, network.id)).toBe(true);
      expect(await role(member, network.id)).toBeNull();
      await networks.joinNetwork(member, network.id, true);
      expect(await role(member, network.id)).toBe('MEMBER');
      const error = await caught(networks.leaveNetwork(steward, network.id));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain('at least one steward');
    });

    it('should let only stewards set roles, and only in their own network', async () => {
      const stewardA = await person();
      const stewardB = await person();
      const member = await person();
      const networkA = await networks.createNetwork(stewardA, networkInput());
      const networkB = await networks.createNetwork(stewardB, networkInput());
      await networks.joinNetwork(member, networkA.id, true);
      expect((await caught(networks.setMemberRole(member, networkA.id, member.viewer!.userId, 'STEWARD'))).code).toBe(
        'FORBIDDEN',
      );
      expect(
        (await caught(networks.setMemberRole(stewardB, networkA.id, member.viewer!.userId, 'ORGANISER'))).code,
      ).toBe('FORBIDDEN');
      expect(
        (await caught(networks.setMemberRole(stewardA, networkB.id, stewardB.viewer!.userId, 'MEMBER'))).code,
      ).toBe('FORBIDDEN');
      await networks.setMemberRole(stewardA, networkA.id, member.viewer!.userId, 'ORGANISER');
      expect(await role(member, networkA.id)).toBe('ORGANISER');
      expect((await caught(networks.setMemberRole(stewardA, networkA.id, 'not-a-uuid', 'MEMBER'))).code).toBe(
        'NOT_FOUND',
      );
      expect((await caught(networks.updateNetwork(member, networkA.id, { name: 'Taken over' }))).code).toBe(
        'FORBIDDEN',
      );
      expect((await caught(networks.joinNetwork(member, 'not-a-uuid', true))).code).toBe('NOT_FOUND');
    });

    it('should keep at least one steward when two stewards demote each other at once', async () => {
      const first = await person();
      const second = await person();
      const network = await networks.createNetwork(first, networkInput());
      await networks.joinNetwork(second, network.id, true);
      await networks.setMemberRole(first, network.id, second.viewer!.userId, 'STEWARD');
      const results = await Promise.allSettled([
        networks.setMemberRole(first, network.id, second.viewer!.userId, 'MEMBER'),
        networks.setMemberRole(second, network.id, first.viewer!.userId, 'MEMBER'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const stewards = await database.db
        .selectFrom('memberships')
        .select('user_id')
        .where('network_id', '=', network.id)
        .where('role', '=', 'STEWARD')
        .where('left_at', 'is', null)
        .execute();
      expect(stewards).toHaveLength(1);
    });
  });

  describe('setLifecycleStage', () => {
    it('should keep a dated history and refuse non-stewards and empty notes', async () => {
      const steward = await person();
      const member = await person();
      const network = await networks.createNetwork(steward, networkInput());
      await networks.joinNetwork(member, network.id, true);
      await networks.setLifecycleStage(steward, network.id, 'COALESCING', 'First meetup held.');
      const updated = await networks.setLifecycleStage(steward, network.id, 'MATURING', 'Monthly since spring.');
      expect(updated.stage).toBe('MATURING');
      const history = (await networks.lifecycleHistories(steward, [network.id])).get(network.id);
      expect(history?.map((h) => [h.stage, h.note, h.setBy])).toEqual([
        ['MATURING', 'Monthly since spring.', steward.viewer!.userId],
        ['COALESCING', 'First meetup held.', steward.viewer!.userId],
      ]);
      expect((await caught(networks.setLifecycleStage(member, network.id, 'POTENTIAL', 'No.'))).code).toBe('FORBIDDEN');
      expect((await caught(networks.setLifecycleStage(steward, network.id, 'POTENTIAL', '  '))).field).toBe('note');
    });
  });

  describe('listNetworks', () => {
    it('should find by ranked text, filter by stage, sort by distance, and page with cursors', async () => {
      const steward = await person();
      const tag = crypto.randomUUID().slice(0, 8);
      const places = [
        { name: `Zeta ${tag} Exeter`, placeName: 'Exeter', latitude: 50.72, longitude: -3.53 },
        { name: `Alpha ${tag} Leeds`, placeName: 'Leeds', latitude: 53.8, longitude: -1.55 },
        { name: `Mid ${tag} Bath`, placeName: 'Bath', latitude: 51.38, longitude: -2.36 },
      ];
      for (const place of places)
        await networks.createNetwork(steward, networkInput({ ...place, purpose: `Charity digital ${tag}` }));

      const near = await networks.listNetworks(steward, { search: tag, near: { latitude: 51.45, longitude: -2.58 } });
      expect(near.rows.map((r) => r.placeName)).toEqual(['Bath', 'Exeter', 'Leeds']);
      expect(near.rows[0]!.distanceKm).toBeGreaterThan(15);
      expect(near.rows[0]!.distanceKm).toBeLessThan(25);

      const firstPage = await networks.listNetworks(steward, { search: tag, first: 2 });
      expect([firstPage.total, firstPage.rows.map((r) => r.placeName)]).toEqual([3, ['Leeds', 'Bath']]);
      const secondPage = await networks.listNetworks(steward, {
        search: tag,
        first: 2,
        after: networks.encodeCursor(1),
      });
      expect(secondPage.rows.map((r) => r.placeName)).toEqual(['Exeter']);

      const leeds = near.rows.find((r) => r.placeName === 'Leeds')!;
      await networks.setLifecycleStage(steward, leeds.id, 'MATURING', 'Regular rhythm.');
      const maturing = await networks.listNetworks(steward, { search: tag, stage: 'MATURING' });
      expect(maturing.rows.map((r) => r.id)).toEqual([leeds.id]);

      expect((await caught(networks.listNetworks(steward, { first: 51 }))).field).toBe('first');
      expect((await caught(networks.listNetworks(steward, { after: 'bogus' }))).field).toBe('after');
    });

    it('should sort by distance from a typed town, and name close places when the town is unknown', async () => {
      const steward = await person();
      const tag = crypto.randomUUID().slice(0, 8);
      for (const place of [
        { name: `Leeds ${tag}`, placeName: 'Leeds', latitude: 53.8, longitude: -1.55 },
        { name: `Bath ${tag}`, placeName: 'Bath', latitude: 51.38, longitude: -2.36 },
        { name: `Exeter ${tag}`, placeName: 'Exeter', latitude: 50.72, longitude: -3.53 },
      ])
        await networks.createNetwork(steward, networkInput({ ...place, purpose: `Charity digital ${tag}` }));

      const fromBristol = await networks.listNetworks(steward, { search: tag, placeName: '  bristol ' });
      expect(fromBristol.place).toMatchObject({ name: 'Bristol', country: 'GB', region: 'England' });
      expect(fromBristol.rows.map((r) => r.placeName)).toEqual(['Bath', 'Exeter', 'Leeds']);
      expect(fromBristol.rows[0]!.distanceKm).toBeGreaterThan(10);
      expect(fromBristol.rows[0]!.distanceKm).toBeLessThan(25);
      const fromYork = await networks.listNetworks(steward, { search: tag, placeName: 'York' });
      expect(fromYork.rows.map((r) => r.placeName)).toEqual(['Leeds', 'Bath', 'Exeter']);

      // A point given as well wins: placeName is ignored, even an unknown one.
      const both = await networks.listNetworks(steward, {
        search: tag,
        placeName: 'Nowhereville',
        near: { latitude: 53.96, longitude: -1.08 },
      });
      expect([both.place, both.rows.map((r) => r.placeName)]).toEqual([null, ['Leeds', 'Bath', 'Exeter']]);
      const blank = await networks.listNetworks(steward, { search: tag, placeName: '   ' });
      expect([blank.place, blank.rows[0]!.distanceKm]).toEqual([null, null]);

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
});
