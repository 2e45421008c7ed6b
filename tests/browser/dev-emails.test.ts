import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, launchBrowser, newContext, newPerson, signUp, visit } from '../support/browser.ts';
import { startServer } from '../support/server.ts';

// In development without SMTP_URL, emails are logged and shown on /dev/emails, so a developer
// can follow a link from a fresh clone; in production the page does not exist.

let development: Awaited<ReturnType<typeof startServer>>;
let production: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  development = await startServer({ env: { NODE_ENV: 'development', OUTBOX_POLL_MS: '50' } });
  production = await startServer({ env: { NODE_ENV: 'production' } });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await development?.close();
  await production?.close();
});

describe('/dev/emails', () => {
  it('should show the logged sign-up email in development, with a link that confirms the address', async () => {
    const context = await newContext(browser, { viewport: { width: 390, height: 900 } });
    const page = await context.newPage();
    try {
      const person = newPerson('dev-emails');
      await signUp(page, development.url, person);
      const email = page.getByRole('listitem').filter({ hasText: `To ${person.email}` });
      for (let tries = 0; tries < 100 && (await email.count()) === 0; tries++) {
        await visit(page, `${development.url}/dev/emails`);
        if ((await email.count()) === 0) await page.waitForTimeout(100);
      }
      expect(await email.getByRole('heading').innerText()).toBe('Confirm your email address for Hearth');
      expect(await axeScan(page)).toEqual([]);
      await email.getByRole('link', { name: /\/verify-email\?token=/ }).click();
      await page.waitForURL((url) => url.pathname === '/verify-email');
      await page.getByRole('button', { name: 'Confirm my email address' }).click();
      await page.waitForURL((url) => url.searchParams.has('confirmed'));
      expect(await page.getByText('Your email address is confirmed.').count()).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('should not exist in production', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await signUp(page, production.url, newPerson('prod-emails'));
      const response = await visit(page, `${production.url}/dev/emails`);
      expect(response?.status()).toBe(404);
    } finally {
      await context.close();
    }
  });
});
