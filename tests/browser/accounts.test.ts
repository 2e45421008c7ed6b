import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accountDetail,
  hasSessionCookie,
  launchBrowser,
  markSurvived,
  markWindow,
  newContext,
  newPerson,
  signIn,
  signUp,
  visit,
} from '../support/browser.ts';
import { startServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const modes = [
  { mode: 'with JavaScript on', javaScriptEnabled: true },
  { mode: 'with JavaScript off', javaScriptEnabled: false },
];

describe.each(modes)('accounts, $mode', ({ javaScriptEnabled }) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await newContext(browser, { javaScriptEnabled });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  it('should sign up, sign out, sign in and sign out of every device', async () => {
    const person = newPerson(javaScriptEnabled ? 'flow-js' : 'flow-nojs');

    await signUp(page, server.url, person);
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Your account');
    expect(await accountDetail(page, 'Name')).toBe(person.name);
    expect(await accountDetail(page, 'Email address')).toBe(person.email);
    expect(await hasSessionCookie(context, server.url)).toBe(true);

    // Sign out from the button in the navigation. With JavaScript, the page updates in place.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await markWindow(page);
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/'),
      nav.getByRole('button', { name: 'Sign out' }).click(),
    ]);
    expect(await page.getByRole('status').innerText()).toBe('You have signed out.');
    expect(await nav.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    expect(await nav.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await hasSessionCookie(context, server.url)).toBe(false);
    expect(await markSurvived(page)).toBe(javaScriptEnabled);

    // Signing in again works; a second browser signs in too.
    await signIn(page, server.url, person);
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await accountDetail(page, 'Name')).toBe(person.name);

    const other = await newContext(browser, { javaScriptEnabled });
    try {
      const otherPage = await other.newPage();
      await signIn(otherPage, server.url, person);
      expect(new URL(otherPage.url()).pathname).toBe('/account');

      // Sign out of every device, from the account page.
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/'),
        page.getByRole('button', { name: 'Sign out of every device' }).click(),
      ]);
      expect(await page.getByRole('status').innerText()).toBe('You have signed out on every device.');
      expect(await hasSessionCookie(context, server.url)).toBe(false);

      // The other browser's session ended too: its next visit to the account page asks it to sign in.
      await visit(otherPage, `${server.url}/account`);
      const landed = new URL(otherPage.url());
      expect(landed.pathname).toBe('/signin');
      expect(landed.searchParams.get('next')).toBe('/account');
    } finally {
      await other.close();
    }
  });

  it('should show field errors next to their fields and keep the input on a bad sign-up', async () => {
    const person = newPerson(javaScriptEnabled ? 'short-js' : 'short-nojs');
    await visit(page, `${server.url}/signup`);
    await markWindow(page);
    await page.getByLabel('Your name').fill(person.name);
    await page.getByLabel('Email address').fill(person.email);
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();

    const fieldError = page.locator('#password-error');
    await fieldError.waitFor();
    expect(new URL(page.url()).pathname).toBe('/signup');
    expect(await fieldError.innerText()).toMatch(/8 characters/);

    const password = page.locator('#password');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect((await password.getAttribute('aria-describedby'))?.split(' ')).toContain('password-error');
    expect(await password.inputValue()).toBe('');
    expect(await page.locator('#name').inputValue()).toBe(person.name);
    expect(await page.locator('#email').inputValue()).toBe(person.email);
    expect(await page.locator('#email').getAttribute('aria-invalid')).toBeNull();

    const summary = page.getByRole('alert');
    expect(await summary.getByRole('link').innerText()).toMatch(/8 characters/);
    expect(await summary.getByRole('link').getAttribute('href')).toBe('#password');
    expect(await page.title()).toMatch(/^Error: /);
    // With JavaScript the form posts in the background; without, the browser loads the answer.
    expect(await markSurvived(page)).toBe(javaScriptEnabled);
    if (javaScriptEnabled) expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
  });

  it('should give the same message for a wrong password and an unknown email, keeping the email', async () => {
    const person = newPerson(javaScriptEnabled ? 'wrong-js' : 'wrong-nojs');
    const setup = await newContext(browser, { javaScriptEnabled });
    try {
      await signUp(await setup.newPage(), server.url, person);
    } finally {
      await setup.close();
    }

    async function failedSignIn(email: string): Promise<string> {
      await visit(page, `${server.url}/signin`);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password').fill('not the right password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      expect(new URL(page.url()).pathname).toBe('/signin');
      expect(await page.locator('#email').inputValue()).toBe(email);
      expect(await page.locator('#password').inputValue()).toBe('');
      expect(await hasSessionCookie(context, server.url)).toBe(false);
      return (await page.getByRole('alert').innerText()).trim();
    }

    const wrongPassword = await failedSignIn(person.email);
    expect(wrongPassword).toMatch(/do not match/);
    const unknownEmail = await failedSignIn(`nobody-${person.email}`);
    expect(unknownEmail).toBe(wrongPassword);
  });

  it('should send a signed-out visit to the account page to sign in, then back', async () => {
    const person = newPerson(javaScriptEnabled ? 'next-js' : 'next-nojs');
    const fresh = await newContext(browser, { javaScriptEnabled });
    try {
      const freshPage = await fresh.newPage();
      await signUp(freshPage, server.url, person);
      await freshPage.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
      await freshPage.waitForURL((url) => url.pathname === '/');

      await visit(freshPage, `${server.url}/account`);
      const landed = new URL(freshPage.url());
      expect(landed.pathname).toBe('/signin');
      expect(landed.searchParams.get('next')).toBe('/account');
      expect(await freshPage.getByRole('status').innerText()).toBe('Sign in to see that page.');

      await signIn(freshPage, server.url, person, '/signin?next=/account');
      expect(new URL(freshPage.url()).pathname).toBe('/account');
      expect(await accountDetail(freshPage, 'Email address')).toBe(person.email);

      // Signed in, the sign-in and sign-up pages send people on to their account.
      await visit(freshPage, `${server.url}/signup`);
      expect(new URL(freshPage.url()).pathname).toBe('/account');
    } finally {
      await fresh.close();
    }
  });
});

describe('sign-in redirects', () => {
  let context: BrowserContext;
  let page: Page;
  const person = newPerson('next');

  beforeAll(async () => {
    context = await newContext(browser, { javaScriptEnabled: false });
    page = await context.newPage();
    await signUp(page, server.url, person);
  });

  afterAll(async () => {
    await context?.close();
  });

  it.each([
    '//example.com/',
    '/.//example.com/',
    '/%2e//example.com/',
    '/\\example.com/',
    'https://example.com/',
    '/\t/example.com/',
  ])('should send a signed-in visit to /signin?next=%j to the account page', async (next) => {
    await visit(page, `${server.url}/signin?next=${encodeURIComponent(next)}`);
    const landed = new URL(page.url());
    expect(landed.origin).toBe(server.url);
    expect(landed.pathname).toBe('/account');
  });

  it('should follow a next= on this site', async () => {
    await visit(page, `${server.url}/signin?next=${encodeURIComponent('/?from=next')}`);
    const landed = new URL(page.url());
    expect(landed.pathname).toBe('/');
    expect(landed.searchParams.get('from')).toBe('next');
  });

  it('should ignore a next= that leaves the site when signing in', async () => {
    await visit(page, `${server.url}/account`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await signIn(page, server.url, person, '/signin?next=//example.com/steal');
    const landed = new URL(page.url());
    expect(landed.origin).toBe(server.url);
    expect(landed.pathname).toBe('/account');
  });
});
