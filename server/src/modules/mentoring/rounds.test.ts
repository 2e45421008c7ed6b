import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import { caught, networkWith, signedUpPerson, type TestPerson } from '../../testing/factories.ts';
import * as memberships from '../memberships/service.ts';
import * as mentoring from './service.ts';

describe.each(DATABASE_KINDS)('matching rounds on %s', (kind) => {
  const database = useTestDatabase(kind);
  const person = (name: string) => signedUpPerson(database.db, { name, ticking: true });
  const id = (p: TestPerson) => p.user.id;

  /**
   * A network where first-come greedy does worse than the best round: need A fits mentor 1
   * (70) and mentor 2 (48); need B fits only mentor 1 (70). Each mentor has one place.
   */
  async function contestedNetwork() {
    const [steward, leadA, leadB, mentor1, mentor2, outsider] = await Promise.all(
      ['Stella Steward', 'Ann A', 'Bob B', 'Mo One', 'Mai Two', 'Oz Outsider'].map(person),
    );
    const network = await networkWith(steward!, leadA!, leadB!, mentor1!, mentor2!);
    const offer = (skills: string[]) => ({
      skills,
      categories: ['QUICK_TIP' as const],
      formats: ['VIDEO' as const],
      capacity: 1,
      commitment: 'An hour',
      promiseNoSelling: true,
    });
    await mentoring.upsertMentorOffer(mentor1!, offer(['Canva', 'Photography']));
    await mentoring.upsertMentorOffer(mentor2!, offer(['Photography']));
    await mentoring.upsertMentorOffer(outsider!, offer(['Canva', 'Photography'])); // not a member
    const need = (lead: TestPerson, title: string, skills: string[]) =>
      mentoring.postNeed(lead, {
        title,
        description: 'Help',
        firstCallBrief: 'Start',
        categories: [],
        skills,
        formats: ['VIDEO'],
        urgency: 'NO_RUSH',
        networkId: network.id,
      });
    const needA = await need(leadA!, 'Need A', ['Canva', 'Photography']);
    const needB = await need(leadB!, 'Need B', ['Canva']);
    return {
      steward: steward!,
      mentor1: mentor1!,
      mentor2: mentor2!,
      leadA: leadA!,
      outsider: outsider!,
      network,
      needA,
      needB,
    };
  }

  it('should pair for the best total, beat greedy, and say why a need is left out', async () => {
    const { steward, mentor1, mentor2, network, needA, needB } = await contestedNetwork();
    const preview = await mentoring.previewMatchingRound(steward, { networkId: network.id });
    expect(preview.pairs.map((pair) => [pair.need.title, pair.mentorId, pair.score])).toEqual([
      ['Need A', id(mentor2), 48],
      ['Need B', id(mentor1), 70],
    ]);
    expect([preview.totalScore, preview.greedyScore]).toEqual([118, 70]);
    expect(preview.pairs[1]!.reasons[0]).toBe('knows Canva');
    expect(preview.unmatched).toEqual([]);

    // Adjusted: without mentor 2, need A is left out, and the steward is told why.
    const adjusted = await mentoring.previewMatchingRound(steward, {
      networkId: network.id,
      mentorIds: [id(mentor1)],
    });
    expect(adjusted.pairs).toHaveLength(1);
    expect(adjusted.unmatched.map((u) => [u.need.id, u.reason])).toEqual([
      [
        adjusted.pairs[0]!.need.id === needA.id ? needB.id : needA.id,
        'The mentors who fit it are taken by better pairs in this round.',
      ],
    ]);
  });

  it('should send every confirmed request at once, and nothing when the round changed', async () => {
    const { steward, mentor1, mentor2, network, needA, needB } = await contestedNetwork();
    // Two needs for a mentor with one place: refused whole.
    const tooMany = await caught(
      mentoring.confirmMatchingRound(steward, {
        networkId: network.id,
        pairs: [
          { needId: needA.id, mentorId: id(mentor1) },
          { needId: needB.id, mentorId: id(mentor1) },
        ],
      }),
    );
    expect(tooMany.code).toBe('CONFLICT');
    expect(await mentoring.myRequests(mentor1, 'in')).toEqual([]);

    const round = await mentoring.confirmMatchingRound(steward, {
      networkId: network.id,
      pairs: [
        { needId: needA.id, mentorId: id(mentor2) },
        { needId: needB.id, mentorId: id(mentor1) },
      ],
    });
    expect([round.pairCount, round.totalScore, round.greedyScore]).toEqual([2, 118, 70]);
    expect(round.requests.map((r) => [r.needId, r.mentorId, r.status, r.matchingRoundId])).toEqual([
      [needA.id, id(mentor2), 'PENDING', round.id],
      [needB.id, id(mentor1), 'PENDING', round.id],
    ]);
    expect((await mentoring.myRequests(mentor1, 'in')).map((r) => r.message)).toEqual([
      'Your network’s organiser matched us in a mentoring round. Could we have a first conversation?',
    ]);
    // Their needs now wait for answers: the next round has nothing to pair, and confirming again is refused.
    expect((await mentoring.previewMatchingRound(steward, { networkId: network.id })).pairs).toEqual([]);
    expect(
      (
        await caught(
          mentoring.confirmMatchingRound(steward, {
            networkId: network.id,
            pairs: [{ needId: needA.id, mentorId: id(mentor1) }],
          }),
        )
      ).code,
    ).toBe('CONFLICT');
  });

  it('should let an organiser run a round, and refuse a member and an outsider', async () => {
    const { steward, mentor1, mentor2, leadA, outsider, network, needA, needB } = await contestedNetwork();
    const organiser = await person('Orla Organiser');
    await memberships.joinNetwork(organiser, network.id, true);
    await memberships.setMemberRole(steward, network.id, id(organiser), 'ORGANISER');
    const pairs = [
      { needId: needA.id, mentorId: id(mentor2) },
      { needId: needB.id, mentorId: id(mentor1) },
    ];
    for (const refused of [leadA, outsider]) {
      const preview = await caught(mentoring.previewMatchingRound(refused, { networkId: network.id }));
      expect([preview.code, preview.message]).toEqual([
        'FORBIDDEN',
        "Only this network's organisers and stewards can do this.",
      ]);
      expect((await caught(mentoring.confirmMatchingRound(refused, { networkId: network.id, pairs }))).code).toBe(
        'FORBIDDEN',
      );
    }
    expect(await mentoring.myRequests(mentor1, 'in')).toEqual([]);

    const preview = await mentoring.previewMatchingRound(organiser, { networkId: network.id });
    expect([preview.totalScore, preview.greedyScore]).toEqual([118, 70]);
    const round = await mentoring.confirmMatchingRound(organiser, { networkId: network.id, pairs });
    expect(round.requests.map((r) => [r.needId, r.mentorId, r.status])).toEqual([
      [needA.id, id(mentor2), 'PENDING'],
      [needB.id, id(mentor1), 'PENDING'],
    ]);
  });

  it('should list every mentor with a place free who took part, paired or not', async () => {
    const { steward, mentor1, mentor2, network } = await contestedNetwork();
    const [books, resting] = await Promise.all(['Bea Books', 'Rex Resting'].map(person));
    for (const mentor of [books!, resting!]) {
      await memberships.joinNetwork(mentor, network.id, true);
      await mentoring.upsertMentorOffer(mentor, {
        skills: ['Bookkeeping'],
        categories: ['RISK_MITIGATION'],
        formats: ['VIDEO'],
        capacity: 3,
        commitment: 'An hour',
        promiseNoSelling: true,
      });
    }
    await mentoring.pauseMentorOffer(resting!, true);

    const mentorsOf = (preview: mentoring.RoundPreview) =>
      new Map(preview.mentors.map((m) => [m.mentorId, [m.freePlaces, m.pairCount]]));
    const whole = await mentoring.previewMatchingRound(steward, { networkId: network.id });
    // Bea fits no need but takes part; Rex has paused, and the outsider is no member: neither is listed.
    expect(mentorsOf(whole)).toEqual(
      new Map([
        [id(mentor1), [1, 1]],
        [id(mentor2), [1, 1]],
        [id(books!), [3, 0]],
      ]),
    );
    const adjusted = await mentoring.previewMatchingRound(steward, {
      networkId: network.id,
      mentorIds: [id(mentor1), id(books!)],
    });
    expect(mentorsOf(adjusted)).toEqual(
      new Map([
        [id(mentor1), [1, 1]],
        [id(books!), [3, 0]],
      ]),
    );
  });

  it('should refuse a message too long for the mentors, naming it, and send nothing', async () => {
    const { steward, mentor1, mentor2, network, needA, needB } = await contestedNetwork();
    const pairs = [
      { needId: needA.id, mentorId: id(mentor2) },
      { needId: needB.id, mentorId: id(mentor1) },
    ];
    const tooLong = await caught(
      mentoring.confirmMatchingRound(steward, { networkId: network.id, pairs, message: 'x'.repeat(2001) }),
    );
    expect([tooLong.code, tooLong.field, tooLong.message]).toEqual([
      'BAD_USER_INPUT',
      'message',
      'Keep the message to 2,000 characters or fewer.',
    ]);
    expect(await mentoring.myRequests(mentor1, 'in')).toEqual([]);
    expect(await mentoring.myRequests(mentor2, 'in')).toEqual([]);
    const rounds = await database.db
      .selectFrom('matching_rounds')
      .select('id')
      .where('network_id', '=', network.id)
      .execute();
    expect(rounds).toEqual([]);

    // At the limit, and with its spaces trimmed, it is sent as written.
    const longest = `  ${'y'.repeat(2000)}  `;
    await mentoring.confirmMatchingRound(steward, { networkId: network.id, pairs, message: longest });
    expect((await mentoring.myRequests(mentor1, 'in')).map((r) => r.message)).toEqual(['y'.repeat(2000)]);
  });
});
