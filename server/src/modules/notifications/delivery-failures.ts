// What a failed send means, and when to try again. Pure: no I/O.

/** The longest wait between two attempts at one email. */
export const MAX_RETRY_MS = 60 * 60 * 1000;

/** Up to this share of a wait is taken off at random, so copies and messages do not retry in step. */
const JITTER = 0.2;

/**
 * The wait before the next attempt, after `attempts` attempts (1 after the first): `firstMs`,
 * then doubling, up to an hour; each less up to a fifth at random.
 *
 * With the default 15 s: 15 s, 30 s, 1 min, 2 min, 4 min, 8 min, 16 min, 32 min, then hourly, so
 * a server down for a day is tried about 30 times per email.
 */
export function retryDelayMs(attempts: number, firstMs: number, random: () => number = Math.random): number {
  const doublings = Math.min(Math.max(attempts - 1, 0), 30);
  const base = Math.min(firstMs * 2 ** doublings, MAX_RETRY_MS);
  return Math.round(base * (1 - JITTER * random()));
}

/** What nodemailer attaches to the errors it gives (see its NodemailerError). */
export interface SendError {
  message?: string;
  code?: string | undefined;
  command?: string | undefined;
  response?: string | undefined;
  responseCode?: number | undefined;
  /** Set by nodemailer with responseCode: true for 5xx except 503. */
  permanent?: boolean | undefined;
}

export type FailureKind =
  /** Refused for good (5xx to the recipient or the message): don't try again, and mark the address. */
  | 'permanent'
  /** Refused for now (4xx to the recipient or the message): try this one again later. */
  | 'temporary'
  /**
   * The server is not taking mail from Hearth at all: no connection, a time-out, 421 (closing),
   * or a refusal of the login or the sender (Hearth's settings). Every other message would fail
   * alike, so the rest are not tried now either; all are tried again later, and nothing is lost.
   */
  | 'server';

/** The SMTP commands whose refusal is about the recipient or the message itself. */
const ABOUT_THE_MESSAGE = new Set(['RCPT TO', 'DATA']);

/**
 * A permanent failure is a 5xx answer to the recipient or the message (RFC 5321: the same
 * message would be refused again). A 5xx to AUTH or MAIL FROM is Hearth's settings at fault, not
 * the address: it is retried (and logged) until someone fixes them.
 */
export function classifyFailure(error: SendError): FailureKind {
  const aboutTheMessage = error.command !== undefined && ABOUT_THE_MESSAGE.has(error.command);
  if (aboutTheMessage && error.responseCode !== 421) return error.permanent === true ? 'permanent' : 'temporary';
  // nodemailer refused the address before sending anything: it will never take it.
  if (error.code === 'EENVELOPE' && error.command === 'API') return 'permanent';
  return 'server';
}

/** A short line for last_error and the logs: the server's own words when it gave some. */
export function describeFailure(error: SendError): string {
  const words = error.response ?? error.message ?? String(error);
  const where = error.command && error.command !== 'API' ? `${error.command}: ` : '';
  return `${where}${words}`.replace(/\s+/g, ' ').trim().slice(0, 1000) || 'unknown error';
}
