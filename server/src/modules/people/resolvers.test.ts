import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes as codes, useTestApp, type SignedUpOverGraphql } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';

const JOIN = 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }';
const OFFER = `mutation { upsertMentorOffer(input: { skills: ["CRM"], categories: [QUICK_TIP], formats: [VIDEO],
  capacity: 1, commitment: "An hour", promiseNoSelling: true }) { capacity } }`;

const MEMBERS = /* GraphQL */ `
  query ($slug: String!, $first: Int, $filter: MemberFilter) {
    network(slug: $slug) {
      members(first: $first, filter: $filter) {
        totalCount
        pageInfo {
          hasNextPage
        }
        edges {
          cursor
          node {
            role
            joinedAt
            person {
              id
              name
              pronouns
              organisation
              isMentor
              skills
              supportNeeds
              visibility
            }
          }
        }
      }
    }
  }
`;

describe.each(DATABASE_KINDS)('people over GraphQL on %s', (kind) => {
  const api = useTestApp(kind);
  let steward: SignedUpOverGraphql;
  let slug: string;
  let networkId: string;

  beforeAll(async () => {
    steward = await api.signUp('Sam Steward');
    ({ id: networkId, slug } = await api.startNetwork(steward.token));
    for (let i = 0; i < 24; i++) {
      const member = await api.signUp(`Member ${String(i).padStart(2, '0')}`);
      await api.graphql(JOIN, { token: member.token, variables: { id: networkId } });
      await api.graphql('mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }', {
        token: member.token,
        variables: { input: { skills: ['crm'], visibility: i % 3 === 0 ? 'PRIVATE' : 'MEMBERS' } },
      });
      // A mentoring offer is what makes a person a mentor.
      if (i % 2 === 0) await api.graphql(OFFER, { token: member.token });
    }
  });

  it('should list members in the same number of SQL statements for a page of 2 as for 20', async () => {
    api.database.statements.length = 0;
    const small = await api.graphql(MEMBERS, { token: steward.token, variables: { slug, first: 2 } });
    const smallCount = api.database.statements.length;
    api.database.statements.length = 0;
    const large = await api.graphql(MEMBERS, { token: steward.token, variables: { slug, first: 20 } });
    expect(api.database.statements.length).toBe(smallCount);
    expect(large.data?.network.members.edges).toHaveLength(20);
    expect(small.data?.network.members).toMatchObject({ totalCount: 25, pageInfo: { hasNextPage: true } });
    expect(small.data?.network.members.edges[0].node).toEqual({
      role: 'STEWARD',
      joinedAt: expect.any(String),
      person: {
        id: steward.id,
        name: 'Sam Steward',
        pronouns: null,
        organisation: null,
        isMentor: false,
        skills: [],
        supportNeeds: [],
        visibility: 'MEMBERS',
      },
    });
  });

  it("should list several networks' members in the same number of SQL statements as one network's", async () => {
    const tag = `m${crypto.randomUUID().slice(0, 8)}`;
    const owner = await api.signUp('Olu Owner');
    const outsider = await api.signUp('Ola Outsider');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await api.startNetwork(i === 4 ? outsider.token : owner.token, { name: `${tag} network ${i}` });
      ids.push(created.id);
    }
    // Network i has i + 1 of the first members; network 4 is the outsider's alone.
    const joiner = await api.signUp('Jo Joiner');
    for (const id of ids.slice(1, 4)) {
      await api.graphql(JOIN, { token: joiner.token, variables: { id } });
    }
    const LISTS = `query ($search: String, $first: Int) {
      networks(first: $first, filter: { search: $search }) {
        edges { node { name members(first: 1) { totalCount edges { node { person { name } } } } } }
      }
    }`;
    const ask = async (first: number) => {
      api.database.statements.length = 0;
      const response = await api.graphql(LISTS, { token: owner.token, variables: { search: tag, first } });
      return { response, statements: api.database.statements.length };
    };
    const one = await ask(1);
    const all = await ask(5);
    expect(all.statements).toBe(one.statements);
    const byName = new Map<string, unknown>(
      all.response.data?.networks.edges.map((e: { node: { name: string; members: unknown } }) => [
        e.node.name,
        e.node.members,
      ]),
    );
    expect(byName.get(`${tag} network 0`)).toEqual({
      totalCount: 1,
      edges: [{ node: { person: { name: 'Olu Owner' } } }],
    });
    expect(byName.get(`${tag} network 2`)).toEqual({
      totalCount: 2,
      edges: [{ node: { person: { name: 'Olu Owner' } } }],
    });
    // The network the owner is not in answers FORBIDDEN in its own place; the rest still answer.
    expect(byName.get(`${tag} network 4`)).toBeNull();
    expect(codes(all.response)).toEqual(['FORBIDDEN']);
  });

  it('should count and show only the details members may see', async () => {
    const mentors = await api.graphql(MEMBERS, {
      token: steward.token,
      variables: { slug, first: 50, filter: { isMentor: true, skill: 'CRM' } },
    });
    // Members 0, 2, …, 22 mentor; 0, 6, 12 and 18 are private among them.
    expect(mentors.data?.network.members.totalCount).toBe(8);
    const people = mentors.data?.network.members.edges.map((e: { node: { person: unknown } }) => e.node.person);
    expect(people.every((p: { isMentor: boolean; skills: string[] }) => p.isMentor && p.skills[0] === 'crm')).toBe(
      true,
    );
    const all = await api.graphql(MEMBERS, { token: steward.token, variables: { slug, first: 50 } });
    const hidden = all.data?.network.members.edges.find(
      (e: { node: { person: { name: string } } }) => e.node.person.name === 'Member 00',
    ).node.person;
    expect(hidden).toMatchObject({ isMentor: null, skills: [], visibility: null });
  });

  it('should refuse the member list to non-members and signed-out viewers', async () => {
    const stranger = await api.signUp('Stranger');
    expect(codes(await api.graphql(MEMBERS, { token: stranger.token, variables: { slug } }))).toEqual(['FORBIDDEN']);
    expect(codes(await api.graphql(MEMBERS, { variables: { slug } }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await api.graphql(MEMBERS, { token: steward.token, variables: { slug, first: 51 } }))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('should give one member by id to fellow members only, and null for someone who is not one', async () => {
    const MEMBER = `query ($slug: String!, $personId: ID!) {
      network(slug: $slug) { member(personId: $personId) { role person { id name } } }
    }`;
    const one = (token: string | undefined, personId: string) =>
      api.graphql(MEMBER, { ...(token ? { token } : {}), variables: { slug, personId } });
    const member = await api.signUp('Mo Member');
    await api.graphql(JOIN, { token: member.token, variables: { id: networkId } });
    const stranger = await api.signUp('Stella Stranger');

    expect((await one(member.token, steward.id)).data?.network.member).toEqual({
      role: 'STEWARD',
      person: { id: steward.id, name: 'Sam Steward' },
    });
    expect((await one(steward.token, member.id)).data?.network.member).toMatchObject({ role: 'MEMBER' });
    // Not a member, no such person, or not an id at all: simply none.
    for (const personId of [stranger.id, '00000000-0000-4000-8000-000000000000', 'nobody']) {
      const answer = await one(steward.token, personId);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.network.member).toBeNull();
    }
    // Whether someone is a member is for members to know.
    const outside = await one(stranger.token, steward.id);
    expect(outside.data?.network.member).toBeNull();
    expect(codes(outside)).toEqual(['FORBIDDEN']);
    expect(codes(await one(undefined, steward.id))).toEqual(['UNAUTHENTICATED']);
  });

  it('should name the field of bad profile input, and refuse changes when signed out', async () => {
    const bad = await api.graphql(
      'mutation { updateProfile(input: { bio: "ok", pronouns: "these pronouns are far too long to be pronouns at all" }) { id } }',
      { token: steward.token },
    );
    expect(bad.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'pronouns' }]);
    // Choices are checked once, by the schema: a value it does not list never reaches the service.
    const choices = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }';
    const pronouns = 'query ($id: ID!) { person(id: $id) { pronouns } }';
    const before = (await api.graphql(pronouns, { token: steward.token, variables: { id: steward.id } })).data;
    for (const [field, value] of [
      ['visibility', 'FRIENDS'],
      ['organisationSize', 'HUGE'],
      ['supportNeeds', ['EVERYTHING']],
    ] as const) {
      const refused = await api.graphql(choices, {
        token: steward.token,
        variables: { input: { pronouns: 'they/them', [field]: value } },
      });
      expect([refused.data, refused.errors?.map((e) => e.extensions)]).toEqual([
        null,
        [{ code: 'BAD_USER_INPUT', field }],
      ]);
    }
    expect((await api.graphql(pronouns, { token: steward.token, variables: { id: steward.id } })).data).toEqual(before);
    expect(before).not.toEqual({ person: { pronouns: 'they/them' } });
    expect(codes(await api.graphql('mutation { updateProfile(input: { bio: "hi" }) { id } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('should never offer an email on Person', async () => {
    const response = await api.graphql('query ($id: ID!) { person(id: $id) { email } }', {
      token: steward.token,
      variables: { id: steward.id },
    });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('should refuse export and deletion when signed out', async () => {
    expect(codes(await api.graphql('{ exportMyData }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await api.graphql('mutation { deleteMyAccount(password: "x") }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('should delete an account so that nothing of it is findable and its email is free again', async () => {
    const leaver = await api.signUp('Leaving Soon');
    await api.graphql(JOIN, { token: leaver.token, variables: { id: networkId } });
    await api.graphql(
      'mutation ($id: ID!, $user: ID!) { setMemberRole(networkId: $id, userId: $user, role: STEWARD) { id } }',
      { token: steward.token, variables: { id: networkId, user: leaver.id } },
    );
    await api.graphql(
      'mutation ($id: ID!) { setLifecycleStage(networkId: $id, stage: MATURING, note: "Monthly now") { id } }',
      { token: leaver.token, variables: { id: networkId } },
    );
    const exported = await api.graphql('{ exportMyData }', { token: leaver.token });
    expect(JSON.parse(exported.data?.exportMyData).account.email).toBe(leaver.email);

    const deleted = await api.graphql('mutation { deleteMyAccount(password: "a long and unusual phrase") }', {
      token: leaver.token,
    });
    expect(deleted.data).toEqual({ deleteMyAccount: true });

    expect((await api.graphql('{ person(id: "' + leaver.id + '") { id } }', { token: steward.token })).data).toEqual({
      person: null,
    });
    const search = await api.graphql(MEMBERS, {
      token: steward.token,
      variables: { slug, filter: { search: 'Leaving' } },
    });
    expect(search.data?.network.members).toMatchObject({ totalCount: 0, edges: [] });
    expect(codes(await api.graphql('{ exportMyData }', { token: leaver.token }))).toEqual(['UNAUTHENTICATED']);
    const history = await api.graphql(
      'query ($slug: String!) { network(slug: $slug) { lifecycle { history { note setBy { name } } } } }',
      { token: steward.token, variables: { slug } },
    );
    expect(history.data?.network.lifecycle.history).toEqual([{ note: 'Monthly now', setBy: null }]);
    const again = await api.signUp('Back Again', leaver.email);
    expect(again.token).toEqual(expect.any(String));
    expect(again.id).not.toBe(leaver.id);
  });
});
