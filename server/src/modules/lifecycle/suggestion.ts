// Suggests a lifecycle stage for a network from the signals Hearth can see (DOMAIN.md,
// "Lifecycle of a network"). Stewards set the stage; this only suggests one, and says why, so
// every suggestion comes with plain-English reasons and the signals it could not see.
//
// Pure: no I/O, no clock. The caller works out the counts (and the network's age) and passes them in.
//
// The thresholds, and why (each stage's row in DOMAIN.md's stage table in brackets):
//
//   Checked first, because a network that is winding down should be told so even if it once matured:
//   TRANSFORMATION [falling activity, key people leaving] when any of:
//     - it has held events but none in the last 180 days (about two seasons without a meeting);
//     - more members left than joined in the last 90 days, and at least 3 left (one or two
//       departures a quarter is ordinary churn, not a trend);
//     - it is more than 2 years old (730 days) and has at most 1 organiser (ORGANISER or STEWARD):
//       an older network resting on one person is one departure from ending.
//   STEWARDSHIP [many contributors, succession in place, steady newcomers] when all of:
//     - more than 2 years old (730 days): established;
//     - a steady event cadence (below): established networks still meet;
//     - at least 10 contributors in the last 180 days (hosted, spoke, mentored, wrote or reviewed);
//     - at least 2 organisers, so someone can take over;
//     - at least 3 newcomers in the last 90 days (about one a month).
//   MATURING [steady event cadence, new organisers, growing membership] when all of:
//     - a steady event cadence: at least 3 events in the last 180 days and a median gap between
//       events of at most 60 days (roughly every other month or more often);
//     - growing membership: more joined than left in the last 90 days;
//     - at least 3 organisers: roles have multiplied beyond a founding pair.
//   COALESCING [first events, first repeat attendees, a core group forms] when any of:
//     - at least 1 event held;
//     - at least 1 repeat attendee (came back within 90 days);
//     - at least 2 organisers: a core group is forming;
//     - at least 5 members: more than a handful of loose people.
//   POTENTIAL [few members, no events yet] otherwise: fewer than 5 members, no events, at most one organiser.
//
// Missing signals (null = not tracked yet): a stage is only suggested when every signal it needs is
// known. A criterion that cannot be checked blocks the stage rather than passing it, so with events
// unknown the suggestion stops at COALESCING, and with contributors unknown it stops at MATURING.
// When the known signals for a higher stage all pass and only missing ones block it, a reason says
// so. TRANSFORMATION can still be suggested from members and organisers alone: those signals are
// known, and hiding a warning because events are not tracked would not help the steward.
// The median gap is naturally absent with fewer than 2 events held; that is "no cadence yet", not
// a missing signal.

import type { LifecycleStage } from '../../db/schema.ts';

export type { LifecycleStage };

/** What the product can see of a network; null = that signal is not tracked yet (later modules add events, contributions). */
export interface NetworkSignals {
  memberCount: number;
  newcomersLast90Days: number; // members who joined in the last 90 days
  membersLeftLast90Days: number; // members who left in the last 90 days
  organiserCount: number; // members with role ORGANISER or STEWARD
  eventsHeld: number | null; // all time
  eventsLast180Days: number | null;
  medianDaysBetweenEvents: number | null;
  repeatAttendees: number | null; // people who came back within 90 days
  contributorsLast180Days: number | null; // hosted, spoke, mentored, wrote or reviewed
  ageDays: number; // since the network was created
}

export interface LifecycleSuggestion {
  stage: LifecycleStage;
  reasons: string[];
  missingSignals: string[];
}

const FEW_MEMBERS = 5; // fewer than this is "few members"
const CORE_GROUP_ORGANISERS = 2;
const SEVERAL_ORGANISERS = 3;
const STEADY_EVENTS_LAST_180_DAYS = 3;
const STEADY_MEDIAN_GAP_DAYS = 60;
const ESTABLISHED_AGE_DAYS = 730; // 2 years; "more than" this is established
const MANY_CONTRIBUTORS = 10;
const STEADY_NEWCOMERS_LAST_90_DAYS = 3;
const NOTABLE_DEPARTURES_LAST_90_DAYS = 3;

const EVENTS_HELD = 'events held';
const EVENT_CADENCE = 'event cadence';
const REPEAT_ATTENDEES = 'repeat attendees';
const CONTRIBUTORS = 'contributors';

/** The outcome of one criterion: met, not met, or not checkable because a signal is missing. */
type Check = { met: true; reason: string } | { met: false } | { met: null; missing: string };

interface StageCheck {
  stage: LifecycleStage;
  checks: Check[];
}

export function suggestLifecycleStage(signals: NetworkSignals): LifecycleSuggestion {
  const missingSignals = findMissingSignals(signals);

  const transformation = transformationReasons(signals);
  if (transformation.length > 0) return { stage: 'TRANSFORMATION', reasons: transformation, missingSignals };

  // Stages that need every criterion, highest first.
  const cadence = checkCadence(signals);
  const allOf: StageCheck[] = [
    {
      stage: 'STEWARDSHIP',
      checks: [
        signals.ageDays > ESTABLISHED_AGE_DAYS
          ? met(`The network is ${signals.ageDays} days old, more than 2 years.`)
          : notMet(),
        cadence,
        checkContributors(signals),
        signals.organiserCount >= CORE_GROUP_ORGANISERS
          ? met(`${plural(signals.organiserCount, 'organiser')}, so others can take over.`)
          : notMet(),
        signals.newcomersLast90Days >= STEADY_NEWCOMERS_LAST_90_DAYS
          ? met(`${plural(signals.newcomersLast90Days, 'newcomer')} in the last 90 days.`)
          : notMet(),
      ],
    },
    {
      stage: 'MATURING',
      checks: [
        cadence,
        signals.newcomersLast90Days > signals.membersLeftLast90Days
          ? met(
              `Membership is growing: ${signals.newcomersLast90Days} joined and ${signals.membersLeftLast90Days} left in the last 90 days.`,
            )
          : notMet(),
        signals.organiserCount >= SEVERAL_ORGANISERS
          ? met(`${plural(signals.organiserCount, 'organiser')} share the work.`)
          : notMet(),
      ],
    },
  ];

  let blockedReason: string | null = null;
  for (const { stage, checks } of allOf) {
    if (checks.some((check) => check.met === false)) continue;
    const missing = [...new Set(checks.flatMap((check) => (check.met === null ? [check.missing] : [])))];
    if (missing.length === 0) {
      const reasons = checks.flatMap((check) => (check.met ? [check.reason] : []));
      return { stage, reasons: blockedReason === null ? reasons : [...reasons, blockedReason], missingSignals };
    }
    // Everything known points to this stage; only missing signals stand in the way. Say so once,
    // for the highest such stage.
    blockedReason ??= `Not enough evidence for ${stageName(stage)}: ${listOf(missing)} ${missing.length === 1 ? 'is' : 'are'} not tracked yet.`;
  }

  const coalescing = coalescingReasons(signals);
  if (coalescing.length > 0) {
    return {
      stage: 'COALESCING',
      reasons: blockedReason === null ? coalescing : [...coalescing, blockedReason],
      missingSignals,
    };
  }

  return { stage: 'POTENTIAL', reasons: potentialReasons(signals), missingSignals };
}

function findMissingSignals(signals: NetworkSignals): string[] {
  const missing: string[] = [];
  if (signals.eventsHeld === null) missing.push(EVENTS_HELD);
  if (checkCadence(signals).met === null) missing.push(EVENT_CADENCE);
  if (signals.repeatAttendees === null) missing.push(REPEAT_ATTENDEES);
  if (signals.contributorsLast180Days === null) missing.push(CONTRIBUTORS);
  return missing;
}

function transformationReasons(signals: NetworkSignals): string[] {
  const reasons: string[] = [];
  const { eventsHeld, eventsLast180Days } = signals;
  if (eventsHeld !== null && eventsHeld > 0 && eventsLast180Days === 0) {
    reasons.push(`No events in the last 180 days after ${eventsHeld} held.`);
  }
  if (
    signals.membersLeftLast90Days > signals.newcomersLast90Days &&
    signals.membersLeftLast90Days >= NOTABLE_DEPARTURES_LAST_90_DAYS
  ) {
    reasons.push(
      `More members left than joined in the last 90 days: ${signals.membersLeftLast90Days} left, ${signals.newcomersLast90Days} joined.`,
    );
  }
  if (signals.ageDays > ESTABLISHED_AGE_DAYS && signals.organiserCount <= 1) {
    const who = signals.organiserCount === 1 ? 'Only 1 organiser' : 'No organisers';
    reasons.push(`${who} in a network ${signals.ageDays} days old, more than 2 years.`);
  }
  return reasons;
}

function checkCadence(signals: NetworkSignals): Check {
  const { eventsHeld, eventsLast180Days, medianDaysBetweenEvents: median } = signals;
  if (eventsLast180Days === null) return { met: null, missing: EVENT_CADENCE };
  if (eventsLast180Days < STEADY_EVENTS_LAST_180_DAYS) return notMet();
  if (median === null) {
    // With fewer than 2 events held there is no gap to measure: no cadence yet, not a missing signal.
    return eventsHeld !== null && eventsHeld < 2 ? notMet() : { met: null, missing: EVENT_CADENCE };
  }
  if (median > STEADY_MEDIAN_GAP_DAYS) return notMet();
  return met(
    `${plural(eventsLast180Days, 'event')} in the last 180 days, a median of ${plural(round(median), 'day')} apart.`,
  );
}

function checkContributors(signals: NetworkSignals): Check {
  const contributors = signals.contributorsLast180Days;
  if (contributors === null) return { met: null, missing: CONTRIBUTORS };
  if (contributors < MANY_CONTRIBUTORS) return notMet();
  return met(
    `${contributors} ${contributors === 1 ? 'person' : 'people'} hosted, spoke, mentored, wrote or reviewed in the last 180 days.`,
  );
}

function coalescingReasons(signals: NetworkSignals): string[] {
  const reasons: string[] = [];
  if (signals.eventsHeld !== null && signals.eventsHeld >= 1) {
    reasons.push(`${plural(signals.eventsHeld, 'event')} held so far.`);
  }
  if (signals.repeatAttendees !== null && signals.repeatAttendees >= 1) {
    const who = signals.repeatAttendees === 1 ? '1 person came' : `${signals.repeatAttendees} people came`;
    reasons.push(`${who} back to an event within 90 days.`);
  }
  if (signals.organiserCount >= CORE_GROUP_ORGANISERS) {
    reasons.push(`${signals.organiserCount} organisers: a core group is forming.`);
  }
  if (signals.memberCount >= FEW_MEMBERS) {
    reasons.push(`${plural(signals.memberCount, 'member')}, at least ${FEW_MEMBERS}.`);
  }
  return reasons;
}

function potentialReasons(signals: NetworkSignals): string[] {
  const reasons = [`${plural(signals.memberCount, 'member')}, fewer than ${FEW_MEMBERS}.`];
  if (signals.eventsHeld === 0) reasons.push('No events held yet.');
  reasons.push(
    `${signals.organiserCount === 1 ? 'Only 1 organiser' : 'No organisers'} so far; a core group needs at least ${CORE_GROUP_ORGANISERS}.`,
  );
  return reasons;
}

function met(reason: string): Check {
  return { met: true, reason };
}

function notMet(): Check {
  return { met: false };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Medians can fall between two whole days (30.5); one decimal place is enough for a person. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function stageName(stage: LifecycleStage): string {
  return stage.charAt(0) + stage.slice(1).toLowerCase();
}
