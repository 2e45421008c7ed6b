import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, SIGN_UP, signUp } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

/**
 * A form shows every problem at once (the GOV.UK error summary), so the API names every bad
 * field of an input in one answer: one BAD_USER_INPUT error per field, each with its field.
 */

const CREATE = /* GraphQL */ `
  mutation ($input: CreateNetworkInput!) {
    createNetwork(input: $input) {
      id
      placeName
      region
      latitude
      longitude
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation ($id: ID!, $input: UpdateNetworkInput!) {
    updateNetwork(networkId: $id, input: $input) {
      name
      placeName
      region
      latitude
      longitude
    }
  }
`;
const UPDATE_PROFILE = /* GraphQL */ `
  mutation ($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      name
    }
  }
`;

interface PlacedNetwork {
  id: string;
  name?: string;
  placeName: string;
  region: string;
  latitude: number;
  longitude: number;
}

/** Each error as the client reads it: field, code and message, in the order given. */
const fieldErrors = (errors: Array<{ message: string; extensions?: { code?: string; field?: string } }> | undefined) =>
  (errors ?? []).map((error) => ({
    field: error.extensions?.field,
    code: error.extensions?.code,
    message: error.message,
  }));

describe('every bad field at once', () => {
  let server: RunningServer;
  let token: string;

  const network = (changes: Record<string, unknown> = {}) => ({
    name: `Field Errors ${crypto.randomUUID().slice(0, 8)}`,
    placeName: 'Bristol',
    region: 'South West England',
    latitude: 51.4545,
    longitude: -2.5879,
    purpose: 'Peers for the digital people in small charities.',
    values: '',
    codeOfConduct: 'Be kind.',
    ...changes,
  });

  beforeAll(async () => {
    server = await startServer({ web: false });
    token = (await signUp(server.url, 'field-errors')).token;
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should name the email, the name and the password of an empty sign-up in one answer', async () => {
    const result = await graphql(server.url, SIGN_UP, { variables: { input: { email: '', name: '', password: '' } } });
    expect(result.status).toBe(200);
    expect(result.data).toBeNull();
    expect(fieldErrors(result.errors)).toEqual([
      { field: 'email', code: 'BAD_USER_INPUT', message: 'Enter your email address.' },
      { field: 'name', code: 'BAD_USER_INPUT', message: 'Enter the name you want to be shown by.' },
      { field: 'password', code: 'BAD_USER_INPUT', message: 'Use at least 8 characters.' },
    ]);
    // Each keeps the place of the failed field, as any field error does.
    expect(result.errors?.map((error) => (error as { path?: unknown }).path)).toEqual([
      ['signUp'],
      ['signUp'],
      ['signUp'],
    ]);
  });

  it('should still check the password of a sign-up whose email is malformed, and create nothing', async () => {
    const input = { email: 'not-an-email', name: 'Ada', password: 'password' };
    const result = await graphql(server.url, SIGN_UP, { variables: { input } });
    expect(fieldErrors(result.errors)).toEqual([
      { field: 'email', code: 'BAD_USER_INPUT', message: 'Enter an email address like name@example.org.' },
      {
        field: 'password',
        code: 'BAD_USER_INPUT',
        message: 'This password is one of the most commonly used, so it is easy to guess. Choose another.',
      },
    ]);
  });

  it('should name both bad fields of a new network', async () => {
    const result = await graphql(server.url, CREATE, {
      token,
      variables: { input: network({ name: '  ', latitude: 200 }) },
    });
    expect(result.data).toBeNull();
    expect(fieldErrors(result.errors)).toEqual([
      { field: 'name', code: 'BAD_USER_INPUT', message: "Enter the network's name." },
      { field: 'latitude', code: 'BAD_USER_INPUT', message: 'The latitude must be between -90 and 90 degrees.' },
    ]);
  });

  it('should place a network started in "Sheffield" from the town name alone, with its region', async () => {
    const input = network({ placeName: 'Sheffield', latitude: undefined, longitude: undefined, region: undefined });
    const result = await graphql<{ createNetwork: PlacedNetwork }>(server.url, CREATE, { token, variables: { input } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createNetwork).toMatchObject({
      placeName: 'Sheffield',
      region: 'England',
      latitude: 53.38297,
      longitude: -1.4659,
    });
  });

  it('should keep coordinates given with the town name, as the map position set by hand', async () => {
    const input = network({ placeName: 'Sheffield', latitude: 53.4, longitude: -1.5, region: 'South Yorkshire' });
    const result = await graphql<{ createNetwork: PlacedNetwork }>(server.url, CREATE, { token, variables: { input } });
    expect(result.data?.createNetwork).toMatchObject({
      placeName: 'Sheffield',
      region: 'South Yorkshire',
      latitude: 53.4,
      longitude: -1.5,
    });
  });

  it('should refuse a town it does not know on placeName, saying how to go on, alongside other problems', async () => {
    const input = network({ name: '', placeName: 'Qwxzzyton', latitude: null, longitude: null });
    const result = await graphql(server.url, CREATE, { token, variables: { input } });
    expect(fieldErrors(result.errors)).toEqual([
      { field: 'name', code: 'BAD_USER_INPUT', message: "Enter the network's name." },
      {
        field: 'placeName',
        code: 'BAD_USER_INPUT',
        message:
          'We could not find a town or city called "Qwxzzyton". Check the spelling, or try the nearest larger town. Or give its latitude and longitude yourself.',
      },
    ]);
  });

  it('should ask for the region of a place it does not know, when the position is set by hand', async () => {
    const input = network({ placeName: 'North Powys', region: ' ', latitude: 52.5, longitude: -3.4 });
    const result = await graphql(server.url, CREATE, { token, variables: { input } });
    expect(fieldErrors(result.errors)).toEqual([
      {
        field: 'region',
        code: 'BAD_USER_INPUT',
        message:
          'Enter the region: Hearth fills it in only for towns and cities it knows, and "North Powys" is not one.',
      },
    ]);
  });

  it('should offer close names for a misspelt town', async () => {
    const input = network({ placeName: 'Manchster', latitude: null, longitude: null });
    const result = await graphql(server.url, CREATE, { token, variables: { input } });
    const [error, ...others] = fieldErrors(result.errors);
    expect(others).toEqual([]);
    expect(error).toMatchObject({ field: 'placeName', code: 'BAD_USER_INPUT' });
    expect(error?.message).toMatch(/^We could not find a town or city called "Manchster"\. Did you mean .*Manchester/);
  });

  it('should refuse half a map position, naming the missing half', async () => {
    const input = network({ placeName: 'Sheffield', latitude: 53.4, longitude: null });
    const result = await graphql(server.url, CREATE, { token, variables: { input } });
    expect(fieldErrors(result.errors)).toEqual([
      {
        field: 'longitude',
        code: 'BAD_USER_INPUT',
        message: 'Enter the longitude too, or leave both blank to use the position of the town or city.',
      },
    ]);
  });

  it('should move a network to a new town named without coordinates, and keep its position otherwise', async () => {
    const created = await graphql<{ createNetwork: PlacedNetwork }>(server.url, CREATE, {
      token,
      variables: { input: network({ placeName: 'North Powys', region: 'Wales', latitude: 52.5, longitude: -3.4 }) },
    });
    const id = created.data!.createNetwork.id;

    // The same place name sent back, as the form does: the position set by hand stays.
    const renamed = await graphql<{ updateNetwork: PlacedNetwork }>(server.url, UPDATE, {
      token,
      variables: { id, input: { name: 'Powys Digital', placeName: 'North Powys', region: 'Wales' } },
    });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.updateNetwork).toMatchObject({ placeName: 'North Powys', latitude: 52.5, longitude: -3.4 });

    const moved = await graphql<{ updateNetwork: PlacedNetwork }>(server.url, UPDATE, {
      token,
      variables: { id, input: { placeName: 'York', region: 'North Yorkshire' } },
    });
    expect(moved.data?.updateNetwork).toMatchObject({
      placeName: 'York',
      region: 'North Yorkshire',
      latitude: 53.95763,
      longitude: -1.08271,
    });

    const refused = await graphql(server.url, UPDATE, {
      token,
      variables: { id, input: { name: '', placeName: 'Qwxzzyton', latitude: 95 } },
    });
    expect(fieldErrors(refused.errors).map((error) => error.field)).toEqual(['name', 'latitude', 'longitude']);
  });

  it('should name every bad field of a profile change', async () => {
    const result = await graphql(server.url, UPDATE_PROFILE, {
      token,
      variables: { input: { name: ' ', pronouns: 'x'.repeat(41), roleTitle: 'y'.repeat(121) } },
    });
    expect(fieldErrors(result.errors)).toEqual([
      { field: 'name', code: 'BAD_USER_INPUT', message: 'Enter the name you want to be shown by.' },
      { field: 'pronouns', code: 'BAD_USER_INPUT', message: 'Keep the pronouns to 40 characters or fewer.' },
      { field: 'roleTitle', code: 'BAD_USER_INPUT', message: 'Keep the role title to 120 characters or fewer.' },
    ]);
  });
});
