import { describe, expect, it } from 'vitest';
import { errorCodes, useTestApp, type SignedUpOverGraphql } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';

// Volunteer roles over GraphQL: the contract's names and codes, who sees them (anyone who sees the
// event), and Event.roles read in as many statements for a list of 5 events as for 1.

const DAY_MS = 24 * 60 * 60 * 1000;

const CREATE = 'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }';
const JOIN = 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }';
const TAKE = `mutation ($eventId: ID!, $role: EventRoleKind!, $note: String) {
  takeEventRole(eventId: $eventId, role: $role, note: $note) { id role note person { id name } } }`;
const ASSIGN = `mutation ($eventId: ID!, $input: AssignEventRoleInput!) {
  assignEventRole(eventId: $eventId, input: $input) { id role note person { id name } } }`;
const REMOVE = 'mutation ($id: ID!) { removeEventRole(roleId: $id) { id role } }';
const EVENT = 'query ($id: ID!) { event(id: $id) { id roles { role note person { id name } } } }';
const UPCOMING = `query ($networkId: ID!) { upcomingEvents(filter: { networkId: $networkId }, first: 10) {
  edges { node { id roles { role person { name } } } } } }`;

describe.each(DATABASE_KINDS)('volunteer roles over GraphQL on %s', (kind) => {
  const api = useTestApp(kind);

  async function createEvent(organiser: SignedUpOverGraphql, networkId: string, daysAhead = 7) {
    const startsAt = new Date(Date.now() + daysAhead * DAY_MS);
    const input = {
      networkId,
      title: 'Evening talks',
      format: 'TALKS_AND_NETWORKING',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
      timeZone: 'Europe/London',
      onlineUrl: 'https://meet.example.org/talks',
      capacity: 10,
    };
    const created = await api.graphql(CREATE, { token: organiser.token, variables: { input } });
    return created.data?.createEvent.id as string;
  }

  async function networkWithMember() {
    const organiser = await api.signUp('Ola Organiser');
    const network = await api.startNetwork(organiser.token);
    const member = await api.signUp('Mina Member');
    await api.graphql(JOIN, { token: member.token, variables: { id: network.id } });
    return { organiser, network, member, eventId: await createEvent(organiser, network.id) };
  }

  it('should let a member volunteer and an organiser assign, shown to anyone who sees the event', async () => {
    const { organiser, member, eventId } = await networkWithMember();
    const taken = await api.graphql(TAKE, {
      token: member.token,
      variables: { eventId, role: 'FOOD', note: 'brings the urn' },
    });
    expect(taken.data?.takeEventRole).toMatchObject({
      role: 'FOOD',
      note: 'brings the urn',
      person: { id: member.id, name: 'Mina Member' },
    });
    const assigned = await api.graphql(ASSIGN, {
      token: organiser.token,
      variables: { eventId, input: { role: 'HOST', personId: member.id } },
    });
    expect(assigned.data?.assignEventRole).toMatchObject({ role: 'HOST', note: '' });
    const signedOut = await api.graphql(EVENT, { variables: { id: eventId } });
    expect(signedOut.data?.event.roles).toEqual([
      { role: 'FOOD', note: 'brings the urn', person: { id: member.id, name: 'Mina Member' } },
      { role: 'HOST', note: '', person: { id: member.id, name: 'Mina Member' } },
    ]);

    const removed = await api.graphql(REMOVE, {
      token: member.token,
      variables: { id: taken.data?.takeEventRole.id },
    });
    expect(removed.data?.removeEventRole).toEqual({ id: taken.data?.takeEventRole.id, role: 'FOOD' });
    const after = await api.graphql(EVENT, { variables: { id: eventId } });
    expect(after.data?.event.roles.map((role: { role: string }) => role.role)).toEqual(['HOST']);
  });

  it('should answer each refusal with its code and field', async () => {
    const { organiser, member, eventId } = await networkWithMember();
    const stranger = await api.signUp('Stan Stranger');
    const notMember = await api.graphql(TAKE, { token: stranger.token, variables: { eventId, role: 'HOST' } });
    expect(errorCodes(notMember)).toEqual(['FORBIDDEN']);
    const signedOut = await api.graphql(TAKE, { variables: { eventId, role: 'HOST' } });
    expect(errorCodes(signedOut)).toEqual(['UNAUTHENTICATED']);
    const noNote = await api.graphql(TAKE, { token: member.token, variables: { eventId, role: 'OTHER' } });
    expect(errorCodes(noNote)).toEqual(['BAD_USER_INPUT']);
    expect(noNote.errors?.[0]?.extensions.field).toBe('note');
    const memberAssigns = await api.graphql(ASSIGN, {
      token: member.token,
      variables: { eventId, input: { role: 'HOST', personId: member.id } },
    });
    expect(errorCodes(memberAssigns)).toEqual(['FORBIDDEN']);
    const assignStranger = await api.graphql(ASSIGN, {
      token: organiser.token,
      variables: { eventId, input: { role: 'HOST', personId: stranger.id } },
    });
    expect(errorCodes(assignStranger)).toEqual(['BAD_USER_INPUT']);
    expect(assignStranger.errors?.[0]?.extensions.field).toBe('personId');
    const organisers = await api.graphql(TAKE, { token: organiser.token, variables: { eventId, role: 'SPEAKER' } });
    const othersRole = await api.graphql(REMOVE, {
      token: member.token,
      variables: { id: organisers.data?.takeEventRole.id },
    });
    expect(errorCodes(othersRole)).toEqual(['FORBIDDEN']);
  });

  it('should read the roles of 5 events in as many statements as of 1', async () => {
    const { organiser, network, member, eventId } = await networkWithMember();
    await api.graphql(TAKE, { token: member.token, variables: { eventId, role: 'HOST' } });
    const roleReads = () => api.database.statements.filter((s) => /"event_roles"/.test(s)).length;
    const allReads = () => api.database.statements.length;
    api.database.statements.length = 0;
    const one = await api.graphql(UPCOMING, { variables: { networkId: network.id } });
    const [oneRoles, oneAll] = [roleReads(), allReads()];
    for (let day = 8; day <= 11; day += 1) {
      const id = await createEvent(organiser, network.id, day);
      await api.graphql(TAKE, { token: member.token, variables: { eventId: id, role: 'FOOD' } });
      await api.graphql(TAKE, { token: organiser.token, variables: { eventId: id, role: 'HOST' } });
    }
    api.database.statements.length = 0;
    const five = await api.graphql(UPCOMING, { variables: { networkId: network.id } });
    expect(one.data?.upcomingEvents.edges).toEqual([
      { node: { id: eventId, roles: [{ role: 'HOST', person: { name: 'Mina Member' } }] } },
    ]);
    expect(five.data?.upcomingEvents.edges).toHaveLength(5);
    expect(five.data?.upcomingEvents.edges[4].node.roles).toEqual([
      { role: 'FOOD', person: { name: 'Mina Member' } },
      { role: 'HOST', person: { name: 'Ola Organiser' } },
    ]);
    expect([roleReads(), allReads()]).toEqual([oneRoles, oneAll]);
  });
});
