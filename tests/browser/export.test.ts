// "What does Hearth hold about me?": the readable page of a person's data, in plain words and
// fit to print, beside the JSON download it was made from.
import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeScan,
  graphqlAs,
  launchBrowser,
  newContext,
  newPerson,
  signIn,
  signUp,
  visit,
  type Person,
  javaScriptModeAt,
} from '../support/browser.ts';
import { networkFields, setStage, startNetwork, uniqueWord } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

const WIDTHS = [390, 1280] as const;
const READABLE = '/account/export/readable';

/** The sections of the JSON document, each of which the page must show. */
const SECTIONS = [
  'exportedAt',
  'account',
  'profile',
  'memberships',
  'joinRequests',
  'lifecycleNotes',
  'notifications',
  'mentoring',
  'venues',
  'events',
  'library',
  'safety',
  'sessions',
];

interface Exported {
  exportedAt: string;
  account: { email: string; createdAt: string };
  memberships: Array<{ networkName: string; role: string; joinedAt: string }>;
  lifecycleNotes: Array<{ stage: string; note: string }>;
}

/** Dates as the pages write them: "3 December 2026", UK time. */
const BRITISH_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/London' });

/**
 * Someone with a profile, a network they started (and set the stage of, and hold a venue's
 * relationship in) and one they joined, where the host holds another venue's.
 */
interface Owner {
  person: Person;
  started: string;
  joined: string;
  note: string;
  venue: string;
  hostsVenue: string;
}

const VENUE_FIELDS = {
  address: 'Calverley Street\nLeeds',
  stepFreeAccess: true,
  accessibleToilet: true,
  hearingLoop: false,
  quietRoom: false,
  capacity: 30,
  cost: 'FREE',
};

/** Adds a venue to the network, held by the person signed in on `page`. */
async function addHeldVenue(page: Page, networkId: string, name: string): Promise<void> {
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, '{ me { id } }');
  await graphqlAs(
    page,
    server.url,
    'mutation ($id: ID!, $input: VenueInput!) { addVenue(networkId: $id, input: $input) { id } }',
    { id: networkId, input: { ...VENUE_FIELDS, name, relationshipHolderId: me.id } },
  );
}

let owner: Owner;

async function signedUpPage(label: string): Promise<{ page: Page; person: Person; close: () => Promise<void> }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const person = newPerson(label);
  await signUp(page, server.url, person);
  return { page, person, close: () => context.close() };
}

async function ownerWithData(): Promise<Owner> {
  const host = await signedUpPage('export-host');
  const me = await signedUpPage('export-owner');
  try {
    const joined = networkFields(uniqueWord('Hollins'));
    const joinedNetwork = await startNetwork(host.page, server.url, joined);
    const started = networkFields(uniqueWord('Ferncombe'));
    const startedNetwork = await startNetwork(me.page, server.url, started);
    const note = 'Our first meetup was held in the library.';
    await setStage(me.page, server.url, startedNetwork.id, 'COALESCING', note);
    await graphqlAs(
      me.page,
      server.url,
      'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
      { id: joinedNetwork.id },
    );
    const venue = uniqueWord('Ferncombe Library');
    await addHeldVenue(me.page, startedNetwork.id, venue);
    const hostsVenue = uniqueWord('Hollins Church Hall');
    await addHeldVenue(host.page, joinedNetwork.id, hostsVenue);
    await graphqlAs(
      me.page,
      server.url,
      'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }',
      {
        input: {
          organisation: 'Riverside Food Bank',
          organisationSize: 'SMALL',
          isDigitalLead: true,
          skills: ['WordPress', 'Mailchimp'],
          supportNeeds: ['SHORT_TERM_SKILLS', 'HANDS_ON_SUPPORT'],
          visibility: 'MEMBERS',
        },
      },
    );
    return { person: me.person, started: started.name, joined: joined.name, note, venue, hostsVenue };
  } finally {
    await host.close();
    await me.close();
  }
}

/** The text of the `<dd>` that follows the `<dt>` with exactly this label, within `scope`. */
async function fact(scope: Locator, label: string): Promise<string> {
  const term = scope.locator('dt', { hasText: new RegExp(`^${label}$`) });
  return (await term.locator('xpath=following-sibling::dd[1]').innerText()).trim();
}

const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Saves the JSON through the link on the page and reads it back. */
async function downloadJson(page: Page, linkName: string | RegExp): Promise<{ name: string; document: unknown }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: linkName }).click(),
  ]);
  const text = await readFile((await download.path())!, 'utf8');
  return { name: download.suggestedFilename(), document: JSON.parse(text) };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  owner = await ownerWithData();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(WIDTHS)('your data, %i pixels wide', (width) => {
  it.each(javaScriptModeAt(width))(
    'should show everything Hearth holds in plain words, print without the site around it, and still download JSON, $mode',
    async ({ javaScriptEnabled }) => {
      const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
      const page = await context.newPage();
      try {
        await signIn(page, server.url, owner.person);

        // From the account page, both ways to see the data.
        await visit(page, `${server.url}/account`);
        expect(await page.getByRole('link', { name: 'download my data as JSON' }).getAttribute('href')).toBe(
          '/account/export',
        );
        await Promise.all([
          page.waitForURL((url) => url.pathname === READABLE),
          page.getByRole('link', { name: 'See your data' }).click(),
        ]);
        if (javaScriptEnabled) await page.waitForSelector('html.js', { state: 'attached' });
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Your data');

        // The JSON download is the same file as before, and holds the sections the page shows.
        const json = await downloadJson(page, 'Download my data as JSON');
        expect(json.name).toMatch(/^hearth-my-data-\d{4}-\d{2}-\d{2}\.json$/);
        const exported = json.document as Exported;
        expect(Object.keys(exported)).toEqual(SECTIONS);
        expect(exported.account.email).toBe(owner.person.email);

        // The account, with dates as people in the UK write them.
        const account = section(page, 'Your account');
        expect(await fact(account, 'Name')).toBe(owner.person.name);
        expect(await fact(account, 'Email address')).toBe(owner.person.email);
        expect(await fact(account, 'Account created')).toBe(BRITISH_DATE.format(new Date(exported.account.createdAt)));

        // The profile in the words the profile form uses.
        const profile = section(page, 'Your profile');
        expect(await fact(profile, 'Organisation')).toBe('Riverside Food Bank');
        expect(await fact(profile, 'Organisation size')).toBe('Small: £10,000 to under £100,000 a year');
        expect(await fact(profile, 'Pronouns')).toBe('None');
        expect(await fact(profile, 'Digital lead')).toBe('Yes');
        expect(await fact(profile, 'Mentor')).toBe('No');
        expect(await profile.locator('dt:text-is("Skills") + dd li').allInnerTexts()).toEqual([
          'WordPress',
          'Mailchimp',
        ]);
        expect(await profile.locator('dt:text-is("Support you are looking for") + dd li').allInnerTexts()).toEqual([
          'Short-term skills',
          'Hands-on support',
        ]);
        expect(await fact(profile, 'Who may see your details')).toBe('Members of my networks');

        // Both networks, with the role each gives.
        const networks = section(page, 'Your networks');
        expect(await networks.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([
          owner.started,
          owner.joined,
        ]);
        const started = networks.getByRole('listitem').filter({ hasText: owner.started });
        expect(await fact(started, 'Role')).toBe('Steward');
        expect(await fact(started, 'Membership')).toBe('Current');
        expect(await fact(started, 'Code of conduct')).toMatch(/^Version 1, accepted on \d{1,2} [A-Z][a-z]+ \d{4}$/);
        expect(await fact(networks.getByRole('listitem').filter({ hasText: owner.joined }), 'Role')).toBe('Member');

        // The stage change they recorded, named in words, with its note.
        const stages = section(page, 'Stage changes you recorded');
        expect(await stages.getByRole('heading', { level: 3 }).innerText()).toBe(owner.started);
        expect(await fact(stages, 'Stage')).toBe('Coalescing');
        expect(await fact(stages, 'Your note')).toBe(owner.note);
        expect(await fact(stages, 'Set on')).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2}$/);

        // How notifications reach them, in the settings page's words, and the emails queued for them.
        const notices = section(page, 'Your notifications');
        expect(await fact(notices, 'Someone joins a network you steward')).toBe('Email me once a day');
        expect(await fact(notices, 'Time zone for daily emails')).toBe('Europe/London');
        expect(await fact(account, 'Address confirmed')).toBe('Not yet');
        expect(await notices.getByRole('listitem').allInnerTexts()).toContainEqual(
          expect.stringMatching(/^“Confirm your email address for Hearth”, (waiting to be sent|sent on .+)$/),
        );

        // Mentoring: none yet, said plainly.
        expect(await fact(section(page, 'Your mentoring'), 'Needs you posted')).toBe('None');

        // The venue they hold, with its address as written and a link to its network's directory;
        // not the one the host holds in the network they joined.
        const venues = section(page, 'Venues you hold the relationship with');
        expect(await venues.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual([owner.venue]);
        expect(await fact(venues, 'Network')).toBe(owner.started);
        expect(await venues.getByRole('link', { name: owner.started }).getAttribute('href')).toMatch(
          /^\/networks\/[a-z0-9-]+\/venues$/,
        );
        expect(await fact(venues, 'Address')).toBe('Calverley Street\nLeeds');
        expect(await fact(venues, 'In the directory')).toBe('Yes');
        expect(await fact(venues, 'Added')).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
        expect(await page.locator('body').innerText()).not.toContain(owner.hostsVenue);

        // Sign-ins: this browser's is marked.
        const signIns = section(page, 'Your sign-ins');
        expect(await signIns.getByText('(this browser)').count()).toBe(1);
        expect(await signIns.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);

        // No codes anywhere on the page, and nothing left over without words.
        const text = await page.locator('body').innerText();
        for (const code of ['SHORT_TERM_SKILLS', 'HANDS_ON_SUPPORT', 'SMALL', 'MEMBERS', 'STEWARD', 'COALESCING']) {
          expect(text).not.toContain(code);
        }
        expect(
          text.match(/\b[A-Z]{2,}(?:_[A-Z]+)*\b/g)?.filter((word) => !['JSON', 'PDF', 'UK'].includes(word)) ?? [],
        ).toEqual([]);
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
        expect(await page.getByRole('heading', { name: 'Other data' }).count()).toBe(0);

        // Printing is a button only where a script can run it; without, the browser's own Print does it.
        const print = page.getByRole('button', { name: 'Print or save as PDF' });
        expect(await print.count()).toBe(javaScriptEnabled ? 1 : 0);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);

        // On paper: the data, without the site's header, navigation, footer or buttons.
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.site-header').isVisible()).toBe(false);
        expect(await page.locator('.site-footer').isVisible()).toBe(false);
        expect(await page.getByRole('link', { name: 'Download my data as JSON' }).isVisible()).toBe(false);
        expect(await print.isVisible()).toBe(false);
        expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
        expect(await page.getByText(owner.person.email).isVisible()).toBe(true);
        await page.emulateMedia({ media: 'screen' });
        expect(await page.locator('.site-header').isVisible()).toBe(true);
      } finally {
        await context.close();
      }
    },
  );

  it.each(javaScriptModeAt(width))(
    'should keep the page private: no cache, sign in first, each person their own, $mode',
    async ({ javaScriptEnabled }) => {
      const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
      const page = await context.newPage();
      try {
        // Signed out: off to sign in, and back to the page afterwards.
        await visit(page, `${server.url}${READABLE}`);
        const landed = new URL(page.url());
        expect(landed.pathname).toBe('/signin');
        expect(landed.searchParams.get('next')).toBe(READABLE);

        // Someone else signs up in this browser and sees their own data, nothing of the owner's.
        const other = newPerson('export-other');
        await signUp(page, server.url, other);
        const response = await visit(page, `${server.url}${READABLE}`);
        expect(response?.headers()['cache-control']).toBe('private, no-store');
        expect(await fact(section(page, 'Your account'), 'Email address')).toBe(other.email);
        expect(await section(page, 'Your profile').getByRole('paragraph').innerText()).toBe(
          'None. You have not filled in your profile.',
        );
        expect(await section(page, 'Your networks').getByRole('paragraph').innerText()).toBe('None.');
        expect(
          await section(page, 'Venues you hold the relationship with').getByRole('paragraph').allInnerTexts(),
        ).toContain('None.');
        const text = await page.locator('body').innerText();
        for (const theirs of [
          owner.person.email,
          owner.person.name,
          owner.started,
          owner.joined,
          owner.note,
          owner.venue,
          owner.hostsVenue,
        ]) {
          expect(text).not.toContain(theirs);
        }
        if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
