import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { DATABASE_KINDS, openTestDatabase, type TestDatabase } from '../../testing/databases.ts';
import { testConfig, uniqueEmail } from '../../testing/factories.ts';

const LIST = /* GraphQL */ `
  query ($first: Int, $search: String) {
    networks(first: $first, filter: { search: $search }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          slug
          name
          myRole
          memberCount
          newMembersLast90Days
          lifecycle {
            stage
            since
            history {
              stage
              note
              setBy {
                name
              }
            }
            suggestion {
              stage
              reasons
              missingSignals
            }
          }
        }
      }
    }
  }
`;

describe.each(DATABASE_KINDS)('networks over GraphQL on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let token: string;
  const tag = `n${crypto.randomUUID().slice(0, 8)}`;

  const post = async (query: string, variables?: Record<string, unknown>) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ query, variables }),
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads whatever shape it asked for
    return response.json() as { data: Record<string, any> | null; errors?: Array<{ extensions: { code: string } }> };
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = await buildApp({ config: testConfig({ logLevel: 'silent' }), database, web: false });
    const signUp = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        query: 'mutation ($input: SignUpInput!) { signUp(input: $input) { token } }',
        variables: {
          input: { email: uniqueEmail('steward'), password: 'a long and unusual phrase', name: 'Sam Steward' },
        },
      }),
    });
    token = (signUp.json() as { data: { signUp: { token: string } } }).data.signUp.token;
    for (let i = 0; i < 12; i++) {
      const created = await post(`mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id } }`, {
        input: {
          name: `${tag} network ${i}`,
          placeName: 'Bristol',
          region: 'South West England',
          latitude: 51.45,
          longitude: -2.58,
          purpose: 'Charity digital support',
          values: '',
          codeOfConduct: 'Be kind.',
        },
      });
      const id = created.data?.createNetwork.id as string;
      await post(
        `mutation ($id: ID!) { setLifecycleStage(networkId: $id, stage: COALESCING, note: "First meetup") { stage } }`,
        { id },
      );
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('should answer a page with its fields, the same number of SQL statements for 2 networks as for 12', async () => {
    database.statements.length = 0;
    const small = await post(LIST, { first: 2, search: tag });
    const smallCount = database.statements.length;
    database.statements.length = 0;
    const large = await post(LIST, { first: 12, search: tag });
    expect(database.statements.length).toBe(smallCount);
    // Session, page, total, roles, membership signals (shared by memberCount, newMembersLast90Days
    // and the suggestion), lifecycle histories, and the people who set the stages.
    expect(smallCount).toBe(7);
    expect(large.data?.networks.edges).toHaveLength(12);
    expect(small.data?.networks).toMatchObject({ totalCount: 12, pageInfo: { hasNextPage: true } });
    expect(small.data?.networks.edges[0].node).toEqual({
      slug: `${tag}-network-0`,
      name: `${tag} network 0`,
      myRole: 'STEWARD',
      memberCount: 1,
      newMembersLast90Days: 1,
      lifecycle: {
        stage: 'COALESCING',
        since: expect.any(String),
        history: [{ stage: 'COALESCING', note: 'First meetup', setBy: { name: 'Sam Steward' } }],
        suggestion: {
          stage: 'POTENTIAL',
          reasons: expect.any(Array),
          missingSignals: ['events held', 'event cadence', 'repeat attendees', 'contributors'],
        },
      },
    });
  });

  it('should sort by distance from a typed town and tell which place it matched', async () => {
    const query = /* GraphQL */ `
      query ($search: String, $placeName: String) {
        networks(first: 2, filter: { search: $search, placeName: $placeName }) {
          nearPlace {
            name
            region
            country
            latitude
            longitude
          }
          edges {
            node {
              distanceKm
            }
          }
        }
      }
    `;
    const answer = await post(query, { search: tag, placeName: 'cardiff' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.networks.nearPlace).toMatchObject({ name: 'Cardiff', region: 'Wales', country: 'GB' });
    const distance = answer.data?.networks.edges[0].node.distanceKm as number;
    expect(distance).toBeGreaterThan(40);
    expect(distance).toBeLessThan(60);

    const unknown = await post(query, { search: tag, placeName: 'Cardif' });
    expect(unknown.data).toBeNull();
    expect(unknown.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^We could not find a town or city called "Cardif"\. Did you mean Cardiff\b/),
        extensions: { code: 'BAD_USER_INPUT', field: 'placeName' },
      }),
    ]);
    const plain = await post(query, { search: tag });
    expect(plain.data?.networks).toMatchObject({ nearPlace: null, edges: [{ node: { distanceKm: null } }, {}] });
  });

  it('should suggest places as a person types, UK cities first', async () => {
    const query = 'query ($search: String!, $first: Int) { places(search: $search, first: $first) { name region } }';
    const answer = await post(query, { search: 'Man', first: 3 });
    expect(answer.data?.places).toHaveLength(3);
    expect(answer.data?.places[0]).toEqual({ name: 'Manchester', region: 'England' });
    expect((await post(query, { search: '  ' })).data).toEqual({ places: [] });
    expect((await post(query, { search: 'Leeds', first: 0 })).errors?.map((e) => e.extensions.code)).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('should answer null for an unknown slug and BAD_USER_INPUT for a page too large', async () => {
    expect((await post('{ network(slug: "no-such-network") { id } }')).data).toEqual({ network: null });
    expect((await post(LIST, { first: 51 })).errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });
});
