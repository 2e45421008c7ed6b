import type { MercuriusContext } from 'mercurius';
import type { ServiceContext } from '../core/context.ts';

import type { TokenCarrier } from '../auth/request-token.ts';

export type { TokenCarrier };

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
