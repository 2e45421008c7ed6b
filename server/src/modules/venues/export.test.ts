import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { networkWith, signedUpPerson, TestClock, type TestPerson } from '../../testing/factories.ts';
import * as memberships from '../memberships/service.ts';
import * as people from '../people/service.ts';
import * as venues from './service.ts';

const ROOM: venues.VenueInput = {
  name: 'Library community room',
  address: 'Calverley Street\nLeeds LS1 3AB',
  stepFreeAccess: true,
  accessibleToilet: true,
  hearingLoop: true,
  quietRoom: false,
  capacity: 30,
  cost: 'FREE',
  notes: 'Book six weeks ahead.',
};

const HOUR = 60 * 60 * 1000;

/** The `venues` section of the person's data export, as the JSON document has it. */
async function exportedVenues(person: TestPerson): Promise<unknown> {
  return JSON.parse(await people.exportMyData(person)).venues;
}

describe.each(DATABASE_KINDS)('venues in a data export on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('should list the venues a person holds, archived ones too, in every network, and nobody else’s', async () => {
    const clock = new TestClock(new Date('2026-12-04T10:00:00Z'));
    const person = (name: string) => signedUpPerson(database.db, { name, clock });
    const [steward, holder, other] = [
      await person('Sam Steward'),
      await person('Hana Holder'),
      await person('Oz Other'),
    ];
    const leeds = await networkWith(steward, holder, other);
    const york = await networkWith(holder, steward);
    await memberships.setMemberRole(steward, leeds.id, holder.user.id, 'ORGANISER');

    const room = await venues.addVenue(steward, leeds.id, { ...ROOM, relationshipHolderId: holder.user.id });
    clock.advance(HOUR);
    const hall = await venues.addVenue(holder, york.id, {
      ...ROOM,
      name: 'St Mary’s Church Hall',
      address: 'Bootham\nYork YO30 7BZ',
      cost: 'DONATION',
      relationshipHolderId: holder.user.id,
    });
    clock.advance(HOUR);
    await venues.archiveVenue(holder, hall.id);
    // Someone else's venue, and one held by nobody: neither belongs in the holder's export.
    await venues.addVenue(steward, leeds.id, { ...ROOM, name: 'Café back room', relationshipHolderId: other.user.id });
    await venues.addVenue(steward, leeds.id, { ...ROOM, name: 'Co-working loft', relationshipHolderId: null });

    expect(await exportedVenues(holder)).toEqual([
      {
        networkSlug: leeds.slug,
        networkName: leeds.name,
        name: 'Library community room',
        address: 'Calverley Street\nLeeds LS1 3AB',
        createdAt: room.createdAt.toISOString(),
        updatedAt: room.createdAt.toISOString(),
        archivedAt: null,
      },
      {
        networkSlug: york.slug,
        networkName: york.name,
        name: 'St Mary’s Church Hall',
        address: 'Bootham\nYork YO30 7BZ',
        createdAt: '2026-12-04T11:00:00.000Z',
        updatedAt: '2026-12-04T12:00:00.000Z',
        archivedAt: '2026-12-04T12:00:00.000Z',
      },
    ]);
    expect(await exportedVenues(other)).toEqual([expect.objectContaining({ name: 'Café back room' })]);
    expect(await exportedVenues(steward)).toEqual([]);
  });

  it('should drop a venue from the export once someone else holds it', async () => {
    const clock = new TestClock(new Date('2026-12-04T10:00:00Z'));
    const steward = await signedUpPerson(database.db, { name: 'Sam Steward', clock });
    const holder = await signedUpPerson(database.db, { name: 'Hana Holder', clock });
    const network = await networkWith(steward, holder);
    const room = await venues.addVenue(steward, network.id, { ...ROOM, relationshipHolderId: holder.user.id });
    expect(await exportedVenues(holder)).toEqual([expect.objectContaining({ name: room.name })]);

    clock.advance(HOUR);
    await venues.updateVenue(steward, room.id, { ...ROOM, relationshipHolderId: steward.user.id });
    expect(await exportedVenues(holder)).toEqual([]);
    expect(await exportedVenues(steward)).toEqual([
      expect.objectContaining({ name: room.name, updatedAt: '2026-12-04T11:00:00.000Z' }),
    ]);
  });
});
