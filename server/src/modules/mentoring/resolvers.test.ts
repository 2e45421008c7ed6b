import { describe, expect, it } from 'vitest';
import { errorCodes as codes, useTestApp } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';

// Mentor offers over GraphQL: the contract's names, field errors, and who may see what.

const OFFER_FIELDS = `mentor { id name isMentor } skills categories formats placeName radiusKm capacity commitment
  visibleTo paused activeMentees freePlaces`;
const UPSERT = `mutation ($input: MentorOfferInput!) { upsertMentorOffer(input: $input) { ${OFFER_FIELDS} } }`;
const PAUSE = `mutation ($paused: Boolean!) { pauseMentorOffer(paused: $paused) { paused freePlaces } }`;
const MINE = `query { myMentorOffer { ${OFFER_FIELDS} } }`;

const INPUT = {
  skills: ['WordPress', 'SEO'],
  categories: ['HANDS_ON_SUPPORT'],
  formats: ['VIDEO', 'PHONE'],
  capacity: 2,
  commitment: 'Two calls a month',
  promiseNoSelling: true,
};

describe.each(DATABASE_KINDS)('mentor offers over GraphQL on %s', (kind) => {
  const api = useTestApp(kind);

  it('should publish, show and pause the signed-in person’s offer', async () => {
    const mentor = await api.signUp('Wren Wordpress');
    expect((await api.graphql(MINE, { token: mentor.token })).data).toEqual({ myMentorOffer: null });
    const published = await api.graphql(UPSERT, { token: mentor.token, variables: { input: INPUT } });
    const expected = {
      mentor: { id: mentor.id, name: 'Wren Wordpress', isMentor: true },
      skills: ['WordPress', 'SEO'],
      categories: ['HANDS_ON_SUPPORT'],
      formats: ['VIDEO', 'PHONE'],
      placeName: null,
      radiusKm: null,
      capacity: 2,
      commitment: 'Two calls a month',
      visibleTo: 'SIGNED_IN',
      paused: false,
      activeMentees: 0,
      freePlaces: 2,
    };
    expect(published).toEqual({ data: { upsertMentorOffer: expected } });
    expect((await api.graphql(MINE, { token: mentor.token })).data).toEqual({ myMentorOffer: expected });
    expect((await api.graphql(PAUSE, { token: mentor.token, variables: { paused: true } })).data).toEqual({
      pauseMentorOffer: { paused: true, freePlaces: 2 },
    });
  });

  it('should name each field at fault, and refuse signed-out callers', async () => {
    const mentor = await api.signUp('Fay Fields');
    const refused = await api.graphql(UPSERT, {
      token: mentor.token,
      variables: { input: { ...INPUT, capacity: 0, promiseNoSelling: false } },
    });
    expect(refused.data).toBeNull();
    expect(refused.errors?.map((error) => [error.extensions.code, error.extensions.field])).toEqual([
      ['BAD_USER_INPUT', 'capacity'],
      ['BAD_USER_INPUT', 'promiseNoSelling'],
    ]);
    expect((await api.graphql(MINE, { token: mentor.token })).data).toEqual({ myMentorOffer: null });
    expect(codes(await api.graphql(UPSERT, { variables: { input: INPUT } }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await api.graphql(MINE))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await api.graphql(PAUSE, { token: mentor.token, variables: { paused: true } }))).toEqual([
      'NOT_FOUND',
    ]);
  });
});
