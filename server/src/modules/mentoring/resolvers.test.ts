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

  it('should post a need addressed to a mentor, or refuse it naming mentorId and post nothing', async () => {
    const mentor = await api.signUp('Abe Askme');
    await api.graphql(UPSERT, { token: mentor.token, variables: { input: INPUT } });
    const lead = await api.signUp('Ida Asking');
    const POST = `mutation ($input: PostNeedInput!) { postNeed(input: $input) {
      title requests { status message mentor { name } } } }`;
    const input = (mentorId: string) => ({
      title: 'Our website is slow',
      description: 'Pages take ten seconds.',
      firstCallBrief: 'Where should we look first?',
      categories: [],
      skills: ['WordPress'],
      formats: ['VIDEO'],
      urgency: 'NO_RUSH',
      askMentor: { mentorId, message: 'Saw your profile: could you help?' },
    });
    expect((await api.graphql(POST, { token: lead.token, variables: { input: input(mentor.id) } })).data).toEqual({
      postNeed: {
        title: 'Our website is slow',
        requests: [{ status: 'PENDING', message: 'Saw your profile: could you help?', mentor: { name: 'Abe Askme' } }],
      },
    });
    const refused = await api.graphql(POST, { token: lead.token, variables: { input: input(lead.id) } });
    expect(refused.data).toBeNull();
    expect(refused.errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([
      ['BAD_USER_INPUT', 'mentorId'],
    ]);
    const mine = await api.graphql('query { myNeeds { title } }', { token: lead.token });
    expect(mine.data).toEqual({ myNeeds: [{ title: 'Our website is slow' }] });
  });

  it('should carry a request from lead to mentor and back, and list needs in as many statements for 1 as for 6', async () => {
    const skill = `skill-${crypto.randomUUID().slice(0, 8)}`;
    const mentor = await api.signUp('Mel Mentor');
    await api.graphql(UPSERT, {
      token: mentor.token,
      variables: { input: { ...INPUT, skills: [skill], capacity: 10 } },
    });
    const lead = await api.signUp('Lia Lead');
    const POST = 'mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }';
    const needInput = (title: string) => ({
      title,
      description: 'Help',
      firstCallBrief: 'What to try first',
      categories: ['HANDS_ON_SUPPORT'],
      skills: [skill],
      formats: ['VIDEO'],
      urgency: 'THIS_WEEK',
    });
    const needId = (await api.graphql(POST, { token: lead.token, variables: { input: needInput('Need 0') } })).data
      ?.postNeed.id as string;

    const SUGGEST = `query ($id: ID!) { need(id: $id) { suggestions(first: 50) { mentor { id name } score reasons } } }`;
    const suggestions = (await api.graphql(SUGGEST, { token: lead.token, variables: { id: needId } })).data?.need
      .suggestions as Array<{ mentor: { id: string; name: string }; score: number; reasons: string[] }>;
    const mel = suggestions.find((s) => s.mentor.id === mentor.id)!;
    expect(mel.mentor.name).toBe('Mel Mentor');
    expect(mel.reasons[0]).toBe(`knows ${skill}`);

    const ASK = `mutation ($need: ID!, $mentor: ID!, $message: String!) {
      requestMentor(needId: $need, mentorId: $mentor, message: $message) { id status } }`;
    const asked = await api.graphql(ASK, {
      token: lead.token,
      variables: { need: needId, mentor: mentor.id, message: 'Could we talk on Tuesday?' },
    });
    const requestId = asked.data?.requestMentor.id as string;
    expect(asked.data?.requestMentor.status).toBe('PENDING');
    const self = await api.graphql(ASK, {
      token: lead.token,
      variables: { need: needId, mentor: lead.id, message: '' },
    });
    expect(self.errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([['BAD_USER_INPUT', 'mentorId']]);

    // The mentor reads the need and its brief through the request; a stranger cannot.
    const READ = `query ($id: ID!) { mentorshipRequest(id: $id) { message lead { name } need { title firstCallBrief } } }`;
    expect((await api.graphql(READ, { token: mentor.token, variables: { id: requestId } })).data).toEqual({
      mentorshipRequest: {
        message: 'Could we talk on Tuesday?',
        lead: { name: 'Lia Lead' },
        need: { title: 'Need 0', firstCallBrief: 'What to try first' },
      },
    });
    const stranger = await api.signUp('Stan Stranger');
    expect(codes(await api.graphql(READ, { token: stranger.token, variables: { id: requestId } }))).toEqual([
      'NOT_FOUND',
    ]);

    const ANSWER = `mutation ($id: ID!, $accept: Boolean!) {
      respondToRequest(requestId: $id, accept: $accept, message: "Yes") { status responseNote } }`;
    expect(codes(await api.graphql(ANSWER, { token: lead.token, variables: { id: requestId, accept: true } }))).toEqual(
      ['FORBIDDEN'],
    );
    expect(
      (await api.graphql(ANSWER, { token: mentor.token, variables: { id: requestId, accept: true } })).data,
    ).toEqual({ respondToRequest: { status: 'ACCEPTED', responseNote: 'Yes' } });
    expect(
      codes(await api.graphql(ANSWER, { token: mentor.token, variables: { id: requestId, accept: false } })),
    ).toEqual(['CONFLICT']);

    // The dashboard's list of needs, each with its requests and their people, costs the same for more needs.
    const LIST = `query { myNeeds { title status network { name } requests { status mentor { name } lead { name } } } }`;
    const mentoringReads = () =>
      api.database.statements.filter((s) => /"(needs|mentorship_requests|users|profiles)"/.test(s));
    api.database.statements.length = 0;
    const one = await api.graphql(LIST, { token: lead.token });
    const oneCount = mentoringReads().length;
    expect(oneCount).toBeGreaterThan(0);
    for (let i = 1; i < 6; i += 1) {
      const id = (await api.graphql(POST, { token: lead.token, variables: { input: needInput(`Need ${i}`) } })).data
        ?.postNeed.id;
      await api.graphql(ASK, { token: lead.token, variables: { need: id, mentor: mentor.id, message: 'Hello' } });
    }
    api.database.statements.length = 0;
    const six = await api.graphql(LIST, { token: lead.token });
    expect(one.data?.myNeeds).toHaveLength(1);
    expect(six.data?.myNeeds).toHaveLength(6);
    expect(six.data?.myNeeds[0].requests).toEqual([
      { status: 'PENDING', mentor: { name: 'Mel Mentor' }, lead: { name: 'Lia Lead' } },
    ]);
    expect(mentoringReads().length).toBe(oneCount);
  });

  it('should preview and confirm a matching round for a steward, not a member', async () => {
    const skill = `skill-${crypto.randomUUID().slice(0, 8)}`;
    const steward = await api.signUp('Stew Ard');
    const network = await api.startNetwork(steward.token);
    const JOIN = 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }';
    const mentor = await api.signUp('Rita Round');
    const lead = await api.signUp('Len Lead');
    for (const who of [mentor, lead]) await api.graphql(JOIN, { token: who.token, variables: { id: network.id } });
    await api.graphql(UPSERT, { token: mentor.token, variables: { input: { ...INPUT, skills: [skill] } } });
    const posted = await api.graphql('mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }', {
      token: lead.token,
      variables: {
        input: {
          title: 'Round need',
          description: 'Help',
          firstCallBrief: 'Start',
          categories: [],
          skills: [skill],
          formats: ['VIDEO'],
          urgency: 'THIS_WEEK',
          networkId: network.id,
        },
      },
    });
    const needId = posted.data?.postNeed.id as string;
    const PREVIEW = `query ($n: ID!) { previewMatchingRound(networkId: $n) {
      pairs { need { title } mentor { name } score reasons } unmatched { need { title } reason } totalScore greedyScore
      mentors { mentor { name } freePlaces pairCount } } }`;
    const peopleReads = () => api.database.statements.filter((s) => /"(users|profiles)"/.test(s)).length;
    api.database.statements.length = 0;
    const preview = (await api.graphql(PREVIEW, { token: steward.token, variables: { n: network.id } })).data
      ?.previewMatchingRound;
    const readsForOne = peopleReads();
    expect(readsForOne).toBeGreaterThan(0);
    expect(
      preview.pairs.map((p: { need: { title: string }; mentor: { name: string } }) => [p.need.title, p.mentor.name]),
    ).toEqual([['Round need', 'Rita Round']]);
    expect(preview.totalScore).toBe(preview.greedyScore);
    expect(preview.mentors).toEqual([{ mentor: { name: 'Rita Round' }, freePlaces: 2, pairCount: 1 }]);
    // Mentors the round pairs with nothing are listed too, and their people read in the same statements.
    for (const name of ['Una Unpaired', 'Vic Unpaired']) {
      const other = await api.signUp(name);
      await api.graphql(JOIN, { token: other.token, variables: { id: network.id } });
      await api.graphql(UPSERT, { token: other.token, variables: { input: { ...INPUT, skills: ['Knitting'] } } });
    }
    api.database.statements.length = 0;
    const wider = (await api.graphql(PREVIEW, { token: steward.token, variables: { n: network.id } })).data
      ?.previewMatchingRound;
    expect(peopleReads()).toBe(readsForOne);
    expect(
      wider.mentors
        .map((m: { mentor: { name: string }; pairCount: number }) => `${m.mentor.name} ${m.pairCount}`)
        .sort(),
    ).toEqual(['Rita Round 1', 'Una Unpaired 0', 'Vic Unpaired 0']);
    expect(codes(await api.graphql(PREVIEW, { token: lead.token, variables: { n: network.id } }))).toEqual([
      'FORBIDDEN',
    ]);

    const CONFIRM = `mutation ($n: ID!, $pairs: [MatchingPairInput!]!) { confirmMatchingRound(networkId: $n, pairs: $pairs) {
      pairCount requests { status mentor { name } need { title } } } }`;
    const pairs = [{ needId, mentorId: mentor.id }];
    expect(codes(await api.graphql(CONFIRM, { token: lead.token, variables: { n: network.id, pairs } }))).toEqual([
      'FORBIDDEN',
    ]);
    const CONFIRM_WITH = `mutation ($n: ID!, $pairs: [MatchingPairInput!]!, $message: String) {
      confirmMatchingRound(networkId: $n, pairs: $pairs, message: $message) { pairCount } }`;
    const tooLong = await api.graphql(CONFIRM_WITH, {
      token: steward.token,
      variables: { n: network.id, pairs, message: 'x'.repeat(2001) },
    });
    expect(tooLong.errors?.map((e) => [e.extensions.code, e.extensions.field])).toEqual([
      ['BAD_USER_INPUT', 'message'],
    ]);
    expect((await api.graphql(CONFIRM, { token: steward.token, variables: { n: network.id, pairs } })).data).toEqual({
      confirmMatchingRound: {
        pairCount: 1,
        requests: [{ status: 'PENDING', mentor: { name: 'Rita Round' }, need: { title: 'Round need' } }],
      },
    });
  });
});
