import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

// Session tokens after lucia-auth.com's session guide: `<id>.<secret>`. The id finds the row;
// only a SHA-256 of the secret is stored, so a leaked table cannot be replayed as sessions.

const RANDOM_BYTES = 20; // 160 bits each for id and secret

export interface SessionToken {
  id: string;
  secret: string;
  token: string;
}

function randomString(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(RANDOM_BYTES)));
}

export function generateSessionToken(): SessionToken {
  const id = randomString();
  const secret = randomString();
  return { id, secret, token: `${id}.${secret}` };
}

const TOKEN_PART = /^[a-z2-7]{32}$/;

/** Splits a token into its parts, or null when it cannot be one of ours. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const [id, secret, extra] = token.split('.');
  if (extra !== undefined || !id || !secret || !TOKEN_PART.test(id) || !TOKEN_PART.test(secret)) return null;
  return { id, secret };
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const hash = hashSecret(secret);
  return hash.byteLength === storedHash.byteLength && constantTimeEqual(hash, new Uint8Array(storedHash));
}
