// The mentoring journey from two browsers, a mentor's and a lead's: the mentor publishes an
// offer, the lead posts a need and asks the mentor Hearth suggests, the mentor reads the
// first-call brief and says yes, and the two of them keep the mentorship to its outcome. With
// JavaScript on and off, and every page checked with axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  axeScan,
  graphqlAs,
  launchBrowser,
  newContext,
  newPerson,
  signUp,
  visit,
  type SignedIn,
  JAVASCRIPT_MODES,
} from '../support/browser.ts';
import { networkFields, startNetwork, uniqueWord } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

// Whole journeys across several pages and people: on a busy two-core machine one can run past
// the default 60 s without anything being wrong.
vi.setConfig({ testTimeout: 150_000 });

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

async function personIn(label: string, javaScriptEnabled: boolean, width = 1280): Promise<SignedIn> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
  const page = await context.newPage();
  // Names unique to the test: suggestions list every fitting mentor on the shared server by name.
  const person = { ...newPerson(label.toLowerCase()), name: `${uniqueWord(label)} Tester` };
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id };
}

/** Sends a form by its button and waits for the page it leads to. */
async function press(page: Page, button: string, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), page.getByRole('button', { name: button, exact: true }).click()]);
}

async function expectAccessible(page: Page, javaScriptEnabled: boolean): Promise<void> {
  // axe runs as a script in the page: with JavaScript off it cannot.
  if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
}

const statusText = (page: Page) => page.getByRole('status').innerText();

/** The mentor publishes an offer from the form, refused first without the no-selling promise. */
async function publishOffer(mentor: SignedIn, skill: string, javaScriptEnabled: boolean): Promise<void> {
  const { page } = mentor;
  await visit(page, `${server.url}/mentoring`);
  await expectAccessible(page, javaScriptEnabled);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/mentoring/offer'),
    page.getByRole('link', { name: 'Offer to mentor' }).click(),
  ]);
  await page.getByLabel('Skills and topics').fill(`${skill}, email newsletters`);
  await page.getByLabel('Quick tips').check();
  await page.getByLabel('Short-term skills').check();
  await page.getByLabel('How many people you can mentor at once').fill('2');
  await page.getByLabel('How much time you can give').fill('An hour a month for three months');
  await page.getByRole('button', { name: 'Publish your offer' }).click();
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  expect(await page.locator('#promiseNoSelling-error').innerText()).toContain('promise');
  // What was typed is kept.
  expect(await page.getByLabel('How much time you can give').inputValue()).toBe('An hour a month for three months');
  await expectAccessible(page, javaScriptEnabled);

  await page.getByLabel('I promise never to pitch').check();
  await press(page, 'Publish your offer', (url) => url.searchParams.has('saved'));
  expect(await statusText(page)).toContain('Your offer is saved');
}

describe('mentoring, from offer to outcome', () => {
  it.each(JAVASCRIPT_MODES)(
    'should take a lead from a need to a mentorship with its outcome, $mode',
    async ({ javaScriptEnabled }) => {
      const mentor = await personIn('Mentor', javaScriptEnabled);
      const lead = await personIn('Lead', javaScriptEnabled, 390);
      try {
        // A skill nobody else in the shared test server offers, so this mentor fits best.
        const skill = uniqueWord('Zephyrmail');
        await publishOffer(mentor, skill, javaScriptEnabled);

        // The lead posts a need and sees the mentor suggested, with the reasons.
        const { page: leadPage } = lead;
        await visit(leadPage, `${server.url}/mentoring`);
        expect(await leadPage.getByText('You have not asked for help yet').count()).toBe(1);
        await Promise.all([
          leadPage.waitForURL((url) => url.pathname === '/mentoring/needs/new'),
          leadPage.getByRole('link', { name: 'Post a need' }).click(),
        ]);
        await expectAccessible(leadPage, javaScriptEnabled);
        await leadPage.getByLabel('A short title').fill('Move our newsletter off spreadsheets');
        await leadPage.getByLabel('What you are trying to do').fill('We email 900 supporters from a spreadsheet.');
        await leadPage
          .getByLabel('What you want from a first call')
          .fill('Which tool to pick, and how to move the list.');
        await leadPage.getByLabel('Skills wanted (optional)').fill(skill);
        await leadPage.getByLabel('Quick tips').check();
        await press(leadPage, 'Post your need', (url) => /^\/mentoring\/needs\/[0-9a-f-]{36}$/.test(url.pathname));
        const needPath = new URL(leadPage.url()).pathname;
        expect(await statusText(leadPage)).toContain('Your need is posted');
        const card = leadPage
          .getByRole('listitem')
          .filter({ has: leadPage.getByRole('heading', { name: mentor.person.name }) });
        expect(await card.count()).toBe(1);
        const reasons = await card.locator('.reasons li').allInnerTexts();
        expect(reasons[0]).toContain(`knows ${skill}`);
        expect(reasons.some((reason) => reason.includes('2 of 2 places free'))).toBe(true);
        await expectAccessible(leadPage, javaScriptEnabled);

        // Asks that mentor, with a message.
        await card.getByText(`Ask ${mentor.person.name}`, { exact: true }).click();
        await card.getByLabel(`Your message to ${mentor.person.name}`).fill('Your newsletter work looks just right.');
        await press(leadPage, `Send request to ${mentor.person.name}`, (url) => url.searchParams.has('asked'));
        expect(await statusText(leadPage)).toContain(`${mentor.person.name} is asked`);
        expect(await leadPage.getByRole('heading', { name: `Waiting for ${mentor.person.name}` }).count()).toBe(1);
        // While one mentor is asked, nobody else is suggested.
        expect(await leadPage.getByRole('heading', { name: 'Mentors who could help' }).count()).toBe(0);

        // The mentor finds the request, reads the brief, and says yes.
        const { page: mentorPage } = mentor;
        await visit(mentorPage, `${server.url}/mentoring`);
        const requestLink = mentorPage.getByRole('link', {
          name: `${lead.person.name} asks: Move our newsletter off spreadsheets`,
        });
        await Promise.all([mentorPage.waitForURL(/\/mentoring\/requests\//), requestLink.click()]);
        expect(await mentorPage.getByRole('heading', { level: 1 }).innerText()).toBe(
          `${lead.person.name} asks you to mentor them`,
        );
        expect(await mentorPage.getByText('Which tool to pick, and how to move the list.').count()).toBe(1);
        expect(await mentorPage.getByText('Your newsletter work looks just right.').count()).toBe(1);
        expect(await mentorPage.getByText(lead.person.email).count()).toBe(0);
        await expectAccessible(mentorPage, javaScriptEnabled);
        await mentorPage.getByLabel('A note with your answer (optional)').fill('Happy to. Tuesday evenings suit me.');
        await press(mentorPage, `Yes, mentor ${lead.person.name}`, (url) => url.searchParams.has('began'));
        expect(await mentorPage.getByRole('heading', { level: 1 }).innerText()).toBe(`Mentoring ${lead.person.name}`);
        // Contact details are shared once the request is accepted, not before.
        expect(await mentorPage.getByRole('link', { name: lead.person.email }).getAttribute('href')).toBe(
          `mailto:${lead.person.email}`,
        );
        expect(await statusText(mentorPage)).toContain('the mentorship has begun');
        await expectAccessible(mentorPage, javaScriptEnabled);
        await mentorPage.getByLabel('What you want to achieve together').fill('A newsletter tool chosen by March.');
        await press(mentorPage, 'Save goals', (url) => url.searchParams.has('goals-saved'));

        // The lead sees the yes, and goes to the mentorship.
        await visit(leadPage, `${server.url}${needPath}`);
        await Promise.all([
          leadPage.waitForURL(/\/mentoring\/mentorships\//),
          leadPage.getByRole('link', { name: 'Go to your mentorship' }).click(),
        ]);
        expect(await leadPage.getByRole('heading', { level: 1 }).innerText()).toBe(`${mentor.person.name} mentors you`);
        expect(await leadPage.getByLabel('What you want to achieve together').inputValue()).toBe(
          'A newsletter tool chosen by March.',
        );
        await leadPage.getByLabel('What you talked about or did').fill('First call: shortlisted two tools.');
        await press(leadPage, 'Log check-in', (url) => url.searchParams.has('checked-in'));
        expect(await leadPage.locator('.check-ins li').allInnerTexts()).toEqual([
          expect.stringContaining('First call: shortlisted two tools.'),
        ]);
        expect(await leadPage.locator('.check-ins .meta').innerText()).toContain(lead.person.name);

        // A rating is needed to close as the mentee.
        await leadPage.getByLabel('What changed (optional)').fill('We send the newsletter from a proper tool now.');
        await leadPage.getByRole('button', { name: 'End the mentorship' }).click();
        await leadPage.getByRole('heading', { name: 'There is a problem' }).waitFor();
        expect(await leadPage.locator('#rating-error').innerText()).toContain('1 (not at all) to 5 (fully)');
        await expectAccessible(leadPage, javaScriptEnabled);
        await leadPage.getByLabel('5: fully').check();
        await press(leadPage, 'End the mentorship', (url) => url.searchParams.has('closed'));
        expect(await leadPage.getByRole('heading', { name: 'Outcome' }).count()).toBe(1);
        expect(await leadPage.getByText('5 out of 5').count()).toBe(1);
        expect(await leadPage.getByText(mentor.person.email).count()).toBe(0);

        // The mentor sees the outcome, and the place is free again.
        await mentorPage.reload();
        expect(await mentorPage.getByText(`${lead.person.name} rated how far the need was met`).count()).toBe(1);
        await visit(mentorPage, `${server.url}/mentoring`);
        expect(await mentorPage.locator('#offer-title + p').innerText()).toContain('2 of 2 places free');
      } finally {
        await mentor.context.close();
        await lead.context.close();
      }
    },
  );

  it.each(JAVASCRIPT_MODES)(
    'should let a mentor decline with a kind note, and the lead ask the next, $mode',
    async ({ javaScriptEnabled }) => {
      const mentor = await personIn('Decliner', javaScriptEnabled);
      const lead = await personIn('Asker', javaScriptEnabled);
      try {
        const skill = uniqueWord('Quillsend');
        await graphqlAs(
          mentor.page,
          server.url,
          `mutation ($skill: String!) { upsertMentorOffer(input: { skills: [$skill], categories: [QUICK_TIP], formats: [VIDEO],
          capacity: 1, commitment: "An hour", promiseNoSelling: true }) { capacity } }`,
          { skill },
        );
        const { postNeed } = await graphqlAs<{ postNeed: { id: string } }>(
          lead.page,
          server.url,
          `mutation ($skill: String!) { postNeed(input: { title: "A second opinion", description: "On our CRM.",
          firstCallBrief: "Half an hour.", categories: [QUICK_TIP], skills: [$skill], formats: [VIDEO], urgency: NO_RUSH }) { id } }`,
          { skill },
        );
        await graphqlAs(
          lead.page,
          server.url,
          'mutation ($need: ID!, $mentor: ID!) { requestMentor(needId: $need, mentorId: $mentor, message: "Hello") { id } }',
          {
            need: postNeed.id,
            mentor: mentor.id,
          },
        );

        const { page: mentorPage } = mentor;
        await visit(mentorPage, `${server.url}/mentoring`);
        await Promise.all([
          mentorPage.waitForURL(/\/mentoring\/requests\//),
          mentorPage.getByRole('link', { name: `${lead.person.name} asks: A second opinion` }).click(),
        ]);
        await mentorPage
          .getByLabel('A note with your answer (optional)')
          .fill('Not my field, sorry: try the CRM folk.');
        await press(mentorPage, 'No, not this time', (url) => url.searchParams.has('declined'));
        expect(await statusText(mentorPage)).toContain(`${lead.person.name} is told`);
        expect(await mentorPage.getByRole('button', { name: `Yes, mentor ${lead.person.name}` }).count()).toBe(0);

        await visit(lead.page, `${server.url}/mentoring/needs/${postNeed.id}`);
        const asked = await lead.page.getByRole('heading', { name: 'Mentors you asked' }).count();
        expect(asked).toBe(1);
        expect(await lead.page.getByText('Not my field, sorry: try the CRM folk.').count()).toBe(1);
        // The decliner is not suggested again; suggestions show again for the next ask.
        expect(await lead.page.getByRole('heading', { name: 'Mentors who could help' }).count()).toBe(1);
        expect(await lead.page.getByRole('heading', { name: mentor.person.name, level: 3 }).count()).toBe(0);
        await expectAccessible(lead.page, javaScriptEnabled);
      } finally {
        await mentor.context.close();
        await lead.context.close();
      }
    },
  );

  it.each(JAVASCRIPT_MODES)(
    'should start a need addressed to a mentor from their profile and the member list, $mode',
    async ({ javaScriptEnabled }) => {
      const mentor = await personIn('Profiled', javaScriptEnabled);
      const lead = await personIn('Reader', javaScriptEnabled);
      try {
        const network = await startNetwork(mentor.page, server.url, networkFields(uniqueWord('Askwith')));
        await graphqlAs(
          lead.page,
          server.url,
          'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
          {
            id: network.id,
          },
        );
        await graphqlAs(
          mentor.page,
          server.url,
          `mutation { upsertMentorOffer(input: { skills: ["Canva"], categories: [QUICK_TIP], formats: [PHONE],
            capacity: 1, commitment: "Two calls", promiseNoSelling: true }) { capacity } }`,
        );
        const { page } = lead;

        // The member list offers it on the mentor's card, not on the lead's own.
        await visit(page, `${server.url}${network.path}/members`);
        const askLinks = page.getByRole('link', { name: /^Ask for mentoring/ });
        expect(await askLinks.count()).toBe(1);
        expect(await askLinks.getAttribute('href')).toBe(`/mentoring/needs/new?mentor=${mentor.id}`);

        // The profile shows the offer and the same way in.
        await visit(page, `${server.url}/people/${mentor.id}`);
        expect(await page.getByRole('heading', { name: 'Mentoring' }).count()).toBe(1);
        expect(await page.getByText('1 of 1 place free.').count()).toBe(1);
        await expectAccessible(page, javaScriptEnabled);
        await Promise.all([
          page.waitForURL((url) => url.pathname === '/mentoring/needs/new'),
          page.getByRole('link', { name: 'Ask for mentoring' }).click(),
        ]);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
          `Ask ${mentor.person.name} for mentoring`,
        );
        await expectAccessible(page, javaScriptEnabled);
        await page.getByLabel('A short title').fill('Posters for our open day');
        await page.getByLabel('What you are trying to do').fill('We need three posters by Friday.');
        await page.getByLabel('What you want from a first call').fill('A quick look at our drafts.');
        await page.getByLabel(`Your message to ${mentor.person.name}`).fill('I saw your Canva skills.');
        await press(page, `Ask ${mentor.person.name}`, (url) => url.searchParams.has('asked'));
        expect(await statusText(page)).toContain(`${mentor.person.name} is asked`);

        // Once the one place is taken, the profile says so and offers no way to ask.
        await graphqlAs(
          mentor.page,
          server.url,
          `mutation ($id: ID!) { respondToRequest(requestId: $id, accept: true) { status } }`,
          {
            id: (
              await graphqlAs<{ myMentoring: { requestsIn: Array<{ id: string }> } }>(
                mentor.page,
                server.url,
                '{ myMentoring { requestsIn { id } } }',
              )
            ).myMentoring.requestsIn[0]!.id,
          },
        );
        await visit(page, `${server.url}/people/${mentor.id}`);
        expect(await page.getByText(`${mentor.person.name}'s places are all taken just now.`).count()).toBe(1);
        expect(await page.getByRole('link', { name: 'Ask for mentoring' }).count()).toBe(0);
        await visit(page, `${server.url}/mentoring/needs/new?mentor=${mentor.id}`);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Post a need');
        expect(await page.getByText(`${mentor.person.name}'s places are all taken just now.`).count()).toBe(1);
      } finally {
        await mentor.context.close();
        await lead.context.close();
      }
    },
  );
});
