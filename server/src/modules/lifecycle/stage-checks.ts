// What each lifecycle stage asks of the signals, criterion by criterion, with a plain-English
// reason for each outcome: met, not met, or not checkable because a signal is not tracked yet.
// Pure; suggestion.ts decides what to suggest from these verdicts.
//
// The thresholds, and why (each stage's row in DOMAIN.md's stage table in brackets):
//
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

import type { LifecycleStage } from '../../db/schema.ts';

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

/** The outcome of one criterion, with the reason either way, or the signal that is missing. */
type Check = { met: boolean; reason: string } | { met: null; missing: string };

/**
 * How the known signals judge one stage:
 * - fits: every criterion met (a stage that needs all), or one of its signs shows (a stage that needs any);
 * - ruledOut: a criterion known to fail (needs all), or every sign known and none shows (needs any);
 * - unknown: nothing known rules it out, and only missing signals could confirm it.
 * `reasons` are the deciding ones (empty when unknown); `known` every known criterion's reason, in order.
 */
export interface Verdict {
  kind: 'fits' | 'ruledOut' | 'unknown';
  reasons: string[];
  known: string[];
  missing: string[];
}

export function judgeStage(stage: Exclude<LifecycleStage, 'POTENTIAL'>, signals: NetworkSignals): Verdict {
  const checks = STAGE_CHECKS[stage](signals);
  const known = checks.flatMap((check) => (check.met === null ? [] : [check.reason]));
  const missing = [...new Set(checks.flatMap((check) => (check.met === null ? [check.missing] : [])))];
  const reasonsWhere = (met: boolean) => checks.flatMap((check) => (check.met === met ? [check.reason] : []));
  if (NEEDS_ANY.has(stage)) {
    if (checks.some((check) => check.met === true))
      return { kind: 'fits', reasons: reasonsWhere(true), known, missing };
    if (missing.length > 0) return { kind: 'unknown', reasons: [], known, missing };
    return { kind: 'ruledOut', reasons: reasonsWhere(false), known, missing };
  }
  if (checks.some((check) => check.met === false))
    return { kind: 'ruledOut', reasons: reasonsWhere(false), known, missing };
  if (missing.length > 0) return { kind: 'unknown', reasons: [], known, missing };
  return { kind: 'fits', reasons: reasonsWhere(true), known, missing };
}

/** Stages shown by any one of their signs; the others need every criterion. */
const NEEDS_ANY: ReadonlySet<LifecycleStage> = new Set(['TRANSFORMATION', 'COALESCING']);

const STAGE_CHECKS: Record<Exclude<LifecycleStage, 'POTENTIAL'>, (signals: NetworkSignals) => Check[]> = {
  TRANSFORMATION: (signals) => [checkEventsStopped(signals), checkDepartures(signals), checkLoneOrganiser(signals)],
  STEWARDSHIP: (signals) => [
    signals.ageDays > ESTABLISHED_AGE_DAYS
      ? met(`The network is ${signals.ageDays} days old, more than 2 years.`)
      : notMet(`The network is ${signals.ageDays} days old, not more than 2 years.`),
    checkCadence(signals),
    checkContributors(signals),
    signals.organiserCount >= CORE_GROUP_ORGANISERS
      ? met(`${plural(signals.organiserCount, 'organiser')}, so others can take over.`)
      : notMet(`${organisersWord(signals.organiserCount)}, so no one is ready to take over.`),
    signals.newcomersLast90Days >= STEADY_NEWCOMERS_LAST_90_DAYS
      ? met(`${plural(signals.newcomersLast90Days, 'newcomer')} in the last 90 days.`)
      : notMet(
          `${plural(signals.newcomersLast90Days, 'newcomer')} in the last 90 days, fewer than ${STEADY_NEWCOMERS_LAST_90_DAYS}.`,
        ),
  ],
  MATURING: (signals) => {
    const movement = `${signals.newcomersLast90Days} joined and ${signals.membersLeftLast90Days} left in the last 90 days.`;
    return [
      checkCadence(signals),
      signals.newcomersLast90Days > signals.membersLeftLast90Days
        ? met(`Membership is growing: ${movement}`)
        : notMet(`Membership is not growing: ${movement}`),
      signals.organiserCount >= SEVERAL_ORGANISERS
        ? met(`${plural(signals.organiserCount, 'organiser')} share the work.`)
        : notMet(`${plural(signals.organiserCount, 'organiser')}, fewer than ${SEVERAL_ORGANISERS}.`),
    ];
  },
  COALESCING: (signals) => [
    checkFirstEvents(signals),
    checkRepeatAttendees(signals),
    signals.organiserCount >= CORE_GROUP_ORGANISERS
      ? met(`${signals.organiserCount} organisers: a core group is forming.`)
      : notMet(coreGroupShortfall(signals.organiserCount)),
    signals.memberCount >= FEW_MEMBERS
      ? met(`${plural(signals.memberCount, 'member')}, at least ${FEW_MEMBERS}.`)
      : notMet(`${plural(signals.memberCount, 'member')}, fewer than ${FEW_MEMBERS}.`),
  ],
};

/** Why a network looks like POTENTIAL: the few things there are. */
export function potentialReasons(signals: NetworkSignals): string[] {
  const reasons = [`${plural(signals.memberCount, 'member')}, fewer than ${FEW_MEMBERS}.`];
  if (signals.eventsHeld === 0) reasons.push('No events held yet.');
  reasons.push(coreGroupShortfall(signals.organiserCount));
  return reasons;
}

/** The signals not tracked yet, each named once, in a fixed order. */
export function missingSignalsOf(signals: NetworkSignals): string[] {
  const missing: string[] = [];
  if (signals.eventsHeld === null) missing.push(EVENTS_HELD);
  if (checkCadence(signals).met === null) missing.push(EVENT_CADENCE);
  if (signals.repeatAttendees === null) missing.push(REPEAT_ATTENDEES);
  if (signals.contributorsLast180Days === null) missing.push(CONTRIBUTORS);
  return missing;
}

function checkEventsStopped(signals: NetworkSignals): Check {
  const { eventsHeld, eventsLast180Days } = signals;
  if (eventsHeld === null) return missingSignal(EVENTS_HELD);
  if (eventsHeld === 0) return notMet('No events held yet, so none have stopped.');
  if (eventsLast180Days === null) return missingSignal(EVENT_CADENCE);
  if (eventsLast180Days === 0) return met(`No events in the last 180 days after ${eventsHeld} held.`);
  return notMet(`${plural(eventsLast180Days, 'event')} in the last 180 days.`);
}

function checkDepartures(signals: NetworkSignals): Check {
  const left = signals.membersLeftLast90Days;
  const joined = signals.newcomersLast90Days;
  if (left > joined && left >= NOTABLE_DEPARTURES_LAST_90_DAYS) {
    return met(`More members left than joined in the last 90 days: ${left} left, ${joined} joined.`);
  }
  return notMet(`${joined} joined and ${left} left in the last 90 days.`);
}

function checkLoneOrganiser(signals: NetworkSignals): Check {
  const age = `a network ${signals.ageDays} days old`;
  if (signals.organiserCount > 1) {
    return notMet(`${plural(signals.organiserCount, 'organiser')}, so the network does not rest on one person.`);
  }
  if (signals.ageDays > ESTABLISHED_AGE_DAYS) {
    return met(`${organisersWord(signals.organiserCount)} in ${age}, more than 2 years.`);
  }
  return notMet(`${organisersWord(signals.organiserCount)} in ${age}, not more than 2 years.`);
}

function checkCadence(signals: NetworkSignals): Check {
  const { eventsHeld, eventsLast180Days, medianDaysBetweenEvents: median } = signals;
  if (eventsLast180Days === null) return missingSignal(EVENT_CADENCE);
  if (eventsLast180Days < STEADY_EVENTS_LAST_180_DAYS) {
    return notMet(
      `${plural(eventsLast180Days, 'event')} in the last 180 days, fewer than ${STEADY_EVENTS_LAST_180_DAYS}.`,
    );
  }
  if (median === null) {
    // With fewer than 2 events held there is no gap to measure: no cadence yet, not a missing signal.
    return eventsHeld !== null && eventsHeld < 2
      ? notMet(`${plural(eventsHeld, 'event')} held so far: too few for a rhythm.`)
      : missingSignal(EVENT_CADENCE);
  }
  const apart = `a median of ${plural(round(median), 'day')} apart`;
  if (median > STEADY_MEDIAN_GAP_DAYS) {
    return notMet(`Events ${apart}, more than ${STEADY_MEDIAN_GAP_DAYS}.`);
  }
  return met(`${plural(eventsLast180Days, 'event')} in the last 180 days, ${apart}.`);
}

function checkContributors(signals: NetworkSignals): Check {
  const contributors = signals.contributorsLast180Days;
  if (contributors === null) return missingSignal(CONTRIBUTORS);
  const who = `${contributors} ${contributors === 1 ? 'person' : 'people'} hosted, spoke, mentored, wrote or reviewed in the last 180 days`;
  return contributors >= MANY_CONTRIBUTORS ? met(`${who}.`) : notMet(`${who}, fewer than ${MANY_CONTRIBUTORS}.`);
}

function checkFirstEvents(signals: NetworkSignals): Check {
  if (signals.eventsHeld === null) return missingSignal(EVENTS_HELD);
  if (signals.eventsHeld === 0) return notMet('No events held yet.');
  return met(`${plural(signals.eventsHeld, 'event')} held so far.`);
}

function checkRepeatAttendees(signals: NetworkSignals): Check {
  const repeat = signals.repeatAttendees;
  if (repeat === null) return missingSignal(REPEAT_ATTENDEES);
  if (repeat === 0) return notMet('No one has come back to an event yet.');
  const who = repeat === 1 ? '1 person came' : `${repeat} people came`;
  return met(`${who} back to an event within 90 days.`);
}

function coreGroupShortfall(organiserCount: number): string {
  return `${organisersWord(organiserCount)} so far; a core group needs at least ${CORE_GROUP_ORGANISERS}.`;
}

/** "Only 1 organiser" or "No organisers", for counts under 2. */
function organisersWord(count: number): string {
  return count === 1 ? 'Only 1 organiser' : 'No organisers';
}

function met(reason: string): Check {
  return { met: true, reason };
}

function notMet(reason: string): Check {
  return { met: false, reason };
}

function missingSignal(missing: string): Check {
  return { met: null, missing };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Medians can fall between two whole days (30.5); one decimal place is enough for a person. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function stageName(stage: LifecycleStage): string {
  return stage.charAt(0) + stage.slice(1).toLowerCase();
}
