// The organiser's event pages: an organiser makes an event for their network, changes its time,
// reads who registered (registrants made through the API), registers someone on their behalf,
// cancels a registration, closes registration, and checks people in on a phone, walk-ins too.
// A member who does not organise gets a 403 on every organiser page. With JavaScript on and off;
// check-in always at a phone's 390 pixels; axe on every page state where it can run.
import type { Browser, Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantAt, wallClockAt } from '../../web/src/routes/events/organiser/zoned-time.ts';
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
import { graphql, SIGN_UP } from '../support/graphql.ts';
import { networkFields, startNetwork, uniqueWord } from '../support/networks.ts';
import { startServer } from '../support/server.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

const PHONE = { width: 390, height: 844 };

/**
 * The organiser's whole evening in one test, form by form (about 40 s on a quiet machine, near
 * the browser tests' 60 s when CI shares the cores): given room, so a failure means a fault.
 */
const JOURNEY_MS = 150_000;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface ApiPerson {
  id: string;
  name: string;
  token: string;
}

async function api<T>(person: { token: string }, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await graphql<T>(server.url, query, { token: person.token, variables });
  if (!result.data || result.errors) throw new Error(`API call failed: ${JSON.stringify(result.errors)}`);
  return result.data;
}

async function apiPerson(name: string): Promise<ApiPerson> {
  const result = await graphql<{ signUp: { token: string; user: { id: string } } }>(server.url, SIGN_UP, {
    variables: { input: { name, email: `${uniqueWord('reg')}@example.org`, password: 'kettle orchard lantern 42' } },
  });
  if (!result.data) throw new Error(`sign-up failed: ${JSON.stringify(result.errors)}`);
  return { id: result.data.signUp.user.id, name, token: result.data.signUp.token };
}

async function personIn(label: string, javaScriptEnabled: boolean): Promise<SignedIn> {
  const context = await newContext(browser, { javaScriptEnabled, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const person = { ...newPerson(label), name: `${uniqueWord(label)} Tester` };
  await signUp(page, server.url, person);
  const { me } = await graphqlAs<{ me: { id: string } }>(page, server.url, 'query { me { id } }');
  return { context, page, person, id: me.id };
}

async function expectWellMade(page: Page, javaScriptEnabled: boolean): Promise<void> {
  if (javaScriptEnabled) expect(await axeScan(page)).toEqual([]);
  const width = page.viewportSize()!.width;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** Sends a form by its button and waits for the page it leads to. */
async function go(page: Page, button: ReturnType<Page['getByRole']>, arrived: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(arrived), button.click()]);
}

/** Sends a form that the server refuses; resolves with the refusal's status once the summary shows. */
async function refused(page: Page, button: ReturnType<Page['getByRole']>): Promise<number> {
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === 'POST'),
    button.click(),
  ]);
  await page.locator('#error-summary').waitFor();
  return response.status();
}

const EVENT_STATE = /* GraphQL */ `
  query ($id: ID!) {
    event(id: $id) {
      title
      startsAt
      endsAt
      timeZone
      capacity
      venue {
        name
      }
      questions {
        id
        prompt
        required
      }
      registrationClosedAt
    }
  }
`;

interface EventState {
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  capacity: number;
  venue: { name: string } | null;
  questions: Array<{ id: string; prompt: string; required: boolean }>;
  registrationClosedAt: string | null;
}

async function register(person: ApiPerson, eventId: string, questionId: string, answer: string) {
  const { registerForEvent } = await api<{ registerForEvent: { id: string; status: string } }>(
    person,
    'mutation ($id: ID!, $input: RegisterForEventInput) { registerForEvent(eventId: $id, input: $input) { id status } }',
    {
      id: eventId,
      input: { accessNeeds: `Step-free for ${person.name}`, dietaryNeeds: 'Vegan', answers: [{ questionId, answer }] },
    },
  );
  return registerForEvent;
}

/** Tap targets a thumb can hit: 44 by 44 pixels at least. */
async function expectTappable(target: ReturnType<Page['getByRole']>): Promise<void> {
  const box = await target.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  expect(box!.width).toBeGreaterThanOrEqual(44);
}

describe('the wall clock in an event time zone', () => {
  it('should read a London evening as GMT in winter and BST in summer', () => {
    expect(instantAt('2027-01-14', '18:30', 'Europe/London')).toEqual({ instant: '2027-01-14T18:30:00Z' });
    expect(instantAt('2027-07-14', '18:30', 'Europe/London')).toEqual({ instant: '2027-07-14T17:30:00Z' });
    expect(instantAt('2027-07-14', '18:30', 'America/New_York')).toEqual({ instant: '2027-07-14T22:30:00Z' });
    expect(wallClockAt('2027-07-14T17:30:00Z', 'Europe/London')).toEqual({ date: '2027-07-14', time: '18:30' });
  });

  it('should refuse a time the clocks skip and take the first of a time they repeat', () => {
    expect(instantAt('2027-03-28', '01:30', 'Europe/London')).toEqual({ problem: 'skipped' });
    expect(instantAt('2027-10-31', '01:30', 'Europe/London')).toEqual({ instant: '2027-10-31T00:30:00Z' });
  });

  it('should name what is wrong with a date, a time or a zone', () => {
    expect(instantAt('2027-02-30', '10:00', 'Europe/London')).toEqual({ problem: 'date' });
    expect(instantAt('', '10:00', 'Europe/London')).toEqual({ problem: 'date' });
    expect(instantAt('2027-02-03', '25:30', 'Europe/London')).toEqual({ problem: 'time' });
    expect(instantAt('2027-02-03', '10:00', 'Mars/Olympus_Mons')).toEqual({ problem: 'timeZone' });
  });
});

describe.each(JAVASCRIPT_MODES)('the organiser event pages $mode', ({ javaScriptEnabled }) => {
  it(
    'should let an organiser make, change and run an event, and refuse a member',
    async () => {
      const organiser = await personIn('organiser', javaScriptEnabled);
      const member = await personIn('member', javaScriptEnabled);
      const { page } = organiser;
      try {
        const word = uniqueWord('Eventon');
        const network = await startNetwork(page, server.url, networkFields(word));
        const venueName = `${word} Old Library`;
        await graphqlAs(
          page,
          server.url,
          'mutation ($id: ID!, $input: VenueInput!) { addVenue(networkId: $id, input: $input) { id } }',
          {
            id: network.id,
            input: {
              name: venueName,
              address: '1 High Street, Bristol BS1 1AA',
              stepFreeAccess: true,
              accessibleToilet: true,
              hearingLoop: false,
              quietRoom: false,
              capacity: 40,
              cost: 'FREE',
            },
          },
        );
        await graphqlAs(
          member.page,
          server.url,
          'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }',
          { id: network.id },
        );

        // Make the event: first with problems the API names at their fields.
        const date = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
        await visit(page, `${server.url}/events/new?network=${network.slug}`);
        expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('New event');
        expect(await page.getByLabel('Time zone', { exact: true }).inputValue()).toBe('Europe/London');
        expect(await page.getByLabel('Time zone', { exact: true }).locator('option').first().innerText()).toBe(
          'Europe/London',
        );
        await expectWellMade(page, javaScriptEnabled);
        await page.getByLabel('Date', { exact: true }).fill(date);
        await page.getByLabel('Starts at', { exact: true }).fill('18:30');
        await page.getByLabel('Ends at', { exact: true }).fill('17:00');
        await page.getByLabel('Venue', { exact: true }).selectOption({ label: venueName });
        await page.getByLabel('Seats', { exact: true }).fill('3');
        await page.getByLabel('Question 1', { exact: true }).fill('What would you like to learn?');
        await page.getByLabel('People must answer question 1').check();
        expect(await refused(page, page.getByRole('button', { name: 'Make the event' }))).toBe(400);
        const summary = page.locator('#error-summary');
        expect(await summary.getByRole('link').allInnerTexts()).toEqual([
          'Give the event a title.',
          'The end is before the start. Choose an end after the start.',
        ]);
        expect(await page.title()).toMatch(/^Error: /);
        expect(await page.getByLabel('Seats', { exact: true }).inputValue()).toBe('3');
        expect(await page.getByLabel('Question 1', { exact: true }).inputValue()).toBe('What would you like to learn?');
        await expectWellMade(page, javaScriptEnabled);

        const title = `${word} digital drop-in`;
        await page.getByLabel('Title', { exact: true }).fill(title);
        await page.getByLabel('Ends at', { exact: true }).fill('20:30');
        await go(page, page.getByRole('button', { name: 'Make the event' }), (url) => url.searchParams.has('created'));
        const eventId = new URL(page.url()).pathname.split('/')[2]!;
        expect(await page.getByRole('status').innerText()).toBe('The event is made. People can register on its page.');
        await expectWellMade(page, javaScriptEnabled);
        const made = (await graphqlAs<{ event: EventState }>(page, server.url, EVENT_STATE, { id: eventId })).event;
        const start = instantAt(date, '18:30', 'Europe/London');
        expect(made).toMatchObject({ title, timeZone: 'Europe/London', capacity: 3, venue: { name: venueName } });
        expect(new Date(made.startsAt).toISOString()).toBe(
          new Date((start as { instant: string }).instant).toISOString(),
        );
        expect(made.questions).toEqual([
          { id: made.questions[0]!.id, prompt: 'What would you like to learn?', required: true },
        ]);

        // Change its time: half an hour later, as London's clocks read.
        expect(await page.getByLabel('Starts at', { exact: true }).inputValue()).toBe('18:30');
        await page.getByLabel('Starts at', { exact: true }).fill('19:00');
        await page.getByLabel('Ends at', { exact: true }).fill('21:00');
        await go(page, page.getByRole('button', { name: 'Save changes' }), (url) => url.searchParams.has('saved'));
        const moved = (await graphqlAs<{ event: EventState }>(page, server.url, EVENT_STATE, { id: eventId })).event;
        const later = instantAt(date, '19:00', 'Europe/London') as { instant: string };
        expect(new Date(moved.startsAt).toISOString()).toBe(new Date(later.instant).toISOString());
        expect(await page.getByLabel('Starts at', { exact: true }).inputValue()).toBe('19:00');

        // Two people register through the API and take two of the three seats.
        const questionId = made.questions[0]!.id;
        const ada = await apiPerson(`Ada ${word}`);
        const bea = await apiPerson(`Bea ${word}`);
        const dot = await apiPerson(`Dot ${word}`);
        await register(ada, eventId, questionId, 'Spreadsheets');
        const beaRegistration = await register(bea, eventId, questionId, 'Newsletters');

        // The organiser registers Cy on their behalf: the last seat. Dot then waits.
        await visit(page, `${server.url}/events/${eventId}/registrations`);
        await expectWellMade(page, javaScriptEnabled);
        const cyName = `Cy ${word}`;
        await page.getByLabel('Their name', { exact: true }).fill(cyName);
        await page.getByLabel('Their phone number', { exact: true }).fill('07700 900123');
        await page.getByLabel('Dietary needs (optional)').fill('No nuts');
        await go(page, page.getByRole('button', { name: 'Register them' }), (url) => url.searchParams.has('added'));
        expect(await page.getByRole('status').innerText()).toBe(`${cyName} is registered: has a place.`);
        expect(await register(dot, eventId, questionId, 'Funding')).toMatchObject({ status: 'WAITLISTED' });

        await visit(page, `${server.url}/events/${eventId}/registrations`);
        expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
          'Food and access',
          'Has a place (3)',
          'On the waiting list (1)',
          'Register someone on their behalf',
        ]);
        // Food for the three with seats, not for Dot, who waits; access needs by name.
        const needs = page.getByRole('region', { name: 'Food and access' });
        expect(await needs.innerText()).toContain(
          'Food for 3 people: everyone holding a place or who came, of whom 0 gave no dietary need.',
        );
        expect(await needs.getByRole('listitem').allInnerTexts()).toEqual([
          'Vegan: 2',
          'No nuts: 1',
          `${ada.name}: Step-free for ${ada.name}`,
          `${bea.name}: Step-free for ${bea.name}`,
        ]);
        const adaCard = page.locator('li.person', { has: page.getByRole('heading', { name: ada.name }) });
        expect(await adaCard.locator('dl').innerText()).toContain(`Step-free for ${ada.name}`);
        expect(await adaCard.locator('dl').innerText()).toContain('What would you like to learn?\nSpreadsheets');
        const cyCard = page.locator('li.person', { has: page.getByRole('heading', { name: cyName }) });
        expect(await cyCard.locator('dl').innerText()).toContain('07700 900123');
        expect(await cyCard.locator('dl').innerText()).toContain('No nuts');
        expect(await page.getByRole('heading', { name: `1. ${dot.name}` }).count()).toBe(1);
        await expectWellMade(page, javaScriptEnabled);

        // Bea cannot come: the organiser cancels for her, and Dot, first in line, gets her seat.
        await go(page, page.getByRole('button', { name: `Cancel the registration of ${bea.name}` }), (url) =>
          url.searchParams.has('cancelled'),
        );
        expect(await page.getByRole('status').innerText()).toBe(`The registration of ${bea.name} is cancelled.`);
        expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
          'Food and access',
          'Has a place (3)',
          'Cancelled (1)',
          'Register someone on their behalf',
        ]);

        // Everyone as a spreadsheet: one row each, answers in their question's column.
        const download = await page.request.get(
          `${server.url}${await page.getByRole('link', { name: /Download everyone as a spreadsheet/ }).getAttribute('href')}`,
        );
        expect(download.status()).toBe(200);
        expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
        expect(download.headers()['content-disposition']).toMatch(
          /^attachment; filename="[a-z0-9-]+-registrations\.csv"$/,
        );
        const sheet = parse(await download.body(), { bom: true, columns: true }) as Array<Record<string, string>>;
        expect(sheet.map((row) => [row.Name, row.Status, row['What would you like to learn?']])).toEqual([
          [ada.name, 'Has a place', 'Spreadsheets'],
          [bea.name, 'Cancelled', 'Newsletters'],
          [cyName, 'Has a place', ''],
          [dot.name, 'Has a place', 'Funding'],
        ]);
        expect(sheet.find((row) => row.Name === cyName)).toMatchObject({
          'Registered by an organiser': 'Yes',
          'Phone (if registered by an organiser)': '07700 900123',
          'Dietary needs': 'No nuts',
        });
        expect(sheet.find((row) => row.Name === ada.name)?.['Access needs']).toBe(`Step-free for ${ada.name}`);
        expect((await member.page.request.get(`${server.url}/events/${eventId}/registrations.csv`)).status()).toBe(403);
        expect(
          (
            await api<{ event: { myRegistration: { status: string } } }>(
              dot,
              `query { event(id: "${eventId}") { myRegistration { status } } }`,
            )
          ).event.myRegistration.status,
        ).toBe('CONFIRMED');
        expect(beaRegistration.status).toBe('CONFIRMED');

        // Close registration: nobody new can register.
        await visit(page, `${server.url}/events/${eventId}/edit`);
        await go(page, page.getByRole('button', { name: 'Close registration' }), (url) =>
          url.searchParams.has('closed'),
        );
        expect(await page.getByRole('button', { name: 'Open registration' }).count()).toBe(1);
        await expectWellMade(page, javaScriptEnabled);
        const closed = (await graphqlAs<{ event: EventState }>(page, server.url, EVENT_STATE, { id: eventId })).event;
        expect(closed.registrationClosedAt).not.toBeNull();
        const late = await graphql(server.url, 'mutation ($id: ID!) { registerForEvent(eventId: $id) { id } }', {
          token: (await apiPerson(`Late ${word}`)).token,
          variables: { id: eventId },
        });
        expect(late.errors?.[0]?.extensions?.code).toBe('CONFLICT');

        // Check-in, on a phone.
        await page.setViewportSize(PHONE);
        await visit(page, `${server.url}/events/${eventId}/check-in`);
        expect(await page.locator('.tally').innerText()).toBe('0 of 3 here');
        const rows = page.getByRole('list', { name: 'People with a place' }).getByRole('listitem');
        expect(await rows.locator('.name').allInnerTexts()).toEqual([ada.name, cyName, dot.name]);
        await expectTappable(page.getByRole('button', { name: `Check in ${cyName}` }));
        await expectTappable(page.getByRole('button', { name: 'Find' }));
        await expectWellMade(page, javaScriptEnabled);

        await page.getByLabel('Find by name').fill('cy');
        await go(page, page.getByRole('button', { name: 'Find' }), (url) => url.searchParams.get('q') === 'cy');
        expect(await rows.locator('.name').allInnerTexts()).toEqual([cyName]);
        await go(page, page.getByRole('button', { name: `Check in ${cyName}` }), (url) =>
          url.searchParams.has('checked'),
        );
        expect(new URL(page.url()).searchParams.get('q')).toBe('cy');
        expect(await page.getByRole('status').innerText()).toBe(`${cyName} is checked in.`);
        expect(await page.locator('.tally').innerText()).toBe('1 of 3 here');
        expect(await rows.first().innerText()).toMatch(
          new RegExp(`^${cyName}\\s+Here\\ssince \\d\\d:\\d\\d\\s+Undo\\s+the check-in of ${cyName}$`),
        );
        await expectWellMade(page, javaScriptEnabled);

        // A walk-in while every seat is taken waits in line, and the page says so.
        await visit(page, `${server.url}/events/${eventId}/check-in`);
        const eve = `Eve ${word}`;
        await page.getByLabel('Their name', { exact: true }).fill(eve);
        await page.getByLabel('Their email', { exact: true }).fill(`${word.toLowerCase()}.eve@example.org`);
        expect(await refused(page, page.getByRole('button', { name: 'Add and check in' }))).toBe(409);
        expect(await page.locator('#error-summary p').innerText()).toBe(
          `${eve} is registered, but the event is full, so they are number 1 in line and not checked in. ` +
            'Raise the seats on the details page to let them in.',
        );
        await expectWellMade(page, javaScriptEnabled);

        // Two more seats: Eve gets one, and the next walk-in is ticked in at once.
        await graphqlAs(
          page,
          server.url,
          'mutation ($id: ID!) { updateEvent(eventId: $id, input: { capacity: 5 }) { id } }',
          {
            id: eventId,
          },
        );
        await visit(page, `${server.url}/events/${eventId}/check-in`);
        const fay = `Fay ${word}`;
        await page.getByLabel('Their name', { exact: true }).fill(fay);
        await page.getByLabel('Their phone number', { exact: true }).fill('07700 900456');
        await go(page, page.getByRole('button', { name: 'Add and check in' }), (url) =>
          url.searchParams.has('checked'),
        );
        expect(await page.getByRole('status').innerText()).toBe(`${fay} is checked in.`);
        expect(await page.locator('.tally').innerText()).toBe('2 of 5 here');
        expect(await rows.locator('.name').allInnerTexts()).toEqual([ada.name, cyName, dot.name, eve, fay]);
        await expectWellMade(page, javaScriptEnabled);

        // A member who does not organise sees none of it.
        for (const path of [
          `/events/new?network=${network.slug}`,
          `/events/${eventId}/edit`,
          `/events/${eventId}/registrations`,
          `/events/${eventId}/check-in`,
        ]) {
          const response = await visit(member.page, `${server.url}${path}`);
          expect(response?.status()).toBe(403);
          expect(await member.page.getByRole('heading', { level: 1 }).innerText()).toBe('You cannot see this page');
          expect(await member.page.locator('main').innerText()).toContain(
            "Only this network's organisers and stewards can manage its events.",
          );
        }
        await expectWellMade(member.page, javaScriptEnabled);
      } finally {
        await organiser.context.close();
        await member.context.close();
      }
    },
    JOURNEY_MS,
  );
});

describe.each(JAVASCRIPT_MODES)('a series of events $mode', ({ javaScriptEnabled }) => {
  it('should make a monthly series whose dates are registered for one by one', async () => {
    const organiser = await personIn('series', javaScriptEnabled);
    const { page } = organiser;
    try {
      const word = uniqueWord('Serieston');
      const network = await startNetwork(page, server.url, networkFields(word));
      // The first Tuesday of a month two months ahead.
      const first = new Date();
      first.setUTCMonth(first.getUTCMonth() + 2, 1);
      while (first.getUTCDay() !== 2) first.setUTCDate(first.getUTCDate() + 1);
      const date = first.toISOString().slice(0, 10);

      await visit(page, `${server.url}/events/new?network=${network.slug}`);
      await page.getByLabel('Title', { exact: true }).fill(`${word} coffee`);
      await page.getByLabel('Date', { exact: true }).fill(date);
      await page.getByLabel('Starts at', { exact: true }).fill('18:30');
      await page.getByLabel('Ends at', { exact: true }).fill('19:30');
      await page.getByLabel('Venue', { exact: true }).selectOption({ label: 'Online only, no venue' });
      await page.getByLabel(/^Online link/).fill('https://meet.example.org/series');
      await page.getByLabel('Seats', { exact: true }).fill('20');
      await page.getByLabel('Every month, on the same weekday').check();
      await page.getByLabel('How many dates in all, if it repeats').fill('30');
      expect(await refused(page, page.getByRole('button', { name: 'Make the event' }))).toBe(400);
      expect(await page.locator('#error-summary').getByRole('link').allInnerTexts()).toEqual([
        'A series has 2 to 24 dates; make more later by duplicating the last one.',
      ]);
      expect(await page.getByLabel('Every month, on the same weekday').isChecked()).toBe(true);
      await expectWellMade(page, javaScriptEnabled);

      await page.getByLabel('How many dates in all, if it repeats').fill('3');
      await go(page, page.getByRole('button', { name: 'Make the event' }), (url) => url.searchParams.has('created'));
      expect(await page.getByRole('status').innerText()).toBe(
        'The series is made: 3 dates, each an event of its own. This is the first; changes here change this date only.',
      );
      const eventId = new URL(page.url()).pathname.split('/')[2]!;

      await visit(page, `${server.url}/events/${eventId}`);
      expect(await page.locator('.series').innerText()).toBe(
        'Part of a series: The first Tuesday of every month. Register for each date on its own.',
      );
      const others = page.getByRole('region', { name: 'Other dates' }).getByRole('link');
      expect(await others.count()).toBe(2);
      await expectWellMade(page, javaScriptEnabled);
      const all = await graphqlAs<{ event: { series: { events: Array<{ startsAt: string }> } } }>(
        page,
        server.url,
        'query ($id: ID!) { event(id: $id) { series { events { startsAt } } } }',
        { id: eventId },
      );
      // Each on the first Tuesday, at 18:30 on London's clock whatever the season.
      for (const { startsAt } of all.event.series.events) {
        expect(wallClockAt(startsAt, 'Europe/London').time).toBe('18:30');
        const day = new Date(startsAt);
        expect([day.getUTCDay(), day.getUTCDate() <= 7]).toEqual([2, true]);
      }
    } finally {
      await organiser.context.close();
    }
  });
});

describe.each(JAVASCRIPT_MODES)('the door once the event has started $mode', ({ javaScriptEnabled }) => {
  it(
    'should take back a wrong tick, mark who did not come, and still let a late one in',
    async () => {
      const organiser = await personIn('door', javaScriptEnabled);
      const { page } = organiser;
      try {
        const word = uniqueWord('Doorton');
        const network = await startNetwork(page, server.url, networkFields(word));
        // An event a few seconds away: people register before it starts, the door opens after.
        const startsAt = new Date(Date.now() + 4000);
        const { createEvent } = await graphqlAs<{ createEvent: { id: string } }>(
          page,
          server.url,
          'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id } }',
          {
            input: {
              networkId: network.id,
              title: `${word} meetup`,
              format: 'SOCIAL',
              startsAt: startsAt.toISOString(),
              endsAt: new Date(startsAt.getTime() + 3 * 3600 * 1000).toISOString(),
              timeZone: 'Europe/London',
              onlineUrl: 'https://meet.example.org/door',
              capacity: 10,
            },
          },
        );
        const [ann, ben] = [await apiPerson(`Ann ${word}`), await apiPerson(`Ben ${word}`)];
        for (const person of [ann, ben]) {
          await api(person, 'mutation ($id: ID!) { registerForEvent(eventId: $id) { id } }', { id: createEvent.id });
        }
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, startsAt.getTime() - Date.now() + 200)));

        await page.setViewportSize(PHONE);
        await visit(page, `${server.url}/events/${createEvent.id}/check-in`);
        await go(page, page.getByRole('button', { name: `Check in ${ann.name}` }), (url) =>
          url.searchParams.has('checked'),
        );
        await go(page, page.getByRole('button', { name: `Undo the check-in of ${ann.name}` }), (url) =>
          url.searchParams.has('undone'),
        );
        expect(await page.getByRole('status').innerText()).toBe(
          `${ann.name} is no longer checked in, and still holds a place.`,
        );
        expect(await page.locator('.tally').innerText()).toBe('0 of 2 here');
        await go(page, page.getByRole('button', { name: `Check in ${ann.name}` }), (url) =>
          url.searchParams.has('checked'),
        );
        await expectTappable(page.getByRole('button', { name: `Undo the check-in of ${ann.name}` }));
        await expectWellMade(page, javaScriptEnabled);

        await go(page, page.getByRole('button', { name: 'Mark 1 as not come' }), (url) =>
          url.searchParams.has('noShows'),
        );
        expect(await page.getByRole('status').innerText()).toBe(
          'One person is marked as not come. Anyone who turns up late can still be checked in.',
        );
        const benRow = page
          .getByRole('list', { name: 'People with a place' })
          .getByRole('listitem')
          .filter({ hasText: ben.name });
        expect(await benRow.innerText()).toContain('Marked as not come');
        expect(await page.getByRole('region', { name: 'When the doors close' }).count()).toBe(0);
        await expectWellMade(page, javaScriptEnabled);

        // Ben turns up late after all.
        await go(page, page.getByRole('button', { name: `Check in ${ben.name}` }), (url) =>
          url.searchParams.has('checked'),
        );
        expect(await page.locator('.tally').innerText()).toBe('2 of 2 here');

        // Afterwards, a few lines on what happened, shown on the event's page.
        await page.setViewportSize({ width: 1280, height: 900 });
        await visit(page, `${server.url}/events/${createEvent.id}/edit`);
        await page.getByLabel('What happened').fill('Both came.\nWe fixed a donation form together.');
        await go(page, page.getByRole('button', { name: 'Save the write-up' }), (url) =>
          url.searchParams.has('written'),
        );
        expect(await page.getByRole('status').innerText()).toBe('The write-up is saved and shown on the event page.');
        await expectWellMade(page, javaScriptEnabled);
        await visit(page, `${server.url}/events/${createEvent.id}`);
        const writeUp = page.getByRole('region', { name: 'What happened' });
        expect(await writeUp.innerText()).toBe(
          'What happened\n\nBoth came.\nWe fixed a donation form together.\n\nStart a case study from this event',
        );
        // The write-up can grow into a case study in the library, the event linked.
        const start = new URL(
          (await writeUp.getByRole('link', { name: 'Start a case study from this event' }).getAttribute('href'))!,
          server.url,
        );
        expect([start.pathname, start.searchParams.get('kind'), start.searchParams.get('event')]).toEqual([
          '/library/new',
          'CASE_STUDY',
          createEvent.id,
        ]);
      } finally {
        await organiser.context.close();
      }
    },
    JOURNEY_MS,
  );
});
