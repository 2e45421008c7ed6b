// A large, made-up library for the search benchmark: case studies, templates and tips written
// from a small vocabulary, so that words recur as they do in a real library (a topic such as
// "newsletter" in a few per cent of items, "volunteers" in a third), across the networks and
// people of seeds/generate.ts. Rows are built in JavaScript from a seeded generator (the same
// seed gives the same rows on PGlite and PostgreSQL) and sent a thousand at a time; PostgreSQL
// writes each search vector itself. Then the words of the published items are gathered for
// mending misspelt searches, as publishing does.
import { sql, type Kysely } from 'kysely';
import { libraryBodyText } from '../server/src/modules/library/text.ts';
import { refreshLibraryWords } from '../server/src/modules/library/service.ts';
import { seededRandom, type Random } from './random.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- seeds write rows of any table
type AnyDb = Kysely<any>;

export interface LibraryGenerateOptions {
  items: number;
  seed: number;
  networkIds: readonly string[];
  authorIds: readonly string[];
  referenceDate?: Date;
}

export interface LibrarySummary {
  items: number;
  published: number;
  words: number;
}

const TOPICS = [
  ['newsletter', 'Mailchimp'],
  ['volunteer rota', 'Google Sheets'],
  ['online donations', 'JustGiving'],
  ['website', 'WordPress'],
  ['password manager', 'Bitwarden'],
  ['backups', 'OneDrive'],
  ['social media', 'Canva'],
  ['grant report', 'Airtable'],
  ['supporter database', 'Beacon'],
  ['consent records', 'Microsoft Forms'],
  ['phishing training', 'Microsoft 365'],
  ['accessible website', 'WAVE'],
  ['annual meeting online', 'Zoom'],
  ['WhatsApp groups', 'WhatsApp'],
  ['event bookings', 'Eventbrite'],
  ['shared drive', 'Google Drive'],
  ['helpline logging', 'Airtable'],
  ['digital inclusion sessions', 'Chromebooks'],
  ['search engine optimisation', 'Google Search Console'],
  ['Google Ad Grants', 'Google Ads'],
  ['email deliverability', 'Mailchimp'],
  ['two-factor login', 'Microsoft Authenticator'],
  ['laptop refurbishing', 'Windows'],
  ['video content', 'CapCut'],
  ['online forms', 'Google Forms'],
] as const;
const ACTIONS = ['Moving', 'Starting', 'Fixing', 'Sharing', 'Cutting the cost of', 'Getting trustees behind'];
const GROUPS = ['food bank', 'youth club', 'hospice shop', 'tenants’ association', 'arts centre', 'advice service'];
const OUTCOMES = [
  'halved the time it takes',
  'doubled the replies',
  'saved £1,200 a year',
  'stopped the last-minute gaps',
];
const CATEGORIES = [
  'QUICK_TIP',
  'SHORT_TERM_SKILLS',
  'EXPANDING_POSSIBILITY',
  'LONG_TERM_SKILLS',
  'HANDS_ON_SUPPORT',
  'PERSONAL_VALIDATION',
  'RISK_MITIGATION',
  'UNIQUE_PERSPECTIVES',
];
const SECTORS = [
  'ARTS_AND_CULTURE',
  'HEALTH_AND_CARE',
  'HOUSING',
  'EDUCATION_AND_YOUTH',
  'ENVIRONMENT',
  'COMMUNITY',
  'ADVICE_AND_ADVOCACY',
  'FOOD_AND_POVERTY',
  'SPORT_AND_WELLBEING',
  'FAITH',
  'OTHER',
];
const SIZES = ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'];
const CHUNK = 1_000;

function pick<T>(random: Random, values: readonly T[]): T {
  return values[Math.floor(random.next() * values.length)]!;
}

function item(random: Random, n: number, options: LibraryGenerateOptions, now: Date) {
  const [topic, tool] = pick(random, TOPICS);
  const group = pick(random, GROUPS);
  const outcome = pick(random, OUTCOMES);
  const roll = random.next();
  const kind = roll < 0.5 ? 'CASE_STUDY' : roll < 0.75 ? 'TEMPLATE' : 'TIP';
  const volunteers = random.next() < 0.33 ? ' Our volunteers helped at every step.' : '';
  const story = `A ${group} tried ${topic} with ${tool}. It ${outcome}.${volunteers}`;
  const content: Record<string, unknown> =
    kind === 'CASE_STUDY'
      ? {
          orgName:
            random.next() < 0.2 ? null : `${pick(random, ['North', 'East', 'Riverside', 'Hillside'])} ${group} ${n}`,
          problem: `Our ${topic} took too long and nobody owned it.`,
          approach: story,
          cost: `£${Math.floor(random.next() * 900)} and ${2 + Math.floor(random.next() * 40)} hours of staff time.`,
          duration: `${1 + Math.floor(random.next() * 12)} months`,
          outcome: `It ${outcome}.`,
          evidence: `We counted before and after for ${3 + Math.floor(random.next() * 9)} months.`,
          differently: `Start the ${topic} with one person in charge.`,
          happyToTalk: random.next() < 0.6,
        }
      : {
          body:
            kind === 'TIP'
              ? `${story} See https://www.ncsc.gov.uk/ for more.`
              : `# ${topic}\n\n${story}\n\n- Owner:\n- Review date:`,
        };
  const tools =
    random.next() < 0.8 ? [tool] : [tool, pick(random, TOPICS)[1]].filter((t, i, all) => all.indexOf(t) === i);
  const state = random.next();
  const status = state < 0.85 ? 'PUBLISHED' : state < 0.9 ? 'ARCHIVED' : state < 0.95 ? 'IN_REVIEW' : 'DRAFT';
  const created = new Date(now.getTime() - Math.floor(random.next() * 3 * 365) * 86_400_000);
  const categories = [pick(random, CATEGORIES), ...(random.next() < 0.4 ? [pick(random, CATEGORIES)] : [])];
  return {
    kind,
    network_id: pick(random, options.networkIds),
    audience: random.next() < 0.3 ? 'ALL_NETWORKS' : 'NETWORK',
    status,
    created_by: pick(random, options.authorIds),
    title: `${pick(random, ACTIONS)} our ${topic} (${n})`,
    summary: `How a ${group} ${outcome} with ${tool}.`,
    categories: sql`${`{${[...new Set(categories)].join(',')}}`}::support_category[]`,
    sector: random.next() < 0.9 ? pick(random, SECTORS) : null,
    org_size: random.next() < 0.9 ? pick(random, SIZES) : null,
    tools: sql`${`{${tools.map((t) => `"${t}"`).join(',')}}`}::text[]`,
    content: sql`${JSON.stringify(content)}::text::jsonb`,
    body_text: libraryBodyText(kind, content, tools),
    review_round: status === 'DRAFT' ? 0 : 1,
    published_at: status === 'PUBLISHED' || status === 'ARCHIVED' ? new Date(created.getTime() + 86_400_000) : null,
    created_at: created,
    updated_at: created,
  };
}

/** Writes `items` library items over the given networks and authors; the same seed, the same rows. */
export async function generateLibrary(db: AnyDb, options: LibraryGenerateOptions): Promise<LibrarySummary> {
  const random = seededRandom(options.seed);
  const now = options.referenceDate ?? new Date('2026-11-02T10:00:00.000Z');
  for (let start = 0; start < options.items; start += CHUNK) {
    const rows = [];
    for (let n = start; n < Math.min(options.items, start + CHUNK); n++) rows.push(item(random, n + 1, options, now));
    await db.insertInto('library_items').values(rows).execute();
  }
  await refreshLibraryWords(db);
  const counts = await sql<{ items: string; published: string; words: string }>`
    select (select count(*) from library_items)::text as items,
      (select count(*) from library_items where status = 'PUBLISHED')::text as published,
      (select count(*) from library_words)::text as words
  `.execute(db);
  const row = counts.rows[0]!;
  return { items: Number(row.items), published: Number(row.published), words: Number(row.words) };
}
