import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, useTestApp } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { uniqueEmail } from '../../testing/factories.ts';

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
  const api = useTestApp(kind);
  let token: string;
  const tag = `n${crypto.randomUUID().slice(0, 8)}`;
  const asSteward = (query: string, variables?: Record<string, unknown>) => api.graphql(query, { token, variables });

  beforeAll(async () => {
    ({ token } = await api.signUp('Sam Steward', uniqueEmail('steward')));
    for (let i = 0; i < 12; i++) {
      const { id } = await api.startNetwork(token, { name: `${tag} network ${i}`, placeName: 'Bristol' });
      await asSteward(
        `mutation ($id: ID!) { setLifecycleStage(networkId: $id, stage: COALESCING, note: "First meetup") { stage } }`,
        { id },
      );
    }
  });

  it('should answer a page with its fields, the same number of SQL statements for 2 networks as for 12', async () => {
    api.database.statements.length = 0;
    const small = await asSteward(LIST, { first: 2, search: tag });
    const smallCount = api.database.statements.length;
    api.database.statements.length = 0;
    const large = await asSteward(LIST, { first: 12, search: tag });
    expect(api.database.statements.length).toBe(smallCount);
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
        // Events are not tracked yet, so nothing known rules out the stage set: it stays.
        suggestion: {
          stage: 'COALESCING',
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
    const answer = await asSteward(query, { search: tag, placeName: 'cardiff' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.networks.nearPlace).toMatchObject({ name: 'Cardiff', region: 'Wales', country: 'GB' });
    const distance = answer.data?.networks.edges[0].node.distanceKm as number;
    expect(distance).toBeGreaterThan(40);
    expect(distance).toBeLessThan(60);

    const unknown = await asSteward(query, { search: tag, placeName: 'Cardif' });
    expect(unknown.data).toBeNull();
    expect(unknown.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^We could not find a town or city called "Cardif"\. Did you mean Cardiff\b/),
        extensions: { code: 'BAD_USER_INPUT', field: 'placeName' },
      }),
    ]);
    const plain = await asSteward(query, { search: tag });
    expect(plain.data?.networks).toMatchObject({ nearPlace: null, edges: [{ node: { distanceKm: null } }, {}] });
  });

  it('should suggest places as a person types, UK cities first', async () => {
    const query = 'query ($search: String!, $first: Int) { places(search: $search, first: $first) { name region } }';
    const answer = await asSteward(query, { search: 'Man', first: 3 });
    expect(answer.data?.places).toHaveLength(3);
    expect(answer.data?.places[0]).toEqual({ name: 'Manchester', region: 'England' });
    expect((await asSteward(query, { search: '  ' })).data).toEqual({ places: [] });
    expect(errorCodes(await asSteward(query, { search: 'Leeds', first: 0 }))).toEqual(['BAD_USER_INPUT']);
  });

  it('should answer null for an unknown slug and BAD_USER_INPUT for a page too large', async () => {
    expect((await asSteward('{ network(slug: "no-such-network") { id } }')).data).toEqual({ network: null });
    expect(errorCodes(await asSteward(LIST, { first: 51 }))).toEqual(['BAD_USER_INPUT']);
  });
});
