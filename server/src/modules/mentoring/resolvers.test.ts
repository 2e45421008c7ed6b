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

  it('should post, show and close a lead’s need, and keep it from others', async () => {
    const lead = await api.signUp('Nia Needs');
    const other = await api.signUp('Otto Other');
    const network = await api.startNetwork(lead.token);
    const NEED_FIELDS = 'id title firstCallBrief skills formats urgency status network { slug } closedAt';
    const posted = await api.graphql(
      `mutation ($input: PostNeedInput!) { postNeed(input: $input) { ${NEED_FIELDS} } }`,
      {
        token: lead.token,
        variables: {
          input: {
            title: 'A CRM for 200 volunteers',
            description: 'We track volunteers in three spreadsheets.',
            firstCallBrief: 'Which CRM, and how to start small.',
            categories: ['EXPANDING_POSSIBILITY'],
            skills: ['CRM setup'],
            formats: ['PHONE'],
            urgency: 'NO_RUSH',
            networkId: network.id,
          },
        },
      },
    );
    const need = posted.data?.postNeed;
    expect(need).toEqual({
      id: expect.any(String),
      title: 'A CRM for 200 volunteers',
      firstCallBrief: 'Which CRM, and how to start small.',
      skills: ['CRM setup'],
      formats: ['PHONE'],
      urgency: 'NO_RUSH',
      status: 'OPEN',
      network: { slug: network.slug },
      closedAt: null,
    });
    const read = `query ($id: ID!) { need(id: $id) { title } }`;
    expect((await api.graphql(read, { token: lead.token, variables: { id: need.id } })).data).toEqual({
      need: { title: 'A CRM for 200 volunteers' },
    });
    expect(codes(await api.graphql(read, { token: other.token, variables: { id: need.id } }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.graphql(read, { variables: { id: need.id } }))).toEqual(['UNAUTHENTICATED']);
    expect((await api.graphql('query { myNeeds { id } }', { token: other.token })).data).toEqual({ myNeeds: [] });

    const close = 'mutation ($id: ID!) { closeNeed(needId: $id) { status } }';
    expect(codes(await api.graphql(close, { token: other.token, variables: { id: need.id } }))).toEqual(['NOT_FOUND']);
    expect((await api.graphql(close, { token: lead.token, variables: { id: need.id } })).data).toEqual({
      closeNeed: { status: 'CLOSED' },
    });
    expect((await api.graphql('query { myNeeds { status } }', { token: lead.token })).data).toEqual({
      myNeeds: [{ status: 'CLOSED' }],
    });
  });
});
