import { createHash, timingSafeEqual } from 'node:crypto';

// Session tokens after lucia-auth.com's session guide: `<id>.<secret>`. The id finds the row;
// only a SHA-256 of the secret is stored, so a leaked table cannot be replayed as sessions.

const RANDOM_BYTES = 20; // 160 bits each for id and secret

export interface SessionToken {
  id: string;
  secret: string;
  token: string;
}

const BASE32_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32 in lower case without padding: 20 bytes make exactly 32 characters. */
export function encodeBase32(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff; // at most 4 bits are left over between bytes
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += BASE32_ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function randomString(): string {
  return encodeBase32(crypto.getRandomValues(new Uint8Array(RANDOM_BYTES)));
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
  return new Uint8Array(createHash('sha256').update(secret, 'utf8').digest());
}

export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const hash = hashSecret(secret);
  return hash.byteLength === storedHash.byteLength && timingSafeEqual(hash, storedHash);
}
