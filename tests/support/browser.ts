/** Chromium for browser tests: Debian's own build driven by playwright-core, plus an axe scan. */
import AxeBuilder from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Response,
} from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to drive: `pnpm test` exports HEARTH_CHROMIUM_PATH; CHROMIUM_PATH also works. */
export function chromiumPath(): string {
  return process.env.HEARTH_CHROMIUM_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

const scriptless = new WeakSet<BrowserContext>();

/** A browser context (a fresh profile: no cookies); `{ javaScriptEnabled: false }` for a browser without JavaScript. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  // Fail in seconds, not Playwright's default half-minute: every page here answers fast.
  context.setDefaultTimeout(10_000);
  if (options.javaScriptEnabled === false) scriptless.add(context);
  return context;
}

/**
 * Opens a page and, where JavaScript runs, waits until SvelteKit has taken over the page
 * (the layout marks <html class="js">), so clicks go through the enhanced forms.
 */
export async function visit(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  if (!scriptless.has(page.context())) await page.waitForSelector('html.js', { state: 'attached' });
  return response;
}

/** Puts a mark on the window; `markSurvived` tells whether the page was since replaced by a full load. */
export async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { hearthMark?: boolean }).hearthMark = true;
  });
}

export async function markSurvived(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { hearthMark?: boolean }).hearthMark === true);
}

/** A journey run with JavaScript on, and again with it off (the core flows must work without it). */
export const JAVASCRIPT_MODES = [
  { mode: 'with JavaScript on', javaScriptEnabled: true },
  { mode: 'with JavaScript off', javaScriptEnabled: false },
] as const;

/**
 * The JavaScript mode a journey runs in at this width: off on a phone (old phones on slow
 * connections), on at desktop width. Pairing them covers both widths and both modes in half
 * the runs of every combination; what differs by width alone is caught by the fit checks.
 */
export function javaScriptModeAt(width: number): readonly (typeof JAVASCRIPT_MODES)[number][] {
  return JAVASCRIPT_MODES.filter((mode) => mode.javaScriptEnabled === width > 600);
}

/** The WCAG levels Hearth promises: 2.0, 2.1 and 2.2, A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeProblem {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe on the page as it is now and returns the serious and critical violations,
 * each with its rule id and the elements at fault, so a failing assertion shows what to fix.
 * The page must come from `browser.newContext()` (axe needs a context it can script).
 */
export async function axeScan(page: Page): Promise<AxeProblem[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? 'unknown',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}

/** An email no other test uses, so tests can share one server. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

export interface Person {
  name: string;
  email: string;
  password: string;
}

/** A person signed in, in a browser context of their own, with their account's id. */
export interface SignedIn {
  context: BrowserContext;
  page: Page;
  person: Person;
  id: string;
}

export function newPerson(label: string): Person {
  return { name: `Test ${label}`, email: uniqueEmail(label), password: 'kettle orchard lantern 42' };
}

/** Fills in and sends the sign-up form; resolves once the browser has landed on the next page. */
export async function signUp(page: Page, baseUrl: string, person: Person): Promise<void> {
  await visit(page, `${baseUrl}/signup`);
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/signup'),
    page.getByRole('button', { name: 'Create account' }).click(),
  ]);
}

/** Fills in and sends the sign-in form at `path` (default /signin). */
export async function signIn(
  page: Page,
  baseUrl: string,
  person: Pick<Person, 'email' | 'password'>,
  path = '/signin',
): Promise<void> {
  await visit(page, `${baseUrl}${path}`);
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/signin'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}

/** The text of the `<dd>` that follows the `<dt>` with this label on the account page. */
export async function accountDetail(page: Page, label: string): Promise<string> {
  return (await page.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

/** True when the browser holds a session cookie for this site. */
export async function hasSessionCookie(context: BrowserContext, baseUrl: string): Promise<boolean> {
  const cookies = await context.cookies(baseUrl);
  return cookies.some((cookie) => cookie.name === 'hearth_session');
}

/**
 * Runs a GraphQL operation as whoever is signed in to this page's browser context: its cookie,
 * sent from our own origin as the pages send it. Any error throws, so set-up fails loudly.
 */
export async function graphqlAs<T>(
  page: Page,
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await page.request.post(`${baseUrl}/graphql`, {
    headers: { origin: baseUrl, 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data as T;
}
