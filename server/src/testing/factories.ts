import { loadConfig, type Config } from '../config.ts';
import { RequestMemo, type Clock, type Publisher, type ServiceContext } from '../core/context.ts';
import type { Db } from '../db/database.ts';
import { DomainError } from '../core/errors.ts';

let sequence = 0;

/** A unique, valid email per call, so tests sharing a database never collide. */
export function uniqueEmail(label = 'person'): string {
  sequence += 1;
  return `${label}.${sequence}.${crypto.randomUUID().slice(0, 8)}@example.org`;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: 'test' }), ...overrides };
}

/** A clock tests can move forward, to reach session timeouts without waiting. */
export class TestClock implements Clock {
  current: Date;
  constructor(start = new Date()) {
    this.current = start;
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Records what services publish, to assert on events without a subscriber. */
export class RecordingPublisher implements Publisher {
  readonly published: Array<{ topic: string; payload: unknown }> = [];
  async publish(topic: string, payload: unknown): Promise<void> {
    this.published.push({ topic, payload });
  }
}

export function serviceContext(db: Db, overrides: Partial<ServiceContext> = {}): ServiceContext {
  return {
    db,
    clock: new TestClock(),
    pubsub: new RecordingPublisher(),
    config: testConfig(),
    viewer: null,
    clientAddress: '127.0.0.1',
    memo: new RequestMemo(),
    ...overrides,
  };
}

/** The DomainError a service call was refused with; fails the test when it succeeds or fails otherwise. */
export async function caught(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}
