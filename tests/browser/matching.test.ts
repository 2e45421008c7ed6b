// The organiser's matching-round page: an organiser or a steward previews the best pairing of the
// network's open needs with its mentors, adjusts who takes part, and confirms; the mentors then hold
// the requests.
//
// The round is built so the best whole pairing beats first-come pairing, worked out by hand from
// fit.ts (video only, no recent asks: 10 for the format, 10 for a free place, 5 for not asked):
//   Newsletter (Mailchimp, quick tips)  with Ash 90 (45 + 20 + 25), with Birch 70 (45 + 25)
//   Donor database (Salesforce)         with Ash 70 (only Ash knows Salesforce)
//   Volunteer film (video editing)      with Cedar 70
//   Booking system (ticketing)          fits nobody
// Ash has one place. First-come gives Ash the newsletter (90) and leaves the database without
// anyone: 90 + 70 = 160. The best round gives the newsletter to Birch: 70 + 70 + 70 = 210.
// Dell mentors too, but fits no need, so the round pairs Dell with nothing: still listed to choose from.
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeScan,
  graphqlAs,
  launchBrowser,
  newContext,
  newPerson,
  signUp,
  uniqueEmail,
  visit,
  type SignedIn,
} from '../support/browser.ts';
import { graphql, SIGN_UP } from '../support/graphql.ts';
import { networkFields, startNetwork, uniqueWord, type StartedNetwork } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

const MODES = [
  { mode: 'with JavaScript off, 1280 pixels wide', javaScriptEnabled: false, width: 1280 },
  { mode: 'with JavaScript on, 390 pixels wide', javaScriptEnabled: true, width: 390 },
] as const;

interface ApiPerson {
  id: string;
  name: string;
  token: string;
}

const NEEDS = {
  newsletter: { title: 'Plan our email newsletter', skills: ['Mailchimp'], categories: ['QUICK_TIP'] },
  database: { title: 'Set up a donor database', skills: ['Salesforce'], categories: [] },
  film: { title: 'Film a volunteer story', skills: ['Video editing'], categories: [] },
  booking: { title: 'Choose a booking system', skills: ['Ticketing'], categories: [] },
} as const;
type NeedKey = keyof typeof NEEDS;

const MENTORS = {
  ash: { skills: ['Mailchimp', 'Salesforce'], categories: ['QUICK_TIP'], capacity: 1 },
  birch: { skills: ['Mailchimp'], categories: ['LONG_TERM_SKILLS'], capacity: 1 },
  cedar: { skills: ['Video editing'], categories: ['HANDS_ON_SUPPORT'], capacity: 2 },
  dell: { skills: ['Bookkeeping'], categories: ['RISK_MITIGATION'], capacity: 1 },
} as const;
type MentorKey = keyof typeof MENTORS;

interface Round {
  network: StartedNetwork & { name: string };
  mentors: Record<MentorKey, ApiPerson>;
  leads: Record<NeedKey, ApiPerson>;
  needIds: Record<NeedKey, string>;
  address: string;
}

async function api<T>(person: { token: string }, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphql<T>(server.url, query, { token: person.token, variables });
  if (!result.data || result.errors) throw new Error(`API call failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

async function apiPerson(name: string): Promise<ApiPerson> {
  const result = await graphql<{ signUp: { token: string; user: { id: string } } }>(server.url, SIGN_UP, {
    variables: { input: { name, email: uniqueEmail('matching'), password: 'kettle orchard lantern 42' } },
  });
  if (!result.data) throw new Error(`sign-up failed: ${JSON.stringify(result.errors)}`);
  return { id: result.data.signUp.user.id, name, token: result.data.signUp.token };
}

async function member(name: string, networkId: string): Promise<ApiPerson> {
  const person = await apiPerson(name);
  await api(person, 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }', {
    id: networkId,
  });
  return person;
}

async function postNeed(lead: ApiPerson, networkId: string, key: NeedKey): Promise<string> {
  const { title, skills, categories } = NEEDS[key];
  const { postNeed } = await api<{ postNeed: { id: string } }>(
    lead,
    'mutation ($input: PostNeedInput!) { postNeed(input: $input) { id } }',
    {
      input: {
        title,
        description: `We want to ${title.toLowerCase()}.`,
        firstCallBrief: 'Where to start, and what to avoid.',
        categories,
        skills,
        formats: ['VIDEO'],
        urgency: key === 'newsletter' ? 'THIS_WEEK' : 'THIS_MONTH',
        networkId,
      },
    },
  );
  return postNeed.id;
}

async function personIn(label: string, options: { javaScriptEnabled?: boolean; width?: number } = {}) {
  const { javaScriptEnabled = true, width = 1280 } = options;
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const person = newPerson(label);
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id } satisfies SignedIn;
}

/** A network stewarded by `steward`, with the four mentors and four needs of the header. */
async function roundNetwork(steward: SignedIn): Promise<Round> {
  const word = uniqueWord('Matchley');
  const fields = networkFields(word);
  const network = { ...(await startNetwork(steward.page, server.url, fields)), name: fields.name };
  const mentors = {} as Record<MentorKey, ApiPerson>;
  for (const [key, offer] of Object.entries(MENTORS) as Array<[MentorKey, (typeof MENTORS)[MentorKey]]>) {
    const mentor = await member(`${key[0]!.toUpperCase()}${key.slice(1)} ${word}`, network.id);
    await api(mentor, 'mutation ($input: MentorOfferInput!) { upsertMentorOffer(input: $input) { paused } }', {
      input: {
        ...offer,
        formats: ['VIDEO'],
        commitment: 'An hour a month for three months.',
        promiseNoSelling: true,
      },
    });
    mentors[key] = mentor;
  }
  const leads = {} as Record<NeedKey, ApiPerson>;
  const needIds = {} as Record<NeedKey, string>;
  for (const key of Object.keys(NEEDS) as NeedKey[]) {
    leads[key] = await member(`Lead ${key} ${word}`, network.id);
    needIds[key] = await postNeed(leads[key], network.id, key);
  }
  return { network, mentors, leads, needIds, address: `${server.url}${network.path}/matching` };
}

interface ShownPair {
  need: string;
  mentor: string;
  mentorHref: string | null;
  reasons: string[];
}

/** The pairs the page shows, read from its cards. */
async function shownPairs(page: Page): Promise<ShownPair[]> {
  const cards = page
    .getByRole('region', { name: /^Pairs/ })
    .getByRole('listitem')
    .filter({ has: page.locator('h3') });
  const pairs: ShownPair[] = [];
  for (const card of await cards.all()) {
    const mentorLink = card.getByRole('link');
    pairs.push({
      need: await card.getByRole('heading', { level: 3 }).innerText(),
      mentor: await mentorLink.innerText(),
      mentorHref: await mentorLink.getAttribute('href'),
      reasons: await card.getByRole('list', { name: 'Why they fit:' }).getByRole('listitem').allInnerTexts(),
    });
  }
  return pairs;
}

/** The adjust form's mentors: each one's name and their line, in the order shown. */
async function mentorChoices(page: Page): Promise<Array<[string, string]>> {
  const choices = page.getByRole('group', { name: 'Mentors' }).locator('.choice');
  const shown: Array<[string, string]> = [];
  for (const choice of await choices.all()) {
    shown.push([await choice.locator('label').innerText(), await choice.locator('.description').innerText()]);
  }
  return shown;
}

async function unmatchedTitles(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: /^Needs left unmatched/ })
    .getByRole('heading', { level: 3 })
    .allInnerTexts();
}

async function requestsIn(mentor: ApiPerson) {
  const { myMentoring } = await api<{
    myMentoring: {
      requestsIn: Array<{ status: string; message: string; need: { id: string }; lead: { id: string } }>;
    };
  }>(mentor, 'query { myMentoring { requestsIn { status message need { id } lead { id } } } }');
  return myMentoring.requestsIn;
}

/** Set HEARTH_SCREENSHOTS to a folder to keep the whole page at both widths. */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.HEARTH_SCREENSHOTS;
  if (!folder) return;
  await mkdir(folder, { recursive: true });
  const size = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${folder}/matching-${name}-${width}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

/** Nothing wider than the window: no sideways scrolling on a phone. */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Polled from here, not with waitForFunction, so it works with JavaScript off too. */
async function waitUntil(page: Page, check: () => boolean): Promise<void> {
  for (let tries = 0; tries < 50; tries += 1) {
    if (await page.evaluate(check)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`Still not true after 5 seconds: ${check.toString()}`);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the matching round page', () => {
  it.each(MODES)('should preview, adjust and confirm a round, $mode', async ({ javaScriptEnabled, width }) => {
    const steward = await personIn('round-steward', { javaScriptEnabled, width });
    const { page } = steward;
    try {
      const round = await roundNetwork(steward);
      const { mentors, needIds } = round;
      await visit(page, round.address);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Matching round – ${round.network.name}`);
      expect(await page.getByRole('link', { name: `Back to ${round.network.name}` }).getAttribute('href')).toBe(
        round.network.path,
      );

      // The best whole round, not first come: Birch takes the newsletter so Ash can take the database.
      expect(await page.locator('.totals').innerText()).toBe('Total fit 210; first-come pairing would make 160.');
      const pairs = await shownPairs(page);
      expect(pairs.map((pair) => [pair.need, pair.mentor])).toEqual([
        [NEEDS.newsletter.title, mentors.birch.name],
        [NEEDS.database.title, mentors.ash.name],
        [NEEDS.film.title, mentors.cedar.name],
      ]);
      expect(pairs[0]).toEqual({
        need: NEEDS.newsletter.title,
        mentor: mentors.birch.name,
        mentorHref: `/people/${mentors.birch.id}`,
        reasons: ['knows Mailchimp', 'meets by video', 'has 1 of 1 place free', 'has not been asked this month'],
      });
      expect(await page.getByText('Fit 70 of 100').count()).toBe(3);
      expect(await unmatchedTitles(page)).toEqual([NEEDS.booking.title]);
      expect(
        await page.getByText('No mentor with a place free fits its skills, support or ways of meeting.').count(),
      ).toBe(1);

      // Every need and every mentor with a place free to choose from, all ticked, Dell too.
      const needBoxes = page.getByRole('group', { name: 'Needs' }).getByRole('checkbox');
      expect(await needBoxes.count()).toBe(4);
      for (const box of await needBoxes.all()) expect(await box.isChecked()).toBe(true);
      const wholeMentors = [
        [mentors.ash.name, '1 place free, paired with 1'],
        [mentors.birch.name, '1 place free, paired with 1'],
        [mentors.cedar.name, '2 places free, paired with 1'],
        [mentors.dell.name, '1 place free, paired with none'],
      ];
      expect(await mentorChoices(page)).toEqual(wholeMentors);
      const mentorBoxes = page.getByRole('group', { name: 'Mentors' }).getByRole('checkbox');
      for (const box of await mentorBoxes.all()) expect(await box.isChecked()).toBe(true);
      expect(await fitsWidth(page)).toBe(true);
      if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
      await screenshot(page, javaScriptEnabled ? 'preview' : 'preview-nojs');

      // Leave the film out: it goes from the pairs and from the unmatched, and stays unticked. Dell,
      // left out too, changes no pair.
      await page.getByRole('checkbox', { name: NEEDS.film.title }).uncheck();
      await page.getByRole('checkbox', { name: mentors.dell.name }).uncheck();
      await Promise.all([
        page.waitForURL((url) => url.searchParams.has('adjusted')),
        page.getByRole('button', { name: 'Preview again' }).click(),
      ]);
      await page.getByRole('heading', { name: /^Pairs in your adjusted round/ }).waitFor();
      const adjusted = new URL(page.url()).searchParams;
      expect(adjusted.getAll('needIds').sort()).toEqual([needIds.newsletter, needIds.database, needIds.booking].sort());
      expect(adjusted.getAll('mentorIds').sort()).toEqual([mentors.ash.id, mentors.birch.id, mentors.cedar.id].sort());
      expect(await page.locator('.totals').innerText()).toBe('Total fit 140; first-come pairing would make 90.');
      expect((await shownPairs(page)).map((pair) => [pair.need, pair.mentor])).toEqual([
        [NEEDS.newsletter.title, mentors.birch.name],
        [NEEDS.database.title, mentors.ash.name],
      ]);
      expect(await unmatchedTitles(page)).toEqual([NEEDS.booking.title]);
      expect(await page.getByRole('checkbox', { name: NEEDS.film.title }).isChecked()).toBe(false);
      expect(await page.getByRole('checkbox', { name: NEEDS.newsletter.title }).isChecked()).toBe(true);
      // The mentors to choose from are the whole round's; their lines count the adjusted round's pairs.
      expect(await mentorChoices(page)).toEqual([
        [mentors.ash.name, '1 place free, paired with 1'],
        [mentors.birch.name, '1 place free, paired with 1'],
        [mentors.cedar.name, '2 places free, paired with none'],
        [mentors.dell.name, '1 place free, left out of this round'],
      ]);
      expect(await page.getByRole('checkbox', { name: mentors.dell.name }).isChecked()).toBe(false);
      if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);

      // Confirm the two pairs shown, with a message for the mentors.
      const message = 'Our network matched you: the first call is on us.';
      await page.getByLabel('A message to the mentors (optional)').fill(message);
      await Promise.all([
        page.waitForURL((url) => url.searchParams.get('confirmed') === '2'),
        page.getByRole('button', { name: 'Send 2 requests' }).click(),
      ]);
      const status = page.getByRole('status');
      expect(await status.innerText()).toBe('Sent 2 requests. Each mentor has 7 days to answer.');
      expect(await page.getByLabel('A message to the mentors (optional)').inputValue()).toBe('');
      if (javaScriptEnabled) {
        await waitUntil(page, () => document.activeElement?.getAttribute('role') === 'status');
        expect(await axeScan(page)).toEqual([]);
      }
      // What is left: the film, back in the round, and the booking system.
      expect((await shownPairs(page)).map((pair) => [pair.need, pair.mentor])).toEqual([
        [NEEDS.film.title, mentors.cedar.name],
      ]);
      expect(await unmatchedTitles(page)).toEqual([NEEDS.booking.title]);
      await screenshot(page, javaScriptEnabled ? 'confirmed' : 'confirmed-nojs');

      // Each mentor holds the request for their pair, waiting for an answer; no one else holds any.
      expect(await requestsIn(mentors.ash)).toEqual([
        { status: 'PENDING', message, need: { id: needIds.database }, lead: { id: round.leads.database.id } },
      ]);
      expect(await requestsIn(mentors.birch)).toEqual([
        { status: 'PENDING', message, need: { id: needIds.newsletter }, lead: { id: round.leads.newsletter.id } },
      ]);
      expect(await requestsIn(mentors.cedar)).toEqual([]);
      expect(await requestsIn(mentors.dell)).toEqual([]);
    } finally {
      await steward.context.close();
    }
  });

  it.each(MODES)(
    'should send nothing and show the round afresh when it changed since the preview, $mode',
    async ({ javaScriptEnabled, width }) => {
      const steward = await personIn('changed-steward', { javaScriptEnabled, width });
      const { page } = steward;
      try {
        const round = await roundNetwork(steward);
        const { mentors, needIds, leads } = round;
        await visit(page, round.address);
        expect(await page.getByRole('button', { name: 'Send 3 requests' }).count()).toBe(1);

        // Meanwhile the database's lead asks Ash themself: that need leaves the round.
        await api(
          leads.database,
          'mutation ($need: ID!, $mentor: ID!) { requestMentor(needId: $need, mentorId: $mentor, message: "Hello") { id } }',
          { need: needIds.database, mentor: mentors.ash.id },
        );
        const typed = 'Kept after a refusal.';
        await page.getByLabel('A message to the mentors (optional)').fill(typed);
        const [response] = await Promise.all([
          page.waitForResponse((answer) => answer.request().method() === 'POST'),
          page.getByRole('button', { name: 'Send 3 requests' }).click(),
        ]);
        expect(response.status()).toBe(409);
        const summary = page.locator('#error-summary');
        await summary.waitFor();
        expect(await summary.locator('p').innerText()).toBe(
          'The round changed since you previewed it: a need was taken or a mentor filled up, so nothing was sent. ' +
            'Below is the round as it stands now. Check the pairs, then send the requests again.',
        );
        expect(await page.title()).toMatch(/^Error: /);
        expect(await page.getByLabel('A message to the mentors (optional)').inputValue()).toBe(typed);

        // The round as it is now: without the database, Ash is free for the newsletter again, and
        // fits it a little less now that he was asked once: 90 less the 5 for not being asked, less 2.
        await page.getByRole('button', { name: 'Send 2 requests' }).waitFor();
        expect((await shownPairs(page)).map((pair) => [pair.need, pair.mentor])).toEqual([
          [NEEDS.newsletter.title, mentors.ash.name],
          [NEEDS.film.title, mentors.cedar.name],
        ]);
        expect(await page.locator('.totals').innerText()).toBe('Total fit 153; first-come pairing would make 153.');
        if (javaScriptEnabled) {
          await waitUntil(page, () => document.activeElement?.id === 'error-summary');
          expect(await axeScan(page)).toEqual([]);
        }
        await screenshot(page, javaScriptEnabled ? 'changed' : 'changed-nojs');

        // Nothing from the round was sent: only the lead's own request.
        expect((await requestsIn(mentors.ash)).map((request) => request.message)).toEqual(['Hello']);
        expect(await requestsIn(mentors.birch)).toEqual([]);
        expect(await requestsIn(mentors.cedar)).toEqual([]);
      } finally {
        await steward.context.close();
      }
    },
  );

  it('should say plainly when there is nothing to match, and what to do', async () => {
    const steward = await personIn('empty-steward');
    const { page } = steward;
    try {
      const fields = networkFields(uniqueWord('Emptyby'));
      const network = await startNetwork(page, server.url, fields);
      const address = `${server.url}${network.path}/matching`;
      await visit(page, address);
      expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['No open needs to match']);
      expect(await page.getByRole('link', { name: 'mentoring page' }).getAttribute('href')).toBe('/mentoring');
      expect(await page.getByRole('checkbox').count()).toBe(0);
      expect(await page.getByRole('button', { name: /^Send/ }).count()).toBe(0);
      expect(await axeScan(page)).toEqual([]);

      // A need, and no mentor with a place: no pairs, and why.
      const lead = await member('Lead Emptyby', network.id);
      await postNeed(lead, network.id, 'booking');
      await visit(page, address);
      expect(await page.getByRole('heading', { name: 'Pairs (0)' }).count()).toBe(1);
      expect(
        await page.getByText(`None of the open needs fits a mentor in ${fields.name} who has a place free.`).count(),
      ).toBe(1);
      expect(await unmatchedTitles(page)).toEqual([NEEDS.booking.title]);
      expect(await page.getByText('No mentor in this round has a place free.').count()).toBe(1);
      expect(await page.getByRole('button', { name: /^Send/ }).count()).toBe(0);
      expect(await axeScan(page)).toEqual([]);
    } finally {
      await steward.context.close();
    }
  });

  it('should turn away members with a 403, let organisers in, and send the signed-out to sign in', async () => {
    const steward = await personIn('gate-steward');
    const someone = await personIn('gate-member');
    try {
      const network = await startNetwork(steward.page, server.url, networkFields(uniqueWord('Gatesby')));
      await graphqlAs(
        someone.page,
        server.url,
        'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
        { id: network.id },
      );
      const path = `${network.path}/matching`;
      const roundLink = someone.page.getByRole('link', { name: 'Run a matching round' });
      await visit(someone.page, `${server.url}${network.path}`);
      expect(await roundLink.count()).toBe(0);
      const response = await visit(someone.page, `${server.url}${path}`);
      expect(response?.status()).toBe(403);
      expect(await someone.page.getByRole('heading', { level: 1 }).innerText()).toBe(
        'Only organisers and stewards can do this',
      );
      expect(
        await someone.page.getByText("Only this network's organisers and stewards can run a matching round.").count(),
      ).toBe(1);
      expect(await axeScan(someone.page)).toEqual([]);
      const post = await someone.page.request.post(`${server.url}${path}?/confirm`, {
        headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
        data: 'pair=a:b',
      });
      expect(post.status()).toBe(403);

      // Made an organiser, they find the round from the network's page, beside their checklist.
      await graphqlAs(
        steward.page,
        server.url,
        'mutation ($n: ID!, $u: ID!) { setMemberRole(networkId: $n, userId: $u, role: ORGANISER) { id } }',
        { n: network.id, u: someone.id },
      );
      await visit(someone.page, `${server.url}${network.path}`);
      expect(await someone.page.getByRole('list', { name: 'Your next steps' }).count()).toBe(1);
      expect(await someone.page.getByRole('link', { name: 'Change the network’s details' }).count()).toBe(0);
      expect(await axeScan(someone.page)).toEqual([]);
      await Promise.all([someone.page.waitForURL(`${server.url}${path}`), roundLink.click()]);
      expect(await someone.page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Matching round – /);
      expect(await someone.page.getByRole('heading', { name: 'No open needs to match' }).count()).toBe(1);

      const anonymous = await newContext(browser);
      try {
        const page = await anonymous.newPage();
        await visit(page, `${server.url}${path}`);
        const url = new URL(page.url());
        expect(url.pathname).toBe('/signin');
        expect(url.searchParams.get('next')).toBe(path);
      } finally {
        await anonymous.close();
      }
    } finally {
      await steward.context.close();
      await someone.context.close();
    }
  });
});
