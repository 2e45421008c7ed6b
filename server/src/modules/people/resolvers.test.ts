import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases.ts';
import { testConfig, uniqueEmail } from '../../testing/factories.ts';

const PASSWORD = 'a long and unusual phrase';

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

type Response = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads whatever shape it asked for
  data: Record<string, any> | null;
  errors?: Array<{ message: string; extensions: { code: string; field?: string } }>;
};

describe.each(DATABASE_KINDS)('people over GraphQL on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let steward: { token: string; id: string };
  let slug: string;
  let networkId: string;

  const post = async (token: string | null, query: string, variables?: Record<string, unknown>) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      payload: JSON.stringify({ query, variables }),
    });
    return response.json() as Response;
  };
  const codes = (response: Response) => response.errors?.map((e) => e.extensions.code);

  const signUp = async (name: string, email = uniqueEmail('gql')) => {
    const result = await post(null, 'mutation ($input: SignUpInput!) { signUp(input: $input) { token user { id } } }', {
      input: { email, password: PASSWORD, name },
    });
    return { token: result.data?.signUp.token as string, id: result.data?.signUp.user.id as string, email };
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = await buildApp({ config: testConfig({ logLevel: 'silent' }), database, web: false });
    steward = await signUp('Sam Steward');
    const created = await post(
      steward.token,
      'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id slug } }',
      {
        input: {
          name: `People GraphQL ${crypto.randomUUID().slice(0, 8)}`,
          placeName: 'Leeds',
          region: 'Yorkshire',
          latitude: 53.8,
          longitude: -1.55,
          purpose: 'Charity digital support',
          values: '',
          codeOfConduct: 'Be kind.',
        },
      },
    );
    ({ id: networkId, slug } = created.data!.createNetwork);
    for (let i = 0; i < 24; i++) {
      const member = await signUp(`Member ${String(i).padStart(2, '0')}`);
      await post(
        member.token,
        'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
        {
          id: networkId,
        },
      );
      await post(member.token, 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }', {
        input: { isMentor: i % 2 === 0, skills: ['crm'], visibility: i % 3 === 0 ? 'PRIVATE' : 'MEMBERS' },
      });
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('should list members in the same number of SQL statements for a page of 2 as for 20', async () => {
    database.statements.length = 0;
    const small = await post(steward.token, MEMBERS, { slug, first: 2 });
    const smallCount = database.statements.length;
    database.statements.length = 0;
    const large = await post(steward.token, MEMBERS, { slug, first: 20 });
    expect(database.statements.length).toBe(smallCount);
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
    const owner = await signUp('Olu Owner');
    const outsider = await signUp('Ola Outsider');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const created = await post(
        i === 4 ? outsider.token : owner.token,
        'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }',
        {
          input: {
            name: `${tag} network ${i}`,
            placeName: 'Leeds',
            region: 'Yorkshire',
            latitude: 53.8,
            longitude: -1.55,
            purpose: 'Charity digital support',
            values: '',
            codeOfConduct: 'Be kind.',
          },
        },
      );
      ids.push(created.data!.createNetwork.id);
    }
    // Network i has i + 1 of the first members; network 4 is the outsider's alone.
    const joiner = await signUp('Jo Joiner');
    for (const id of ids.slice(1, 4)) {
      await post(
        joiner.token,
        'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
        {
          id,
        },
      );
    }
    const LISTS = `query ($search: String, $first: Int) {
      networks(first: $first, filter: { search: $search }) {
        edges { node { name members(first: 1) { totalCount edges { node { person { name } } } } } }
      }
    }`;
    const ask = async (first: number) => {
      database.statements.length = 0;
      const response = await post(owner.token, LISTS, { search: tag, first });
      return { response, statements: database.statements.length };
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
    expect(all.response.errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it('should count and show only the details members may see', async () => {
    const mentors = await post(steward.token, MEMBERS, { slug, first: 50, filter: { isMentor: true, skill: 'CRM' } });
    // Members 0, 2, …, 22 mentor; 0, 6, 12 and 18 are private among them.
    expect(mentors.data?.network.members.totalCount).toBe(8);
    const people = mentors.data?.network.members.edges.map((e: { node: { person: unknown } }) => e.node.person);
    expect(people.every((p: { isMentor: boolean; skills: string[] }) => p.isMentor && p.skills[0] === 'crm')).toBe(
      true,
    );
    const all = await post(steward.token, MEMBERS, { slug, first: 50 });
    const hidden = all.data?.network.members.edges.find(
      (e: { node: { person: { name: string } } }) => e.node.person.name === 'Member 00',
    ).node.person;
    expect(hidden).toMatchObject({ isMentor: null, skills: [], visibility: null });
  });

  it('should refuse the member list to non-members and signed-out viewers', async () => {
    const stranger = await signUp('Stranger');
    expect(codes(await post(stranger.token, MEMBERS, { slug }))).toEqual(['FORBIDDEN']);
    expect(codes(await post(null, MEMBERS, { slug }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await post(steward.token, MEMBERS, { slug, first: 51 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('should name the field of bad profile input, and refuse changes when signed out', async () => {
    const bad = await post(
      steward.token,
      'mutation { updateProfile(input: { bio: "ok", pronouns: "these pronouns are far too long to be pronouns at all" }) { id } }',
    );
    expect(bad.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', field: 'pronouns' }]);
    // Choices are checked once, by the schema: a value it does not list never reaches the service.
    const choices = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }';
    const pronouns = 'query ($id: ID!) { person(id: $id) { pronouns } }';
    const before = (await post(steward.token, pronouns, { id: steward.id })).data;
    for (const [field, value] of [
      ['visibility', 'FRIENDS'],
      ['organisationSize', 'HUGE'],
      ['supportNeeds', ['EVERYTHING']],
    ] as const) {
      const refused = await post(steward.token, choices, { input: { pronouns: 'they/them', [field]: value } });
      expect([refused.data, refused.errors?.map((e) => e.extensions)]).toEqual([
        null,
        [{ code: 'BAD_USER_INPUT', field }],
      ]);
    }
    expect((await post(steward.token, pronouns, { id: steward.id })).data).toEqual(before);
    expect(before).not.toEqual({ person: { pronouns: 'they/them' } });
    expect(codes(await post(null, 'mutation { updateProfile(input: { bio: "hi" }) { id } }'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('should never offer an email on Person', async () => {
    const response = await post(steward.token, 'query ($id: ID!) { person(id: $id) { email } }', { id: steward.id });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('should refuse export and deletion when signed out', async () => {
    expect(codes(await post(null, '{ exportMyData }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await post(null, 'mutation { deleteMyAccount(password: "x") }'))).toEqual(['UNAUTHENTICATED']);
  });

  it('should delete an account so that nothing of it is findable and its email is free again', async () => {
    const leaver = await signUp('Leaving Soon');
    await post(leaver.token, 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }', {
      id: networkId,
    });
    await post(
      steward.token,
      'mutation ($id: ID!, $user: ID!) { setMemberRole(networkId: $id, userId: $user, role: STEWARD) { id } }',
      { id: networkId, user: leaver.id },
    );
    await post(
      leaver.token,
      'mutation ($id: ID!) { setLifecycleStage(networkId: $id, stage: MATURING, note: "Monthly now") { id } }',
      { id: networkId },
    );
    const exported = await post(leaver.token, '{ exportMyData }');
    expect(JSON.parse(exported.data?.exportMyData).account.email).toBe(leaver.email);

    const deleted = await post(leaver.token, 'mutation { deleteMyAccount(password: "a long and unusual phrase") }');
    expect(deleted.data).toEqual({ deleteMyAccount: true });

    expect((await post(steward.token, '{ person(id: "' + leaver.id + '") { id } }')).data).toEqual({ person: null });
    const search = await post(steward.token, MEMBERS, { slug, filter: { search: 'Leaving' } });
    expect(search.data?.network.members).toMatchObject({ totalCount: 0, edges: [] });
    expect(codes(await post(leaver.token, '{ exportMyData }'))).toEqual(['UNAUTHENTICATED']);
    const history = await post(
      steward.token,
      'query ($slug: String!) { network(slug: $slug) { lifecycle { history { note setBy { name } } } } }',
      {
        slug,
      },
    );
    expect(history.data?.network.lifecycle.history).toEqual([{ note: 'Monthly now', setBy: null }]);
    const again = await signUp('Back Again', leaver.email);
    expect(again.token).toEqual(expect.any(String));
    expect(again.id).not.toBe(leaver.id);
  });
});
