import { describe, expect, it } from 'vitest';
import { errorCodes as codes, useTestApp } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';

// Venues over GraphQL: the contract's names, who may do what, field errors, and a directory
// that costs the same statements however long it is.

const JOIN = 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }';
const PROMOTE =
  'mutation ($n: ID!, $u: ID!, $r: NetworkRole!) { setMemberRole(networkId: $n, userId: $u, role: $r) { id } }';
const FIELDS = `id name address stepFreeAccess accessibleToilet hearingLoop quietRoom capacity cost
  relationshipHolder { id name } notes archived`;
const ADD = `mutation ($n: ID!, $input: VenueInput!) { addVenue(networkId: $n, input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($v: ID!, $input: VenueInput!) { updateVenue(venueId: $v, input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation ($v: ID!) { archiveVenue(venueId: $v) { id archived } }`;
const LIST = `query ($slug: String!) { network(slug: $slug) { name venues { ${FIELDS} } } }`;

const INPUT = {
  name: 'The Old Library',
  address: '12 High Street, Testville',
  stepFreeAccess: true,
  accessibleToilet: false,
  hearingLoop: true,
  quietRoom: false,
  capacity: 40,
  cost: 'DONATION',
  notes: 'Side door after 6pm.',
};

describe.each(DATABASE_KINDS)('venues over GraphQL on %s', (kind) => {
  const api = useTestApp(kind);

  async function cast() {
    const steward = await api.signUp('Sue Steward');
    const organiser = await api.signUp('Ola Organiser');
    const member = await api.signUp('Max Member');
    const outsider = await api.signUp('Oz Outsider');
    const network = await api.startNetwork(steward.token);
    for (const who of [organiser, member]) await api.graphql(JOIN, { token: who.token, variables: { id: network.id } });
    await api.graphql(PROMOTE, {
      token: steward.token,
      variables: { n: network.id, u: organiser.id, r: 'ORGANISER' },
    });
    return { steward, organiser, member, outsider, network };
  }

  it('should add, list, change and archive a venue, for the roles allowed each', async () => {
    const { steward, organiser, member, outsider, network } = await cast();
    const input = { ...INPUT, relationshipHolderId: member.id };
    for (const [token, code] of [
      [member.token, 'FORBIDDEN'],
      [outsider.token, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      expect(codes(await api.graphql(ADD, { token, variables: { n: network.id, input } }))).toEqual([code]);
    }
    const added = await api.graphql(ADD, { token: organiser.token, variables: { n: network.id, input } });
    const venue = {
      id: expect.any(String),
      ...INPUT,
      relationshipHolder: { id: member.id, name: 'Max Member' },
      archived: false,
    };
    expect(added).toEqual({ data: { addVenue: venue } });
    const id = added.data?.addVenue.id as string;

    for (const who of [steward, organiser, member]) {
      const listed = await api.graphql(LIST, { token: who.token, variables: { slug: network.slug } });
      expect(listed.data?.network.venues).toEqual([venue]);
    }
    // Others still see the network; only its venues are withheld.
    const outside = await api.graphql(LIST, { token: outsider.token, variables: { slug: network.slug } });
    expect(outside.data?.network).toEqual({ name: expect.any(String), venues: null });
    expect(codes(outside)).toEqual(['FORBIDDEN']);
    expect(codes(await api.graphql(LIST, { variables: { slug: network.slug } }))).toEqual(['UNAUTHENTICATED']);

    const change = { ...input, cost: 'FREE', relationshipHolderId: null, notes: null, capacity: null };
    for (const [token, code] of [
      [member.token, 'FORBIDDEN'],
      [outsider.token, 'FORBIDDEN'],
      [null, 'UNAUTHENTICATED'],
    ] as const) {
      expect(codes(await api.graphql(UPDATE, { token, variables: { v: id, input: change } }))).toEqual([code]);
      expect(codes(await api.graphql(ARCHIVE, { token, variables: { v: id } }))).toEqual([code]);
    }
    expect((await api.graphql(UPDATE, { token: steward.token, variables: { v: id, input: change } })).data).toEqual({
      updateVenue: { ...venue, cost: 'FREE', relationshipHolder: null, notes: '', capacity: null },
    });
    expect((await api.graphql(ARCHIVE, { token: organiser.token, variables: { v: id } })).data).toEqual({
      archiveVenue: { id, archived: true },
    });
    const after = await api.graphql(LIST, { token: member.token, variables: { slug: network.slug } });
    expect(after.data?.network.venues).toEqual([]);
  });

  it('should name each field at fault, and the name when it is taken', async () => {
    const { organiser, outsider, network } = await cast();
    const refused = await api.graphql(ADD, {
      token: organiser.token,
      variables: { n: network.id, input: { ...INPUT, name: '', capacity: 100_000, relationshipHolderId: outsider.id } },
    });
    expect(refused.data).toBeNull();
    expect(refused.errors?.map((error) => [error.extensions.code, error.extensions.field])).toEqual([
      ['BAD_USER_INPUT', 'name'],
      ['BAD_USER_INPUT', 'capacity'],
      ['BAD_USER_INPUT', 'relationshipHolderId'],
    ]);
    await api.graphql(ADD, { token: organiser.token, variables: { n: network.id, input: INPUT } });
    const taken = await api.graphql(ADD, {
      token: organiser.token,
      variables: { n: network.id, input: { ...INPUT, name: 'THE OLD LIBRARY' } },
    });
    expect(taken.errors?.map((error) => [error.extensions.code, error.extensions.field])).toEqual([
      ['CONFLICT', 'name'],
    ]);
    expect(
      codes(await api.graphql(ARCHIVE, { token: organiser.token, variables: { v: crypto.randomUUID() } })),
    ).toEqual(['NOT_FOUND']);
  });

  it('should list 1 or 5 venues with their holders in the same number of statements', async () => {
    const { steward, organiser, member, network } = await cast();
    const holders = [member, organiser, steward];
    const add = (i: number) =>
      api.graphql(ADD, {
        token: steward.token,
        variables: {
          n: network.id,
          input: { ...INPUT, name: `Venue ${i}`, relationshipHolderId: holders[i % holders.length]!.id },
        },
      });
    const list = async () => {
      api.database.statements.length = 0;
      const answer = await api.graphql(LIST, { token: member.token, variables: { slug: network.slug } });
      return {
        venues: answer.data?.network.venues as Array<{ relationshipHolder: { name: string } }>,
        count: api.database.statements.length,
      };
    };
    await add(0);
    const one = await list();
    for (let i = 1; i < 5; i += 1) await add(i);
    const five = await list();
    expect(one.venues).toHaveLength(1);
    expect(five.venues.map((venue) => venue.relationshipHolder.name)).toEqual([
      'Max Member',
      'Ola Organiser',
      'Sue Steward',
      'Max Member',
      'Ola Organiser',
    ]);
    expect(one.count).toBeGreaterThan(0);
    expect(five.count).toBe(one.count);
  });
});
