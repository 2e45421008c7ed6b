// Notifications in the browser: a steward hears that someone joined, in the header and on the
// notifications page, marks it read with a plain form, and (with JavaScript) sees the next one
// arrive without reloading; preferences save and show; an email's unsubscribe link turns off its
// kind, only when the button is pressed, without signing in.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtpServer, type ReceivedEmail, type TestSmtpServer } from '../../server/src/testing/smtp.ts';
import {
  axeScan,
  graphqlAs,
  launchBrowser,
  markSurvived,
  markWindow,
  newContext,
  newPerson,
  signUp,
  visit,
  type SignedIn,
  javaScriptModeAt,
} from '../support/browser.ts';
import { networkFields, startNetwork, uniqueWord, type StartedNetwork } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let smtp: TestSmtpServer;
let browser: Browser;

const WIDTHS = [390, 1280] as const;

const MAIL_WAIT_MS = 15_000;
const EMPTY = 'No notifications yet. When someone joins a network you steward, or your role changes, it shows here.';
const NEW_MEMBER_GROUP = 'Someone joins a network you steward';
const ROLE_GROUP = 'Your role in a network changes';
const DATE_TIME =
  /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4} at \d{2}:\d{2}$/;

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

async function personIn(label: string, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const { javaScriptEnabled = true, width = 1280 } = options;
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const person = newPerson(label);
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id } satisfies SignedIn;
}

async function networkOf(steward: SignedIn, prefix: string): Promise<StartedNetwork & { name: string }> {
  const fields = networkFields(uniqueWord(prefix));
  return { name: fields.name, ...(await startNetwork(steward.page, server.url, fields)) };
}

/** Someone new joins the network through the API; they are closed again at once. */
async function someoneJoins(networkId: string, label = 'joiner'): Promise<SignedIn> {
  const member = await personIn(label);
  await graphqlAs(
    member.page,
    server.url,
    'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
    { id: networkId },
  );
  await member.context.close();
  return member;
}

async function goTo(page: Page, action: () => Promise<void>, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), action()]);
}

const notificationsLink = (page: Page) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Notifications/ });

async function linkName(page: Page): Promise<string> {
  return (
    await notificationsLink(page).evaluate((link) => {
      // The accessible name as a screen reader builds it: the badge is hidden from it.
      const parts: string[] = [];
      const walk = (node: Node) => {
        if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return;
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        node.childNodes.forEach(walk);
      };
      walk(link);
      return parts.join('');
    })
  )
    .replace(/\s+/g, ' ')
    .trim();
}

async function badge(page: Page): Promise<string | null> {
  const found = notificationsLink(page).locator('.badge');
  return (await found.count()) === 0 ? null : (await found.innerText()).trim();
}

async function preferencesOf(page: Page): Promise<Record<string, string>> {
  const { notificationPreferences } = await graphqlAs<{
    notificationPreferences: Array<{ kind: string; delivery: string }>;
  }>(page, server.url, 'query { notificationPreferences { kind delivery } }');
  return Object.fromEntries(notificationPreferences.map((p) => [p.kind, p.delivery]));
}

async function expectAxeClean(page: Page, javaScriptEnabled: boolean): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
}

/** The first email to `address` that `matches`, once it has arrived. */
async function emailTo(address: string, matches: (email: ReceivedEmail) => boolean): Promise<ReceivedEmail> {
  const deadline = Date.now() + MAIL_WAIT_MS;
  for (;;) {
    const email = smtp.received.find((e) => e.to.includes(address) && matches(e));
    if (email) return email;
    if (Date.now() > deadline) throw new Error(`the email awaited did not reach ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Proves the person's address with the link sign-up sent: Hearth emails notifications only to proved addresses. */
async function proveAddress(person: SignedIn): Promise<void> {
  const email = await emailTo(person.person.email, (e) => e.subject === 'Confirm your email address for Hearth');
  const token = /\/verify-email\?token=([^\s"<]+)/.exec(email.text)?.[1];
  if (!token) throw new Error(`no verification link in:\n${email.text}`);
  await graphqlAs(person.page, server.url, 'mutation ($token: String!) { verifyEmail(token: $token) }', {
    token: decodeURIComponent(token),
  });
}

/** The List-Unsubscribe address of the first email to `address` that carries one. */
async function unsubscribeLinkFor(address: string): Promise<string> {
  return listUnsubscribe(await emailTo(address, (e) => listUnsubscribe(e) !== null))!;
}

function listUnsubscribe(email: ReceivedEmail): string | null {
  const unfolded = email.raw.replace(/\r\n[ \t]+/g, ' ');
  return /^List-Unsubscribe: .*?<(https?:\/\/[^>]+\/unsubscribe\?token=[^>]+)>/im.exec(unfolded)?.[1] ?? null;
}

describe.each(WIDTHS)('notifications, %i pixels wide', (width) => {
  it.each(javaScriptModeAt(width))(
    'should tell a steward someone joined, in the header and on the page, and mark it read, $mode',
    async ({ javaScriptEnabled }) => {
      const steward = await personIn('steward', { javaScriptEnabled, width });
      const { page } = steward;
      try {
        const network = await networkOf(steward, 'Notifyby');

        await visit(page, `${server.url}/notifications`);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Notifications');
        expect((await page.locator('.empty').innerText()).trim()).toBe(EMPTY);
        expect(await linkName(page)).toBe('Notifications');
        expect(await badge(page)).toBeNull();
        await expectAxeClean(page, javaScriptEnabled);

        const first = await someoneJoins(network.id, 'first');
        const second = await someoneJoins(network.id, 'second');
        await visit(page, `${server.url}/account`);
        expect(await linkName(page)).toBe('Notifications, 2 unread');
        expect(await badge(page)).toBe('2');

        await goTo(
          page,
          () => notificationsLink(page).click(),
          (url) => url.pathname === '/notifications',
        );
        expect(await notificationsLink(page).getAttribute('aria-current')).toBe('page');
        const entries = page.locator('ol.entries > li');
        expect(await entries.count()).toBe(2);
        // Newest first, each unread, said in words, with its time in UK words.
        expect(await entries.nth(0).innerText()).toContain(second.person.name);
        expect(await entries.nth(1).innerText()).toContain(first.person.name);
        for (const index of [0, 1]) {
          const entry = entries.nth(index);
          expect((await entry.locator('.tag').innerText()).trim().toLowerCase()).toBe('unread');
          expect((await entry.locator('time').innerText()).trim()).toMatch(DATE_TIME);
          expect(await entry.getByRole('heading', { level: 2 }).getByRole('link').getAttribute('href')).toMatch(/^\//);
        }
        await expectAxeClean(page, javaScriptEnabled);

        // Unread only, as a link.
        await goTo(
          page,
          () => page.getByRole('link', { name: 'Unread only' }).click(),
          (url) => url.searchParams.get('show') === 'unread',
        );
        expect(await page.getByRole('link', { name: 'Unread only' }).getAttribute('aria-current')).toBe('true');
        expect(await entries.count()).toBe(2);

        // Marking the older one read, the list comes back to where it was.
        const older = entries.nth(1);
        const olderId = await older.getAttribute('id');
        await goTo(
          page,
          () => older.getByRole('button', { name: 'Mark as read' }).click(),
          (url) => url.pathname === '/notifications' && url.hash !== '',
        );
        expect(new URL(page.url()).searchParams.get('show')).toBe('unread');
        expect(await entries.count()).toBe(1);
        expect(await page.locator(`#${olderId}`).count()).toBe(0);
        expect(await linkName(page)).toBe('Notifications, 1 unread');
        expect(await badge(page)).toBe('1');

        // All of them: the count goes to nothing.
        await goTo(
          page,
          () => page.getByRole('button', { name: 'Mark all as read' }).click(),
          (url) => url.searchParams.has('all-read'),
        );
        expect((await page.getByRole('status').innerText()).trim()).toBe('All your notifications are marked as read.');
        expect((await page.locator('.empty').innerText()).trim()).toBe(
          'You have no unread notifications. See them all.',
        );
        expect(await linkName(page)).toBe('Notifications');
        expect(await badge(page)).toBeNull();
        await expectAxeClean(page, javaScriptEnabled);

        await goTo(
          page,
          () => page.getByRole('link', { name: 'See them all' }).click(),
          (url) => !url.search,
        );
        expect(await entries.count()).toBe(2);
        expect(await page.locator('ol.entries .tag').count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Mark as read' }).count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Mark all as read' }).count()).toBe(0);
      } finally {
        await steward.context.close();
      }
    },
  );

  it('should count a new notification in the header while the page stays open, and offer it to the list, with JavaScript on', async () => {
    const steward = await personIn('watcher', { width });
    const { page } = steward;
    try {
      const network = await networkOf(steward, 'Liveby');
      const subscribed = page.waitForEvent('websocket').then(
        (socket) =>
          new Promise<void>((resolve) =>
            socket.on('framesent', (frame) => {
              if (String(frame.payload).includes('"subscribe"')) resolve();
            }),
          ),
      );
      // The socket must keep within the page's policy (connect-src 'self') and log nothing.
      const messages: string[] = [];
      page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
      await visit(page, `${server.url}/notifications`);
      await subscribed;
      // The server registers the subscription just after the frame arrives.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await markWindow(page);
      expect(await linkName(page)).toBe('Notifications');

      const joiner = await someoneJoins(network.id, 'live');
      await expect.poll(() => linkName(page), { timeout: 5000 }).toBe('Notifications, 1 unread');
      expect(await badge(page)).toBe('1');
      const announced = (await page.locator('header [aria-live="polite"]').innerText()).trim();
      expect(announced).toMatch(/^New notification: /);
      expect(announced).toContain(joiner.person.name);
      expect(await markSurvived(page)).toBe(true);
      // Nothing stole focus.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');

      expect(await page.locator('.entry').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Show 1 new notification' }).count()).toBe(1);

      const second = await someoneJoins(network.id, 'live2');
      await expect.poll(() => linkName(page), { timeout: 5000 }).toBe('Notifications, 2 unread');
      expect(await markSurvived(page)).toBe(true);

      // The list takes them in when asked, without a reload, and the newest gets focus.
      await page.getByRole('button', { name: 'Show 2 new notifications' }).click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.querySelector('h2')?.textContent?.trim()))
        .toContain(second.person.name);
      expect(await page.locator('.entry').count()).toBe(2);
      expect(await page.getByRole('button', { name: /^Show \d+ new notification/ }).count()).toBe(0);
      expect(await linkName(page)).toBe('Notifications, 2 unread');
      expect(await markSurvived(page)).toBe(true);
      expect(messages).toEqual([]);
    } finally {
      await steward.context.close();
    }
  });

  it.each(javaScriptModeAt(width))(
    'should save notification preferences and show them, $mode',
    async ({ javaScriptEnabled }) => {
      const person = await personIn('chooser', { javaScriptEnabled, width });
      const { page } = person;
      try {
        await visit(page, `${server.url}/account`);
        await goTo(
          page,
          () => page.getByRole('link', { name: 'Choose which notifications we email you' }).click(),
          (url) => url.pathname === '/account/notifications',
        );
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Notification settings');
        expect(await page.getByText('Always sent by email').count()).toBe(2);
        await expectAxeClean(page, javaScriptEnabled);

        const newMember = page.getByRole('group', { name: NEW_MEMBER_GROUP });
        const role = page.getByRole('group', { name: ROLE_GROUP });
        await newMember.getByLabel('Do not email me').check();
        await role.getByLabel('Email me once a day').check();
        const timeZone = page.getByLabel('Your time zone');
        expect(await timeZone.inputValue()).toBe('Europe/London');
        await timeZone.selectOption('America/New_York');
        await goTo(
          page,
          () => page.getByRole('button', { name: 'Save preferences' }).click(),
          (url) => url.searchParams.has('saved'),
        );
        expect((await page.getByRole('status').innerText()).trim()).toBe('Your notification settings are saved.');
        expect(await newMember.getByLabel('Do not email me').isChecked()).toBe(true);
        expect(await role.getByLabel('Email me once a day').isChecked()).toBe(true);
        expect(await role.getByLabel('Email me straight away').isChecked()).toBe(false);
        const saved = await preferencesOf(page);
        expect(saved.NEW_MEMBER).toBe('IN_APP_ONLY');
        expect(saved.ROLE_CHANGED).toBe('DAILY_DIGEST');
        expect(await timeZone.inputValue()).toBe('America/New_York');
        expect(
          (await graphqlAs<{ digestTimeZone: string }>(page, server.url, 'query { digestTimeZone }')).digestTimeZone,
        ).toBe('America/New_York');
        await expectAxeClean(page, javaScriptEnabled);

        // Reached from the notifications page too.
        await visit(page, `${server.url}/notifications`);
        expect(
          await page.getByRole('link', { name: 'Choose which notifications we email you' }).getAttribute('href'),
        ).toBe('/account/notifications');
      } finally {
        await person.context.close();
      }
    },
  );

  it.each(javaScriptModeAt(width))(
    'should stop one kind of email from its unsubscribe link, only once the button is pressed, $mode',
    async ({ javaScriptEnabled }) => {
      const steward = await personIn('mailed');
      const reader = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
      const page = await reader.newPage();
      try {
        await proveAddress(steward);
        await graphqlAs(
          steward.page,
          server.url,
          'mutation { setNotificationPreference(kind: NEW_MEMBER, delivery: IMMEDIATE) { delivery } }',
        );
        const network = await networkOf(steward, 'Mailby');
        await someoneJoins(network.id);
        const link = await unsubscribeLinkFor(steward.person.email);
        expect(new URL(link).origin).toBe(server.url);

        // Opened by someone not signed in (or a mail scanner): it says what it would stop, and does nothing yet.
        const response = await visit(page, link);
        expect(response?.status()).toBe(200);
        expect(response?.headers()['cache-control']).toBe('private, no-store');
        expect(await page.locator('meta[name="referrer"]').getAttribute('content')).toBe('strict-origin');
        expect(await page.locator('main').innerText()).toContain(
          'This stops emails about people joining a network you steward.',
        );
        expect((await preferencesOf(steward.page)).NEW_MEMBER).toBe('IMMEDIATE');
        await expectAxeClean(page, javaScriptEnabled);

        await goTo(
          page,
          () => page.getByRole('button', { name: 'Stop these emails' }).click(),
          (url) => url.searchParams.has('stopped'),
        );
        expect(new URL(page.url()).searchParams.has('token')).toBe(false);
        expect((await page.getByRole('status').innerText()).trim()).toBe(
          'You will no longer get emails about people joining a network you steward. ' +
            'You can change this in your notification settings.',
        );
        expect(
          await page.getByRole('status').getByRole('link', { name: 'notification settings' }).getAttribute('href'),
        ).toBe('/account/notifications');
        expect((await preferencesOf(steward.page)).NEW_MEMBER).toBe('IN_APP_ONLY');
        await expectAxeClean(page, javaScriptEnabled);

        // A link that is not one Hearth gave out.
        await visit(page, `${server.url}/unsubscribe?token=${'a'.repeat(32)}.${'b'.repeat(32)}`);
        expect(await page.locator('main').innerText()).toContain('This link does not work.');
        expect(await page.getByRole('button', { name: 'Stop these emails' }).count()).toBe(0);
        await expectAxeClean(page, javaScriptEnabled);
      } finally {
        await reader.close();
        await steward.context.close();
      }
    },
  );
});
