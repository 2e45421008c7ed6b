import type { MercuriusContext } from 'mercurius';
import type { ServiceContext } from '../core/context.ts';

/** How the session token reached us; cookies get the CSRF origin check, Bearer tokens do not. */
export type TokenCarrier = 'cookie' | 'bearer' | 'none';

export interface RequestExtras {
  services: ServiceContext;
  /** True when a browser request's Origin is the site's own (or the request is not from a browser). */
  originTrusted: boolean;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

export type GraphqlContext = MercuriusContext & RequestExtras;

declare module 'mercurius' {
  interface MercuriusContext extends RequestExtras {}
}
