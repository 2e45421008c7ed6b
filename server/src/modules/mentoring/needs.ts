// A digital lead's need: what they are trying to do, the help they want, and the brief a mentor
// reads before answering. Only the lead sees their needs here; a mentor they ask and the
// organiser of a matching round see them through the request and the round.
import { transaction, type ServiceContext } from '../../core/context.ts';
import { badInput, checkFields, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { cleanText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import * as memberships from '../memberships/service.ts';
import * as people from '../people/service.ts';
import { checkedAsk, sendAsk } from './asks.ts';
import * as notices from './notices.ts';
import * as repo from './repository.ts';
import type { MentoringFormat, NeedFields, NeedRecord, NeedUrgency, SupportCategory } from './repository.ts';

export type { NeedRecord };

export interface PostNeedInput {
  title: string;
  description: string;
  firstCallBrief: string;
  categories: readonly SupportCategory[];
  skills: readonly string[];
  formats: readonly MentoringFormat[];
  urgency: NeedUrgency;
  networkId?: string | null;
  /** A mentor to ask at once: the need and the request are written together, or neither. */
  askMentor?: { mentorId: string; message: string } | null;
}

const NOT_YOURS = 'There is no such need of yours.';

/** The need, checked field by field; every problem is reported at once. */
export function validNeed(input: PostNeedInput): Omit<NeedFields, 'networkId'> {
  const checked = checkFields({
    title: () =>
      cleanText('title', input.title, { label: 'title', max: 120, required: 'Give your need a short title.' }),
    description: () =>
      cleanText('description', input.description, {
        label: 'description',
        max: 2000,
        multiline: true,
        required: 'Say what you are trying to do.',
      }),
    firstCallBrief: () =>
      cleanText('firstCallBrief', input.firstCallBrief, {
        label: 'first-call brief',
        max: 1000,
        multiline: true,
        required: 'Say what you want from the first conversation: a mentor reads this before answering.',
      }),
    skills: () => people.checkedSkills(input.skills),
    formats: () => {
      if (input.formats.length === 0) throw badInput('formats', 'Choose at least one way you could meet.');
      return [...new Set(input.formats)];
    },
  });
  return { ...checked, categories: [...new Set(input.categories)], urgency: input.urgency };
}

/** The network a need is posted in: one the lead belongs to, or none. */
async function needNetwork(ctx: ServiceContext, networkId: string | null | undefined): Promise<string | null> {
  if (networkId === null || networkId === undefined || networkId === '') return null;
  const roles = isUuid(networkId) ? await memberships.rolesOfViewer(ctx, [networkId]) : new Map();
  if (!roles.has(networkId)) throw badInput('networkId', 'Choose one of your own networks, or none.');
  return networkId;
}

/** Posts a need for the viewer, and asks the mentor it names (if any) in the same transaction. */
export async function postNeed(ctx: ServiceContext, input: PostNeedInput): Promise<NeedRecord> {
  const viewer = requireViewer(ctx);
  const fields = { ...validNeed(input), networkId: await needNetwork(ctx, input.networkId) };
  if (fields.networkId) await memberships.requireGoodStanding(ctx, fields.networkId);
  const ask = input.askMentor;
  if (!ask) return repo.insertNeed(ctx.db, viewer.userId, fields, ctx.clock.now());
  const message = await checkedAsk(ctx, {
    leadId: viewer.userId,
    mentorId: ask.mentorId,
    networkId: fields.networkId,
    message: ask.message,
  });
  const { need, added } = await transaction(ctx, async (tx) => {
    const need = await repo.insertNeed(tx.db, viewer.userId, fields, tx.clock.now());
    const { added } = await sendAsk(tx, { need, lead: viewer, mentorId: ask.mentorId, message });
    return { need, added };
  });
  await notices.announce(ctx, added);
  return need;
}

/** One of the viewer's own needs; NOT_FOUND for anyone else's, so a need's existence is not told. */
export async function myNeed(ctx: ServiceContext, needId: string): Promise<NeedRecord> {
  const viewer = requireViewer(ctx);
  const [need] = isUuid(needId) ? await repo.getNeedsByIds(ctx.db, [needId]) : [];
  if (!need || need.leadId !== viewer.userId) throw notFound(NOT_YOURS);
  return need;
}

export async function myNeeds(ctx: ServiceContext): Promise<NeedRecord[]> {
  const viewer = requireViewer(ctx);
  return repo.getNeedsOfLead(ctx.db, viewer.userId);
}

/**
 * Closes one of the viewer's needs, withdrawing a request still waiting about it (its mentor is
 * told); closing a closed need again changes nothing.
 */
export async function closeNeed(ctx: ServiceContext, needId: string): Promise<NeedRecord> {
  const viewer = requireViewer(ctx);
  const need = await myNeed(ctx, needId);
  if (need.status === 'CLOSED') return need;
  const { closed, added } = await transaction(ctx, async (tx) => {
    const now = tx.clock.now();
    const withdrawn = await repo.withdrawPendingOfNeed(tx.db, need.id, now);
    const closed = await repo.closeNeed(tx.db, need.id, need.leadId, now);
    // A request already past its time was not waiting on its mentor: they are not told.
    const waited = withdrawn.filter((request) => request.expiresAt > now);
    const added = await notices.tell(
      tx,
      waited.map((request) => notices.withdrawn(request, viewer.name, need)),
    );
    return { closed, added };
  });
  await notices.announce(ctx, added);
  return closed ?? myNeed(ctx, needId);
}
