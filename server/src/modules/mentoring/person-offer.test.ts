import { describe, expect, it } from 'vitest';
import { useTestApp, type SignedUpOverGraphql } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';

// Person.mentorOffer over GraphQL: what a profile or a member list shows of someone's offer.

const OFFER = {
  skills: ['Canva'],
  categories: ['QUICK_TIP'],
  formats: ['VIDEO'],
  capacity: 2,
  commitment: 'An hour a month',
  promiseNoSelling: true,
};

const UPSERT = 'mutation ($input: MentorOfferInput!) { upsertMentorOffer(input: $input) { capacity } }';
const JOIN = 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }';
const PERSON = 'query ($id: ID!) { person(id: $id) { name mentorOffer { commitment paused freePlaces visibleTo } } }';

describe.each(DATABASE_KINDS)('a person’s mentor offer on %s', (kind) => {
  const api = useTestApp(kind);

  async function mentorWith(name: string, input: Partial<typeof OFFER> & { visibleTo?: string } = {}) {
    const mentor = await api.signUp(name);
    await api.graphql(UPSERT, { token: mentor.token, variables: { input: { ...OFFER, ...input } } });
    return mentor;
  }

  const offerOf = async (person: SignedUpOverGraphql, viewer?: SignedUpOverGraphql) =>
    (await api.graphql(PERSON, { variables: { id: person.id }, ...(viewer && { token: viewer.token }) })).data?.person
      ?.mentorOffer;

  it('should show an open offer to anyone signed in, and a paused one as paused', async () => {
    const mentor = await mentorWith('Olive Open');
    const viewer = await api.signUp('Vic Viewer');
    expect(await offerOf(mentor, viewer)).toEqual({
      commitment: 'An hour a month',
      paused: false,
      freePlaces: 2,
      visibleTo: 'SIGNED_IN',
    });
    await api.graphql('mutation { pauseMentorOffer(paused: true) { paused } }', { token: mentor.token });
    expect(await offerOf(mentor, viewer)).toMatchObject({ paused: true, freePlaces: 2 });
    expect(await offerOf(mentor, mentor)).toMatchObject({ paused: true });
    // Signed out: the name, never the offer.
    const signedOut = await api.graphql(PERSON, { variables: { id: mentor.id } });
    expect(signedOut).toEqual({ data: { person: { name: 'Olive Open', mentorOffer: null } } });
    expect(await offerOf(viewer, viewer)).toBeNull();
  });

  it('should show an offer limited to shared networks only to people sharing one, and to its mentor', async () => {
    const mentor = await mentorWith('Nell Network', { visibleTo: 'SHARED_NETWORKS' });
    const fellow = await api.signUp('Fay Fellow');
    const outsider = await api.signUp('Otis Outsider');
    const network = await api.startNetwork(fellow.token);
    expect(await offerOf(mentor, fellow)).toBeNull();
    await api.graphql(JOIN, { token: mentor.token, variables: { id: network.id } });
    expect(await offerOf(mentor, fellow)).toMatchObject({ visibleTo: 'SHARED_NETWORKS', paused: false });
    expect(await offerOf(mentor, outsider)).toBeNull();
    expect(await offerOf(mentor, mentor)).toMatchObject({ visibleTo: 'SHARED_NETWORKS' });
  });

  it('should read the offers of a member list in as many statements for 2 members as for 6', async () => {
    const steward = await api.signUp('Stu Steward');
    const network = await api.startNetwork(steward.token);
    const LIST = `query ($slug: String!) { network(slug: $slug) {
      members(first: 50) { edges { node { person { name mentorOffer { paused freePlaces } } } } } } }`;
    const offerReads = () => api.database.statements.filter((s) => /"mentor_offers"|"mentorships"/.test(s)).length;
    const listed = async () => {
      api.database.statements.length = 0;
      const answer = await api.graphql(LIST, { token: steward.token, variables: { slug: network.slug } });
      return { members: answer.data?.network.members.edges, reads: offerReads() };
    };
    const first = await mentorWith('Max Member');
    await api.graphql(JOIN, { token: first.token, variables: { id: network.id } });
    const two = await listed();
    for (let i = 0; i < 4; i += 1) {
      const more = await mentorWith(`Member ${i}`, { visibleTo: i % 2 === 0 ? 'SHARED_NETWORKS' : 'SIGNED_IN' });
      await api.graphql(JOIN, { token: more.token, variables: { id: network.id } });
    }
    const six = await listed();
    expect(two.members).toHaveLength(2);
    expect(six.members).toHaveLength(6);
    const offers = six.members.map(
      (edge: { node: { person: { name: string; mentorOffer: unknown } } }) => edge.node.person.mentorOffer,
    );
    expect(offers.filter((offer: unknown) => offer === null)).toHaveLength(1); // the steward has none
    expect(six.reads).toBe(two.reads);
    expect(two.reads).toBeLessThanOrEqual(2);
  });

  it('should make a person a mentor only by their offer, paused or not, and not by the profile form', async () => {
    const steward = await api.signUp('Sue Steward');
    const network = await api.startNetwork(steward.token);
    const mentor = await api.signUp('Pip Paused');
    await api.graphql(JOIN, { token: mentor.token, variables: { id: network.id } });
    const PROFILE = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { isMentor } }';
    const refused = await api.graphql(PROFILE, { token: mentor.token, variables: { input: { isMentor: true } } });
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.map((error) => [error.extensions.code, error.message])).toEqual([
      ['BAD_USER_INPUT', expect.stringMatching(/isMentor/)],
    ]);
    const isMentor = async () =>
      (
        await api.graphql('query ($id: ID!) { person(id: $id) { isMentor } }', {
          token: mentor.token,
          variables: { id: mentor.id },
        })
      ).data?.person.isMentor;
    expect(await isMentor()).toBe(false);

    await api.graphql(UPSERT, { token: mentor.token, variables: { input: OFFER } });
    await api.graphql('mutation { pauseMentorOffer(paused: true) { paused } }', { token: mentor.token });
    expect(await isMentor()).toBe(true);
    // The member list's mentor filter shows paused mentors too; their offer says they are paused.
    const MENTORS = `query ($slug: String!) { network(slug: $slug) {
      members(filter: { isMentor: true }) { edges { node { person { name mentorOffer { paused } } } } } } }`;
    const listed = await api.graphql(MENTORS, { token: steward.token, variables: { slug: network.slug } });
    expect(listed.data?.network.members.edges).toEqual([
      { node: { person: { name: 'Pip Paused', mentorOffer: { paused: true } } } },
    ]);
  });
});
