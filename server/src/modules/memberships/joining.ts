import { transaction, type ServiceContext } from '../../core/context.ts';
import { badInput, checkFields, conflict, forbidden, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import { cleanText, optionalText } from '../../core/text.ts';
import { requireViewer } from '../accounts/service.ts';
import * as audit from '../audit/service.ts';
import * as networks from '../networks/service.ts';
import * as notifications from '../notifications/service.ts';
import type { NetworkRecord } from '../networks/service.ts';
import * as repo from './repository.ts';
import type { JoinRequestRow } from './repository.ts';

// Who gets in. A network's join policy says how a newcomer becomes a member: at once, accepting
// the code of conduct (OPEN), or by asking, with a line about themself that a steward or
// organiser answers (ASK_TO_JOIN). Until a request is approved it grants nothing: the newcomer
// sees what a visitor sees. A person the stewards removed can neither join nor ask again.

export type JoinRequestRecord = JoinRequestRow;

const REMOVED = 'The stewards of this network removed you from it, so you cannot join it again.';
const ASK_INSTEAD =
  'This network asks newcomers to say a line about themselves first: ask to join, and a steward or organiser will answer.';
const JOIN_INSTEAD = 'This network is open to anyone who accepts its code of conduct: join it directly.';

const ABOUT_RULE = {
  label: 'line about yourself',
  max: 500,
  multiline: true,
  required: 'Write a line about yourself, so the stewards know who is asking.',
};
const NOTE_RULE = { label: 'note', max: 1000, multiline: true };

/** Whether the person is a member now; FORBIDDEN for one the stewards removed. Inside a transaction holding the network. */
async function alreadyMember(ctx: ServiceContext, networkId: string, userId: string): Promise<boolean> {
  const state = await repo.getMembershipState(ctx.db, networkId, userId);
  if (state?.removed && !state.active) throw forbidden(REMOVED);
  return state?.active ?? false;
}

/**
 * Joins a network at once, accepting its code of conduct. FORBIDDEN for a network that asks to
 * join, and for a person its stewards removed; CONFLICT for a member.
 */
export async function joinNetwork(
  ctx: ServiceContext,
  networkId: string,
  acceptCodeOfConduct: boolean,
): Promise<NetworkRecord> {
  const viewer = requireViewer(ctx);
  if (!acceptCodeOfConduct) {
    throw badInput('acceptCodeOfConduct', "Read and accept the network's code of conduct to join.");
  }
  const { network, added } = await transaction(ctx, async (tx) => {
    // Locked, so the code of conduct version recorded is the one in force when they joined, and
    // the join policy is the one in force too.
    const network = await networks.lockNetwork(tx, networkId);
    if (await alreadyMember(tx, networkId, viewer.userId)) throw conflict('You are already a member of this network.');
    if (network.joinPolicy === 'ASK_TO_JOIN') throw forbidden(ASK_INSTEAD);
    const now = ctx.clock.now();
    const joined = await repo.upsertMembership(tx.db, {
      networkId,
      userId: viewer.userId,
      role: 'MEMBER',
      codeOfConductVersion: network.codeOfConductVersion,
      now,
    });
    if (!joined) throw conflict('You are already a member of this network.');
    // A request left waiting from when the network asked to join has nothing left to answer.
    await repo.withdrawPendingRequest(tx.db, networkId, viewer.userId, now);
    const added = await notifications.notify(tx, {
      userIds: await repo.getStewardIds(tx.db, networkId),
      kind: 'NEW_MEMBER',
      title: `${viewer.name} joined ${network.name}`,
      url: `/networks/${network.slug}/members`,
    });
    return { network, added };
  });
  await notifications.announceAdded(ctx, added);
  return network;
}

/**
 * Asks to join a network whose join policy is ASK_TO_JOIN, with a line about yourself and its
 * code of conduct accepted (the version is kept with the request, and becomes the member's when
 * approved). CONFLICT for an open network, for a member and while a request waits; FORBIDDEN
 * for a person the stewards removed. The network's stewards and organisers are told.
 */
export async function askToJoin(
  ctx: ServiceContext,
  networkId: string,
  rawAbout: string,
  acceptCodeOfConduct: boolean,
): Promise<JoinRequestRecord> {
  const viewer = requireViewer(ctx);
  const { about } = checkFields({
    about: () => cleanText('about', rawAbout, ABOUT_RULE),
    acceptCodeOfConduct: () => {
      if (!acceptCodeOfConduct) {
        throw badInput('acceptCodeOfConduct', "Read and accept the network's code of conduct to ask to join.");
      }
    },
  });
  const { request, added } = await transaction(ctx, async (tx) => {
    const network = await networks.lockNetwork(tx, networkId);
    if (await alreadyMember(tx, networkId, viewer.userId)) throw conflict('You are already a member of this network.');
    if (network.joinPolicy === 'OPEN') throw conflict(JOIN_INSTEAD);
    const request = await repo.insertJoinRequest(tx.db, {
      networkId,
      userId: viewer.userId,
      about,
      codeOfConductVersion: network.codeOfConductVersion,
      now: ctx.clock.now(),
    });
    if (!request) throw conflict('Your request to join this network is already waiting for its stewards.');
    const added = await notifications.notify(tx, {
      userIds: await repo.getOrganiserIds(tx.db, networkId),
      kind: 'NEW_MEMBER',
      title: `${viewer.name} asked to join ${network.name}`,
      url: `/networks/${network.slug}/join-requests`,
    });
    return { request, added };
  });
  await notifications.announceAdded(ctx, added);
  return request;
}

async function requestById(ctx: ServiceContext, requestId: string): Promise<JoinRequestRecord> {
  const [request] = isUuid(requestId) ? await repo.getJoinRequestsByIds(ctx.db, [requestId]) : [];
  if (!request) throw notFound('There is no such request to join.');
  return request;
}

/** Withdraws the viewer's own waiting request. NOT_FOUND for anyone else's; CONFLICT once answered. */
export async function withdrawJoinRequest(ctx: ServiceContext, requestId: string): Promise<JoinRequestRecord> {
  const viewer = requireViewer(ctx);
  const request = await requestById(ctx, requestId);
  if (request.userId !== viewer.userId) throw notFound('There is no such request to join.');
  // In a transaction of its own so what the request had memoised of it is read afresh.
  const withdrawn = await transaction(ctx, (tx) =>
    repo.answerJoinRequest(tx.db, {
      id: request.id,
      status: 'WITHDRAWN',
      note: null,
      answeredBy: null,
      onlyUserId: viewer.userId,
      now: ctx.clock.now(),
    }),
  );
  if (!withdrawn) throw conflict('This request was already answered or withdrawn.');
  return withdrawn;
}

/**
 * Approves or declines a waiting request, with an optional note the person reads: approved, they
 * become a member under the code of conduct version they accepted in asking. Stewards and
 * organisers of the network only. The answer is a conditional update, so of two answers given at
 * once one wins and the other is refused (CONFLICT). The person is told, and the audit trail
 * records who answered, in the same transaction.
 */
export async function answerJoinRequest(
  ctx: ServiceContext,
  requestId: string,
  approve: boolean,
  rawNote: string | null | undefined,
): Promise<JoinRequestRecord> {
  const viewer = requireViewer(ctx);
  const note = optionalText('note', rawNote, NOTE_RULE) ?? null;
  const { answered, added } = await transaction(ctx, async (tx) => {
    const request = await requestById(tx, requestId);
    const role = await repo.getActiveRole(tx.db, request.networkId, viewer.userId);
    if (role !== 'STEWARD' && role !== 'ORGANISER') {
      throw forbidden("Only this network's stewards and organisers can answer requests to join.");
    }
    const now = ctx.clock.now();
    const answered = await repo.answerJoinRequest(tx.db, {
      id: request.id,
      status: approve ? 'APPROVED' : 'DECLINED',
      note,
      answeredBy: viewer.userId,
      now,
    });
    if (!answered) throw conflict('This request was already answered or withdrawn.');
    const network = (await networks.networksByIds(tx, [request.networkId])).get(request.networkId)!;
    if (approve) {
      await repo.upsertMembership(tx.db, {
        networkId: request.networkId,
        userId: request.userId,
        role: 'MEMBER',
        codeOfConductVersion: request.codeOfConductVersion,
        now,
      });
    }
    const added = await notifications.notify(tx, {
      userIds: [request.userId],
      kind: 'ROLE_CHANGED',
      title: approve ? `You are now a member of ${network.name}` : `Your request to join ${network.name} was declined`,
      ...(note !== null && { body: note }),
      url: `/networks/${network.slug}`,
    });
    await audit.record(tx, {
      networkId: request.networkId,
      actorId: viewer.userId,
      action: 'JOIN_REQUEST_ANSWERED',
      subjectPersonId: request.userId,
      summary: approve ? 'Approved a request to join' : 'Declined a request to join',
      reason: note,
    });
    return { answered, added };
  });
  await notifications.announceAdded(ctx, added);
  return answered;
}
