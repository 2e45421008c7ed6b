import { describe, expect, it } from 'vitest';
import { suggestLifecycleStage, type NetworkSignals } from './suggestion.ts';

const ALL_MISSING = ['events held', 'event cadence', 'repeat attendees', 'contributors'];

// Realistic networks, one per stage, every signal tracked.
const POTENTIAL: NetworkSignals = {
  memberCount: 3,
  newcomersLast90Days: 2,
  membersLeftLast90Days: 0,
  organiserCount: 1,
  eventsHeld: 0,
  eventsLast180Days: 0,
  medianDaysBetweenEvents: null,
  repeatAttendees: 0,
  contributorsLast180Days: 0,
  ageDays: 40,
};

const COALESCING: NetworkSignals = {
  memberCount: 14,
  newcomersLast90Days: 6,
  membersLeftLast90Days: 1,
  organiserCount: 2,
  eventsHeld: 2,
  eventsLast180Days: 2,
  medianDaysBetweenEvents: 45,
  repeatAttendees: 4,
  contributorsLast180Days: 3,
  ageDays: 150,
};

const MATURING: NetworkSignals = {
  memberCount: 60,
  newcomersLast90Days: 9,
  membersLeftLast90Days: 2,
  organiserCount: 4,
  eventsHeld: 14,
  eventsLast180Days: 5,
  medianDaysBetweenEvents: 30,
  repeatAttendees: 18,
  contributorsLast180Days: 7,
  ageDays: 500,
};

const STEWARDSHIP: NetworkSignals = {
  memberCount: 240,
  newcomersLast90Days: 12,
  membersLeftLast90Days: 5,
  organiserCount: 6,
  eventsHeld: 60,
  eventsLast180Days: 6,
  medianDaysBetweenEvents: 28,
  repeatAttendees: 40,
  contributorsLast180Days: 22,
  ageDays: 1600,
};

const TRANSFORMATION: NetworkSignals = {
  memberCount: 45,
  newcomersLast90Days: 1,
  membersLeftLast90Days: 4,
  organiserCount: 1,
  eventsHeld: 12,
  eventsLast180Days: 0,
  medianDaysBetweenEvents: 35,
  repeatAttendees: 0,
  contributorsLast180Days: 1,
  ageDays: 1200,
};

/** Events and contributions not tracked yet: what the product can see today. */
const UNTRACKED = {
  eventsHeld: null,
  eventsLast180Days: null,
  medianDaysBetweenEvents: null,
  repeatAttendees: null,
  contributorsLast180Days: null,
} satisfies Partial<NetworkSignals>;

/** From a network its stewards left at Potential, the lowest stage: the signals alone decide. */
const fromPotential = (signals: NetworkSignals) => suggestLifecycleStage(signals, 'POTENTIAL');

describe('suggestLifecycleStage', () => {
  describe('one realistic network per stage', () => {
    it('should suggest POTENTIAL for three people, one organiser and no events', () => {
      expect(fromPotential(POTENTIAL)).toEqual({
        stage: 'POTENTIAL',
        reasons: [
          '3 members, fewer than 5.',
          'No events held yet.',
          'Only 1 organiser so far; a core group needs at least 2.',
        ],
        missingSignals: [],
        enoughEvidence: true,
      });
    });

    it('should suggest COALESCING for a network with its first events, repeat attendees and two organisers', () => {
      expect(fromPotential(COALESCING)).toEqual({
        stage: 'COALESCING',
        reasons: [
          '2 events held so far.',
          '4 people came back to an event within 90 days.',
          '2 organisers: a core group is forming.',
          '14 members, at least 5.',
        ],
        missingSignals: [],
        enoughEvidence: true,
      });
    });

    it('should suggest MATURING for a steady cadence, growing membership and several organisers', () => {
      expect(fromPotential(MATURING)).toEqual({
        stage: 'MATURING',
        reasons: [
          '5 events in the last 180 days, a median of 30 days apart.',
          'Membership is growing: 9 joined and 2 left in the last 90 days.',
          '4 organisers share the work.',
        ],
        missingSignals: [],
        enoughEvidence: true,
      });
    });

    it('should suggest STEWARDSHIP for an established network with many contributors and steady newcomers', () => {
      expect(fromPotential(STEWARDSHIP)).toEqual({
        stage: 'STEWARDSHIP',
        reasons: [
          'The network is 1600 days old, more than 2 years.',
          '6 events in the last 180 days, a median of 28 days apart.',
          '22 people hosted, spoke, mentored, wrote or reviewed in the last 180 days.',
          '6 organisers, so others can take over.',
          '12 newcomers in the last 90 days.',
        ],
        missingSignals: [],
        enoughEvidence: true,
      });
    });

    it('should suggest TRANSFORMATION with every falling signal as a reason', () => {
      expect(fromPotential(TRANSFORMATION)).toEqual({
        stage: 'TRANSFORMATION',
        reasons: [
          'No events in the last 180 days after 12 held.',
          'More members left than joined in the last 90 days: 4 left, 1 joined.',
          'Only 1 organiser in a network 1200 days old, more than 2 years.',
        ],
        missingSignals: [],
        enoughEvidence: true,
      });
    });

    it('should suggest TRANSFORMATION over STEWARDSHIP when an established network stops holding events', () => {
      expect(
        fromPotential({
          ...STEWARDSHIP,
          eventsLast180Days: 0,
          contributorsLast180Days: 2,
          newcomersLast90Days: 7,
        }),
      ).toEqual({
        stage: 'TRANSFORMATION',
        reasons: ['No events in the last 180 days after 60 held.'],
        missingSignals: [],
        enoughEvidence: true,
      });
    });
  });

  describe('the one-person network', () => {
    it('should suggest POTENTIAL for 1 member who is the only organiser, naming the single organiser', () => {
      expect(fromPotential({ ...POTENTIAL, memberCount: 1, newcomersLast90Days: 1, ageDays: 10 })).toEqual({
        stage: 'POTENTIAL',
        reasons: [
          '1 member, fewer than 5.',
          'No events held yet.',
          'Only 1 organiser so far; a core group needs at least 2.',
        ],
        missingSignals: [],
        enoughEvidence: true,
      });
    });

    it('should suggest POTENTIAL from members and organisers alone when nothing else is tracked', () => {
      expect(
        fromPotential({
          ...UNTRACKED,
          memberCount: 1,
          newcomersLast90Days: 1,
          membersLeftLast90Days: 0,
          organiserCount: 1,
          ageDays: 10,
        }),
      ).toEqual({
        stage: 'POTENTIAL',
        reasons: ['1 member, fewer than 5.', 'Only 1 organiser so far; a core group needs at least 2.'],
        missingSignals: ALL_MISSING,
        enoughEvidence: true,
      });
    });

    it('should say there are no organisers when nobody holds the role', () => {
      expect(fromPotential({ ...POTENTIAL, organiserCount: 0 }).reasons).toEqual([
        '3 members, fewer than 5.',
        'No events held yet.',
        'No organisers so far; a core group needs at least 2.',
      ]);
    });
  });

  describe('when signals are not tracked yet', () => {
    it('should cap a maturing-looking network at COALESCING when events are unknown, and say why', () => {
      expect(fromPotential({ ...MATURING, ...UNTRACKED })).toEqual({
        stage: 'COALESCING',
        reasons: [
          '4 organisers: a core group is forming.',
          '60 members, at least 5.',
          'Not enough evidence for Maturing: event cadence is not tracked yet.',
        ],
        missingSignals: ALL_MISSING,
        enoughEvidence: true,
      });
    });

    it('should cap a stewardship-looking network at COALESCING, naming every signal Stewardship needs', () => {
      expect(fromPotential({ ...STEWARDSHIP, ...UNTRACKED })).toEqual({
        stage: 'COALESCING',
        reasons: [
          '6 organisers: a core group is forming.',
          '240 members, at least 5.',
          'Not enough evidence for Stewardship: event cadence and contributors are not tracked yet.',
        ],
        missingSignals: ALL_MISSING,
        enoughEvidence: true,
      });
    });

    it('should cap at MATURING when only contributions are unknown', () => {
      expect(fromPotential({ ...STEWARDSHIP, contributorsLast180Days: null })).toEqual({
        stage: 'MATURING',
        reasons: [
          '6 events in the last 180 days, a median of 28 days apart.',
          'Membership is growing: 12 joined and 5 left in the last 90 days.',
          '6 organisers share the work.',
          'Not enough evidence for Stewardship: contributors is not tracked yet.',
        ],
        missingSignals: ['contributors'],
        enoughEvidence: true,
      });
    });

    it('should not mention missing evidence when a known signal already rules the higher stage out', () => {
      // 2 organisers: not enough for Maturing whatever the events say; 150 days: too young for Stewardship.
      expect(fromPotential({ ...COALESCING, ...UNTRACKED })).toEqual({
        stage: 'COALESCING',
        reasons: ['2 organisers: a core group is forming.', '14 members, at least 5.'],
        missingSignals: ALL_MISSING,
        enoughEvidence: true,
      });
    });

    it('should still suggest TRANSFORMATION from members and organisers when events are unknown', () => {
      expect(fromPotential({ ...TRANSFORMATION, ...UNTRACKED })).toEqual({
        stage: 'TRANSFORMATION',
        reasons: [
          'More members left than joined in the last 90 days: 4 left, 1 joined.',
          'Only 1 organiser in a network 1200 days old, more than 2 years.',
        ],
        missingSignals: ALL_MISSING,
        enoughEvidence: true,
      });
    });

    it('should list only repeat attendees when that is the one signal missing', () => {
      expect(fromPotential({ ...MATURING, repeatAttendees: null })).toEqual({
        stage: 'MATURING',
        reasons: [
          '5 events in the last 180 days, a median of 30 days apart.',
          'Membership is growing: 9 joined and 2 left in the last 90 days.',
          '4 organisers share the work.',
        ],
        missingSignals: ['repeat attendees'],
        enoughEvidence: true,
      });
    });

    it('should treat an unknown median gap as missing cadence when several events were held', () => {
      expect(fromPotential({ ...MATURING, medianDaysBetweenEvents: null })).toEqual({
        stage: 'COALESCING',
        reasons: [
          '14 events held so far.',
          '18 people came back to an event within 90 days.',
          '4 organisers: a core group is forming.',
          '60 members, at least 5.',
          'Not enough evidence for Maturing: event cadence is not tracked yet.',
        ],
        missingSignals: ['event cadence'],
        enoughEvidence: true,
      });
    });

    it('should not call the median gap missing when fewer than 2 events were held', () => {
      expect(
        fromPotential({
          ...COALESCING,
          eventsHeld: 1,
          eventsLast180Days: 1,
          medianDaysBetweenEvents: null,
          repeatAttendees: 0,
        }),
      ).toEqual({
        stage: 'COALESCING',
        reasons: ['1 event held so far.', '2 organisers: a core group is forming.', '14 members, at least 5.'],
        missingSignals: [],
        enoughEvidence: true,
      });
    });

    it('should call the median gap missing when events held are unknown too', () => {
      expect(
        fromPotential({ ...COALESCING, eventsHeld: null, eventsLast180Days: 3, medianDaysBetweenEvents: null })
          .missingSignals,
      ).toEqual(['events held', 'event cadence']);
    });
  });

  describe('thresholds', () => {
    it.each([
      [{ memberCount: 4 }, 'POTENTIAL'],
      [{ memberCount: 5 }, 'COALESCING'],
      [{ organiserCount: 1 }, 'POTENTIAL'],
      [{ organiserCount: 2 }, 'COALESCING'],
      [{ eventsHeld: 0 }, 'POTENTIAL'],
      [{ eventsHeld: 1, eventsLast180Days: 1 }, 'COALESCING'],
      [{ repeatAttendees: 1 }, 'COALESCING'],
    ] as const)('should move from POTENTIAL to COALESCING at the threshold: %o gives %s', (overrides, stage) => {
      expect(fromPotential({ ...POTENTIAL, ...overrides }).stage).toBe(stage);
    });

    it('should give the reason for each COALESCING signal at its threshold', () => {
      expect(fromPotential({ ...POTENTIAL, memberCount: 5 }).reasons).toEqual(['5 members, at least 5.']);
      expect(fromPotential({ ...POTENTIAL, repeatAttendees: 1 }).reasons).toEqual([
        '1 person came back to an event within 90 days.',
      ]);
    });

    it.each([
      [{ eventsLast180Days: 2 }, 'COALESCING'],
      [{ eventsLast180Days: 3 }, 'MATURING'],
      [{ medianDaysBetweenEvents: 60 }, 'MATURING'],
      [{ medianDaysBetweenEvents: 60.4 }, 'COALESCING'],
      [{ medianDaysBetweenEvents: 61 }, 'COALESCING'],
      [{ newcomersLast90Days: 2, membersLeftLast90Days: 2 }, 'COALESCING'],
      [{ newcomersLast90Days: 3, membersLeftLast90Days: 2 }, 'MATURING'],
      [{ organiserCount: 2 }, 'COALESCING'],
      [{ organiserCount: 3 }, 'MATURING'],
    ] as const)('should apply the MATURING thresholds: %o gives %s', (overrides, stage) => {
      expect(fromPotential({ ...MATURING, ...overrides }).stage).toBe(stage);
    });

    it('should describe a cadence exactly at the threshold, rounding a fractional median to one decimal', () => {
      expect(fromPotential({ ...MATURING, eventsLast180Days: 3, medianDaysBetweenEvents: 59.96 }).reasons[0]).toBe(
        '3 events in the last 180 days, a median of 60 days apart.',
      );
      expect(fromPotential({ ...MATURING, medianDaysBetweenEvents: 1 }).reasons[0]).toBe(
        '5 events in the last 180 days, a median of 1 day apart.',
      );
    });

    it.each([
      [{ ageDays: 730 }, 'MATURING'],
      [{ ageDays: 731 }, 'STEWARDSHIP'],
      [{ contributorsLast180Days: 9 }, 'MATURING'],
      [{ contributorsLast180Days: 10 }, 'STEWARDSHIP'],
      [{ newcomersLast90Days: 2, membersLeftLast90Days: 0 }, 'MATURING'],
      [{ newcomersLast90Days: 3, membersLeftLast90Days: 0 }, 'STEWARDSHIP'],
      [{ eventsLast180Days: 2 }, 'COALESCING'],
      [{ medianDaysBetweenEvents: 61 }, 'COALESCING'],
    ] as const)('should apply the STEWARDSHIP thresholds: %o gives %s', (overrides, stage) => {
      expect(fromPotential({ ...STEWARDSHIP, ...overrides }).stage).toBe(stage);
    });

    it('should accept two organisers as succession for STEWARDSHIP even though MATURING wants three', () => {
      expect(fromPotential({ ...STEWARDSHIP, organiserCount: 2, membersLeftLast90Days: 12 })).toEqual({
        stage: 'STEWARDSHIP',
        reasons: [
          'The network is 1600 days old, more than 2 years.',
          '6 events in the last 180 days, a median of 28 days apart.',
          '22 people hosted, spoke, mentored, wrote or reviewed in the last 180 days.',
          '2 organisers, so others can take over.',
          '12 newcomers in the last 90 days.',
        ],
        missingSignals: [],
        enoughEvidence: true,
      });
    });

    it.each([
      [{ eventsLast180Days: 1 }, 'COALESCING'],
      [{ eventsLast180Days: 0 }, 'TRANSFORMATION'],
      [{ newcomersLast90Days: 2, membersLeftLast90Days: 2 }, 'COALESCING'],
      [{ newcomersLast90Days: 1, membersLeftLast90Days: 2 }, 'COALESCING'],
      [{ newcomersLast90Days: 2, membersLeftLast90Days: 3 }, 'TRANSFORMATION'],
      [{ newcomersLast90Days: 3, membersLeftLast90Days: 3 }, 'COALESCING'],
    ] as const)('should apply the TRANSFORMATION thresholds from MATURING: %o gives %s', (overrides, stage) => {
      const result = fromPotential({ ...MATURING, ...overrides });
      expect(result.stage).toBe(stage);
    });

    it('should not treat a network that never held events as having stopped', () => {
      expect(fromPotential({ ...POTENTIAL, eventsHeld: 0, eventsLast180Days: 0 }).stage).toBe('POTENTIAL');
    });

    it.each([
      [730, 1, 'COALESCING'],
      [731, 1, 'TRANSFORMATION'],
      [731, 2, 'COALESCING'],
    ] as const)(
      'should weigh a lone organiser by age: %i days, %i organisers gives %s',
      (ageDays, organiserCount, stage) => {
        expect(fromPotential({ ...COALESCING, ageDays, organiserCount }).stage).toBe(stage);
      },
    );

    it('should flag an older network with no organisers at all', () => {
      expect(fromPotential({ ...COALESCING, ageDays: 900, organiserCount: 0 })).toEqual({
        stage: 'TRANSFORMATION',
        reasons: ['No organisers in a network 900 days old, more than 2 years.'],
        missingSignals: [],
        enoughEvidence: true,
      });
    });

    it('should turn a one-person network older than 2 years into TRANSFORMATION', () => {
      expect(fromPotential({ ...POTENTIAL, memberCount: 1, ageDays: 731 })).toEqual({
        stage: 'TRANSFORMATION',
        reasons: ['Only 1 organiser in a network 731 days old, more than 2 years.'],
        missingSignals: [],
        enoughEvidence: true,
      });
    });
  });

  it('should give the same answer for the same signals and leave them unchanged', () => {
    const signals = { ...STEWARDSHIP };
    expect(fromPotential(signals)).toEqual(fromPotential(signals));
    expect(signals).toEqual(STEWARDSHIP);
  });
  describe('the stage stewards set', () => {
    it.each([
      ['POTENTIAL', 'COALESCING'],
      ['COALESCING', 'COALESCING'],
      ['POTENTIAL', 'MATURING'],
      ['MATURING', 'MATURING'],
      ['MATURING', 'STEWARDSHIP'],
      ['STEWARDSHIP', 'TRANSFORMATION'],
    ] as const)('should suggest what the signals show, set at %s with signals of %s', (current, shown) => {
      const signals = { COALESCING, MATURING, STEWARDSHIP, TRANSFORMATION }[shown];
      expect(suggestLifecycleStage(signals, current)).toEqual(fromPotential(signals));
    });

    it('should not send a maturing network back to COALESCING because event cadence is not tracked', () => {
      // 72 members, as the network the issue found: everything known fits Maturing.
      expect(suggestLifecycleStage({ ...MATURING, ...UNTRACKED, memberCount: 72 }, 'MATURING')).toEqual({
        stage: 'MATURING',
        reasons: [
          'Membership is growing: 9 joined and 2 left in the last 90 days.',
          '4 organisers share the work.',
          'Whether the network is still Maturing depends on event cadence, which is not tracked yet.',
        ],
        missingSignals: ALL_MISSING,
        enoughEvidence: false,
      });
    });

    it('should not move down on a known shortfall while a signal the stage depends on is missing', () => {
      // A quiet quarter, as the 71-member Maturing network of the demo had: 1 joined, 1 left.
      expect(
        suggestLifecycleStage(
          { ...MATURING, ...UNTRACKED, memberCount: 71, newcomersLast90Days: 1, membersLeftLast90Days: 1 },
          'MATURING',
        ),
      ).toEqual({
        stage: 'MATURING',
        reasons: [
          'Membership is not growing: 1 joined and 1 left in the last 90 days.',
          '4 organisers share the work.',
          'Whether the network is still Maturing depends on event cadence, which is not tracked yet.',
        ],
        missingSignals: ALL_MISSING,
        enoughEvidence: false,
      });
    });

    it('should keep STEWARDSHIP for a young network while its cadence is unknown, listing what is known', () => {
      const suggestion = suggestLifecycleStage({ ...MATURING, medianDaysBetweenEvents: null }, 'STEWARDSHIP');
      expect(suggestion).toMatchObject({ stage: 'STEWARDSHIP', enoughEvidence: false });
      expect(suggestion.reasons).toEqual([
        'The network is 500 days old, not more than 2 years.',
        '7 people hosted, spoke, mentored, wrote or reviewed in the last 180 days, fewer than 10.',
        '4 organisers, so others can take over.',
        '9 newcomers in the last 90 days.',
        'Whether the network is still Stewardship depends on event cadence, which is not tracked yet.',
      ]);
    });

    it('should keep STEWARDSHIP when its cadence and contributors are not tracked, naming both', () => {
      const suggestion = suggestLifecycleStage({ ...STEWARDSHIP, ...UNTRACKED }, 'STEWARDSHIP');
      expect(suggestion).toMatchObject({ stage: 'STEWARDSHIP', enoughEvidence: false });
      expect(suggestion.reasons.at(-1)).toBe(
        'Whether the network is still Stewardship depends on event cadence and contributors, which are not tracked yet.',
      );
    });

    it('should keep a one-person COALESCING network there while events and repeat attendees are unknown', () => {
      expect(
        suggestLifecycleStage(
          {
            ...UNTRACKED,
            memberCount: 1,
            newcomersLast90Days: 1,
            membersLeftLast90Days: 0,
            organiserCount: 1,
            ageDays: 10,
          },
          'COALESCING',
        ),
      ).toEqual({
        stage: 'COALESCING',
        reasons: [
          'Only 1 organiser so far; a core group needs at least 2.',
          '1 member, fewer than 5.',
          'Whether the network is still Coalescing depends on events held and repeat attendees, which are not tracked yet.',
        ],
        missingSignals: ALL_MISSING,
        enoughEvidence: false,
      });
    });

    it('should keep TRANSFORMATION while whether events stopped is unknown', () => {
      expect(suggestLifecycleStage({ ...MATURING, ...UNTRACKED }, 'TRANSFORMATION')).toEqual({
        stage: 'TRANSFORMATION',
        reasons: [
          '9 joined and 2 left in the last 90 days.',
          '4 organisers, so the network does not rest on one person.',
          'Whether the network is still Transformation depends on events held, which is not tracked yet.',
        ],
        missingSignals: ALL_MISSING,
        enoughEvidence: false,
      });
    });

    it('should still suggest TRANSFORMATION from known signals, whatever the stage set', () => {
      expect(suggestLifecycleStage({ ...TRANSFORMATION, ...UNTRACKED }, 'STEWARDSHIP')).toMatchObject({
        stage: 'TRANSFORMATION',
        enoughEvidence: true,
      });
    });

    it('should suggest an earlier stage when every signal the stage set depends on rules it out, saying why', () => {
      expect(suggestLifecycleStage({ ...MATURING, organiserCount: 2 }, 'MATURING')).toEqual({
        stage: 'COALESCING',
        reasons: [
          '2 organisers, fewer than 3.',
          '14 events held so far.',
          '18 people came back to an event within 90 days.',
          '2 organisers: a core group is forming.',
          '60 members, at least 5.',
        ],
        missingSignals: [],
        enoughEvidence: true,
      });
    });

    it('should step down past each stage the signals rule out, and stop at one they cannot judge', () => {
      // Too young and too few contributors for Stewardship; Maturing's signals all known and met.
      expect(suggestLifecycleStage(MATURING, 'STEWARDSHIP')).toEqual({
        stage: 'MATURING',
        reasons: [
          'The network is 500 days old, not more than 2 years.',
          '7 people hosted, spoke, mentored, wrote or reviewed in the last 180 days, fewer than 10.',
          '5 events in the last 180 days, a median of 30 days apart.',
          'Membership is growing: 9 joined and 2 left in the last 90 days.',
          '4 organisers share the work.',
        ],
        missingSignals: [],
        enoughEvidence: true,
      });
      // Maturing ruled out with all its signals known; Coalescing depends on missing ones: stop there.
      expect(
        suggestLifecycleStage(
          { ...POTENTIAL, eventsHeld: null, eventsLast180Days: 2, repeatAttendees: null },
          'MATURING',
        ),
      ).toEqual({
        stage: 'COALESCING',
        reasons: [
          '2 events in the last 180 days, fewer than 3.',
          '1 organiser, fewer than 3.',
          'Only 1 organiser so far; a core group needs at least 2.',
          '3 members, fewer than 5.',
          'Whether the network is Coalescing depends on events held and repeat attendees, which are not tracked yet.',
        ],
        missingSignals: ['events held', 'repeat attendees'],
        enoughEvidence: true,
      });
    });

    it('should leave COALESCING for POTENTIAL only when events and repeat attendees are known to be none', () => {
      expect(suggestLifecycleStage(POTENTIAL, 'COALESCING')).toEqual({
        stage: 'POTENTIAL',
        reasons: [
          'No events held yet.',
          'No one has come back to an event yet.',
          'Only 1 organiser so far; a core group needs at least 2.',
          '3 members, fewer than 5.',
        ],
        missingSignals: [],
        enoughEvidence: true,
      });
    });
  });
});
