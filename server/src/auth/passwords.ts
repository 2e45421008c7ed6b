import { hash, verify } from '@node-rs/argon2';
import { createRequire } from 'node:module';

// argon2id with OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

const commonPasswords: { test(password: string): boolean } = createRequire(import.meta.url)('fxa-common-password-list');

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) {
    return 'This password is one of the most commonly used, so it is easy to guess. Choose another.';
  }
  if (password.toLowerCase() === email.toLowerCase()) return 'Your password must not be your email address.';
  return null;
}

/**
 * A hash of a random password, verified against when an email is unknown so that a wrong
 * email takes as long as a wrong password and timing does not reveal which accounts exist.
 */
export function makeDecoyHash(): Promise<string> {
  return hashPassword(crypto.randomUUID());
}
