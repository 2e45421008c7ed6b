import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedUpOverGraphql } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';

// Contact details over GraphQL: shared between the two sides of an accepted request, and nowhere else.

const OFFER = {
  skills: ['Airtable'],
  categories: ['HANDS_ON_SUPPORT'],
  formats: ['VIDEO'],
  capacity: 10,
  commitment: 'Two calls a month',
  promiseNoSelling: true,
};

const NEED = {
  description: 'Help',
  firstCallBrief: 'What to try first',
  categories: ['HANDS_ON_SUPPORT'],
  skills: ['Airtable'],
  formats: ['VIDEO'],
  urgency: 'THIS_WEEK',
};

const UPSERT = 'mutation ($input: MentorOfferInput!) { upsertMentorOffer(input: $input) { capacity } }';
const POST = 'mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }';
const ASK = `mutation ($need: ID!, $mentor: ID!) {
  requestMentor(needId: $need, mentorId: $mentor, message: "Hello") { id mentorship { id } } }`;
const ANSWER = `mutation ($id: ID!) { respondToRequest(requestId: $id, accept: true) { mentorship { id contactEmail } } }`;
const MENTORSHIP = 'query ($id: ID!) { mentorship(id: $id) { status contactEmail } }';
const CLOSE = 'mutation ($id: ID!) { closeMentorship(mentorshipId: $id, note: "Thank you") { status contactEmail } }';

describe.each(DATABASE_KINDS)('mentorship contact details on %s', (kind) => {
  const api = useTestApp(kind);

  async function accepted(mentor: SignedUpOverGraphql, lead: SignedUpOverGraphql, title: string) {
    const needId = (await api.graphql(POST, { token: lead.token, variables: { input: { ...NEED, title } } })).data
      ?.postNeed.id as string;
    const asked = await api.graphql(ASK, { token: lead.token, variables: { need: needId, mentor: mentor.id } });
    expect(asked.data?.requestMentor.mentorship).toBeNull();
    const answered = await api.graphql(ANSWER, {
      token: mentor.token,
      variables: { id: asked.data?.requestMentor.id },
    });
    return answered.data?.respondToRequest.mentorship as { id: string; contactEmail: string | null };
  }

  it('should give each side the other’s address once accepted, and nobody’s once closed', async () => {
    const mentor = await api.signUp('Cora Contact');
    const lead = await api.signUp('Lars Lead');
    const stranger = await api.signUp('Stella Stranger');
    await api.graphql(UPSERT, { token: mentor.token, variables: { input: OFFER } });
    const mentorship = await accepted(mentor, lead, 'Airtable for our volunteers');
    expect(mentorship.contactEmail).toBe(lead.email);

    const read = async (who: SignedUpOverGraphql) =>
      (await api.graphql(MENTORSHIP, { token: who.token, variables: { id: mentorship.id } })).data?.mentorship;
    expect(await read(mentor)).toEqual({ status: 'ACTIVE', contactEmail: lead.email });
    expect(await read(lead)).toEqual({ status: 'ACTIVE', contactEmail: mentor.email });
    expect(await read(stranger)).toBeUndefined();
    const dashboard = `query { myMentoring { mentorships { contactEmail }
      requestsOut { mentorship { contactEmail } } requestsIn { mentorship { contactEmail } } } }`;
    expect((await api.graphql(dashboard, { token: lead.token })).data?.myMentoring).toEqual({
      mentorships: [{ contactEmail: mentor.email }],
      requestsOut: [{ mentorship: { contactEmail: mentor.email } }],
      requestsIn: [],
    });

    const closed = await api.graphql(CLOSE, { token: mentor.token, variables: { id: mentorship.id } });
    expect(closed.data?.closeMentorship).toEqual({ status: 'CLOSED', contactEmail: null });
    expect(await read(lead)).toEqual({ status: 'CLOSED', contactEmail: null });
    expect(await read(mentor)).toEqual({ status: 'CLOSED', contactEmail: null });
  });

  it('should read every mentorship’s address in as many statements for 1 as for 4', async () => {
    const mentor = await api.signUp('Moe Many');
    await api.graphql(UPSERT, { token: mentor.token, variables: { input: OFFER } });
    const leads = [await api.signUp('Lead One')];
    await accepted(mentor, leads[0]!, 'Need 1');
    const LIST = 'query { myMentoring { mentorships { mentee { name } contactEmail } } }';
    const userReads = () => api.database.statements.filter((s) => /"users"/.test(s)).length;
    api.database.statements.length = 0;
    const one = await api.graphql(LIST, { token: mentor.token });
    const oneCount = userReads();
    for (let i = 2; i <= 4; i += 1) {
      const lead = await api.signUp(`Lead ${i}`);
      leads.push(lead);
      await accepted(mentor, lead, `Need ${i}`);
    }
    api.database.statements.length = 0;
    const four = await api.graphql(LIST, { token: mentor.token });
    expect(one.data?.myMentoring.mentorships).toEqual([
      { mentee: { name: 'Lead One' }, contactEmail: leads[0]!.email },
    ]);
    expect(four.data?.myMentoring.mentorships).toHaveLength(4);
    expect(new Set(four.data?.myMentoring.mentorships.map((m: { contactEmail: string }) => m.contactEmail))).toEqual(
      new Set(leads.map((lead) => lead.email)),
    );
    expect(userReads()).toBe(oneCount);
  });

  it('should carry no email address on offers, needs, suggestions, requests or rounds', async () => {
    const introspection = await api.graphql('query { __schema { types { name fields { name } } } }');
    const types = introspection.data?.__schema.types as Array<{ name: string; fields: Array<{ name: string }> | null }>;
    const mentoringTypes = [
      'MentorOffer',
      'Need',
      'MentorSuggestion',
      'MentorshipRequest',
      'Mentorship',
      'CheckIn',
      'MentorshipOutcome',
      'MatchingPair',
      'UnmatchedNeed',
      'MatchingRoundPreview',
      'MatchingRound',
      'MyMentoring',
      'Person',
    ];
    const withEmail = types
      .filter((type) => mentoringTypes.includes(type.name))
      .flatMap((type) => (type.fields ?? []).map((field) => `${type.name}.${field.name}`))
      .filter((field) => /mail/i.test(field));
    expect(withEmail).toEqual(['Mentorship.contactEmail']);
  });
});
