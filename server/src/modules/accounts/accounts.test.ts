import { describe, expect, it } from 'vitest';
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
      const limited = ctx({ config: testConfig({ signInLimits: { windowMs: 60_000, perEmail: 3, perClient: 100 } }) });
      for (let i = 0; i < 3; i++)
        expect((await caught(accounts.signIn(limited, { email, password: 'wrong guess' }))).code).toBe(
          'BAD_USER_INPUT',
        );
      expect((await caught(accounts.signIn(limited, { email, password: PASSWORD }))).code).toBe('RATE_LIMITED');
    });

    it('should check the password at most the limit number of times when guesses arrive at once', async () => {
      const email = uniqueEmail('burst');
      await signedUpPerson(database.db, { email });
      const limited = ctx({ config: testConfig({ signInLimits: { windowMs: 60_000, perEmail: 4, perClient: 1000 } }) });
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, () => accounts.signIn(limited, { email, password: 'wrong guess' })),
      );
      const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as DomainError).code : 'OK')).sort();
      expect(codes).toEqual([...Array(4).fill('BAD_USER_INPUT'), ...Array(8).fill('RATE_LIMITED')]);
    });

    it('should limit attempts per client address across different emails', async () => {
      const limited = ctx({
        clientAddress: `198.51.100.${Math.floor(Math.random() * 250)}`,
        config: testConfig({ signInLimits: { windowMs: 60_000, perEmail: 100, perClient: 2 } }),
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
        config: testConfig({ signInLimits: { windowMs: 60_000, perEmail: 1, perClient: 100 } }),
      });
      await caught(accounts.signIn(limited, { email, password: 'wrong guess' }));
      expect((await caught(accounts.signIn(limited, { email, password: PASSWORD }))).code).toBe('RATE_LIMITED');
      clock.advance(61_000);
      expect((await accounts.signIn(limited, { email, password: PASSWORD })).user.email).toBe(email);
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
