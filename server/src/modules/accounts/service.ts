import { transaction, type ServiceContext, type Viewer } from '../../core/context.ts';
import { badInput, checkFields, conflict, rateLimited, unauthenticated } from '../../core/errors.ts';
import { cleanText, textLength } from '../../core/text.ts';
import { isUniqueViolation } from '../../core/query.ts';
import { hashPassword, makeDecoyHash, passwordProblem, verifyPassword } from '../../auth/passwords.ts';
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from '../../auth/tokens.ts';
import type { Db } from '../../db/database.ts';
import type { Config } from '../../config.ts';
import * as notifications from '../notifications/service.ts';
import { limitedClient } from './client-address.ts';
import { sendChangeNotice, sendLink, useLink, usableLink } from './email-links.ts';
import * as repo from './repository.ts';
import type { AccountRecord, NamedPeople } from './repository.ts';

export type { AccountRecord, NamedPeople };

export interface SignedIn {
  user: AccountRecord;
  token: string;
  expiresAt: Date;
  /** The identity the rest of this request acts as. */
  viewer: Viewer;
}

const EMAIL_MAX_LENGTH = 254;
const NAME_MAX_LENGTH = 100;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Extending a session at most this often keeps a write off most requests. */
const SESSION_TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export const SESSION_ENDED_TOPIC = (userId: string) => `session-ended:${userId}`;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function validEmail(raw: string, field = 'email'): string {
  const email = normaliseEmail(raw);
  if (email === '') throw badInput(field, 'Enter your email address.');
  if (textLength(email) > EMAIL_MAX_LENGTH)
    throw badInput(field, `Use an email address of at most ${EMAIL_MAX_LENGTH} characters.`);
  if (!EMAIL_SHAPE.test(email)) throw badInput(field, 'Enter an email address like name@example.org.');
  return email;
}

function checkNewPassword(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) throw badInput(field, problem);
}

const NAME_RULE = {
  label: 'name',
  max: NAME_MAX_LENGTH,
  required: 'Enter the name you want to be shown by.',
  isName: true,
};

export function validName(raw: string): string {
  return cleanText('name', raw, NAME_RULE);
}

function sessionExpiry(config: Config, createdAt: Date, lastUsedAt: Date): Date {
  return new Date(
    Math.min(
      lastUsedAt.getTime() + config.session.inactivityTimeoutMs,
      createdAt.getTime() + config.session.absoluteLifetimeMs,
    ),
  );
}

async function startSession(ctx: ServiceContext, user: AccountRecord): Promise<SignedIn> {
  const now = ctx.clock.now();
  const { id, secret, token } = generateSessionToken();
  await repo.insertSession(ctx.db, { id, userId: user.id, secretHash: hashSecret(secret), now });
  const viewer: Viewer = { userId: user.id, sessionId: id, name: user.name, email: user.email };
  return { user, token, expiresAt: sessionExpiry(ctx.config, now, now), viewer };
}

export async function signUp(
  ctx: ServiceContext,
  input: { email: string; password: string; name: string },
): Promise<SignedIn> {
  // Every field is checked, so a form can show all its problems at once; nothing is hashed unless all pass.
  const { email, name } = checkFields({
    email: () => validEmail(input.email),
    name: () => validName(input.name),
    password: () => checkNewPassword(input.password, normaliseEmail(input.email)),
  });

  await countSignUpAttempt(ctx);
  const passwordHash = await hashPassword(input.password);
  return transaction(ctx, async (tx) => {
    const user = await repo.insertUser(tx.db, { email, name, passwordHash });
    if (!user) throw conflict('An account with this email already exists. Sign in instead.', 'email');
    await sendLink(tx, user, 'VERIFY_EMAIL', user.email);
    return startSession(tx, user);
  });
}

/**
 * Counts a sign-up from the caller's client, refusing it past the limit. Counted whether the email
 * turns out to be taken or not, since telling the two apart is what an enumerator is after; and
 * before the password is hashed, so a refused client costs no hashing.
 */
async function countSignUpAttempt(ctx: ServiceContext): Promise<void> {
  const { windowMs, perClient } = ctx.config.signUpLimits;
  const key = `sign-up:${limitedClient(ctx.clientAddress)}`;
  if ((await repo.countAttempt(ctx.db, key, ctx.clock.now(), windowMs, perClient)) === null) {
    throw rateLimited('Too many sign-ups from your network address in the last hour. Wait an hour, then try again.');
  }
}

// Made once at start-up; see makeDecoyHash.
const decoyHash = makeDecoyHash();

const INVALID_CREDENTIALS = 'That email and password do not match an account. Check them and try again.';

export async function signIn(ctx: ServiceContext, input: { email: string; password: string }): Promise<SignedIn> {
  const email = normaliseEmail(input.email);
  if (email === '') throw badInput('email', 'Enter your email address.');
  if (input.password === '') throw badInput('password', 'Enter your password.');
  if (textLength(email) > EMAIL_MAX_LENGTH || textLength(input.password) > 256)
    throw badInput('email', INVALID_CREDENTIALS);

  const keys = signInKeys(email, limitedClient(ctx.clientAddress));
  if (!(await countSignInAttempt(ctx, keys))) {
    throw rateLimited('Too many sign-in attempts. Wait 15 minutes, then try again.');
  }

  const account = await repo.getCredentialsByEmail(ctx.db, email);
  const matches = await verifyPassword(account?.passwordHash ?? (await decoyHash), input.password);
  if (!account || !matches) throw badInput('password', INVALID_CREDENTIALS);

  // Not a guess after all: the client's earlier misses at this email are forgiven, and this
  // attempt uses up neither the client's allowance nor the email's.
  await Promise.all([
    repo.clearAttempts(ctx.db, keys.emailFromClient),
    repo.releaseAttempts(ctx.db, [keys.client, keys.email]),
  ]);
  return startSession(ctx, { id: account.id, email: account.email, name: account.name });
}

interface SignInKeys {
  client: string;
  emailFromClient: string;
  email: string;
}

/**
 * The counts one sign-in attempt goes against (repository.clearAttemptsNaming finds the email
 * ones). The email is as typed, so anything; the client goes first, escaped to hold no space, so
 * no email can make one client's key another's.
 */
function signInKeys(email: string, client: string): SignInKeys {
  return {
    client: `client:${client}`,
    emailFromClient: `client-email:${encodeURIComponent(client)} ${email}`,
    email: `email:${email}`,
  };
}

/**
 * Counts a sign-in attempt before its password is checked, so concurrent guesses cannot all get a
 * check; false when a limit refuses it. A refused attempt counts nowhere: a client already
 * refused cannot use up anyone else's allowance. In order:
 * - the client's attempts at any email stop one client trying address after address;
 * - the client's attempts at this email stop one client guessing one password, without
 *   refusing the owner signing in from somewhere else (OWASP: lock out per client, not per account);
 * - all clients' attempts at this email stop many clients sharing out the guesses at one
 *   password. Past that ceiling only a client yet to try this email in the window gets a
 *   check: a guessing client gets one more guess at most, and the owner still gets in.
 */
async function countSignInAttempt(ctx: ServiceContext, keys: SignInKeys): Promise<boolean> {
  const now = ctx.clock.now();
  const { windowMs, perClient, perEmail, perEmailAllClients } = ctx.config.signInLimits;
  const count = (key: string, limit: number | null) => repo.countAttempt(ctx.db, key, now, windowMs, limit);
  const refuse = async (counted: string[]) => {
    await repo.releaseAttempts(ctx.db, counted);
    return false;
  };

  if ((await count(keys.client, perClient)) === null) return false;
  const fromClient = await count(keys.emailFromClient, perEmail);
  if (fromClient === null) return refuse([keys.client]);
  const newToEmail = fromClient === 1;
  if ((await count(keys.email, newToEmail ? null : perEmailAllClients)) === null) {
    return refuse([keys.client, keys.emailFromClient]);
  }
  return true;
}

export interface Authentication {
  viewer: Viewer;
  /** Set when this request extended the session, so the cookie's expiry can follow. */
  extendedUntil: Date | null;
}

/** Checks a session token; null for a malformed, unknown, wrong or expired one. */
export async function authenticate(
  deps: { db: Db; config: Config; now: Date },
  token: string,
): Promise<Authentication | null> {
  const parts = parseSessionToken(token);
  if (!parts) return null;
  const found = await repo.findSessionWithUser(deps.db, parts.id);
  if (!found || !secretMatches(parts.secret, found.secretHash)) return null;

  const expiresAt = sessionExpiry(deps.config, found.createdAt, found.lastUsedAt);
  if (expiresAt.getTime() <= deps.now.getTime()) {
    await repo.deleteSession(deps.db, found.sessionId);
    return null;
  }
  const viewer: Viewer = {
    userId: found.user.id,
    sessionId: found.sessionId,
    name: found.user.name,
    email: found.user.email,
  };
  if (deps.now.getTime() - found.lastUsedAt.getTime() < SESSION_TOUCH_INTERVAL_MS) {
    return { viewer, extendedUntil: null };
  }
  await repo.touchSession(deps.db, found.sessionId, deps.now);
  return { viewer, extendedUntil: sessionExpiry(deps.config, found.createdAt, deps.now) };
}

export async function signOut(ctx: ServiceContext): Promise<boolean> {
  if (!ctx.viewer) return false;
  return repo.deleteSession(ctx.db, ctx.viewer.sessionId);
}

export async function signOutEverywhere(ctx: ServiceContext): Promise<boolean> {
  const viewer = requireViewer(ctx);
  await repo.deleteSessionsOfUser(ctx.db, viewer.userId);
  await ctx.pubsub.publish(SESSION_ENDED_TOPIC(viewer.userId), {
    sessionEnded: { reason: 'SIGNED_OUT_EVERYWHERE', at: ctx.clock.now().toISOString() },
  });
  return true;
}

export function requireViewer(ctx: { viewer: Viewer | null }): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

/** The people with these ids and their names, for the people module to build its statements on. */
export function namedPeople(ctx: ServiceContext, ids: readonly string[]): NamedPeople {
  return repo.namedPeople(ctx.db, ids);
}

export async function getUsersByIds(ctx: ServiceContext, ids: readonly string[]): Promise<AccountRecord[]> {
  return repo.getUsersByIds(ctx.db, ids);
}

/**
 * Holds the person's account row until the caller's transaction ends. Every change to a person
 * takes it first, so changes to one person take turns in one order: the database triggers that
 * keep their search document take it too, and would otherwise deadlock with a change that began
 * elsewhere. False when the account no longer exists.
 */
export async function lockAccount(ctx: ServiceContext, userId: string): Promise<boolean> {
  return repo.lockUser(ctx.db, userId);
}

/** Changes the person's shown name; part of the caller's transaction when ctx.db is one. */
export async function renameUser(ctx: ServiceContext, userId: string, rawName: string): Promise<void> {
  await repo.setUserName(ctx.db, userId, validName(rawName), ctx.clock.now());
}

const WRONG_PASSWORD = 'That password is not right. Enter the password you sign in with.';

/**
 * Checks the signed-in person's password before a step that cannot be undone. Wrong guesses are
 * counted like sign-in attempts, so a session left open is not an unlimited password oracle.
 */
export async function confirmPassword(ctx: ServiceContext, password: string): Promise<void> {
  const viewer = requireViewer(ctx);
  if (password === '') throw badInput('password', 'Enter your password to confirm.');
  if (textLength(password) > 256) throw badInput('password', WRONG_PASSWORD);
  // One session guessing is one client guessing one password: the same limit as sign-in's.
  const { windowMs, perEmail } = ctx.config.signInLimits;
  const key = confirmationKey(viewer.userId);
  if ((await repo.countAttempt(ctx.db, key, ctx.clock.now(), windowMs, perEmail)) === null) {
    throw rateLimited('Too many wrong passwords. Wait 15 minutes, then try again.');
  }
  const hash = await repo.getPasswordHash(ctx.db, viewer.userId);
  if (!hash || !(await verifyPassword(hash, password))) throw badInput('password', WRONG_PASSWORD);
  await repo.clearAttempts(ctx.db, key);
}

const confirmationKey = (userId: string) => `confirm:${userId}`;

/**
 * Deletes the account and everything that hangs off it in the database (see the people module),
 * and the counted sign-in attempts that name it. Call inside the caller's transaction, then
 * announceAccountDeleted once it has committed.
 */
export async function deleteUser(ctx: ServiceContext, userId: string): Promise<boolean> {
  await repo.clearAttemptsNaming(ctx.db, userId, [confirmationKey(userId)]);
  return repo.deleteUser(ctx.db, userId);
}

/** Tells the person's other open pages that their sessions have ended with the account. */
export async function announceAccountDeleted(ctx: ServiceContext, userId: string): Promise<void> {
  await ctx.pubsub.publish(SESSION_ENDED_TOPIC(userId), {
    sessionEnded: { reason: 'ACCOUNT_DELETED', at: ctx.clock.now().toISOString() },
  });
}

/** The account and its sessions as the person's own export shows them: no secrets. */
export async function accountForExport(ctx: ServiceContext, userId: string) {
  const [account, sessions] = await Promise.all([
    repo.getAccountForExport(ctx.db, userId),
    repo.getSessionsForExport(ctx.db, userId),
  ]);
  return account ? { account, sessions } : null;
}

// Links by email: password reset, proving an address, changing it (email-links.ts).

const UNUSABLE_LINK =
  'This link does not work: it may have been used already, have expired, or been replaced by a newer one. Ask for a new link.';

/**
 * Counts a request for an emailed link against the address and the client, before anything is
 * looked up: the same for an address with an account and one without, so a limit says nothing.
 */
async function countEmailLinkRequest(ctx: ServiceContext, email: string): Promise<void> {
  const { windowMs, perAddress, perClient } = ctx.config.emailLinkLimits;
  const now = ctx.clock.now();
  const fromClient = await repo.countAttempt(
    ctx.db,
    `email-link-client:${limitedClient(ctx.clientAddress)}`,
    now,
    windowMs,
    perClient,
  );
  const toAddress =
    fromClient === null ? null : await repo.countAttempt(ctx.db, `email-link:${email}`, now, windowMs, perAddress);
  if (toAddress === null) throw rateLimited('Too many links asked for. Wait an hour, then try again.');
}

/** The account using this address, if any: for the command line, never for a request's answer. */
export async function findAccountByEmail(ctx: ServiceContext, rawEmail: string): Promise<AccountRecord | null> {
  return (await repo.getAccountByEmail(ctx.db, validEmail(rawEmail))) ?? null;
}

/** Sends a reset link when the address has an account. Always true: the answer never says which. */
export async function requestPasswordReset(ctx: ServiceContext, rawEmail: string): Promise<boolean> {
  const email = validEmail(rawEmail);
  await countEmailLinkRequest(ctx, email);
  const account = await repo.getAccountByEmail(ctx.db, email);
  if (account) await transaction(ctx, (tx) => sendLink(tx, account, 'RESET_PASSWORD', account.email));
  return true;
}

/**
 * Sets a new password with a reset link, once. Ends every session (the person signs in again,
 * as anyone holding an old session must) and proves the address the link went to.
 */
export async function resetPassword(ctx: ServiceContext, token: string, newPassword: string): Promise<boolean> {
  const link = await usableLink(ctx, token, ['RESET_PASSWORD']);
  if (!link) throw badInput('token', UNUSABLE_LINK);
  checkNewPassword(newPassword, link.email, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  const now = ctx.clock.now();
  await transaction(ctx, async (tx) => {
    if (!(await useLink(tx, link))) throw badInput('token', UNUSABLE_LINK);
    await repo.setPasswordHash(tx.db, link.userId, passwordHash, now);
    await repo.deleteSessionsOfUser(tx.db, link.userId);
    await repo.deleteUnusedEmailTokens(tx.db, link.userId, ['RESET_PASSWORD']);
    await repo.markEmailVerified(tx.db, link.userId, link.email, now);
  });
  await ctx.pubsub.publish(SESSION_ENDED_TOPIC(link.userId), {
    sessionEnded: { reason: 'PASSWORD_RESET', at: now.toISOString() },
  });
  return true;
}

const ADDRESS_TAKEN = 'Another account uses that email address.';

/** Proves an address with a link: the person's own, or the new one they asked for, which becomes theirs. */
export async function verifyEmail(ctx: ServiceContext, token: string): Promise<boolean> {
  const link = await usableLink(ctx, token, ['VERIFY_EMAIL', 'CHANGE_EMAIL']);
  if (!link) throw badInput('token', UNUSABLE_LINK);
  const now = ctx.clock.now();
  try {
    await transaction(ctx, async (tx) => {
      if (!(await useLink(tx, link))) throw badInput('token', UNUSABLE_LINK);
      if (link.purpose === 'VERIFY_EMAIL') {
        if (!(await repo.markEmailVerified(tx.db, link.userId, link.email, now))) {
          throw badInput('token', 'This link was for an email address your account no longer uses.');
        }
        return;
      }
      if (!(await repo.changeEmail(tx.db, link.userId, link.email, now))) throw conflict(ADDRESS_TAKEN, 'token');
      // Links sent to the old address must not open the account any more, nor its failures show.
      await repo.deleteUnusedEmailTokens(tx.db, link.userId, ['VERIFY_EMAIL', 'RESET_PASSWORD', 'CHANGE_EMAIL']);
      await notifications.forgetFailingAddresses(tx, link.userId);
    });
  } catch (error) {
    // Two people proving one new address at once: the unique index lets one through.
    if (isUniqueViolation(error)) throw conflict(ADDRESS_TAKEN, 'token');
    throw error;
  }
  return true;
}

/** Sends a new link to prove the viewer's address, unless it is proved already. */
export async function resendVerification(ctx: ServiceContext): Promise<boolean> {
  const viewer = requireViewer(ctx);
  const account = await repo.getAccountWithVerification(ctx.db, viewer.userId);
  if (!account) throw unauthenticated();
  if (account.emailVerifiedAt) return true;
  await countEmailLinkRequest(ctx, account.email);
  await transaction(ctx, (tx) => sendLink(tx, account, 'VERIFY_EMAIL', account.email));
  return true;
}

/** Whether the person has proved their current address; for the person themself. */
export async function emailVerified(ctx: ServiceContext, userId: string): Promise<boolean | null> {
  if (ctx.viewer?.userId !== userId) return null;
  const account = await repo.getAccountWithVerification(ctx.db, userId);
  return account ? account.emailVerifiedAt !== null : null;
}

/**
 * Starts a change of address: a link to the new address, a notice to the old. Needs the
 * password, so a session left open cannot move the account to someone else's inbox.
 */
export async function changeEmail(ctx: ServiceContext, rawNewEmail: string, password: string): Promise<boolean> {
  const viewer = requireViewer(ctx);
  const { email } = checkFields({
    email: () => validEmail(rawNewEmail, 'newEmail'),
    password: () => {
      if (password === '') throw badInput('password', 'Enter your password to confirm.');
    },
  });
  if (email === viewer.email) throw badInput('newEmail', 'That is already your email address.');
  await confirmPassword(ctx, password);
  await countEmailLinkRequest(ctx, email);
  if (await repo.getAccountByEmail(ctx.db, email)) throw conflict(ADDRESS_TAKEN, 'newEmail');
  const person: AccountRecord = { id: viewer.userId, email: viewer.email, name: viewer.name };
  await transaction(ctx, async (tx) => {
    await sendLink(tx, person, 'CHANGE_EMAIL', email);
    await sendChangeNotice(tx, person, email);
  });
  return true;
}

/** A person's address as the notifications module mails it: with whether they have proved it. */
export interface MailingAddress {
  id: string;
  email: string;
  name: string;
  verified: boolean;
}

/** The addresses of these people, by id, in one statement; people who no longer exist are absent. */
export async function mailingAddresses(
  ctx: ServiceContext,
  userIds: readonly string[],
): Promise<Map<string, MailingAddress>> {
  const rows = await repo.getMailingAddresses(ctx.db, [...new Set(userIds)]);
  return new Map(rows.map((row) => [row.id, row]));
}
