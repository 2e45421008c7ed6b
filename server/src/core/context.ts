import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { RequestMemo } from './memo.ts';

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

/** What services receive: everything needed to apply the rules, nothing about HTTP or GraphQL. */
export interface ServiceContext {
  db: Db;
  clock: Clock;
  pubsub: Publisher;
  config: Config;
  viewer: Viewer | null;
  /** The caller's network address, for per-client rate limits. */
  clientAddress: string;
  /** Reads shared by several fields of one request (see memo.ts); a new one per request. */
  memo: RequestMemo;
}

/**
 * Runs `work` in one transaction, given the context acting inside it. What the request had
 * memoised is forgotten before and after, since the change may alter it: a later field of the
 * same request (a mutation's result, the next mutation) reads afresh.
 */
export async function transaction<T>(ctx: ServiceContext, work: (tx: ServiceContext) => Promise<T>): Promise<T> {
  ctx.memo.clear();
  try {
    return await ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
  } finally {
    ctx.memo.clear();
  }
}

export { RequestMemo };
