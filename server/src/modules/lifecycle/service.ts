import { transaction, type ServiceContext } from '../../core/context.ts';
import { cleanText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import * as audit from '../audit/service.ts';
import * as memberships from '../memberships/service.ts';
import * as networks from '../networks/service.ts';
import type { LifecycleStage, NetworkRecord } from '../networks/service.ts';
import * as repo from './repository.ts';
import type { LifecycleChangeRecord } from './repository.ts';
import { suggestLifecycleStage, type LifecycleSuggestion } from './suggestion.ts';

// A network's lifecycle: stewards set the stage with a dated note, the history is kept, and the
// product suggests a stage from the signals it can see without ever overriding people.

export type { LifecycleChangeRecord, LifecycleStage, LifecycleSuggestion };

const NOTE_RULE = {
  label: 'note',
  max: 2000,
  multiline: true,
  required: 'Add a short note saying why the stage changed.',
};

export async function setLifecycleStage(
  ctx: ServiceContext,
  networkId: string,
  stage: LifecycleStage,
  rawNote: string,
): Promise<NetworkRecord> {
  const viewer = requireViewer(ctx);
  const note = cleanText('note', rawNote, NOTE_RULE);
  return transaction(ctx, async (tx) => {
    const network = await networks.lockNetwork(tx, networkId);
    await memberships.requireSteward(tx, networkId);
    await networks.setStage(tx, networkId, stage);
    const now = ctx.clock.now();
    await repo.insertLifecycleChange(tx.db, { networkId, stage, note, setBy: viewer.userId, now });
    await audit.record(tx, {
      networkId,
      actorId: viewer.userId,
      action: 'STAGE_CHANGED',
      summary:
        network.stage === stage
          ? `Kept the stage at ${STAGE_IN_WORDS[stage]}`
          : `Changed the stage from ${STAGE_IN_WORDS[network.stage]} to ${STAGE_IN_WORDS[stage]}`,
      reason: note,
    });
    return { ...network, stage, stageSetAt: now };
  });
}

const STAGE_IN_WORDS: Record<LifecycleStage, string> = {
  POTENTIAL: 'Potential',
  COALESCING: 'Coalescing',
  MATURING: 'Maturing',
  STEWARDSHIP: 'Stewardship',
  TRANSFORMATION: 'Transformation',
};

/** Each network's stage history, newest first, in one statement. */
export async function lifecycleHistories(
  ctx: ServiceContext,
  networkIds: readonly string[],
): Promise<Map<string, LifecycleChangeRecord[]>> {
  const rows = await repo.getLifecycleHistories(ctx.db, networkIds);
  return Map.groupBy(rows, (row) => row.networkId);
}

const DAY_MS = 86_400_000;

/**
 * The stage each network's signals suggest to its stewards, given the stage they set, with
 * reasons; the membership signals are read once per request.
 */
export async function suggestions(
  ctx: ServiceContext,
  networkList: readonly NetworkRecord[],
): Promise<Map<string, LifecycleSuggestion>> {
  const membershipSignals = await memberships.membershipSignals(
    ctx,
    networkList.map((network) => network.id),
  );
  const now = ctx.clock.now().getTime();
  return new Map(
    networkList.map((network) => {
      const members = membershipSignals.get(network.id);
      // Events and contributions arrive with later modules; until then they are unknown (null).
      const signals = {
        memberCount: members?.memberCount ?? 0,
        newcomersLast90Days: members?.newcomers ?? 0,
        membersLeftLast90Days: members?.leavers ?? 0,
        organiserCount: members?.organisers ?? 0,
        eventsHeld: null,
        eventsLast180Days: null,
        medianDaysBetweenEvents: null,
        repeatAttendees: null,
        contributorsLast180Days: null,
        ageDays: Math.floor((now - network.createdAt.getTime()) / DAY_MS),
      };
      return [network.id, suggestLifecycleStage(signals, network.stage)];
    }),
  );
}

/** The stage notes the person wrote, for their export. */
export async function notesForExport(ctx: ServiceContext, userId: string) {
  const rows = await repo.getNotesForExport(ctx.db, userId);
  const named = await networks.networksByIds(
    ctx,
    rows.map((row) => row.networkId),
  );
  return rows.map(({ networkId, ...note }) => ({ networkSlug: named.get(networkId)!.slug, ...note }));
}
