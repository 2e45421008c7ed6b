// How a request carries its session token, and the cross-site check that goes with a cookie:
// one rule for /graphql and for the plain routes that act as the person (POST /files).
import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../web/contract.ts';

/** How the session token reached us; cookies get the CSRF origin check, Bearer tokens do not. */
export type TokenCarrier = 'cookie' | 'bearer' | 'none';

export function readToken(request: FastifyRequest): { token: string | null; carrier: TokenCarrier } {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice('Bearer '.length).trim(), carrier: 'bearer' };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, carrier: 'cookie' } : { token: null, carrier: 'none' };
}

/**
 * Browsers send Origin with every POST, so a cookie-carried request without our Origin did not
 * come from our pages. Clients without cookies (API clients with Bearer tokens) need none.
 */
export function isOriginTrusted(request: FastifyRequest, carrier: TokenCarrier, publicOrigin: string): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return origin === publicOrigin;
  return carrier !== 'cookie';
}

/** The session cookie's attributes, until it expires. */
export function sessionCookieOptions(secure: boolean, expiresAt: Date) {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure, expires: expiresAt } as const;
}
