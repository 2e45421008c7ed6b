import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeScan,
  hasSessionCookie,
  launchBrowser,
  newContext,
  newPerson,
  signUp,
  graphqlAs,
  visit,
  type SignedIn,
} from '../support/browser.ts';
import { networkFields, startNetwork, uniqueWord } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

/** Runs a GraphQL operation as the person signed in to this page's browser context. */
function api<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return graphqlAs<T>(page, server.url, query, variables);
}

async function personIn(label: string, javaScriptEnabled = true): Promise<SignedIn> {
  const context = await newContext(browser, { javaScriptEnabled });
  const page = await context.newPage();
  const person = newPerson(label);
  await signUp(page, server.url, person);
  const { me } = await api<{ me: { id: string } }>(page, 'query { me { id } }');
  return { context, page, person, id: me.id };
}

/** A network in Bristol started by this person through the API. */
function startNetworkAs(owner: SignedIn, name: string) {
  return startNetwork(owner.page, server.url, { ...networkFields('Bristol'), name });
}

async function join(member: SignedIn, networkId: string): Promise<void> {
  await api(member.page, `mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }`, {
    id: networkId,
  });
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('profiles', () => {
  it('should edit a profile with JavaScript off and show it on the person page', async () => {
    const owner = await personIn('profile', false);
    const { page } = owner;
    try {
      await visit(page, `${server.url}/account`);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/account/profile'),
        page.getByRole('link', { name: 'Edit your profile' }).click(),
      ]);

      // Too many skills: the API's message next to the field, the rest kept.
      await page.getByLabel('About you (optional)').fill('I look after the website and the CRM.');
      await page.getByLabel('Skills (optional)').fill(Array.from({ length: 21 }, (_, i) => `skill ${i}`).join(', '));
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.locator('#skills-error').waitFor();
      expect(await page.locator('#skills-error').innerText()).toMatch(/at most 20 skills/);
      expect(await page.getByLabel('About you (optional)').inputValue()).toBe('I look after the website and the CRM.');

      await page.getByLabel('Pronouns (optional)').fill('they/them');
      await page.getByLabel('Organisation (optional)', { exact: true }).fill('Riverside Food Bank');
      await page.getByLabel('Organisation size (optional)').selectOption('SMALL');
      await page.getByLabel('Sector (optional)').fill('food poverty');
      await page.getByLabel('Role title (optional)').fill('Digital officer');
      await page.getByLabel('I am a digital lead').check();
      await page.getByLabel('Skills (optional)').fill('WordPress,  Data Protection , wordpress');
      await page.getByLabel('Quick tips').check();
      await page.getByLabel('Hands-on support').check();
      await page.getByLabel('Public').check();
      await Promise.all([
        page.waitForURL((url) => url.searchParams.has('saved')),
        page.getByRole('button', { name: 'Save profile' }).click(),
      ]);
      expect(await page.getByRole('status').innerText()).toMatch(/Your profile is saved/);
      // Kept as typed; the second WordPress, in another case, is the same skill.
      expect(await page.getByLabel('Skills (optional)').inputValue()).toBe('WordPress, Data Protection');
      expect(await page.getByLabel('I am a digital lead').isChecked()).toBe(true);
      // Being a mentor comes from an offer, not from a box on the profile.
      expect(await page.getByLabel('I am a mentor').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'offer to mentor' }).getAttribute('href')).toBe('/mentoring/offer');

      // A visitor who is not signed in sees a public profile.
      const visitor = await newContext(browser);
      const view = await visitor.newPage();
      await visit(view, `${server.url}/people/${owner.id}`);
      expect(await view.getByRole('heading', { level: 1 }).innerText()).toBe(`${owner.person.name} (they/them)`);
      expect(await view.getByText('Digital officer, Riverside Food Bank').count()).toBe(1);
      expect(await view.getByText('I look after the website and the CRM.').count()).toBe(1);
      expect(await view.getByText('Small: £10,000 to under £100,000 a year').count()).toBe(1);
      expect(await view.getByRole('listitem').filter({ hasText: 'data protection' }).count()).toBe(1);
      expect(await view.getByRole('listitem').filter({ hasText: 'Hands-on support' }).count()).toBe(1);
      expect(await view.getByText(owner.person.email).count()).toBe(0);
      expect(await axeScan(view)).toEqual([]);
      await visitor.close();
    } finally {
      await owner.context.close();
    }
  });

  it('should hide a private profile from another signed-in person', async () => {
    const owner = await personIn('private');
    const other = await personIn('other');
    try {
      await visit(owner.page, `${server.url}/account/profile`);
      expect(await axeScan(owner.page)).toEqual([]);
      await owner.page.getByLabel('About you (optional)').fill('Secret bio words');
      await owner.page.getByLabel('Organisation (optional)', { exact: true }).fill('Hidden Trust');
      await owner.page.getByLabel('Only me').check();
      await Promise.all([
        owner.page.waitForURL((url) => url.searchParams.has('saved')),
        owner.page.getByRole('button', { name: 'Save profile' }).click(),
      ]);
      await owner.page.getByRole('status').waitFor();

      // The owner sees everything, and the setting.
      await visit(owner.page, `${server.url}/people/${owner.id}`);
      expect(await owner.page.getByText('Secret bio words').count()).toBe(1);
      expect(await owner.page.getByText('Only me').count()).toBe(1);
      expect(await axeScan(owner.page)).toEqual([]);

      await visit(other.page, `${server.url}/people/${owner.id}`);
      expect(await other.page.getByRole('heading', { level: 1 }).innerText()).toBe(owner.person.name);
      expect(await other.page.getByText('Secret bio words').count()).toBe(0);
      expect(await other.page.getByText('Hidden Trust').count()).toBe(0);
      expect(await other.page.getByText(/has no details you can see/).count()).toBe(1);
      expect(await axeScan(other.page)).toEqual([]);
    } finally {
      await owner.context.close();
      await other.context.close();
    }
  });

  it('should answer an unknown person with a 404 page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      for (const id of ['00000000-0000-4000-8000-000000000000', 'nobody']) {
        const response = await visit(page, `${server.url}/people/${id}`);
        expect(response?.status()).toBe(404);
      }
      expect(await axeScan(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('member directory', () => {
  it('should list and filter members, and let a steward change roles but not demote the last steward', async () => {
    const steward = await personIn('dir-steward');
    const member = await personIn('dir-member');
    const outsider = await personIn('dir-outsider', false);
    const skill = uniqueWord('kiln');
    try {
      const network = await startNetworkAs(steward, `${uniqueWord('Ashcombe')} Digital`);
      await join(member, network.id);
      await api(member.page, `mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`, {
        input: { skills: [skill], visibility: 'MEMBERS' },
      });
      // A mentoring offer is what makes a person a mentor.
      await api(member.page, `mutation ($input: MentorOfferInput!) { upsertMentorOffer(input: $input) { capacity } }`, {
        input: {
          skills: [skill],
          categories: ['QUICK_TIP'],
          formats: ['VIDEO'],
          capacity: 1,
          commitment: 'An hour',
          promiseNoSelling: true,
        },
      });
      const path = `/networks/${network.slug}/members`;

      // The network page links to the members.
      await visit(steward.page, `${server.url}/networks/${network.slug}`);
      await Promise.all([
        steward.page.waitForURL((url) => url.pathname === path),
        steward.page.getByRole('link', { name: 'See the members' }).click(),
      ]);
      expect(await steward.page.getByRole('heading', { level: 2 }).first().innerText()).toBe('2 members');
      const link = steward.page.getByRole('link', { name: member.person.name, exact: true });
      expect(await link.getAttribute('href')).toBe(`/people/${member.id}`);
      expect(await axeScan(steward.page)).toEqual([]);

      // Filters are a plain GET form.
      await steward.page.getByLabel('Mentor', { exact: true }).selectOption('yes');
      await Promise.all([
        steward.page.waitForURL((url) => url.searchParams.get('mentor') === 'yes'),
        steward.page.getByRole('button', { name: 'Filter' }).click(),
      ]);
      expect(await steward.page.getByRole('heading', { name: /found$/ }).innerText()).toBe('1 member found');
      expect(await steward.page.getByRole('link', { name: member.person.name, exact: true }).count()).toBe(1);
      expect(await steward.page.getByRole('link', { name: steward.person.name, exact: true }).count()).toBe(0);

      await visit(steward.page, `${server.url}${path}?skill=${skill.toUpperCase()}`);
      expect(await steward.page.getByRole('heading', { name: /found$/ }).innerText()).toBe('1 member found');
      // Words match from the start of a word: the start of the skill finds the member.
      await visit(steward.page, `${server.url}${path}?q=${skill.slice(0, 6)}`);
      expect(await steward.page.getByRole('heading', { name: /found$/ }).innerText()).toBe('1 member found');
      expect(await steward.page.getByRole('link', { name: member.person.name, exact: true }).count()).toBe(1);
      await visit(steward.page, `${server.url}${path}?role=STEWARD`);
      expect(await steward.page.getByRole('heading', { name: /found$/ }).innerText()).toBe('1 member found');
      expect(await steward.page.getByRole('link', { name: steward.person.name, exact: true }).count()).toBe(1);

      // A steward changes a member's role on its own page, through one link per member.
      await visit(steward.page, `${server.url}${path}`);
      await Promise.all([
        steward.page.waitForURL((url) => url.pathname === `${path}/${member.id}/role`),
        steward.page.getByRole('link', { name: `Change role for ${member.person.name}` }).click(),
      ]);
      await steward.page.getByRole('radio', { name: 'Organiser' }).check();
      await Promise.all([
        steward.page.waitForURL((url) => url.searchParams.has('changed')),
        steward.page.getByRole('button', { name: 'Change role' }).click(),
      ]);
      await steward.page.getByRole('status').waitFor();
      expect(await steward.page.getByRole('status').innerText()).toBe(`${member.person.name} is now an organiser.`);
      expect(new URL(steward.page.url()).hash).toBe(`#member-${member.id}`);
      const memberCard = steward.page
        .getByRole('listitem')
        .filter({ has: steward.page.getByRole('link', { name: member.person.name, exact: true }) });
      expect(await memberCard.locator('.role').innerText()).toBe('Organiser');

      // The last steward cannot step down: the API's reason in the error summary.
      await Promise.all([
        steward.page.waitForURL((url) => url.pathname === `${path}/${steward.id}/role`),
        steward.page.getByRole('link', { name: `Change role for ${steward.person.name}` }).click(),
      ]);
      await steward.page.getByRole('radio', { name: 'Member' }).check();
      await steward.page.getByRole('button', { name: 'Change role' }).click();
      const error = steward.page.locator('#error-summary');
      await error.waitFor();
      expect(await error.innerText()).toMatch(/at least one steward/);
      expect(await axeScan(steward.page)).toEqual([]);

      // A member sees the list but no role links.
      await visit(member.page, `${server.url}${path}`);
      expect(await member.page.getByRole('link', { name: steward.person.name, exact: true }).count()).toBe(1);
      expect(await member.page.getByRole('link', { name: /Change role/ }).count()).toBe(0);

      // Someone who is not a member is told why, with a way to join.
      await visit(outsider.page, `${server.url}${path}`);
      expect(await outsider.page.getByText(/Only this network's members/).count()).toBe(1);
      expect(await outsider.page.getByRole('link', { name: /^Join / }).getAttribute('href')).toBe(
        `/networks/${network.slug}`,
      );
    } finally {
      await steward.context.close();
      await member.context.close();
      await outsider.context.close();
    }
  });

  it('should show the forbidden message without axe violations', async () => {
    const steward = await personIn('forbid-steward');
    const outsider = await personIn('forbid-outsider');
    try {
      const network = await startNetworkAs(steward, `${uniqueWord('Fenwick')} Digital`);
      await visit(outsider.page, `${server.url}/networks/${network.slug}/members`);
      expect(await outsider.page.getByText(/Only this network's members/).count()).toBe(1);
      expect(await axeScan(outsider.page)).toEqual([]);
    } finally {
      await steward.context.close();
      await outsider.context.close();
    }
  });
});

describe('your data', () => {
  it('should download everything as JSON with the email in it', async () => {
    const owner = await personIn('export');
    try {
      await visit(owner.page, `${server.url}/account`);
      expect(await axeScan(owner.page)).toEqual([]);
      const [download] = await Promise.all([
        owner.page.waitForEvent('download'),
        owner.page.getByRole('link', { name: 'Download my data' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^hearth-my-data-\d{4}-\d{2}-\d{2}\.json$/);
      const text = await readFile((await download.path())!, 'utf8');
      const document = JSON.parse(text) as { account: { email: string } };
      expect(document.account.email).toBe(owner.person.email);
    } finally {
      await owner.context.close();
    }
  });

  it('should refuse to delete the last steward of a network, naming it', async () => {
    const owner = await personIn('delete-steward');
    try {
      const name = `${uniqueWord('Holloway')} Digital`;
      await startNetworkAs(owner, name);
      await visit(owner.page, `${server.url}/account/delete`);
      await owner.page.getByLabel('Your password').fill(owner.person.password);
      await owner.page.getByRole('button', { name: 'Delete my account' }).click();
      await owner.page.locator('#delete-error').waitFor();
      expect(await owner.page.locator('#delete-error').innerText()).toContain(name);
      expect(await axeScan(owner.page)).toEqual([]);
    } finally {
      await owner.context.close();
    }
  });

  it('should delete an account after a wrong then the right password, sign out, and refuse sign-in', async () => {
    const owner = await personIn('delete', false);
    const { page, context } = owner;
    try {
      await visit(page, `${server.url}/account`);
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/account/delete'),
        page.getByRole('link', { name: 'Delete my account' }).click(),
      ]);
      expect(await page.getByRole('heading', { name: 'What stays' }).count()).toBe(1);

      await page.getByLabel('Your password').fill('not my password at all');
      await page.getByRole('button', { name: 'Delete my account' }).click();
      await page.locator('#password-error').waitFor();
      expect(await page.locator('#password-error').innerText()).toMatch(/password is not right/);
      expect(await hasSessionCookie(context, server.url)).toBe(true);

      await page.getByLabel('Your password').fill(owner.person.password);
      await Promise.all([
        page.waitForURL((url) => url.searchParams.has('deleted')),
        page.getByRole('button', { name: 'Delete my account' }).click(),
      ]);
      expect(await page.getByRole('status').innerText()).toMatch(/Your account has been deleted/);
      expect(await hasSessionCookie(context, server.url)).toBe(false);
      expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);

      await visit(page, `${server.url}/signin`);
      await page.getByLabel('Email address').fill(owner.person.email);
      await page.getByLabel('Password').fill(owner.person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#error-summary').waitFor();
      expect(new URL(page.url()).pathname).toBe('/signin');
      expect(await hasSessionCookie(context, server.url)).toBe(false);
    } finally {
      await context.close();
    }
  });

  it.each([
    { name: 'the delete page', path: '/account/delete' },
    { name: 'the profile form', path: '/account/profile' },
  ])('should have no serious or critical axe violations on $name', async ({ path }) => {
    const owner = await personIn('a11y-people');
    try {
      await visit(owner.page, `${server.url}${path}`);
      expect(new URL(owner.page.url()).pathname).toBe(path);
      expect(await axeScan(owner.page)).toEqual([]);
    } finally {
      await owner.context.close();
    }
  });

  it('should fit the people pages into 320 CSS pixels without sideways scrolling', async () => {
    const owner = await personIn('narrow-people');
    try {
      const network = await startNetworkAs(owner, `${uniqueWord('Narrowby')} Digital`);
      await owner.page.setViewportSize({ width: 320, height: 640 });
      for (const path of [
        '/account',
        '/account/profile',
        '/account/delete',
        `/people/${owner.id}`,
        `/networks/${network.slug}/members`,
      ]) {
        await visit(owner.page, `${server.url}${path}`);
        expect(new URL(owner.page.url()).pathname).toBe(path);
        const width = await owner.page.evaluate(() => document.documentElement.scrollWidth);
        expect({ path, width }).toEqual({ path, width: 320 });
      }
    } finally {
      await owner.context.close();
    }
  });
});
