import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodes as codes, useTestApp, type SignedUpOverGraphql } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';

const ASK = /* GraphQL */ `
  mutation ($id: ID!, $about: String!) {
    askToJoin(networkId: $id, about: $about, acceptCodeOfConduct: true) {
      id
      status
      about
      person {
        id
      }
    }
  }
`;

const REQUESTS = /* GraphQL */ `
  query ($slug: String!, $first: Int) {
    network(slug: $slug) {
      joinPolicy
      pendingJoinRequestCount
      joinRequests(first: $first) {
        totalCount
        pageInfo {
          hasNextPage
        }
        edges {
          node {
            about
            status
            person {
              id
              name
            }
            network {
              slug
            }
          }
        }
      }
    }
  }
`;

const MINE = /* GraphQL */ `
  query ($slug: String!) {
    network(slug: $slug) {
      joinPolicy
      myStatus
      myRole
      myJoinRequest {
        id
        status
        answerNote
      }
    }
  }
`;

describe.each(DATABASE_KINDS)('join requests over GraphQL on %s', (kind) => {
  const api = useTestApp(kind);
  let steward: SignedUpOverGraphql;
  let slug: string;
  let networkId: string;
  const askers: SignedUpOverGraphql[] = [];

  beforeAll(async () => {
    steward = await api.signUp('Sam Steward');
    ({ id: networkId, slug } = await api.startNetwork(steward.token));
    const changed = await api.graphql(
      'mutation ($id: ID!) { updateNetwork(networkId: $id, input: { joinPolicy: ASK_TO_JOIN }) { joinPolicy } }',
      { token: steward.token, variables: { id: networkId } },
    );
    expect(changed.data?.updateNetwork.joinPolicy).toBe('ASK_TO_JOIN');
    for (let i = 0; i < 12; i++) {
      const asker = await api.signUp(`Asker ${String(i).padStart(2, '0')}`);
      const asked = await api.graphql(ASK, { token: asker.token, variables: { id: networkId, about: `Line ${i}` } });
      expect(asked.data?.askToJoin).toMatchObject({ status: 'PENDING', person: { id: asker.id } });
      askers.push(asker);
    }
  });

  it('should list waiting requests with their people in the same number of statements for 2 as for 10', async () => {
    api.database.statements.length = 0;
    const small = await api.graphql(REQUESTS, { token: steward.token, variables: { slug, first: 2 } });
    const smallCount = api.database.statements.length;
    api.database.statements.length = 0;
    const large = await api.graphql(REQUESTS, { token: steward.token, variables: { slug, first: 10 } });
    expect(api.database.statements.length).toBe(smallCount);
    expect(small.data?.network).toMatchObject({
      joinPolicy: 'ASK_TO_JOIN',
      pendingJoinRequestCount: 12,
      joinRequests: { totalCount: 12, pageInfo: { hasNextPage: true } },
    });
    expect(large.data?.network.joinRequests.edges).toHaveLength(10);
    expect(small.data?.network.joinRequests.edges[0].node).toEqual({
      about: 'Line 0',
      status: 'PENDING',
      person: { id: askers[0]!.id, name: 'Asker 00' },
      network: { slug },
    });
  });

  it('should keep the list from anyone but stewards and organisers, and show each person where they stand', async () => {
    const asker = askers[1]!;
    const refused = await api.graphql(REQUESTS, { token: asker.token, variables: { slug } });
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const visitor = await api.graphql(MINE, { variables: { slug } });
    expect(visitor.data?.network).toEqual({
      joinPolicy: 'ASK_TO_JOIN',
      myStatus: null,
      myRole: null,
      myJoinRequest: null,
    });
    const waiting = await api.graphql(MINE, { token: asker.token, variables: { slug } });
    expect(waiting.data?.network).toMatchObject({
      myStatus: 'PENDING',
      myRole: null,
      myJoinRequest: { status: 'PENDING', answerNote: null },
    });

    const answer = await api.graphql(
      'mutation ($id: ID!) { answerJoinRequest(requestId: $id, approve: true, note: "Welcome") { status answerNote } }',
      { token: steward.token, variables: { id: waiting.data?.network.myJoinRequest.id } },
    );
    expect(answer.data?.answerJoinRequest).toEqual({ status: 'APPROVED', answerNote: 'Welcome' });
    const member = await api.graphql(MINE, { token: asker.token, variables: { slug } });
    expect(member.data?.network).toMatchObject({
      myStatus: 'ACTIVE',
      myRole: 'MEMBER',
      myJoinRequest: { status: 'APPROVED', answerNote: 'Welcome' },
    });
    const again = await api.graphql(
      'mutation ($id: ID!) { answerJoinRequest(requestId: $id, approve: false) { status } }',
      { token: steward.token, variables: { id: waiting.data?.network.myJoinRequest.id } },
    );
    expect(codes(again)).toEqual(['CONFLICT']);
    const joined = await api.graphql(
      'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
      { token: askers[2]!.token, variables: { id: networkId } },
    );
    expect(codes(joined)).toEqual(['FORBIDDEN']);
  });

  it('should show stewards and organisers, and no one else, whether a member is suspended', async () => {
    const query = /* GraphQL */ `
      query ($slug: String!, $id: ID!) {
        network(slug: $slug) {
          member(personId: $id) {
            status
            suspendedUntil
          }
        }
      }
    `;
    const asker = askers[3]!;
    const request = await api.graphql(MINE, { token: asker.token, variables: { slug } });
    await api.graphql('mutation ($id: ID!) { answerJoinRequest(requestId: $id, approve: true) { status } }', {
      token: steward.token,
      variables: { id: request.data?.network.myJoinRequest.id },
    });
    const seenBySteward = await api.graphql(query, { token: steward.token, variables: { slug, id: asker.id } });
    expect(seenBySteward.data?.network.member).toEqual({ status: 'ACTIVE', suspendedUntil: null });
    const seenByMember = await api.graphql(query, { token: askers[1]!.token, variables: { slug, id: asker.id } });
    expect(seenByMember.data?.network.member).toEqual({ status: null, suspendedUntil: null });
  });
});
