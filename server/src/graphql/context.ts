import type { MercuriusContext } from 'mercurius';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Publishes events to subscribers on every copy of the app. */
export interface Publisher {
  publish(topic: string, payload: unknown): Promise<void>;
}

/** The signed-in person and the session that carried the request. */
export interface Viewer {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
}

/** What services receive: everything needed to apply the rules, nothing about HTTP. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  pubsub: Publisher;
  config: Config;
  viewer: Viewer | null;
  /** The caller's network address, for per-client rate limits. */
  clientAddress: string;
}

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
