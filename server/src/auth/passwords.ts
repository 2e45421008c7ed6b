import { hash, verify } from '@node-rs/argon2';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { textLength } from '../core/text.ts';

// argon2id with OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * zxcvbn-ts's list of the passwords seen most often in breaches (MIT), kept to those long enough
 * to pass the length rule, since no other can reach the check. Read on the first check, not at
 * start-up, as most processes never set a password; and read as the package's plain JSON rather
 * than required, so neither the whole list nor its other dictionaries stay in the module cache.
 */
let commonPasswords: Set<string> | null = null;

function loadCommonPasswords(): Set<string> {
  const file = createRequire(import.meta.url).resolve('@zxcvbn-ts/language-common/src/passwords.json');
  const passwords = JSON.parse(readFileSync(file, 'utf8')) as string[];
  return new Set(passwords.filter((password) => textLength(password) >= PASSWORD_MIN_LENGTH));
}

function isCommonPassword(password: string): boolean {
  commonPasswords ??= loadCommonPasswords();
  return commonPasswords.has(password) || commonPasswords.has(password.toLowerCase());
}

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
  const length = textLength(password);
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isCommonPassword(password)) {
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
