import { describe, expect, it } from 'vitest';
import { errorCodes, useTestApp } from '../../testing/app.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught, networkWith, type TestPerson } from '../../testing/factories.ts';
import * as memberships from '../memberships/service.ts';
import * as notifications from '../notifications/service.ts';
import { inEventTime } from './notices.ts';
import * as events from './service.ts';
import { eventInput, eventSetUp } from './test-events.ts';

const newEventNotices = async (person: TestPerson) =>
  (await (await notifications.listNotifications(person, {})).edges())
    .map((edge) => edge.node)
    .filter((notice) => notice.kind === 'NEW_EVENTS');

describe.each(DATABASE_KINDS)('new-event alerts on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('should tell members who asked, once, and not those who did not, nor the organiser', async () => {
    const setUp = await eventSetUp(database.db);
    const network = await networkWith(setUp.organiser);
    const [asking, quiet, leaver] = [
      await setUp.person('Ann Asks'),
      await setUp.person('Quinn Quiet'),
      await setUp.person('Lee Leaves'),
    ];
    for (const member of [asking, quiet, leaver]) await memberships.joinNetwork(member, network.id, true);
    expect(await memberships.setEventAlerts(asking, network.id, true)).toMatchObject({
      role: 'MEMBER',
      eventAlerts: true,
      network: { id: network.id },
    });
    await memberships.setEventAlerts(setUp.organiser, network.id, true);
    await memberships.setEventAlerts(leaver, network.id, true);
    await memberships.leaveNetwork(leaver, network.id);
    expect(await memberships.membersWithEventAlerts(asking, network.id)).toEqual(
      [asking.user.id, setUp.organiser.user.id].sort(),
    );

    const event = await events.createEvent(setUp.organiser, {
      ...eventInput(setUp.clock.now(), { title: 'Winter social' }),
      networkId: network.id,
    });
    expect(await newEventNotices(asking)).toEqual([
      expect.objectContaining({
        title: 'New event: Winter social',
        body: `${network.name} has a new event, starting ${inEventTime(event.startsAt, event.timeZone)}.`,
        url: `/events/${event.id}`,
      }),
    ]);
    for (const person of [quiet, leaver, setUp.organiser]) expect(await newEventNotices(person)).toEqual([]);

    // A copy is a new event too; turned off, nothing more comes.
    setUp.clock.advance(60_000);
    const copy = await events.duplicateEvent(
      setUp.organiser,
      event.id,
      new Date(event.startsAt.getTime() + 86_400_000),
    );
    expect((await newEventNotices(asking)).map((notice) => notice.url)).toEqual([
      `/events/${copy.id}`,
      `/events/${event.id}`,
    ]);
    expect(await memberships.setEventAlerts(asking, network.id, false)).toMatchObject({ eventAlerts: false });
    await events.createEvent(setUp.organiser, { ...eventInput(setUp.clock.now()), networkId: network.id });
    expect(await newEventNotices(asking)).toHaveLength(2);
  });

  it('should refuse someone who is not a member, and a network that does not exist', async () => {
    const setUp = await eventSetUp(database.db);
    const stranger = await setUp.person('Sam Stranger');
    expect((await caught(memberships.setEventAlerts(stranger, setUp.networkId, true))).code).toBe('FORBIDDEN');
    expect((await caught(memberships.setEventAlerts(stranger, crypto.randomUUID(), true))).code).toBe('NOT_FOUND');
    expect((await caught(memberships.setEventAlerts(stranger, 'not-an-id', true))).code).toBe('NOT_FOUND');
  });

  it('should ask a member who rejoins afresh', async () => {
    const setUp = await eventSetUp(database.db);
    const member = await setUp.person('Rae Rejoins');
    await memberships.joinNetwork(member, setUp.networkId, true);
    await memberships.setEventAlerts(member, setUp.networkId, true);
    await memberships.leaveNetwork(member, setUp.networkId);
    await memberships.joinNetwork(member, setUp.networkId, true);
    const [own] = await memberships.myMemberships(member);
    expect(own).toMatchObject({ eventAlerts: false });
  });
});

describe.each(DATABASE_KINDS)('new-event alerts over GraphQL on %s', (kind) => {
  const api = useTestApp(kind);
  const SET = `mutation ($networkId: ID!, $on: Boolean!) { setEventAlerts(networkId: $networkId, on: $on) {
    role eventAlerts network { id } } }`;
  const MINE = `query ($slug: String!) { network(slug: $slug) { myRole myMembership { eventAlerts role } } }`;

  it('should let a member turn alerts on for themself only, and refuse everyone else', async () => {
    const steward = await api.signUp('Stevie Steward');
    const network = await api.startNetwork(steward.token);
    const member = await api.signUp('Mo Member');
    const joined = await api.graphql(
      `mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }`,
      { token: member.token, variables: { id: network.id } },
    );
    expect(joined.errors).toBeUndefined();

    const set = await api.graphql(SET, { token: member.token, variables: { networkId: network.id, on: true } });
    expect(set).toEqual({
      data: { setEventAlerts: { role: 'MEMBER', eventAlerts: true, network: { id: network.id } } },
    });
    // Each viewer sees only their own membership.
    expect((await api.graphql(MINE, { token: member.token, variables: { slug: network.slug } })).data).toEqual({
      network: { myRole: 'MEMBER', myMembership: { eventAlerts: true, role: 'MEMBER' } },
    });
    expect((await api.graphql(MINE, { token: steward.token, variables: { slug: network.slug } })).data).toEqual({
      network: { myRole: 'STEWARD', myMembership: { eventAlerts: false, role: 'STEWARD' } },
    });
    expect((await api.graphql(MINE, { variables: { slug: network.slug } })).data).toEqual({
      network: { myRole: null, myMembership: null },
    });
    expect(
      (await api.graphql(`{ myMemberships { eventAlerts network { id } } }`, { token: member.token })).data,
    ).toEqual({ myMemberships: [{ eventAlerts: true, network: { id: network.id } }] });

    const stranger = await api.signUp('Sid Stranger');
    expect(errorCodes(await api.graphql(SET, { variables: { networkId: network.id, on: true } }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(
      errorCodes(await api.graphql(SET, { token: stranger.token, variables: { networkId: network.id, on: true } })),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await api.graphql(SET, { token: stranger.token, variables: { networkId: crypto.randomUUID(), on: true } }),
      ),
    ).toEqual(['NOT_FOUND']);
  });
});
