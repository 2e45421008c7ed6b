import { describe, expect, it } from 'vitest';
import { errorCodes as codes, useTestApp } from '../../testing/app.ts';

// Without SMTP_URL, development logs each email instead of sending it, and shows it to
// signed-in people so a developer can follow its links; production never shows them.

const LOGGED = 'query ($first: Int) { loggedEmails(first: $first) { to subject text loggedAt } }';

describe('emails logged in development', () => {
  const api = useTestApp('pglite', {
    config: { env: 'development', mail: { smtpUrl: null, from: 'Hearth <hearth@example.org>' } },
  });

  it('should list the emails logged instead of sent, newest first, to signed-in people', async () => {
    const person = await api.signUp('Dev Person');
    const deadline = Date.now() + 10_000;
    let answer = await api.graphql(LOGGED, { token: person.token });
    while (!answer.data?.loggedEmails.some((email: { to: string }) => email.to === person.email)) {
      if (Date.now() > deadline) throw new Error(`never logged: ${JSON.stringify(answer)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await api.graphql(LOGGED, { token: person.token });
    }
    const mine = answer.data?.loggedEmails.find((email: { to: string }) => email.to === person.email);
    expect(mine.subject).toBe('Confirm your email address for Hearth');
    expect(mine.text).toMatch(/\/verify-email\?token=[a-z2-7]{32}\.[a-z2-7]{32}/);

    expect(codes(await api.graphql(LOGGED))).toEqual(['UNAUTHENTICATED']);
    const tooMany = await api.graphql(LOGGED, { token: person.token, variables: { first: 101 } });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('emails logged, in production', () => {
  const api = useTestApp('pglite', { config: { env: 'production' } });

  it('should never show them', async () => {
    const person = await api.signUp('Prod Person');
    expect(codes(await api.graphql(LOGGED, { token: person.token }))).toEqual(['FORBIDDEN']);
  });
});
