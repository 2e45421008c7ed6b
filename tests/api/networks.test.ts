import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, graphql, signUp } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateNetworkInput!) {
    createNetwork(input: $input) {
      id
      slug
    }
  }
`;
const FIND = /* GraphQL */ `
  query ($search: String) {
    networks(filter: { search: $search }) {
      totalCount
    }
  }
`;

describe('networks over HTTP: bad input gets a clear error and writes nothing', () => {
  let server: RunningServer;
  let token: string;
  const word = `Brackwater${crypto
    .randomUUID()
    .slice(0, 6)
    .replace(/[^a-z]/g, 'x')}`;
  const input = (changes: Record<string, unknown> = {}) => ({
    name: `${word} Digital`,
    placeName: 'Bristol',
    region: 'South West England',
    latitude: 51.4545,
    longitude: -2.5879,
    purpose: 'Peers for the digital people in small charities.',
    values: '',
    codeOfConduct: 'Be kind.',
    ...changes,
  });
  const networksNamed = async () =>
    (await graphql<{ networks: { totalCount: number } }>(server.url, FIND, { variables: { search: word } })).data
      ?.networks.totalCount;

  beforeAll(async () => {
    server = await startServer({ web: false });
    token = (await signUp(server.url, 'networks-api')).token;
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['an empty name', { name: '   ' }, 'name', /name/],
    ['a purpose over 2,000 characters', { purpose: 'x'.repeat(2001) }, 'purpose', /2,000 characters/],
    ['latitude 200', { latitude: 200 }, 'latitude', /between -90 and 90/],
    ['longitude -181', { longitude: -181 }, 'longitude', /between -180 and 180/],
    ['an empty code of conduct', { codeOfConduct: '' }, 'codeOfConduct', /code of conduct/],
  ])('should refuse %s, naming the field', async (_label, changes, field, message) => {
    const result = await graphql(server.url, CREATE, { token, variables: { input: input(changes) } });
    expect(result.status).toBe(200);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(message),
        extensions: { code: 'BAD_USER_INPUT', field },
      }),
    ]);
    expect(await networksNamed()).toBe(0);
  });

  it('should refuse a 10 MB purpose before reading it, with the limit in words', async () => {
    const result = await graphql(server.url, CREATE, {
      token,
      variables: { input: input({ purpose: 'x'.repeat(10 * 1024 * 1024) }) },
    });
    expect(result.status).toBe(413);
    expect(result.errors).toEqual([
      { message: 'The request body is too large; the limit is 100 KB.', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(await networksNamed()).toBe(0);
  });

  it('should refuse an unknown stage without echoing it, and a duplicate address naming the name', async () => {
    const created = await graphql<{ createNetwork: { id: string } }>(server.url, CREATE, {
      token,
      variables: { input: input() },
    });
    const id = created.data!.createNetwork.id;
    const stage = await graphql(
      server.url,
      'mutation ($id: ID!, $stage: LifecycleStage!) { setLifecycleStage(networkId: $id, stage: $stage, note: "x") { id } }',
      { token, variables: { id, stage: 'THRIVING' } },
    );
    expect(codes(stage)).toEqual(['BAD_USER_INPUT']);
    expect(stage.errors?.[0]).toMatchObject({
      message: 'Invalid value for "$stage": Expected one of the LifecycleStage values.',
      extensions: { code: 'BAD_USER_INPUT', field: 'stage' },
    });

    const again = await graphql(server.url, CREATE, {
      token,
      variables: { input: input({ name: `${word.toUpperCase()} digital` }) },
    });
    expect(again.errors?.[0]?.extensions).toEqual({ code: 'CONFLICT', field: 'name' });
    expect(again.errors?.[0]?.message).toMatch(/already has the address/);
    expect(await networksNamed()).toBe(1);
  });
});
