import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const NEAR = /* GraphQL */ `
  query ($placeName: String) {
    networks(filter: { placeName: $placeName }, first: 1) {
      nearPlace {
        name
        region
        country
        countryName
      }
    }
  }
`;
const CLOSE = /* GraphQL */ `
  query ($name: String!, $first: Int) {
    closePlaces(name: $name, first: $first) {
      name
      region
      country
      countryName
    }
  }
`;

interface PlaceAnswer {
  name: string;
  region: string | null;
  country: string;
  countryName: string;
}

describe('finding a place over HTTP', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should name the country of the place the directory is sorted from', async () => {
    const paris = await graphql<{ networks: { nearPlace: PlaceAnswer } }>(server.url, NEAR, {
      variables: { placeName: 'Paris' },
    });
    expect(paris.data?.networks.nearPlace).toEqual({
      name: 'Paris',
      region: 'Île-de-France',
      country: 'FR',
      countryName: 'France',
    });
    const perth = await graphql<{ networks: { nearPlace: PlaceAnswer } }>(server.url, NEAR, {
      variables: { placeName: 'Perth' },
    });
    expect(perth.data?.networks.nearPlace).toEqual({
      name: 'Perth',
      region: 'Scotland',
      country: 'GB',
      countryName: 'United Kingdom',
    });
  });

  it('should offer the UK place a misspelt town is closest to, in the error and as places', async () => {
    const typo = await graphql(server.url, NEAR, { variables: { placeName: 'Manchster' } });
    expect(typo.errors).toEqual([
      {
        message: 'We could not find a town or city called "Manchster". Did you mean Manchester?',
        locations: expect.any(Array),
        path: ['networks'],
        extensions: { code: 'BAD_USER_INPUT', field: 'placeName' },
      },
    ]);
    const close = await graphql<{ closePlaces: PlaceAnswer[] }>(server.url, CLOSE, {
      variables: { name: 'Manchster' },
    });
    expect(close.data?.closePlaces).toEqual([
      { name: 'Manchester', region: 'England', country: 'GB', countryName: 'United Kingdom' },
    ]);
  });

  it('should offer nothing when no UK place is close, and refuse a page size out of range', async () => {
    const none = await graphql<{ closePlaces: PlaceAnswer[] }>(server.url, CLOSE, { variables: { name: 'Qqqxz' } });
    expect(none.data?.closePlaces).toEqual([]);
    const tooMany = await graphql(server.url, CLOSE, { variables: { name: 'Leds', first: 11 } });
    expect(tooMany.errors?.map((error) => [error.extensions?.code, error.extensions?.field, error.message])).toEqual([
      ['BAD_USER_INPUT', 'first', 'Ask for between 1 and 10 places at a time.'],
    ]);
  });
});
