import { transaction, type ServiceContext, type Viewer } from '../../core/context.ts';
import { badInput, checkFields, conflict, rateLimited, unauthenticated } from '../../core/errors.ts';
import { cleanText, textLength } from '../../core/text.ts';
import { hashPassword, makeDecoyHash, passwordProblem, verifyPassword } from '../../auth/passwords.ts';
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from '../../auth/tokens.ts';
import type { Db } from '../../db/database.ts';
import type { Config } from '../../config.ts';
import { limitedClient } from './client-address.ts';
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

function validEmail(raw: string): string {
  const email = normaliseEmail(raw);
  if (email === '') throw badInput('email', 'Enter your email address.');
  if (textLength(email) > EMAIL_MAX_LENGTH)
    throw badInput('email', `Use an email address of at most ${EMAIL_MAX_LENGTH} characters.`);
  if (!EMAIL_SHAPE.test(email)) throw badInput('email', 'Enter an email address like name@example.org.');
  return email;
}

function checkNewPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw badInput('password', problem);
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
