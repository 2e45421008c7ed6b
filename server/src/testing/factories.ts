import { loadConfig, type Config } from '../config.ts';
import { RequestMemo, type Clock, type Publisher, type ServiceContext } from '../core/context.ts';
import type { Db } from '../db/database.ts';
import { DomainError } from '../core/errors.ts';
import * as accounts from '../modules/accounts/service.ts';
import * as networks from '../modules/networks/service.ts';
import type { NetworkFields } from '../modules/networks/service.ts';

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

// Factories every module's tests use: each makes new, uniquely named data, so tests sharing a
// database stay independent and any one of them can run alone.

/** A newly signed-up person, as the context their requests would run in. */
export async function signedUpPerson(db: Db, label = 'person', name = 'Test Person'): Promise<ServiceContext> {
  const signed = await accounts.signUp(serviceContext(db), {
    email: uniqueEmail(label),
    password: 'a long and unusual phrase',
    name,
  });
  return serviceContext(db, { viewer: signed.viewer });
}

let networkSequence = 0;

/** Valid details for a new network, with a unique name. */
export function networkInput(overrides: Partial<NetworkFields> = {}): NetworkFields {
  networkSequence += 1;
  return {
    name: `Tech for Good Testville ${networkSequence} ${crypto.randomUUID().slice(0, 6)}`,
    placeName: 'Testville',
    region: 'South West England',
    latitude: 51.45,
    longitude: -2.58,
    purpose: 'Helping the digital people in small charities find each other.',
    values: 'Kindness, openness',
    codeOfConduct: 'Be kind. Be patient. No selling.',
    ...overrides,
  };
}

/** A new network started by `steward`, who becomes its first steward. */
export function startedNetwork(steward: ServiceContext, overrides: Partial<NetworkFields> = {}) {
  return networks.createNetwork(steward, networkInput(overrides));
}

/** The nodes of a connection's page, in order. */
export function nodesOf<T>(connection: { edges: Array<{ node: T }> }): T[] {
  return connection.edges.map((edge) => edge.node);
}
