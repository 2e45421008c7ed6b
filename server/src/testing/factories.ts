import { loadConfig, type Config } from '../config.ts';
import { RequestMemo, type Clock, type Publisher, type ServiceContext } from '../core/context.ts';
import type { Db } from '../db/database.ts';
import type { NetworkRole } from '../db/schema.ts';
import { DomainError } from '../core/errors.ts';
import * as accounts from '../modules/accounts/service.ts';
import * as memberships from '../modules/memberships/service.ts';
import * as networks from '../modules/networks/service.ts';
import type { NetworkFields } from '../modules/networks/service.ts';

/** The password every test person signs up with. */
export const TEST_PASSWORD = 'a long and unusual phrase';

let sequence = 0;

/** A unique, valid email per call, so tests sharing a database never collide. */
export function uniqueEmail(label = 'person'): string {
  sequence += 1;
  return `${label}.${sequence}.${crypto.randomUUID().slice(0, 8)}@example.org`;
}

/**
 * The test settings, with `overrides`. Tests sign many people up from one address, so sign-ups
 * are not limited here; the accounts tests set the limit where they test it.
 */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({ NODE_ENV: 'test', SIGN_UP_LIMIT_PER_CLIENT: '1000000', EMAIL_LINK_LIMIT_PER_CLIENT: '1000000' }),
    ...overrides,
  };
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

export interface PersonOptions {
  /** Shown by; 'Test Person' unless given. */
  name?: string;
  /** A unique address unless given; `label` names it (`label.N.xxxx@example.org`). */
  email?: string;
  label?: string;
  /** The clock the person signs up and acts on; a stopped one at sign-up time unless given. */
  clock?: Clock;
  /**
   * Give the person a clock a second ahead of the last ticking person's, so what people do
   * (joining a network, say) is in the order they signed up, however fast the test runs.
   */
  ticking?: boolean;
}

/** A signed-up person: the context their requests would run in, and what signing up returned. */
export type TestPerson = ServiceContext & Pick<accounts.SignedIn, 'user' | 'token'>;

let tick = 0;

/** A newly signed-up person, as the context their requests would run in. */
export async function signedUpPerson(db: Db, options: PersonOptions = {}): Promise<TestPerson> {
  let clock = options.clock;
  if (!clock && options.ticking) {
    tick += 1;
    clock = new TestClock(new Date(Date.now() + tick * 1000));
  }
  clock ??= new TestClock();
  const signed = await accounts.signUp(serviceContext(db, { clock }), {
    email: options.email ?? uniqueEmail(options.label),
    password: TEST_PASSWORD,
    name: options.name ?? 'Test Person',
  });
  return { ...serviceContext(db, { viewer: signed.viewer, clock }), user: signed.user, token: signed.token };
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

/** A new network started by `steward`, with `members` joined (code of conduct accepted) in order. */
export async function networkWith(steward: ServiceContext, ...members: ServiceContext[]) {
  const network = await startedNetwork(steward);
  for (const member of members) await memberships.joinNetwork(member, network.id, true);
  return network;
}

/** The viewer's role in the network, or null when they are not an active member. */
export async function roleIn(viewer: ServiceContext, networkId: string): Promise<NetworkRole | null> {
  return (await memberships.rolesOfViewer(viewer, [networkId])).get(networkId) ?? null;
}

/** The ids of the network's active stewards, read straight from the table. */
export async function activeStewards(db: Db, networkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('network_id', '=', networkId)
    .where('role', '=', 'STEWARD')
    .where('left_at', 'is', null)
    .execute();
  return rows.map((row) => row.user_id);
}

/** The nodes of a connection's page, in order. */
export function nodesOf<T>(connection: { edges: Array<{ node: T }> }): T[] {
  return connection.edges.map((edge) => edge.node);
}
