// Links sent by email that prove something when followed (see the email_tokens migration): each
// carries `<id>.<secret>` (160 bits of secret), is stored hashed, works once and expires.
import type { ServiceContext } from '../../core/context.ts';
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from '../../auth/tokens.ts';
import * as notifications from '../notifications/service.ts';
import * as repo from './repository.ts';
import type { AccountRecord, EmailTokenPurpose } from './repository.ts';

const HOUR_MS = 60 * 60 * 1000;

/** How long each kind of link works: a reset link briefly, as it opens the account. */
const LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  VERIFY_EMAIL: 7 * 24 * HOUR_MS,
  RESET_PASSWORD: HOUR_MS,
  CHANGE_EMAIL: 24 * HOUR_MS,
};

/** The page each link opens; both address proofs go to one page. */
const PAGE: Record<EmailTokenPurpose, string> = {
  VERIFY_EMAIL: '/verify-email',
  RESET_PASSWORD: '/reset-password',
  CHANGE_EMAIL: '/verify-email',
};

type LinkEmail = (person: AccountRecord, link: string) => notifications.EmailContent;

const NOT_YOU = 'If you did not ask for this, you can ignore this email.';

const LINK_EMAILS: Record<EmailTokenPurpose, LinkEmail> = {
  VERIFY_EMAIL: (person, link) => ({
    subject: 'Confirm your email address for Hearth',
    paragraphs: [
      `Hello ${person.name},`,
      'Please confirm that this is your email address. Until you do, Hearth sends you nothing else.',
      'The link works for 7 days.',
    ],
    action: { label: 'Confirm your email address', url: link },
    footer: ['You get this email because an account on Hearth was made with this address. ' + NOT_YOU],
  }),
  RESET_PASSWORD: (person, link) => ({
    subject: 'Reset your Hearth password',
    paragraphs: [
      `Hello ${person.name},`,
      'Someone, we hope you, asked to reset the password of your Hearth account.',
      'The link works once, for one hour. Setting a new password signs you out everywhere.',
    ],
    action: { label: 'Choose a new password', url: link },
    footer: [`${NOT_YOU} Your password stays as it is.`],
  }),
  CHANGE_EMAIL: (person, link) => ({
    subject: 'Confirm your new email address for Hearth',
    paragraphs: [
      `Hello ${person.name},`,
      'You asked to use this address for your Hearth account. It changes when you follow the link.',
      'The link works for 24 hours.',
    ],
    action: { label: 'Confirm your new email address', url: link },
    footer: [`${NOT_YOU} Nothing changes.`],
  }),
};

/**
 * Makes a link for the person and queues the email that carries it to `to`, in the caller's
 * transaction; the person's older unused link of the same purpose stops working.
 */
export async function sendLink(
  ctx: ServiceContext,
  person: AccountRecord,
  purpose: EmailTokenPurpose,
  to: string,
): Promise<void> {
  const now = ctx.clock.now();
  const { id, secret, token } = generateSessionToken();
  await repo.replaceEmailToken(ctx.db, {
    id,
    userId: person.id,
    purpose,
    email: to,
    secretHash: hashSecret(secret),
    now,
    expiresAt: new Date(now.getTime() + LIFETIME_MS[purpose]),
  });
  const content = LINK_EMAILS[purpose](person, `${PAGE[purpose]}?token=${encodeURIComponent(token)}`);
  await queueAccountEmail(ctx, person.id, to, content);
}

/** Tells the old address that a change to `newEmail` was asked for: the owner may not have asked. */
export async function sendChangeNotice(ctx: ServiceContext, person: AccountRecord, newEmail: string): Promise<void> {
  await queueAccountEmail(ctx, person.id, person.email, {
    subject: 'Your Hearth email address is changing',
    paragraphs: [
      `Hello ${person.name},`,
      `Someone signed in to your Hearth account asked to use ${newEmail} instead of this address. It changes only when the link sent there is followed.`,
      'If this was not you, change your password now and sign out of every device.',
    ],
    action: { label: 'Go to your account', url: '/account' },
  });
}

function queueAccountEmail(
  ctx: ServiceContext,
  userId: string,
  to: string,
  content: notifications.EmailContent,
): Promise<notifications.QueuedEmail> {
  return notifications.queueEmail(ctx, { to, userId, kind: 'ACCOUNT', ...notifications.composeEmail(ctx, content) });
}

export interface UsableLink {
  id: string;
  userId: string;
  purpose: EmailTokenPurpose;
  /** The address the link went to: what following it proves. */
  email: string;
}

/**
 * The link a token names, if it is one of ours with the right secret, for one of these purposes,
 * unused and unexpired; otherwise null, the same for every reason, so a guess learns nothing.
 */
export async function usableLink(
  ctx: ServiceContext,
  token: string,
  purposes: readonly EmailTokenPurpose[],
): Promise<UsableLink | null> {
  const parts = parseSessionToken(token.trim());
  if (!parts) return null;
  const found = await repo.findEmailToken(ctx.db, parts.id);
  if (!found || !secretMatches(parts.secret, found.secretHash)) return null;
  if (!purposes.includes(found.purpose) || found.usedAt || found.expiresAt <= ctx.clock.now()) return null;
  return { id: parts.id, userId: found.userId, purpose: found.purpose, email: found.email };
}

/** Uses the link up; false when another request did first (or it expired meanwhile). */
export function useLink(ctx: ServiceContext, link: UsableLink): Promise<boolean> {
  return repo.useEmailToken(ctx.db, link.id, ctx.clock.now());
}
