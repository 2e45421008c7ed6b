import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { errorCodes as codes, useTestApp } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { TEST_PASSWORD, uniqueEmail } from '../../testing/factories.ts';
import { startTestSmtpServer, type ReceivedEmail } from '../../testing/smtp.ts';

// Links by email, over GraphQL, with the outbox sending to a real SMTP server on loopback.

const smtp = await startTestSmtpServer();
afterAll(() => smtp.close());

const TOKEN_IN_LINK = /\/(reset-password|verify-email)\?token=([a-z2-7]{32}\.[a-z2-7]{32})/;

/** The next email to this address; fails after a few seconds. */
async function nextEmailTo(address: string, after = 0): Promise<ReceivedEmail> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = smtp.received.filter((email) => email.to.includes(address));
    if (found.length > after) return found[after]!;
    if (Date.now() > deadline) throw new Error(`no email number ${after + 1} to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function tokenIn(email: ReceivedEmail): { page: string; token: string } {
  const match = TOKEN_IN_LINK.exec(email.text);
  if (!match) throw new Error(`no link in: ${email.text}`);
  return { page: match[1]!, token: match[2]! };
}

const ME = 'query { me { email emailVerified } }';
const REQUEST_RESET = 'mutation ($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation ($token: String!, $password: String!) { resetPassword(token: $token, newPassword: $password) }';
const VERIFY = 'mutation ($token: String!) { verifyEmail(token: $token) }';
const CHANGE = 'mutation ($email: String!, $password: String!) { changeEmail(newEmail: $email, password: $password) }';
const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }';

describe.each(DATABASE_KINDS)('links by email on %s', (kind) => {
  const api = useTestApp(kind, {
    config: {
      mail: { smtpUrl: smtp.url, from: 'Hearth <hearth@example.org>' },
      outbox: { pollMs: 20, leaseMs: 60_000, firstRetryMs: 50 },
      emailLinkLimits: { windowMs: 60 * 60 * 1000, perAddress: 3, perClient: 1_000_000 },
    },
  });

  const signIn = (email: string, password: string) =>
    api.graphql(SIGN_IN, { variables: { input: { email, password } } });

  it('should send a link at sign-up that proves the address, once', async () => {
    const person = await api.signUp('Vera Verify');
    expect((await api.graphql(ME, { token: person.token })).data?.me).toEqual({
      email: person.email,
      emailVerified: false,
    });
    const email = await nextEmailTo(person.email);
    expect(email.subject).toBe('Confirm your email address for Hearth');
    const { page, token } = tokenIn(email);
    expect(page).toBe('verify-email');
    expect(email.html).toContain(`/verify-email?token=${token}`);

    // Works signed out: the link may be opened in another browser.
    expect((await api.graphql(VERIFY, { variables: { token } })).data?.verifyEmail).toBe(true);
    expect((await api.graphql(ME, { token: person.token })).data?.me.emailVerified).toBe(true);
    const again = await api.graphql(VERIFY, { variables: { token } });
    expect(codes(again)).toEqual(['BAD_USER_INPUT']);
    expect(again.errors?.[0]?.extensions?.field).toBe('token');
  });

  it('should reset a password once with a link stored only as a hash, ending every session', async () => {
    const person = await api.signUp('Rosa Reset');
    expect((await api.graphql(REQUEST_RESET, { variables: { email: person.email.toUpperCase() } })).data).toEqual({
      requestPasswordReset: true,
    });
    const email = await nextEmailTo(person.email, 1); // the first is the sign-up's proof
    expect(email.subject).toBe('Reset your Hearth password');
    const { page, token } = tokenIn(email);
    expect(page).toBe('reset-password');

    // 160 bits of secret after the id; the table holds its SHA-256, never the secret.
    const [id, secret] = token.split('.') as [string, string];
    const stored = await api.database.db
      .selectFrom('email_tokens')
      .select(['secret_hash', 'purpose', 'expires_at', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.secret_hash)).toEqual(createHash('sha256').update(secret).digest());
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.purpose).toBe('RESET_PASSWORD');
    expect(new Date(stored.expires_at).getTime() - new Date(stored.created_at).getTime()).toBe(60 * 60 * 1000);

    const weak = await api.graphql(RESET, { variables: { token, password: 'short' } });
    expect(weak.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });

    const newPassword = 'a new and longer passphrase';
    expect((await api.graphql(RESET, { variables: { token, password: newPassword } })).data?.resetPassword).toBe(true);
    expect((await api.graphql(ME, { token: person.token })).data?.me).toBeNull();
    expect(codes(await signIn(person.email, TEST_PASSWORD))).toEqual(['BAD_USER_INPUT']);
    const signedIn = await signIn(person.email, newPassword);
    expect(signedIn.data?.signIn.token).toEqual(expect.any(String));
    // Following the link proved the address too.
    expect((await api.graphql(ME, { token: signedIn.data?.signIn.token })).data?.me.emailVerified).toBe(true);

    const reused = await api.graphql(RESET, { variables: { token, password: 'yet another passphrase' } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
  });

  it('should refuse a link that expired, was replaced, or was never made', async () => {
    const person = await api.signUp('Ezra Expired');
    await api.graphql(REQUEST_RESET, { variables: { email: person.email } });
    const first = tokenIn(await nextEmailTo(person.email, 1)).token;
    await api.graphql(REQUEST_RESET, { variables: { email: person.email } });
    const second = tokenIn(await nextEmailTo(person.email, 2)).token;

    const refusal = async (token: string) =>
      (await api.graphql(RESET, { variables: { token, password: 'a new and longer passphrase' } })).errors?.[0]
        ?.extensions;
    // Asking again stops the older link working.
    expect(await refusal(first)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    await api.database.db
      .updateTable('email_tokens')
      .set({ created_at: new Date(Date.now() - 2 * 3_600_000), expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', second.split('.')[0]!)
      .execute();
    expect(await refusal(second)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    // A right id with a wrong secret, and no token at all.
    expect(await refusal(`${second.split('.')[0]}.${'a'.repeat(32)}`)).toMatchObject({ field: 'token' });
    expect(await refusal('not-a-token')).toMatchObject({ field: 'token' });
  });

  it('should answer a reset for an unknown address as for a known one, and send it nothing', async () => {
    const unknown = uniqueEmail('nobody');
    const known = await api.signUp('Kit Known');
    const answers = [];
    for (const email of [unknown, known.email]) {
      answers.push(await api.graphql(REQUEST_RESET, { variables: { email } }));
    }
    expect(answers[0]).toEqual(answers[1]);
    await nextEmailTo(known.email, 1);
    expect(smtp.received.filter((email) => email.to.includes(unknown))).toEqual([]);

    // The per-address limit counts both alike: the fourth ask within the hour is refused for each.
    for (const email of [unknown, known.email]) {
      for (let i = 0; i < 2; i++) await api.graphql(REQUEST_RESET, { variables: { email } });
      expect(codes(await api.graphql(REQUEST_RESET, { variables: { email } }))).toEqual(['RATE_LIMITED']);
    }
  });

  it('should take about as long to answer for an unknown address as for a known one', async () => {
    // Not a benchmark: a guard against a difference an enumerator could time, such as hashing
    // or sending before answering for known addresses only. Each address is asked once.
    const known = await Promise.all(Array.from({ length: 9 }, (_, i) => api.signUp(`Tim Timing ${i}`)));
    const timed = async (email: string) => {
      const started = performance.now();
      await api.graphql(REQUEST_RESET, { variables: { email } });
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    // Paired and alternated: each known ask sits beside an unknown one, first one then the other,
    // so a busy machine slowing a stretch of asks slows both sides of a pair alike.
    const differences: number[] = [];
    const slowest: number[] = [];
    for (const [i, person] of known.entries()) {
      const pair =
        i % 2 === 0
          ? [await timed(person.email), await timed(uniqueEmail('timing'))]
          : [await timed(uniqueEmail('timing')), await timed(person.email)].reverse();
      differences.push(pair[0]! - pair[1]!);
      slowest.push(Math.max(pair[0]!, pair[1]!));
    }
    // 50 ms, or a third of the slower ask on a busy machine: hashing a password (argon2, over
    // 100 ms) for known addresses only would still stand out.
    expect(Math.abs(median(differences))).toBeLessThan(Math.max(50, median(slowest) / 3));
  });

  it('should change the address only when the link sent to the new one is followed', async () => {
    const person = await api.signUp('Cas Change');
    const taken = await api.signUp('Tam Taken');
    const fresh = uniqueEmail('moved');

    const wrong = await api.graphql(CHANGE, { token: person.token, variables: { email: fresh, password: 'not it' } });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const clash = await api.graphql(CHANGE, {
      token: person.token,
      variables: { email: taken.email, password: TEST_PASSWORD },
    });
    expect(clash.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'newEmail' });
    const both = await api.graphql(CHANGE, { token: person.token, variables: { email: 'nope', password: '' } });
    expect(both.errors?.map((error) => error.extensions?.field).sort()).toEqual(['newEmail', 'password']);
    expect(codes(await api.graphql(CHANGE, { variables: { email: fresh, password: TEST_PASSWORD } }))).toEqual([
      'UNAUTHENTICATED',
    ]);

    const asked = await api.graphql(CHANGE, {
      token: person.token,
      variables: { email: fresh, password: TEST_PASSWORD },
    });
    expect(asked.data?.changeEmail).toBe(true);
    const notice = await nextEmailTo(person.email, 1);
    expect(notice.subject).toBe('Your Hearth email address is changing');
    expect(notice.text).toContain(fresh);
    expect((await api.graphql(ME, { token: person.token })).data?.me.email).toBe(person.email);

    const { page, token } = tokenIn(await nextEmailTo(fresh));
    expect(page).toBe('verify-email');
    expect((await api.graphql(VERIFY, { variables: { token } })).data?.verifyEmail).toBe(true);
    expect((await api.graphql(ME, { token: person.token })).data?.me).toEqual({ email: fresh, emailVerified: true });
    await expect(signIn(fresh, TEST_PASSWORD).then((answer) => answer.data?.signIn.token)).resolves.toEqual(
      expect.any(String),
    );
    // The proof sent to the old address at sign-up no longer opens anything.
    const old = tokenIn(await nextEmailTo(person.email)).token;
    expect(codes(await api.graphql(VERIFY, { variables: { token: old } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('should forget the links asked for an address when its account is deleted', async () => {
    const person = await api.signUp('Lee Leaving');
    await api.graphql(REQUEST_RESET, { variables: { email: person.email } });
    const counted = () =>
      api.database.db.selectFrom('sign_in_attempts').select('key').where('key', 'like', `%${person.email}`).execute();
    expect(await counted()).toEqual([{ key: `email-link:${person.email}` }]);
    const deleted = await api.graphql('mutation ($password: String!) { deleteMyAccount(password: $password) }', {
      token: person.token,
      variables: { password: TEST_PASSWORD },
    });
    expect(deleted.data?.deleteMyAccount).toBe(true);
    expect(await counted()).toEqual([]);
  });

  it('should let only one of two uses of one reset link at once get through', async () => {
    const person = await api.signUp('Dee Double');
    await api.graphql(REQUEST_RESET, { variables: { email: person.email } });
    const { token } = tokenIn(await nextEmailTo(person.email, 1));
    const answers = await Promise.all(
      ['first passphrase to race', 'second passphrase to race'].map((password) =>
        api.graphql(RESET, { variables: { token, password } }),
      ),
    );
    expect(answers.filter((answer) => answer.data?.resetPassword === true)).toHaveLength(1);
    expect(answers.flatMap((answer) => codes(answer) ?? [])).toEqual(['BAD_USER_INPUT']);
  });
});
