import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeScan, launchBrowser, newContext, newPerson, signUp, visit } from '../support/browser.ts';
import { startServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let signedOut: BrowserContext;
let signedIn: BrowserContext;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  signedOut = await newContext(browser);
  signedIn = await newContext(browser);
  await signUp(await signedIn.newPage(), server.url, newPerson('a11y'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await visit(page, `${server.url}${path}`);
  return page;
}

describe('accessibility', () => {
  it.each([
    { name: 'home, signed out', path: '/', who: 'out' },
    { name: 'home, signed in', path: '/', who: 'in' },
    { name: 'sign up', path: '/signup', who: 'out' },
    { name: 'sign in', path: '/signin?next=/account', who: 'out' },
    { name: 'account', path: '/account', who: 'in' },
    { name: 'account, just created', path: '/account?welcome', who: 'in' },
    { name: 'profile', path: '/account/profile', who: 'in' },
    { name: 'your data', path: '/account/export/readable', who: 'in' },
    { name: 'delete account', path: '/account/delete', who: 'in' },
    { name: 'sign out', path: '/signout', who: 'in' },
    { name: 'networks', path: '/networks', who: 'out' },
    { name: 'networks near a town', path: '/networks?near=Leeds', who: 'out' },
    { name: 'all networks in a table', path: '/networks/overview', who: 'out' },
    { name: 'start a network', path: '/networks/new', who: 'in' },
    { name: 'mentoring, with nothing yet', path: '/mentoring', who: 'in' },
    { name: 'offer to mentor', path: '/mentoring/offer', who: 'in' },
    { name: 'post a need', path: '/mentoring/needs/new', who: 'in' },
    { name: 'page not found', path: '/no-such-page', who: 'out' },
  ])('should have no serious or critical axe violations on $name', async ({ path, who }) => {
    const page = await open(who === 'in' ? signedIn : signedOut, path);
    try {
      expect(new URL(page.url()).pathname).toBe(path.split('?')[0]);
      expect(await axeScan(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('should have no serious or critical axe violations on a form showing errors', async () => {
    const page = await open(signedOut, '/signup');
    try {
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.locator('#email-error').waitFor();
      expect(await axeScan(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('should answer an unknown path with a 404 page that says so', async () => {
    const page = await signedOut.newPage();
    try {
      const response = await visit(page, `${server.url}/no-such-page`);
      expect(response?.status()).toBe(404);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Page not found');
      expect(await page.getByRole('link', { name: 'Go to the home page' }).getAttribute('href')).toBe('/');
    } finally {
      await page.close();
    }
  });
});

describe('keyboard', () => {
  it('should make the skip link the first tab stop and move focus to the main content', async () => {
    const page = await open(signedOut, '/signin');
    try {
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return { text: element?.textContent?.trim(), href: element?.getAttribute('href') };
      });
      expect(first).toEqual({ text: 'Skip to main content', href: '#main' });
      expect(await page.getByRole('link', { name: 'Skip to main content' }).isVisible()).toBe(true);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');

      // The next tab stop is inside the main content, not back in the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('should show a visible focus indicator on links and buttons', async () => {
    const page = await open(signedOut, '/');
    try {
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
      });
      expect(outline.style).toBe('solid');
      expect(outline.width).toBeGreaterThanOrEqual(2);
    } finally {
      await page.close();
    }
  });
});

describe('small screens', () => {
  it.each(['/', '/signup', '/signin', '/account'])(
    'should fit %s into 320 CSS pixels without sideways scrolling',
    async (path) => {
      const context = path === '/account' ? signedIn : signedOut;
      const page = await context.newPage();
      try {
        await page.setViewportSize({ width: 320, height: 640 });
        await visit(page, `${server.url}${path}`);
        expect(new URL(page.url()).pathname).toBe(path);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      } finally {
        await page.close();
      }
    },
  );
});
