import { describe, expect, it } from 'vitest';
import { InputErrors } from '../../core/errors.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  caught,
  networkWith,
  serviceContext,
  signedUpPerson,
  TEST_PASSWORD,
  TestClock,
} from '../../testing/factories.ts';
import * as memberships from '../memberships/service.ts';
import * as people from '../people/service.ts';
import * as venues from './service.ts';

const HALL: venues.VenueInput = {
  name: '  St Werburgh’s   Community Hall ',
  address: '1 Horley Road\r\nBristol BS2 9TJ',
  stepFreeAccess: true,
  accessibleToilet: true,
  hearingLoop: false,
  quietRoom: true,
  capacity: 60,
  cost: 'FREE',
  notes: 'Ask for the key at the café.',
};

describe.each(DATABASE_KINDS)('venues on %s', (kind) => {
  const database = useTestDatabase(kind);

  /** A network with a steward, an organiser, a member, and an outsider who belongs elsewhere. */
  async function cast() {
    const clock = new TestClock(new Date('2026-12-04T10:00:00Z'));
    const person = (name: string) => signedUpPerson(database.db, { name, clock });
    const steward = await person('Sam Steward');
    const organiser = await person('Olu Organiser');
    const member = await person('Mia Member');
    const outsider = await person('Otto Outsider');
    const network = await networkWith(steward, organiser, member);
    await memberships.setMemberRole(steward, network.id, organiser.user.id, 'ORGANISER');
    await networkWith(outsider);
    return { clock, steward, organiser, member, outsider, network, signedOut: serviceContext(database.db) };
  }

  it('should add a venue with its text tidied, and list it for members only', async () => {
    const { organiser, member, outsider, steward, network, signedOut } = await cast();
    const added = await venues.addVenue(organiser, network.id, { ...HALL, relationshipHolderId: member.user.id });
    expect(added).toEqual({
      id: expect.any(String),
      networkId: network.id,
      name: 'St Werburgh’s Community Hall',
      address: '1 Horley Road\nBristol BS2 9TJ',
      stepFreeAccess: true,
      accessibleToilet: true,
      hearingLoop: false,
      quietRoom: true,
      capacity: 60,
      cost: 'FREE',
      relationshipHolderId: member.user.id,
      notes: 'Ask for the key at the café.',
      createdAt: new Date('2026-12-04T10:00:00Z'),
      updatedAt: new Date('2026-12-04T10:00:00Z'),
      archivedAt: null,
    });
    for (const who of [steward, organiser, member]) expect(await venues.listVenues(who, network.id)).toEqual([added]);
    expect((await caught(venues.listVenues(outsider, network.id))).code).toBe('FORBIDDEN');
    expect((await caught(venues.listVenues(signedOut, network.id))).code).toBe('UNAUTHENTICATED');
    expect((await caught(venues.listVenues(member, 'not-a-uuid'))).code).toBe('FORBIDDEN');
  });

  it('should let only organisers and stewards add, change and archive venues', async () => {
    const { organiser, member, outsider, steward, network, signedOut } = await cast();
    const venue = await venues.addVenue(steward, network.id, HALL);
    for (const [who, code] of [
      [member, 'FORBIDDEN'],
      [outsider, 'FORBIDDEN'],
      [signedOut, 'UNAUTHENTICATED'],
    ] as const) {
      expect((await caught(venues.addVenue(who, network.id, { ...HALL, name: 'Elsewhere' }))).code).toBe(code);
      expect((await caught(venues.updateVenue(who, venue.id, { ...HALL, name: 'Renamed' }))).code).toBe(code);
      expect((await caught(venues.archiveVenue(who, venue.id))).code).toBe(code);
    }
    expect(await venues.listVenues(member, network.id)).toEqual([venue]);

    const renamed = await venues.updateVenue(organiser, venue.id, { ...HALL, name: 'The Hall', cost: 'DONATION' });
    expect(renamed).toMatchObject({ id: venue.id, name: 'The Hall', cost: 'DONATION', capacity: 60 });
    expect((await caught(venues.updateVenue(organiser, crypto.randomUUID(), HALL))).code).toBe('NOT_FOUND');
    expect((await caught(venues.archiveVenue(organiser, 'nonsense'))).code).toBe('NOT_FOUND');
  });

  it('should name every field at fault at once, and refuse a holder who is not a member', async () => {
    const { organiser, outsider, network } = await cast();
    const refused = await caught(
      venues.addVenue(organiser, network.id, {
        ...HALL,
        name: ' ',
        address: 'x'.repeat(301),
        capacity: 0,
        notes: 'n'.repeat(1001),
        relationshipHolderId: outsider.user.id,
      }),
    );
    expect(refused).toBeInstanceOf(InputErrors);
    expect((refused as InputErrors).problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['BAD_USER_INPUT', 'name'],
      ['BAD_USER_INPUT', 'address'],
      ['BAD_USER_INPUT', 'capacity'],
      ['BAD_USER_INPUT', 'notes'],
      ['BAD_USER_INPUT', 'relationshipHolderId'],
    ]);
    for (const capacity of [10_001, 2.5]) {
      expect((await caught(venues.addVenue(organiser, network.id, { ...HALL, capacity }))).field).toBe('capacity');
    }
    expect((await caught(venues.addVenue(organiser, network.id, { ...HALL, relationshipHolderId: 'x' }))).field).toBe(
      'relationshipHolderId',
    );
    expect(await venues.listVenues(organiser, network.id)).toEqual([]);
    // Capacity and holder may be left out, and the edges are allowed.
    const bare = await venues.addVenue(organiser, network.id, {
      ...HALL,
      name: 'x'.repeat(120),
      capacity: null,
      notes: null,
    });
    expect(bare).toMatchObject({ capacity: null, relationshipHolderId: null, notes: '' });
    expect((await venues.addVenue(organiser, network.id, { ...HALL, capacity: 10_000 })).capacity).toBe(10_000);
  });

  it('should refuse a second live venue of the same name, whatever its case, but not after archiving', async () => {
    const { organiser, network, outsider } = await cast();
    const first = await venues.addVenue(organiser, network.id, HALL);
    const again = await caught(
      venues.addVenue(organiser, network.id, { ...HALL, name: 'st werburgh’s community HALL' }),
    );
    expect([again.code, again.field]).toEqual(['CONFLICT', 'name']);
    const other = await venues.addVenue(organiser, network.id, { ...HALL, name: 'The Cube' });
    const clash = await caught(venues.updateVenue(organiser, other.id, HALL));
    expect([clash.code, clash.field]).toEqual(['CONFLICT', 'name']);
    // Another network may use the name.
    const elsewhere = await networkWith(outsider);
    expect((await venues.addVenue(outsider, elsewhere.id, HALL)).name).toBe(first.name);

    await venues.archiveVenue(organiser, first.id);
    expect((await venues.addVenue(organiser, network.id, HALL)).name).toBe(first.name);
  });

  it('should keep an archived venue out of the list, for the events that name it', async () => {
    const { organiser, member, network, clock } = await cast();
    const hall = await venues.addVenue(organiser, network.id, HALL);
    const paid = await venues.addVenue(organiser, network.id, { ...HALL, name: 'Arnolfini', cost: 'PAID' });
    const donation = await venues.addVenue(organiser, network.id, { ...HALL, name: 'Zed Room', cost: 'DONATION' });
    const free = await venues.addVenue(organiser, network.id, { ...HALL, name: 'Albany Centre' });
    // Free first, then donation, then paid; by name within each.
    expect((await venues.listVenues(member, network.id)).map((v) => v.name)).toEqual([
      'Albany Centre',
      'St Werburgh’s Community Hall',
      'Zed Room',
      'Arnolfini',
    ]);

    clock.advance(60_000);
    const archived = await venues.archiveVenue(organiser, hall.id);
    expect(archived.archivedAt).toEqual(new Date('2026-12-04T10:01:00Z'));
    clock.advance(60_000);
    expect((await venues.archiveVenue(organiser, hall.id)).archivedAt).toEqual(archived.archivedAt);
    expect((await venues.listVenues(member, network.id)).map((v) => v.id)).toEqual([free.id, donation.id, paid.id]);
    const refused = await caught(venues.updateVenue(organiser, hall.id, HALL));
    expect(refused.code).toBe('CONFLICT');

    // What the events module reads: every venue by id, but only live ones of the network to choose.
    const byId = await venues.venuesByIds(member, [hall.id, free.id, 'nonsense']);
    expect([...byId.keys()].sort()).toEqual([hall.id, free.id].sort());
    expect(await venues.venueOfNetwork(member, network.id, hall.id)).toBeNull();
    expect((await venues.venueOfNetwork(member, network.id, free.id))?.name).toBe('Albany Centre');
    expect(await venues.venueOfNetwork(member, crypto.randomUUID(), free.id)).toBeNull();
    expect(await venues.venueOfNetwork(member, network.id, 'nonsense')).toBeNull();
  });

  it('should keep notes and the holder to the network’s members wherever a venue is shown', async () => {
    const { organiser, member, outsider, network, signedOut } = await cast();
    const venue = await venues.addVenue(organiser, network.id, HALL);
    expect(await venues.memberOnly(member, [venue])).toEqual(new Set([venue.id]));
    expect(await venues.memberOnly(outsider, [venue])).toEqual(new Set());
    expect(await venues.memberOnly(signedOut, [venue])).toEqual(new Set());
  });

  it('should leave a venue without a holder when the holder deletes their account', async () => {
    const { organiser, member, network } = await cast();
    const venue = await venues.addVenue(organiser, network.id, { ...HALL, relationshipHolderId: member.user.id });
    expect(await people.deleteMyAccount(member, TEST_PASSWORD)).toBe(true);
    const [after] = await venues.listVenues(organiser, network.id);
    expect(after).toMatchObject({ id: venue.id, relationshipHolderId: null, name: venue.name });
  });
});
