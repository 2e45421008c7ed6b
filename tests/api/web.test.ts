import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, signUp } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

// The site's form posts over plain HTTP, as a browser with JavaScript off sends them.
describe('the web site behind the same server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  const postForm = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'text/html',
        origin: server.url,
        ...headers,
      },
      body: new URLSearchParams(fields),
    });

  it('should sign in through the form, set the session cookie and redirect to the account page', async () => {
    const person = await signUp(server.url, 'form');
    const response = await postForm('/signin', { email: person.email, password: person.password });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/account');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('hearth_session='));
    expect(cookie).toMatch(/^hearth_session=[a-z2-7]{32}\.[a-z2-7]{32};.*HttpOnly/);

    const account = await fetch(`${server.url}/account`, { headers: { cookie: cookie!.split(';')[0]! } });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain(person.email);
    expect(account.headers.get('cache-control')).toContain('no-store');
  });

  it('should refuse a form post from another site, even with a client-set protocol header', async () => {
    const person = await signUp(server.url, 'cross-site');
    const response = await postForm(
      '/signin',
      { email: person.email, password: person.password },
      { origin: 'https://evil.example', 'x-hearth-protocol': 'https' },
    );
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('should clear the cookie of an ended session on the page that finds it, and ask to sign in', async () => {
    const person = await signUp(server.url, 'ended');
    await graphql(server.url, 'mutation { signOut }', { token: person.token });
    const response = await fetch(`${server.url}/account`, {
      redirect: 'manual',
      headers: { cookie: `hearth_session=${person.token}`, accept: 'text/html' },
    });
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get('location')!, server.url).searchParams.get('next')).toBe('/account');
    expect(response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^hearth_session=; .*Expires=Thu, 01 Jan 1970/),
    ]);
  });

  it('should sign out through the form and clear the cookie', async () => {
    const person = await signUp(server.url, 'form-signout');
    const response = await postForm('/signout', {}, { cookie: `hearth_session=${person.token}` });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/?signedout');
    expect(response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^hearth_session=; .*Expires=Thu, 01 Jan 1970/),
    ]);
    expect((await graphql(server.url, '{ me { id } }', { token: person.token })).data).toEqual({ me: null });
  });

  it('should serve pages with a request id and answer unknown paths with 404', async () => {
    const home = await fetch(`${server.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${server.url}/no-such-page`)).status).toBe(404);
  });
});
