// Account recovery and email addresses, end to end with real mail: Hearth sends over SMTP to a
// test server on loopback, and each journey reads the email there and follows its link.
//
//   - password reset: asked for in one browser while signed in in another; the link sets a new
//     password once, ends every session, and the old password stops working;
//   - forgot-password answers an unknown address as it answers a known one, and sends it nothing;
//   - proving the sign-up address, with a new link replacing the old one;
//   - changing the address: a notice to the old one, a link to the new one, the change on following it.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type ReceivedEmail, type TestSmtpServer } from '../../server/src/testing/smtp.ts';
import {
  accountDetail,
  axeScan,
  launchBrowser,
  newContext,
  newPerson,
  signIn,
  signUp,
  uniqueEmail,
  visit,
  type Person,
  javaScriptModeAt,
} from '../support/browser.ts';
import { startServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let smtp: TestSmtpServer;
let browser: Browser;

const WIDTHS = [390, 1280] as const;

/** Every email arrives well within this, the worker polling every 50 ms. */
const MAIL_WAIT_MS = 15_000;

const SUBJECTS = {
  reset: 'Reset your Hearth password',
  verify: 'Confirm your email address for Hearth',
  change: 'Confirm your new email address for Hearth',
  changeNotice: 'Your Hearth email address is changing',
};

const RESET_DONE = 'Your password is changed, and you are signed out everywhere. Sign in with your new password.';
const RESET_SENT =
  'If an account uses that address, we have sent it a link to choose a new password. It works for one hour. ' +
  'Check your spam folder if it has not arrived in a few minutes.';
const UNUSABLE_LINK = /This link does not work: it may have been used already, have expired, or been replaced/;
const NOT_CONFIRMED = 'Not confirmed yet: we sent a link to this address when you signed up.';

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  server = await startServer({ env: { SMTP_URL: smtp.url, OUTBOX_POLL_MS: '50' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

function emailsTo(address: string, subject: string): ReceivedEmail[] {
  return smtp.received.filter((email) => email.to.includes(address) && email.subject === subject);
}

/** The `nth` email (1 = the first) to `address` with this subject, once it has arrived. */
async function nthEmail(address: string, subject: string, nth = 1): Promise<ReceivedEmail> {
  const deadline = Date.now() + MAIL_WAIT_MS;
  for (;;) {
    const found = emailsTo(address, subject)[nth - 1];
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`email ${nth} "${subject}" to ${address} did not arrive`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The link an email carries to `path`, checked as a person's mail program would show it: built
 * from PUBLIC_URL, with a token, and the same in the text part and in the HTML part.
 */
function linkIn(email: ReceivedEmail, path: string): string {
  const pattern = new RegExp(`${escapeRegExp(`${server.url}${path}?token=`)}[^\\s"<]+`);
  const link = pattern.exec(email.text)?.[0];
  if (!link) throw new Error(`no ${path} link in the text part of "${email.subject}":\n${email.text}`);
  expect(new URL(link).origin).toBe(server.url);
  expect(new URL(link).searchParams.get('token')).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
  expect(email.html).not.toBe(false);
  expect(email.html as string).toContain(`href="${link}"`);
  return link;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Browsing {
  context: BrowserContext;
  page: Page;
}

async function browsing(width: number, javaScriptEnabled: boolean): Promise<Browsing> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
  return { context, page: await context.newPage() };
}

/** Follows a link or sends a form, and waits for the address it leads to. */
async function goTo(page: Page, action: () => Promise<void>, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), action()]);
}

async function status(page: Page): Promise<string> {
  return (await page.getByRole('status').innerText()).trim();
}

/** axe finds nothing serious (where it can run: it needs JavaScript), and nothing scrolls sideways. */
async function expectAxeClean(page: Page, javaScriptEnabled: boolean): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
}

/** The page a link from an email opens must not be kept by caches nor tell other sites its address. */
async function expectLinkKeptPrivate(page: Page, response: Awaited<ReturnType<typeof visit>>): Promise<void> {
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toBe('private, no-store');
  expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('strict-origin');
}

/** Asks for a reset link from the sign-in page, as someone who forgot would. */
async function askForReset(page: Page, email: string): Promise<void> {
  await visit(page, `${server.url}/signin`);
  await goTo(
    page,
    () => page.getByRole('link', { name: 'Forgot your password?' }).click(),
    (url) => url.pathname === '/forgot-password',
  );
  await page.getByLabel('Email address').fill(email);
  await goTo(
    page,
    () => page.getByRole('button', { name: 'Send me a link' }).click(),
    (url) => url.pathname === '/forgot-password' && url.searchParams.has('sent'),
  );
}

async function setNewPassword(page: Page, password: string): Promise<void> {
  await page.getByLabel('New password').fill(password);
  await page.getByRole('button', { name: 'Set my new password' }).click();
}

async function failedSignIn(page: Page, person: Pick<Person, 'email' | 'password'>): Promise<string> {
  await visit(page, `${server.url}/signin`);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').waitFor();
  expect(new URL(page.url()).pathname).toBe('/signin');
  return (await page.getByRole('alert').innerText()).trim();
}

async function pressConfirm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Confirm my email address' }).click();
}

describe.each(WIDTHS)('account recovery, %i pixels wide', (width) => {
  describe.each(javaScriptModeAt(width))('$mode', ({ javaScriptEnabled }) => {
    const label = (what: string) => `${what}-${width}-${javaScriptEnabled ? 'js' : 'nojs'}`;

    it('should reset a forgotten password from the emailed link, once, and end every session', async () => {
      const person = newPerson(label('reset'));
      const signedIn = await browsing(width, javaScriptEnabled);
      const forgetful = await browsing(width, javaScriptEnabled);
      try {
        await signUp(signedIn.page, server.url, person);
        expect(new URL(signedIn.page.url()).pathname).toBe('/account');

        // Asked for in another browser, from the sign-in page.
        const { page } = forgetful;
        await askForReset(page, person.email);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Check your email');
        expect(await status(page)).toBe(RESET_SENT);
        if (javaScriptEnabled)
          expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
        await expectAxeClean(page, javaScriptEnabled);

        const email = await nthEmail(person.email, SUBJECTS.reset);
        expect(email.text).toContain(`Hello ${person.name},`);
        const link = linkIn(email, '/reset-password');

        const response = await visit(page, link);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Choose a new password');
        await expectLinkKeptPrivate(page, response);
        const password = page.getByLabel('New password');
        expect(await password.getAttribute('autocomplete')).toBe('new-password');
        expect(await password.getAttribute('type')).toBe('password');
        await expectAxeClean(page, javaScriptEnabled);

        // A password that will not do is refused next to the field, and the link still works after.
        await setNewPassword(page, 'short');
        await page.locator('#newPassword-error').waitFor();
        expect(await page.locator('#newPassword-error').innerText()).toMatch(/8 characters/);
        expect(await page.getByRole('alert').getByRole('link').getAttribute('href')).toBe('#newPassword');
        expect(await page.title()).toMatch(/^Error: /);
        await expectAxeClean(page, javaScriptEnabled);

        const newPassword = 'copper meadow violin 77';
        await goTo(
          page,
          () => setNewPassword(page, newPassword),
          (url) => url.pathname === '/signin',
        );
        expect(new URL(page.url()).searchParams.has('reset')).toBe(true);
        expect(await status(page)).toBe(RESET_DONE);
        await expectAxeClean(page, javaScriptEnabled);

        // The old password no longer works; the new one does.
        expect(await failedSignIn(page, person)).toMatch(/do not match/);
        await signIn(page, server.url, { email: person.email, password: newPassword });
        expect(new URL(page.url()).pathname).toBe('/account');
        expect(await accountDetail(page, 'Email address')).toBe(person.email);
        // Following the link proved the address too.
        expect(await page.getByText(NOT_CONFIRMED).count()).toBe(0);

        // The session in the first browser has ended.
        await visit(signedIn.page, `${server.url}/account`);
        const landed = new URL(signedIn.page.url());
        expect(landed.pathname).toBe('/signin');
        expect(landed.searchParams.get('next')).toBe('/account');

        // The link works once.
        await visit(page, link);
        await setNewPassword(page, 'another fine password 9');
        await page.getByRole('alert').waitFor();
        expect(await page.getByRole('alert').innerText()).toMatch(UNUSABLE_LINK);
        expect(await page.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe(
          '/forgot-password',
        );
        expect(await page.getByLabel('New password').count()).toBe(0);
        await expectAxeClean(page, javaScriptEnabled);
        if (!javaScriptEnabled) {
          // Following a link from the page tells the next page where it came from, but not the token.
          const [request] = await Promise.all([
            page.waitForRequest((request) => new URL(request.url()).pathname === '/forgot-password'),
            page.getByRole('link', { name: 'Ask for a new link' }).click(),
          ]);
          expect(await request.headerValue('referer')).toBe(`${server.url}/`);
        }
      } finally {
        await signedIn.context.close();
        await forgetful.context.close();
      }
    });

    it('should say a reset page needs the emailed link when opened without one', async () => {
      const { context, page } = await browsing(width, javaScriptEnabled);
      try {
        const response = await visit(page, `${server.url}/reset-password`);
        await expectLinkKeptPrivate(page, response);
        expect(await page.getByText('This page needs the link from the email we sent you.').count()).toBe(1);
        expect(await page.getByRole('link', { name: 'ask for a new link' }).getAttribute('href')).toBe(
          '/forgot-password',
        );
        expect(await page.getByLabel('New password').count()).toBe(0);
        await expectAxeClean(page, javaScriptEnabled);
      } finally {
        await context.close();
      }
    });

    it('should answer an unknown address as a known one, and send it nothing', async () => {
      const person = newPerson(label('known'));
      const unknown = uniqueEmail(label('unknown'));
      const { context, page } = await browsing(width, javaScriptEnabled);
      try {
        await signUp(page, server.url, person);
        await nthEmail(person.email, SUBJECTS.verify);
        await goTo(
          page,
          () => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click(),
          (url) => url.pathname === '/',
        );
        const before = smtp.count;

        await askForReset(page, unknown);
        const unknownAnswer = { heading: await page.locator('h1').innerText(), status: await status(page) };
        await askForReset(page, person.email);
        const knownAnswer = { heading: await page.locator('h1').innerText(), status: await status(page) };
        expect(unknownAnswer).toEqual(knownAnswer);
        expect(knownAnswer.status).toBe(RESET_SENT);

        // The known address's email, asked for after, arrives; nothing went to the unknown one.
        await nthEmail(person.email, SUBJECTS.reset);
        await smtp.untilCount(before + 1, MAIL_WAIT_MS);
        expect(smtp.count).toBe(before + 1);
        expect(smtp.received.filter((email) => email.to.includes(unknown))).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('should show a bad address next to the field on the forgot-password page', async () => {
      const { context, page } = await browsing(width, javaScriptEnabled);
      try {
        await visit(page, `${server.url}/forgot-password`);
        await expectAxeClean(page, javaScriptEnabled);
        await page.getByLabel('Email address').fill('not an address');
        await page.getByRole('button', { name: 'Send me a link' }).click();
        await page.locator('#email-error').waitFor();
        expect(await page.locator('#email-error').innerText()).toMatch(/name@example\.org/);
        expect(await page.locator('#email').inputValue()).toBe('not an address');
        expect(new URL(page.url()).searchParams.has('sent')).toBe(false);
        await expectAxeClean(page, javaScriptEnabled);
      } finally {
        await context.close();
      }
    });

    it('should confirm the sign-up address from the emailed link, and replace a link with a new one', async () => {
      const person = newPerson(label('verify'));
      const { context, page } = await browsing(width, javaScriptEnabled);
      const signedOut = await browsing(width, javaScriptEnabled);
      try {
        await signUp(page, server.url, person);
        expect(await page.getByText(NOT_CONFIRMED).count()).toBe(1);
        await expectAxeClean(page, javaScriptEnabled);
        const firstLink = linkIn(await nthEmail(person.email, SUBJECTS.verify), '/verify-email');

        // A new link, asked for from the account page, replaces the first.
        await goTo(
          page,
          () => page.getByRole('button', { name: 'Send a new link' }).click(),
          (url) => url.searchParams.has('verification-sent'),
        );
        expect(new URL(page.url()).pathname).toBe('/account');
        expect(await status(page)).toBe(
          `We have sent a new link to ${person.email}. It works for 7 days; the old one no longer works.`,
        );
        await expectAxeClean(page, javaScriptEnabled);
        const secondLink = linkIn(await nthEmail(person.email, SUBJECTS.verify, 2), '/verify-email');
        expect(secondLink).not.toBe(firstLink);

        // A mail system's link scanner fetches the link: that must not use it up.
        for (let scan = 0; scan < 2; scan += 1) {
          const scanned = await signedOut.context.request.get(secondLink);
          expect(scanned.status()).toBe(200);
        }

        // The first link no longer works; signed in, the page offers a new one.
        const response = await visit(page, firstLink);
        await expectLinkKeptPrivate(page, response);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Confirm your email address');
        expect(await page.getByRole('button').filter({ hasNotText: 'Sign out' }).allInnerTexts()).toEqual([
          'Confirm my email address',
        ]);
        await expectAxeClean(page, javaScriptEnabled);
        // The button's POST names where it came from by origin alone: the token stays in the page.
        const [post] = await Promise.all([
          page.waitForRequest((request) => request.method() === 'POST'),
          pressConfirm(page),
        ]);
        expect(await post.headerValue('referer')).toBe(`${server.url}/`);
        await page.getByRole('alert').waitFor();
        expect(await page.getByRole('alert').innerText()).toMatch(UNUSABLE_LINK);
        expect(await page.getByRole('button', { name: 'Send a new link' }).count()).toBe(1);
        await expectAxeClean(page, javaScriptEnabled);

        // The second link works, signed out too.
        const { page: outPage } = signedOut;
        await visit(outPage, secondLink);
        await goTo(
          outPage,
          () => pressConfirm(outPage),
          (url) => url.searchParams.has('confirmed'),
        );
        expect(new URL(outPage.url()).pathname).toBe('/verify-email');
        expect(await status(outPage)).toBe('Your email address is confirmed.');
        expect(await outPage.getByRole('main').getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
          '/signin',
        );
        await expectAxeClean(outPage, javaScriptEnabled);

        // Used up now: signed out, the page sends the person to sign in to ask for another.
        await visit(outPage, secondLink);
        await pressConfirm(outPage);
        await outPage.getByRole('alert').waitFor();
        expect(await outPage.getByRole('alert').innerText()).toMatch(UNUSABLE_LINK);
        expect(await outPage.getByRole('main').getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
          '/signin?next=%2Faccount',
        );
        expect(await outPage.getByRole('button', { name: 'Send a new link' }).count()).toBe(0);

        await visit(page, `${server.url}/account`);
        expect(await page.getByText(NOT_CONFIRMED).count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Send a new link' }).count()).toBe(0);
      } finally {
        await context.close();
        await signedOut.context.close();
      }
    });

    it('should change the email address once the link sent to the new address is followed', async () => {
      const person = newPerson(label('mover'));
      const newEmail = uniqueEmail(label('moved'));
      const { context, page } = await browsing(width, javaScriptEnabled);
      try {
        await signUp(page, server.url, person);
        await goTo(
          page,
          () => page.getByRole('link', { name: 'Change email address' }).click(),
          (url) => url.pathname === '/account/email',
        );
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Change your email address');
        expect(await page.getByLabel('New email address').getAttribute('autocomplete')).toBe('email');
        expect(await page.getByLabel('Your password').getAttribute('autocomplete')).toBe('current-password');
        await expectAxeClean(page, javaScriptEnabled);

        // Every field's problem at once.
        const send = () => page.getByRole('button', { name: 'Send a confirmation link' }).click();
        await send();
        await page.getByRole('alert').waitFor();
        expect(
          await page
            .getByRole('alert')
            .getByRole('link')
            .evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
        ).toEqual(['#newEmail', '#password']);
        expect(await page.locator('#newEmail-error').innerText()).toMatch(/Enter your email address/);
        expect(await page.locator('#password-error').innerText()).toMatch(/Enter your password/);
        await expectAxeClean(page, javaScriptEnabled);

        // A wrong password is refused next to it; the new address is kept.
        await page.getByLabel('New email address').fill(newEmail);
        await page.getByLabel('Your password').fill('not my password at all');
        await send();
        await page.locator('#newEmail-error').waitFor({ state: 'detached' });
        expect(await page.locator('#password-error').innerText()).toMatch(/That password is not right/);
        expect(await page.locator('#newEmail').inputValue()).toBe(newEmail);
        expect(await page.locator('#password').inputValue()).toBe('');

        await page.getByLabel('Your password').fill(person.password);
        await goTo(page, send, (url) => url.searchParams.has('email-change-sent'));
        expect(new URL(page.url()).pathname).toBe('/account');
        expect(await status(page)).toBe(
          'We have sent a link to the new address. Your email address changes when you follow it; until then, sign in with the old one.',
        );
        expect(await accountDetail(page, 'Email address')).toBe(person.email);
        await expectAxeClean(page, javaScriptEnabled);

        // The old address is told; the new one gets the link.
        const notice = await nthEmail(person.email, SUBJECTS.changeNotice);
        expect(notice.text).toContain(newEmail);
        const link = linkIn(await nthEmail(newEmail, SUBJECTS.change), '/verify-email');

        await visit(page, link);
        await goTo(
          page,
          () => pressConfirm(page),
          (url) => url.searchParams.has('confirmed'),
        );
        expect(await status(page)).toBe('Your email address is confirmed.');
        await goTo(
          page,
          () => page.getByRole('link', { name: 'Go to your account' }).click(),
          (url) => url.pathname === '/account',
        );
        expect(await accountDetail(page, 'Email address')).toBe(newEmail);
        // The new address is proved by following the link.
        expect(await page.getByText(NOT_CONFIRMED).count()).toBe(0);

        // The old address no longer signs in; the new one does.
        const other = await browsing(width, javaScriptEnabled);
        try {
          expect(await failedSignIn(other.page, person)).toMatch(/do not match/);
          await signIn(other.page, server.url, { email: newEmail, password: person.password });
          expect(new URL(other.page.url()).pathname).toBe('/account');
        } finally {
          await other.context.close();
        }
      } finally {
        await context.close();
      }
    });
  });
});
