// Suggests a lifecycle stage for a network from the signals Hearth can see (DOMAIN.md,
// "Lifecycle of a network"). Stewards set the stage; this only suggests one, and says why, so
// every suggestion comes with plain-English reasons and the signals it could not see.
//
// Pure: no I/O, no clock. The caller works out the counts (and the network's age) and passes them in.
//
// The thresholds, and why (each stage's row in DOMAIN.md's stage table in brackets), are in
// stage-checks.ts. From the signals alone, highest first:
//   TRANSFORMATION when any of its signs shows (checked first, because a network that is winding
//   down should be told so even if it once matured); then STEWARDSHIP, then MATURING, when all of
//   their criteria are met; then COALESCING when any of its signs shows; POTENTIAL otherwise.
//
// Missing signals (null = not tracked yet): a stage is only suggested when every signal it needs is
// known. A criterion that cannot be checked blocks the stage rather than passing it, so with events
// unknown the signals alone stop at COALESCING, and with contributors unknown they stop at MATURING.
// When the known signals for a higher stage all pass and only missing ones block it, a reason says
// so. TRANSFORMATION can still be suggested from members and organisers alone: those signals are
// known, and hiding a warning because events are not tracked would not help the steward.
// The median gap is naturally absent with fewer than 2 events held; that is "no cadence yet", not
// a missing signal.
//
// The stage stewards set: a missing signal must never push the suggestion below it. The
// suggestion steps down from the stage set only past stages the signals rule out with every
// signal those stages depend on known. A known shortfall is not enough while another signal is
// missing: the criteria for reaching a stage are not a test for leaving it, and a maturing network
// with a quiet quarter (one joined, one left) is not coalescing again. Where a stage cannot be
// judged for a missing signal, the suggestion stops there; at the stage set itself that is "not
// enough evidence to suggest a change" (enoughEvidence: false), with what Hearth can see and what
// it cannot. TRANSFORMATION, the way a network ends, may follow any stage and is suggested from
// known signals whatever the stage set.

import type { LifecycleStage } from '../../db/schema.ts';
import { judgeStage, missingSignalsOf, potentialReasons, stageName, type NetworkSignals } from './stage-checks.ts';

export type { LifecycleStage, NetworkSignals };

export interface LifecycleSuggestion {
  stage: LifecycleStage;
  reasons: string[];
  missingSignals: string[];
  /**
   * False when the known signals can neither confirm the stage stewards set nor rule it out, so
   * Hearth has not enough evidence to suggest a change: `stage` is then the stage set.
   */
  enoughEvidence: boolean;
}

/** The order a network usually passes through the stages; TRANSFORMATION may follow any of them. */
const STAGE_ORDER: readonly LifecycleStage[] = ['POTENTIAL', 'COALESCING', 'MATURING', 'STEWARDSHIP', 'TRANSFORMATION'];

const rank = (stage: LifecycleStage) => STAGE_ORDER.indexOf(stage);

/** The stage to suggest to stewards who set `current`, with the reasons and the signals not seen. */
export function suggestLifecycleStage(signals: NetworkSignals, current: LifecycleStage): LifecycleSuggestion {
  const missingSignals = missingSignalsOf(signals);
  const shown = stageFromSignals(signals);
  if (rank(shown.stage) >= rank(current)) return { ...shown, missingSignals, enoughEvidence: true };

  // The signals alone point lower than the stage set. Step down only past stages that the
  // signals rule out with every signal they depend on known.
  const ruledOut: string[] = [];
  for (let step = rank(current); step > rank(shown.stage); step -= 1) {
    const stage = STAGE_ORDER[step]!;
    if (stage === 'POTENTIAL') break; // never reached: the loop stops above the stage the signals show
    const verdict = judgeStage(stage, signals);
    if (verdict.kind === 'ruledOut' && verdict.missing.length === 0) {
      ruledOut.push(...verdict.reasons);
      continue;
    }
    // Only a missing signal could take the suggestion lower: stop here, and say what it depends on.
    const still = stage === current;
    const reasons = [...ruledOut, ...verdict.known, dependsOn(stage, verdict.missing, still)];
    return { stage, reasons, missingSignals, enoughEvidence: !still };
  }
  return {
    stage: shown.stage,
    reasons: [...new Set([...ruledOut, ...shown.reasons])],
    missingSignals,
    enoughEvidence: true,
  };
}

/** The highest stage the known signals support on their own, as if stewards had set none. */
function stageFromSignals(signals: NetworkSignals): { stage: LifecycleStage; reasons: string[] } {
  const transformation = judgeStage('TRANSFORMATION', signals);
  if (transformation.kind === 'fits') return { stage: 'TRANSFORMATION', reasons: transformation.reasons };

  let blockedReason: string | null = null;
  const withBlocked = (reasons: string[]) => (blockedReason === null ? reasons : [...reasons, blockedReason]);
  for (const stage of ['STEWARDSHIP', 'MATURING'] as const) {
    const verdict = judgeStage(stage, signals);
    if (verdict.kind === 'fits') return { stage, reasons: withBlocked(verdict.reasons) };
    // Everything known points to this stage; only missing signals stand in the way. Say so once,
    // for the highest such stage.
    if (verdict.kind === 'unknown') {
      const { missing } = verdict;
      blockedReason ??= `Not enough evidence for ${stageName(stage)}: ${listOf(missing)} ${missing.length === 1 ? 'is' : 'are'} not tracked yet.`;
    }
  }

  const coalescing = judgeStage('COALESCING', signals);
  if (coalescing.kind === 'fits') return { stage: 'COALESCING', reasons: withBlocked(coalescing.reasons) };
  return { stage: 'POTENTIAL', reasons: potentialReasons(signals) };
}

function dependsOn(stage: LifecycleStage, missing: readonly string[], still: boolean): string {
  const which = missing.length === 1 ? 'which is' : 'which are';
  return `Whether the network is ${still ? 'still ' : ''}${stageName(stage)} depends on ${listOf(missing)}, ${which} not tracked yet.`;
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
