import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../core/context.ts';
import { DomainError } from '../../core/errors.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  caught,
  RecordingPublisher,
  serviceContext,
  signedUpPerson,
  TEST_PASSWORD as PASSWORD,
  TestClock,
  testConfig,
  uniqueEmail,
} from '../../testing/factories.ts';
import * as accounts from './service.ts';

const DAY = 24 * 60 * 60 * 1000;

let clientSequence = 0;
/** A network address no other test in this file uses, so per-client counts start at zero. */
const uniqueClient = () => {
  clientSequence += 1;
  return `10.0.${Math.floor(clientSequence / 250)}.${(clientSequence % 250) + 1}`;
};

describe.each(DATABASE_KINDS)('accounts service on %s', (kind) => {
  const database = useTestDatabase(kind);

  const ctx = (overrides = {}) => serviceContext(database.db, overrides);
  const countUsers = async (email: string) =>
    (await database.db.selectFrom('users').select('id').where('email', '=', email.toLowerCase()).execute()).length;

  describe('signUp', () => {
    it('should create the account with a normalised email and start a session', async () => {
      const email = uniqueEmail('Signup');
      const result = await accounts.signUp(ctx(), {
        email: `  ${email.toUpperCase()} `,
        password: PASSWORD,
        name: '  Ann   Lee ',
      });
      expect(result.user).toEqual({ id: expect.any(String), email: email.toLowerCase(), name: 'Ann Lee' });
      expect(result.token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
      const auth = await accounts.authenticate(
        { db: database.db, config: testConfig(), now: new Date() },
        result.token,
      );
      expect(auth?.viewer.userId).toBe(result.user.id);
    });

    it('should refuse an email already used in any letter case, naming the field, and write nothing', async () => {
      const email = uniqueEmail('dup');
      await accounts.signUp(ctx(), { email, password: PASSWORD, name: 'First' });
      const error = await caught(
        accounts.signUp(ctx(), { email: email.toUpperCase(), password: PASSWORD, name: 'Second' }),
      );
      expect([error.code, error.field]).toEqual(['CONFLICT', 'email']);
      expect(await countUsers(email)).toBe(1);
    });

    it('should let exactly one of several simultaneous sign-ups with the same email succeed', async () => {
      const email = uniqueEmail('race');
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, i) => accounts.signUp(ctx(), { email, password: PASSWORD, name: `Racer ${i}` })),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refusals = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as DomainError).code] : []));
      expect(refusals).toEqual(Array(5).fill('CONFLICT'));
      expect(await countUsers(email)).toBe(1);
    });

    it.each([
      ['email', { email: '' }, 'Enter your email address.'],
      ['email', { email: 'not-an-email' }, 'Enter an email address like name@example.org.'],
      ['email', { email: `${'a'.repeat(250)}@example.org` }, 'Use an email address of at most 254 characters.'],
      ['name', { name: '   ' }, 'Enter the name you want to be shown by.'],
      ['name', { name: 'n'.repeat(101) }, 'Keep the name to 100 characters or fewer.'],
      ['name', { name: 'Ann\u0000Lee' }, 'Use letters, numbers and punctuation only in the name.'],
      ['password', { password: 'short' }, 'Use at least 8 characters.'],
      ['password', { password: 'p'.repeat(257) }, 'Use at most 256 characters.'],
      ['password', { password: 'password123' }, expect.stringContaining('most commonly used')],
    ])('should refuse a bad %s (%o) with a message naming it', async (field, change, message) => {
      const input = { email: uniqueEmail('bad'), password: PASSWORD, name: 'Bad Input', ...change };
      const error = await caught(accounts.signUp(ctx(), input));
      expect({ code: error.code, field: error.field, message: error.message }).toEqual({
        code: 'BAD_USER_INPUT',
        field,
        message,
      });
      if (input.email.includes('@example.org') && input.email.length < 254)
        expect(await countUsers(input.email)).toBe(0);
    });

    it('should refuse a password equal to the email', async () => {
      const email = uniqueEmail('same');
      const error = await caught(accounts.signUp(ctx(), { email, password: email, name: 'Same' }));
      expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'password']);
    });

    it('should store only a hash of the password and of the session secret', async () => {
      const email = uniqueEmail('hash');
      const { token } = await accounts.signUp(ctx(), { email, password: PASSWORD, name: 'Hash' });
      const user = await database.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', email)
        .executeTakeFirstOrThrow();
      expect(user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      const [id, secret] = token.split('.');
      const session = await database.db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', id!)
        .executeTakeFirstOrThrow();
      expect(Buffer.from(session.secret_hash).toString('hex')).not.toContain(Buffer.from(secret!).toString('hex'));
      expect(session.secret_hash.byteLength).toBe(32);
    });
  });

  describe('signIn', () => {
    it('should sign in with the right password in any email letter case', async () => {
      const email = uniqueEmail('signin');
      const { user } = await signedUpPerson(database.db, { email });
      const result = await accounts.signIn(ctx(), { email: email.toUpperCase(), password: PASSWORD });
      expect(result.user).toEqual(user);
    });

    it('should give the same answer for a wrong password and an unknown email', async () => {
      const email = uniqueEmail('same-answer');
      await signedUpPerson(database.db, { email });
      const wrongPassword = await caught(accounts.signIn(ctx(), { email, password: 'not the password' }));
      const unknownEmail = await caught(
        accounts.signIn(ctx(), { email: uniqueEmail('nobody'), password: 'not the password' }),
      );
      expect({ ...wrongPassword, message: wrongPassword.message }).toEqual({
        ...unknownEmail,
        message: unknownEmail.message,
      });
      expect(wrongPassword.code).toBe('BAD_USER_INPUT');
    });

    it('should refuse with RATE_LIMITED after too many attempts for one email, even with the right password', async () => {
      const email = uniqueEmail('limited');
      await signedUpPerson(database.db, { email });
      const limited = ctx({
        config: testConfig({
          signInLimits: { windowMs: 60_000, perEmail: 3, perClient: 100, perEmailAllClients: 100 },
        }),
      });
      for (let i = 0; i < 3; i++)
        expect((await caught(accounts.signIn(limited, { email, password: 'wrong guess' }))).code).toBe(
          'BAD_USER_INPUT',
        );
      expect((await caught(accounts.signIn(limited, { email, password: PASSWORD }))).code).toBe('RATE_LIMITED');
    });

    it('should check the password at most the limit number of times when guesses arrive at once', async () => {
      const email = uniqueEmail('burst');
      await signedUpPerson(database.db, { email });
      const limited = ctx({
        config: testConfig({
          signInLimits: { windowMs: 60_000, perEmail: 4, perClient: 1000, perEmailAllClients: 100 },
        }),
      });
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, () => accounts.signIn(limited, { email, password: 'wrong guess' })),
      );
      const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as DomainError).code : 'OK')).sort();
      expect(codes).toEqual([...Array(4).fill('BAD_USER_INPUT'), ...Array(8).fill('RATE_LIMITED')]);
    });

    it('should limit attempts per client address across different emails', async () => {
      const limited = ctx({
        clientAddress: `198.51.100.${Math.floor(Math.random() * 250)}`,
        config: testConfig({
          signInLimits: { windowMs: 60_000, perEmail: 100, perClient: 2, perEmailAllClients: 100 },
        }),
      });
      const codes = [];
      for (let i = 0; i < 3; i++)
        codes.push(
          (await caught(accounts.signIn(limited, { email: uniqueEmail('spray'), password: 'wrong guess' }))).code,
        );
      expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']);
    });

    it('should allow attempts again once the window has passed', async () => {
      const email = uniqueEmail('window');
      await signedUpPerson(database.db, { email });
      const clock = new TestClock();
      const limited = ctx({
        clock,
        config: testConfig({
          signInLimits: { windowMs: 60_000, perEmail: 1, perClient: 100, perEmailAllClients: 100 },
        }),
      });
      await caught(accounts.signIn(limited, { email, password: 'wrong guess' }));
      expect((await caught(accounts.signIn(limited, { email, password: PASSWORD }))).code).toBe('RATE_LIMITED');
      clock.advance(61_000);
      expect((await accounts.signIn(limited, { email, password: PASSWORD })).user.email).toBe(email);
    });
  });

  describe('signIn when strangers guess', () => {
    const wrong = (client: ServiceContext, email: string) =>
      caught(accounts.signIn(client, { email, password: 'wrong guess' })).then((error) => error.code);
    const codesOf = async (attempts: Array<() => Promise<string>>) => {
      const codes = [];
      for (const attempt of attempts) codes.push(await attempt());
      return codes;
    };
    const keysNaming = async (email: string) =>
      (await database.db.selectFrom('sign_in_attempts').select('key').where('key', 'like', `%${email}%`).execute())
        .map((row) => row.key)
        .sort();

    it('should let the owner in from another client after a blocked stranger guessed at their email', async () => {
      // The defaults: 10 attempts at one email and 50 at any emails from one client per 15 minutes.
      const email = uniqueEmail('victim');
      const { user } = await signedUpPerson(database.db, { email });
      const stranger = ctx({ clientAddress: uniqueClient() });

      const spray = await codesOf(Array.from({ length: 51 }, () => () => wrong(stranger, uniqueEmail('spray'))));
      expect(spray).toEqual([...Array(50).fill('BAD_USER_INPUT'), 'RATE_LIMITED']);
      const guesses = await codesOf(Array.from({ length: 11 }, () => () => wrong(stranger, email)));
      expect(guesses).toEqual(Array(11).fill('RATE_LIMITED'));
      // Refused before any check, the guesses count nowhere.
      expect(await keysNaming(email)).toEqual([]);

      const owner = ctx({ clientAddress: uniqueClient() });
      expect((await accounts.signIn(owner, { email, password: PASSWORD })).user).toEqual(user);
      expect((await caught(accounts.signIn(stranger, { email, password: PASSWORD }))).code).toBe('RATE_LIMITED');
    });

    it('should refuse a client that used up its guesses at one email, but not the owner elsewhere', async () => {
      const email = uniqueEmail('guessed');
      const { user } = await signedUpPerson(database.db, { email });
      const stranger = ctx({ clientAddress: uniqueClient() });

      const guesses = await codesOf(Array.from({ length: 11 }, () => () => wrong(stranger, email)));
      expect(guesses).toEqual([...Array(10).fill('BAD_USER_INPUT'), 'RATE_LIMITED']);

      const owner = ctx({ clientAddress: uniqueClient() });
      expect((await accounts.signIn(owner, { email, password: PASSWORD })).user).toEqual(user);
      expect((await caught(accounts.signIn(stranger, { email, password: PASSWORD }))).code).toBe('RATE_LIMITED');
      expect((await accounts.signIn(owner, { email, password: PASSWORD })).user).toEqual(user);
    });

    it('should give each client one guess at an email once all clients together reach its ceiling', async () => {
      const email = uniqueEmail('distributed');
      const { user } = await signedUpPerson(database.db, { email });
      const config = testConfig({
        signInLimits: { windowMs: 60_000, perEmail: 3, perClient: 100, perEmailAllClients: 5 },
      });
      const [first, second, third, owner] = Array.from({ length: 4 }, () =>
        ctx({ config, clientAddress: uniqueClient() }),
      );

      expect(await codesOf(Array.from({ length: 3 }, () => () => wrong(first!, email)))).toEqual(
        Array(3).fill('BAD_USER_INPUT'),
      );
      // Two more make five: the ceiling. A client that has failed here is refused from now on,
      // even before its own limit of three.
      expect(await codesOf(Array.from({ length: 3 }, () => () => wrong(second!, email)))).toEqual([
        'BAD_USER_INPUT',
        'BAD_USER_INPUT',
        'RATE_LIMITED',
      ]);
      // A client new to the email gets one check, so the owner is never locked out by others.
      expect(await codesOf([() => wrong(third!, email), () => wrong(third!, email)])).toEqual([
        'BAD_USER_INPUT',
        'RATE_LIMITED',
      ]);
      expect((await accounts.signIn(owner!, { email, password: PASSWORD })).user).toEqual(user);
      expect((await caught(accounts.signIn(second!, { email, password: PASSWORD }))).code).toBe('RATE_LIMITED');
    });

    it('should check at most the ceiling number of passwords when clients that failed guess at once', async () => {
      const email = uniqueEmail('distributed-burst');
      await signedUpPerson(database.db, { email });
      const config = testConfig({
        signInLimits: { windowMs: 60_000, perEmail: 100, perClient: 100, perEmailAllClients: 5 },
      });
      const clients = Array.from({ length: 3 }, () => ctx({ config, clientAddress: uniqueClient() }));
      for (const client of clients) expect(await wrong(client, email)).toBe('BAD_USER_INPUT');

      const codes = await Promise.all(
        clients.flatMap((client) => Array.from({ length: 4 }, () => wrong(client, email))),
      );
      expect(codes.sort()).toEqual([...Array(2).fill('BAD_USER_INPUT'), ...Array(10).fill('RATE_LIMITED')]);
    });

    it('should check at most the per-client number of passwords when one client sprays addresses at once', async () => {
      const config = testConfig({
        signInLimits: { windowMs: 60_000, perEmail: 100, perClient: 4, perEmailAllClients: 100 },
      });
      const client = ctx({ config, clientAddress: uniqueClient() });
      const codes = await Promise.all(Array.from({ length: 12 }, () => wrong(client, uniqueEmail('spray-burst'))));
      expect(codes.sort()).toEqual([...Array(4).fill('BAD_USER_INPUT'), ...Array(8).fill('RATE_LIMITED')]);
    });

    it('should count addresses in one IPv6 /64 as one client', async () => {
      const config = testConfig({
        signInLimits: { windowMs: 60_000, perEmail: 100, perClient: 2, perEmailAllClients: 100 },
      });
      const prefix = `2001:db8:${uniqueClient().split('.').slice(2).join(':')}`;
      const codes = await codesOf(
        [`${prefix}::1`, `${prefix}:ffff::2`, `${prefix}:0:0:0:3`].map(
          (address) => () => wrong(ctx({ config, clientAddress: address }), uniqueEmail('ipv6')),
        ),
      );
      expect(codes).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']);
    });

    it('should forget the counts naming a person when their account is deleted', async () => {
      const email = uniqueEmail('forgotten');
      const { user } = await signedUpPerson(database.db, { email });
      await wrong(ctx({ clientAddress: uniqueClient() }), email);
      await wrong(ctx({ clientAddress: uniqueClient() }), email.toUpperCase());
      expect(await keysNaming(email)).toHaveLength(3);
      await accounts.deleteUser(ctx(), user.id);
      expect(await keysNaming(email)).toEqual([]);
    });
  });

  describe('signUp limits', () => {
    const limitedTo = (perClient: number, clientAddress = uniqueClient()) =>
      ctx({ clientAddress, config: testConfig({ signUpLimits: { windowMs: 60 * 60 * 1000, perClient } }) });
    const signUpAs = (client: ServiceContext, email = uniqueEmail('signup-limit')) =>
      accounts.signUp(client, { email, password: PASSWORD, name: 'Limited' }).then(
        () => 'OK',
        (error: DomainError) => error.code,
      );

    it('should refuse the sign-up past the limit from one client, taken emails included, and not another client', async () => {
      const client = limitedTo(3);
      const taken = uniqueEmail('taken');
      await signedUpPerson(database.db, { email: taken });
      const codes = [await signUpAs(client), await signUpAs(client, taken), await signUpAs(client)];
      expect(codes).toEqual(['OK', 'CONFLICT', 'OK']);

      const email = uniqueEmail('one-too-many');
      const refused = await caught(accounts.signUp(client, { email, password: PASSWORD, name: 'Limited' }));
      expect({ code: refused.code, message: refused.message }).toEqual({
        code: 'RATE_LIMITED',
        message: 'Too many sign-ups from your network address in the last hour. Wait an hour, then try again.',
      });
      expect(await countUsers(email)).toBe(0);
      expect(await signUpAs(limitedTo(3))).toBe('OK');
    });

    it('should not count a sign-up refused for bad input', async () => {
      const client = limitedTo(1);
      const weak = await caught(accounts.signUp(client, { email: uniqueEmail('weak'), password: 'x', name: 'W' }));
      expect(weak.code).toBe('BAD_USER_INPUT');
      expect(await signUpAs(client)).toBe('OK');
      expect(await signUpAs(client)).toBe('RATE_LIMITED');
    });

    it('should let exactly the limit through when one client signs up many at once', async () => {
      const client = limitedTo(3);
      const codes = await Promise.all(Array.from({ length: 8 }, () => signUpAs(client)));
      expect(codes.sort()).toEqual([...Array(3).fill('OK'), ...Array(5).fill('RATE_LIMITED')]);
    });

    it('should allow sign-ups again once the hour has passed', async () => {
      const clock = new TestClock();
      const client = { ...limitedTo(1), clock };
      expect(await signUpAs(client)).toBe('OK');
      expect(await signUpAs(client)).toBe('RATE_LIMITED');
      clock.advance(60 * 60 * 1000 + 1000);
      expect(await signUpAs(client)).toBe('OK');
    });
  });

  describe('authenticate', () => {
    const config = testConfig();

    it('should refuse a malformed, unknown or tampered token', async () => {
      const { token } = await signedUpPerson(database.db, { label: 'auth' });
      const [id, secret] = token.split('.') as [string, string];
      const tampered = `${id}.${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
      const deps = { db: database.db, config, now: new Date() };
      expect(await accounts.authenticate(deps, tampered)).toBeNull();
      expect(await accounts.authenticate(deps, 'garbage')).toBeNull();
      expect(await accounts.authenticate(deps, `${'a'.repeat(32)}.${secret}`)).toBeNull();
    });

    it('should end a session after 30 days without use', async () => {
      const clock = new TestClock();
      const { token } = await signedUpPerson(database.db, { label: 'auth', clock });
      expect(
        await accounts.authenticate(
          { db: database.db, config, now: new Date(clock.current.getTime() + 29 * DAY) },
          token,
        ),
      ).not.toBeNull();
      // That use extended it: 29 more days is still inside the window.
      expect(
        await accounts.authenticate(
          { db: database.db, config, now: new Date(clock.current.getTime() + 58 * DAY) },
          token,
        ),
      ).not.toBeNull();
      expect(
        await accounts.authenticate(
          { db: database.db, config, now: new Date(clock.current.getTime() + 89 * DAY) },
          token,
        ),
      ).toBeNull();
    });

    it('should end a session 90 days after it began however often it is used', async () => {
      const clock = new TestClock();
      const { token } = await signedUpPerson(database.db, { label: 'auth', clock });
      for (const day of [20, 40, 60, 80]) {
        const auth = await accounts.authenticate(
          { db: database.db, config, now: new Date(clock.current.getTime() + day * DAY) },
          token,
        );
        expect(auth?.extendedUntil?.getTime()).toBe(
          Math.min(clock.current.getTime() + (day + 30) * DAY, clock.current.getTime() + 90 * DAY),
        );
      }
      expect(
        await accounts.authenticate(
          { db: database.db, config, now: new Date(clock.current.getTime() + 90 * DAY + 1000) },
          token,
        ),
      ).toBeNull();
    });
  });

  describe('signOut and signOutEverywhere', () => {
    it('should end only the current session on signOut', async () => {
      const email = uniqueEmail('out');
      const first = await signedUpPerson(database.db, { email });
      const second = await accounts.signIn(ctx(), { email, password: PASSWORD });
      const now = new Date();
      const viewer = (await accounts.authenticate({ db: database.db, config: testConfig(), now }, first.token))!.viewer;
      expect(await accounts.signOut(ctx({ viewer }))).toBe(true);
      expect(await accounts.authenticate({ db: database.db, config: testConfig(), now }, first.token)).toBeNull();
      expect(await accounts.authenticate({ db: database.db, config: testConfig(), now }, second.token)).not.toBeNull();
      expect(await accounts.signOut(ctx({ viewer }))).toBe(false);
    });

    it('should end every session of the person and announce it', async () => {
      const email = uniqueEmail('everywhere');
      const first = await signedUpPerson(database.db, { email });
      const second = await accounts.signIn(ctx(), { email, password: PASSWORD });
      const other = await signedUpPerson(database.db, { label: 'bystander' });
      const now = new Date();
      const viewer = (await accounts.authenticate({ db: database.db, config: testConfig(), now }, second.token))!
        .viewer;
      const pubsub = new RecordingPublisher();
      expect(await accounts.signOutEverywhere(ctx({ viewer, pubsub }))).toBe(true);
      for (const token of [first.token, second.token]) {
        expect(await accounts.authenticate({ db: database.db, config: testConfig(), now }, token)).toBeNull();
      }
      expect(await accounts.authenticate({ db: database.db, config: testConfig(), now }, other.token)).not.toBeNull();
      expect(pubsub.published).toEqual([
        {
          topic: `session-ended:${first.user.id}`,
          payload: { sessionEnded: { reason: 'SIGNED_OUT_EVERYWHERE', at: expect.any(String) } },
        },
      ]);
    });

    it('should refuse signOutEverywhere when signed out', async () => {
      expect((await caught(accounts.signOutEverywhere(ctx()))).code).toBe('UNAUTHENTICATED');
    });
  });
});
