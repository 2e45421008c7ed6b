// A large, made-up data set for benchmarks: many networks, many people, one huge network.
//
//   node seeds/generate.ts [--networks 200] [--people 100000] [--seed 1] [--offers 20000]
//
// Runs against DATABASE_URL when it is set (PostgreSQL), else the embedded PGlite database in
// HEARTH_DATA_DIR (default ./.hearth) or the folder given with --pglite DIR. It migrates the
// database first and refuses to run twice on the same one. Everyone generated signs in with the
// demo password (seeds/demo.ts DEMO_PASSWORD); their emails end in @example.net, so they never
// clash with the demo people (@example.org). Most have a profile, written like the demo people's
// (about a fifth mentors, two fifths digital leads, a tenth private).
//
// Network 1 holds every generated person (the member directory benchmark lists it); the others
// range from a handful of members to a few thousand. The same seed gives the same rows, on PGlite
// and PostgreSQL alike: names and dates come from a seeded generator in JavaScript and from md5
// of the seed and row number in SQL, never from random() or the clock.
//
// Rows are made by the database itself (insert … select from generate_series) in statements of
// up to 20,000 rows: far faster than sending each row, especially on PGlite. Measured for the
// defaults (200 networks, 100,000 people, about 275,000 memberships) on a 2-core machine: about
// 19 s on PGlite in memory and 15 s on the throwaway PostgreSQL of scripts/postgres.ts, most of
// it the memberships and their indexes, then the member search documents the triggers write.
//
// With --offers N (the mentoring benchmark uses 20,000), N people also get a mentor's offer, with
// open and closed mentorships and recent requests behind some (seeds/generate-mentoring.ts); their
// profiles then say they mentor exactly when they have an offer. Without it there is no mentoring
// data, and profiles keep the mentor flag their template gave them.
import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../server/src/auth/passwords.ts';
import { placesIn, type Place } from '../server/src/modules/networks/places.ts';
import { slugify } from '../server/src/modules/networks/service.ts';
import { DEMO_PASSWORD, insertInChunks } from './demo.ts';
import { makeProfile } from './demo-profiles.ts';
import { generateMentoring, type MentoringSummary } from './generate-mentoring.ts';
import type { Stage } from './demo-networks.ts';
import { NAMES, NAME_POOLS } from './names.ts';
import { addDays, daysBetween, emailPart, seededRandom, type Random } from './random.ts';

export interface GenerateOptions {
  networks: number;
  people: number;
  seed: number;
  /** "Now" for the data set; fixed by default so that a seed always gives the same rows. */
  referenceDate?: Date;
  /** Mentors' offers to make, with their mentorships and recent requests; none by default. */
  mentorOffers?: number;
  onProgress?: (message: string) => void;
}

export interface GeneratedSummary {
  networks: number;
  people: number;
  memberships: number;
  lifecycleChanges: number;
  /** The network every generated person belongs to. */
  largestNetworkSlug: string;
  /** What was made for mentoring; null when no offers were asked for. */
  mentoring: MentoringSummary | null;
}

export const GENERATED_EMAIL_DOMAIN = 'example.net';
const DEFAULT_REFERENCE_DATE = new Date('2026-11-02T10:00:00.000Z');
/** Most rows one statement makes. */
const ROWS_PER_STATEMENT = 20_000;
/** Generated people joined Hearth within this many days before the reference date. */
const SIGN_UP_SPAN_DAYS = 6 * 365;
/** Distinct full names the people are drawn from (with their email forms). */
const NAME_COUNT = 4_096;
/** Distinct profiles people are given (written as the demo's are), each with its own visibility and dates. */
const PROFILE_TEMPLATE_COUNT = 512;
/** Per hundred generated people who have filled in a profile. */
const PROFILE_PERCENT = 92;
const PROFILE_TOWNS = [
  'Bristol',
  'Leeds',
  'Glasgow',
  'Cardiff',
  'Norwich',
  'Belfast',
  'Penrith',
  'Sheffield',
  'Exeter',
  'Dundee',
  'Swansea',
  'Derby',
  'York',
  'Hull',
  'Luton',
  'Preston',
];

const NETWORK_KINDS = [
  'Digital Forum',
  'Charity Tech Circle',
  'Tech for Communities',
  'Digital Volunteers',
  'Third Sector Tech',
  'Digital Meet-up',
];
const STAGE_ORDER: Stage[] = ['POTENTIAL', 'COALESCING', 'MATURING', 'STEWARDSHIP'];
const STAGE_NOTES: Record<Stage, string> = {
  POTENTIAL: 'Starting a list of people doing digital work for local charities.',
  COALESCING: 'First events held and a small core group is forming.',
  MATURING: 'Regular meet-ups, new organisers and more members each season.',
  STEWARDSHIP: 'Established: the work is now keeping it relevant and handing roles on.',
  TRANSFORMATION: 'Activity has fallen and members are deciding whether to merge or hand over.',
};

// Any Kysely: seeds, like migrations, should not depend on the app's generated types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

interface NetworkPlan {
  id: string;
  index: number;
  founded: Date;
  size: number;
  /** Member j is person (start + j * stride) mod people: distinct people for j < people. */
  start: number;
  stride: number;
  stewards: number;
  organisers: number;
  /** Per thousand members who have left. */
  leavers: number;
}

/** Fills the database with a generated data set; the same options give the same rows. */
export async function generateLargeDataSet(db: AnyDb, options: GenerateOptions): Promise<GeneratedSummary> {
  const { people, seed } = options;
  const networkCount = options.networks;
  if (!Number.isInteger(people) || people < 1) throw new Error('people must be a whole number of at least 1');
  if (!Number.isInteger(networkCount) || networkCount < 1)
    throw new Error('networks must be a whole number of at least 1');
  const offers = options.mentorOffers ?? 0;
  if (!Number.isInteger(offers) || offers < 0) throw new Error('offers must be a whole number of at least 0');
  const reference = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  const progress = options.onProgress ?? (() => {});
  const random = seededRandom(seed);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction().execute(async (trx) => {
    // People: names from a fixed list made here, everything else from md5 of the seed and row number.
    const { names, emails } = nameList(random);
    const templates = profileTemplates(seed, reference);
    for (let from = 0; from < people; from += ROWS_PER_STATEMENT) {
      const to = Math.min(people, from + ROWS_PER_STATEMENT) - 1;
      await sql`
        with list as (
          select string_to_array(${names.join('\n')}, E'\\n') as names,
                 string_to_array(${emails.join('\n')}, E'\\n') as emails
        ), person as (
          select g.i, ${personHash('g.i', seed)} as h from generate_series(${from}::int, ${to}::int) as g(i)
        ), dated as (
          select i, h, ${createdAt(reference)} as created,
                 1 + ('x' || substr(h, 8, 7))::bit(28)::int % ${NAME_COUNT}::int as name_at
          from person
        )
        insert into users (id, email, name, password_hash, created_at, updated_at)
        select ${personId()}, list.emails[name_at] || '.' || i || ${`@${GENERATED_EMAIL_DOMAIN}`},
               list.names[name_at], ${passwordHash}, created, created
        from dated cross join list
      `.execute(trx);
      await insertProfiles(trx, from, to, seed, reference, templates);
      progress(`people: ${to + 1} of ${people}`);
    }

    // Networks, in distinct UK places; network 1 is the big one.
    const places = pickPlaces(random, networkCount);
    const usedSlugs = new Set<string>();
    const plans: NetworkPlan[] = [];
    const networkRows = places.map((place, index) => {
      const founded = addDays(reference, -random.int(60, 9 * 365) - random.next());
      const big = index === 0;
      const kind = big ? 'Digital Network' : random.pick(NETWORK_KINDS);
      const name = `${place.name} ${kind}`;
      let slug = slugify(name);
      for (let n = 2; usedSlugs.has(slug); n += 1) slug = `${slugify(name)}-${n}`;
      usedSlugs.add(slug);
      const stage: Stage = big
        ? 'STEWARDSHIP'
        : random.weighted<Stage>([
            ['POTENTIAL', 15],
            ['COALESCING', 25],
            ['MATURING', 30],
            ['STEWARDSHIP', 20],
            ['TRANSFORMATION', 10],
          ]);
      const size = big
        ? people
        : Math.min(
            people,
            stage === 'POTENTIAL' ? random.int(1, 12) : Math.round(5 + people * 0.05 * random.next() ** 4),
          );
      plans.push({
        id: random.uuidV7(founded),
        index,
        founded,
        size,
        start: random.int(0, people - 1),
        stride: big ? 1 : coprimeStride(people, random),
        stewards: Math.min(size, big ? 5 : random.int(1, 3)),
        organisers: Math.max(0, Math.min(size - 3, Math.round(size * 0.04))),
        leavers: stage === 'TRANSFORMATION' ? 300 : random.int(0, 120),
      });
      return { place, name, slug, stage, founded };
    });

    const lifecycle: Array<{ id: string; network_id: string; stage: Stage; note: string; set_at: string }> = [];
    const rows = networkRows.map(({ place, name, slug, stage, founded }, index) => {
      const plan = plans[index]!;
      const path =
        stage === 'TRANSFORMATION'
          ? [...STAGE_ORDER.slice(0, random.int(2, 4)), stage]
          : STAGE_ORDER.slice(0, STAGE_ORDER.indexOf(stage) + 1);
      let at = founded;
      for (const [step, pathStage] of path.entries()) {
        if (step > 0) at = addDays(at, (daysBetween(at, reference) * random.next()) / 2);
        lifecycle.push({
          id: random.uuidV7(at),
          network_id: plan.id,
          stage: pathStage,
          note: STAGE_NOTES[pathStage],
          set_at: at.toISOString(),
        });
      }
      return {
        id: plan.id,
        slug,
        name,
        place_name: place.name,
        region: place.region ?? 'United Kingdom',
        latitude: place.latitude,
        longitude: place.longitude,
        purpose:
          `Helping the people who carry digital work in ${place.name}'s charities and community groups ` +
          'find peers and practical answers.',
        values: 'Plain language. Practical help. Credit for every contribution.',
        code_of_conduct: 'Be respectful and patient. No sales pitches. Tell a steward about any problem.',
        stage,
        stage_set_at: at,
        created_at: founded,
        updated_at: at,
      };
    });
    await insertInChunks(trx, 'networks', rows, 500);
    progress(`networks: ${rows.length}`);

    // Memberships, made by the database from each network's plan, in pieces of up to 20,000 rows.
    let memberships = 0;
    let batch: Array<NetworkPlan & { from: number; to: number }> = [];
    let batchRows = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await insertMemberships(trx, batch, people, seed, reference);
      memberships += batchRows;
      progress(`memberships: ${memberships}`);
      batch = [];
      batchRows = 0;
    };
    for (const plan of plans) {
      for (let from = 0; from < plan.size; from += ROWS_PER_STATEMENT) {
        const to = Math.min(plan.size, from + ROWS_PER_STATEMENT) - 1;
        if (batchRows + (to - from + 1) > ROWS_PER_STATEMENT) await flush();
        batch.push({ ...plan, from, to });
        batchRows += to - from + 1;
      }
    }
    await flush();

    // Stage changes, each set by the network's first steward.
    await sql`
      insert into lifecycle_changes (id, network_id, stage, note, set_at, set_by)
      select change.id, change.network_id, change.stage, change.note, change.set_at,
             (select m.user_id from memberships m
               where m.network_id = change.network_id and m.role = 'STEWARD'
               order by m.joined_at, m.user_id limit 1)
      from jsonb_to_recordset(${JSON.stringify(lifecycle)}::text::jsonb)
        as change(id uuid, network_id uuid, stage lifecycle_stage, note text, set_at timestamptz)
    `.execute(trx);
    progress(`lifecycle changes: ${lifecycle.length}`);

    const mentoring =
      offers > 0
        ? await generateMentoring(trx, {
            offers,
            seed,
            reference,
            places: rows.map((row) => ({ name: row.place_name, latitude: row.latitude, longitude: row.longitude })),
            emailDomain: GENERATED_EMAIL_DOMAIN,
          })
        : null;
    if (mentoring) progress(`mentor offers: ${mentoring.offers}, mentorships: ${mentoring.mentorships}`);

    return {
      networks: rows.length,
      people,
      memberships,
      lifecycleChanges: lifecycle.length,
      largestNetworkSlug: rows[0]!.slug,
      mentoring,
    };
  });
}

/**
 * Profiles for people from..to, made by the database: each person who has one (most do) gets one
 * of the templates, a visibility (a tenth private, a fifth public) and dates from md5 of the seed
 * and their number; pronouns are left out, since the templates are not written for their names.
 */
async function insertProfiles(db: AnyDb, from: number, to: number, seed: number, reference: Date, templates: string) {
  const now = sql`${reference.toISOString()}::timestamptz`;
  const bits = (at: number) => sql`('x' || substr(q, ${sql.lit(at)}, 7))::bit(28)::int`;
  await sql`
    with template as (
      select * from jsonb_to_recordset(${templates}::text::jsonb) as t(
        n int, bio text, organisation text, organisation_size organisation_size, sector text, role_title text,
        is_digital_lead boolean, is_mentor boolean, skills text[], skills_as_typed text[],
        support_needs support_category[])
    ), person as (
      select g.i, ${personHash('g.i', seed)} as h, md5(${`${seed}:q:`} || g.i) as q
      from generate_series(${from}::int, ${to}::int) as g(i)
    ), dated as (
      select person.*, ${createdAt(reference)} as created from person
    ), profiled as (
      select dated.*, least(${now}, created + ${bits(8)} % (30 * 86400) * interval '1 second') as profiled_at
      from dated where ${bits(15)} % 100 < ${PROFILE_PERCENT}
    )
    insert into profiles (user_id, bio, organisation, organisation_size, sector, role_title, is_digital_lead,
                          is_mentor, skills, skills_as_typed, support_needs, visibility, created_at, updated_at)
    select ${personId()}, t.bio, t.organisation, t.organisation_size, t.sector, t.role_title, t.is_digital_lead,
           t.is_mentor, t.skills, t.skills_as_typed, t.support_needs,
           case when ${bits(22)} % 100 < 10 then 'PRIVATE' when ${bits(22)} % 100 < 30 then 'PUBLIC'
                else 'MEMBERS' end::profile_visibility,
           profiled_at, profiled_at
    from profiled join template t on t.n = ${bits(1)} % ${PROFILE_TEMPLATE_COUNT}
  `.execute(db);
}

/** The profile templates as JSON, written as the demo people's are, from their own seeded generator. */
function profileTemplates(seed: number, reference: Date): string {
  const random = seededRandom(seed + 1_000_003);
  const templates = [];
  for (let n = 0; n < PROFILE_TEMPLATE_COUNT; n += 1) {
    const place = random.pick(PROFILE_TOWNS);
    const profile = makeProfile({ id: '', name: '', created_at: reference, place }, random, reference)!;
    templates.push({
      n,
      bio: profile.bio,
      organisation: profile.organisation,
      organisation_size: profile.organisation_size,
      sector: profile.sector,
      role_title: profile.role_title,
      is_digital_lead: profile.is_digital_lead,
      is_mentor: profile.is_mentor,
      skills: profile.skills,
      skills_as_typed: profile.skills_as_typed,
      support_needs: profile.support_needs,
    });
  }
  return JSON.stringify(templates);
}

async function insertMemberships(
  db: AnyDb,
  pieces: Array<NetworkPlan & { from: number; to: number }>,
  people: number,
  seed: number,
  reference: Date,
): Promise<void> {
  const spec = pieces.map((p) => ({
    network_id: p.id,
    network_index: p.index,
    founded: p.founded.toISOString(),
    start: p.start,
    stride: p.stride,
    stewards: p.stewards,
    organisers: p.organisers,
    leavers: p.leavers,
    j_from: p.from,
    j_to: p.to,
  }));
  const now = sql`${reference.toISOString()}::timestamptz`;
  // A fraction in [0, 1) from 28 bits of the membership's hash, starting at hex digit `at`.
  const fraction = (at: number) => sql`(('x' || substr(mh, ${sql.lit(at)}, 7))::bit(28)::int / 268435456.0)`;
  await sql`
    with plan as (
      select * from jsonb_to_recordset(${JSON.stringify(spec)}::text::jsonb) as p(
        network_id uuid, network_index int, founded timestamptz, start bigint, stride bigint,
        stewards int, organisers int, leavers int, j_from int, j_to int)
    ), member as (
      select plan.network_id, plan.founded, plan.leavers,
             case when g.j < plan.stewards then 'STEWARD'
                  when g.j < plan.stewards + plan.organisers then 'ORGANISER'
                  else 'MEMBER' end::network_role as role,
             ((plan.start + g.j * plan.stride) % ${people}::bigint)::int as i,
             md5(${`${seed}:m:`} || plan.network_index || ':' || g.j) as mh
      from plan cross join lateral generate_series(plan.j_from, plan.j_to) as g(j)
    ), person as (
      select member.*, ${personHash('i', seed)} as h from member
    ), dated as (
      select person.*, ${createdAt(reference)} as created from person
    ), joined as (
      select dated.*, ${personId()} as user_id,
             greatest(created, founded) + (${now} - greatest(created, founded)) * ${fraction(1)} as joined_at
      from dated
    ), final as (
      select joined.*,
             case when role = 'MEMBER' and ('x' || substr(mh, 8, 7))::bit(28)::int % 1000 < leavers
                  then joined_at + (${now} - joined_at) * ${fraction(15)} end as left_at
      from joined
    )
    insert into memberships
      (network_id, user_id, role, code_of_conduct_version, code_of_conduct_accepted_at, joined_at, left_at, updated_at)
    select network_id, user_id, role, 1, joined_at, joined_at, left_at, coalesce(left_at, joined_at)
    from final
  `.execute(db);
}

/** A hex md5 of the seed and person number, the source of everything random about them in SQL. */
function personHash(column: string, seed: number) {
  return sql<string>`md5(${`${seed}:p:`} || ${sql.ref(column)})`;
}

/** Sign-up time from h (28 bits of the hash → seconds before the reference date). */
function createdAt(reference: Date) {
  return sql`(${reference.toISOString()}::timestamptz - (('x' || substr(h, 1, 7))::bit(28)::int % ${SIGN_UP_SPAN_DAYS * 86_400}::int) * interval '1 second')`;
}

/** A version 7 UUID from the sign-up time and the hash, as the app's own ids are. */
function personId() {
  return sql`(lpad(to_hex(floor(extract(epoch from created) * 1000)::bigint), 12, '0') || '7' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid`;
}

function nameList(random: Random): { names: string[]; emails: string[] } {
  const weights: Array<readonly [(typeof NAME_POOLS)[number], number]> = NAME_POOLS.map((pool) => [
    pool,
    pool === 'english' ? 6 : 1,
  ]);
  const names: string[] = [];
  const emails: string[] = [];
  for (let n = 0; n < NAME_COUNT; n += 1) {
    const pool = random.weighted(weights);
    const given = random.pick(NAMES[pool].given);
    const family = random.pick(NAMES[random.chance(0.85) ? pool : random.weighted(weights)].family);
    names.push(`${given} ${family}`);
    emails.push(`${emailPart(given)}.${emailPart(family)}`);
  }
  return { names, emails };
}

/** `count` distinct UK places from the gazetteer, chosen by the seed. */
function pickPlaces(random: Random, count: number): Place[] {
  const all = placesIn('GB');
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, all.length)) chosen.add(random.int(0, all.length - 1));
  const picked = [...chosen].map((i) => all[i]!);
  while (picked.length < count) picked.push(all[random.int(0, all.length - 1)]!);
  return picked;
}

const STRIDE_PRIMES = [7_919, 15_485_863, 104_729, 1_299_709, 49_979_687, 86_028_121];

/** A step through 0 … people - 1 that visits each person once: a prime that does not divide it. */
function coprimeStride(people: number, random: Random): number {
  const candidates = STRIDE_PRIMES.filter((prime) => people % prime !== 0);
  return candidates.length > 0 ? random.pick(candidates) : 1;
}

async function main(): Promise<void> {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: {
      networks: { type: 'string', default: '200' },
      people: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      offers: { type: 'string', default: '0' },
      pglite: { type: 'string' },
    },
  });
  const { openDatabase } = await import('../server/src/db/database.ts');
  const { migrateToLatest } = await import('../server/src/db/migrate.ts');
  const databaseUrl = values.pglite ? null : process.env.DATABASE_URL || null;
  const dataDir = values.pglite ?? process.env.HEARTH_DATA_DIR ?? './.hearth';
  const handle = await openDatabase({ databaseUrl, dataDir, maxConnections: 1 });
  try {
    await migrateToLatest(handle.db);
    const already = await handle.db
      .selectFrom('users')
      .select('id')
      .where('email', 'like', `%@${GENERATED_EMAIL_DOMAIN}`)
      .limit(1)
      .executeTakeFirst();
    if (already) {
      console.error('This database already holds generated data; use a fresh one.');
      process.exitCode = 1;
      return;
    }
    const started = performance.now();
    const summary = await generateLargeDataSet(handle.db as AnyDb, {
      networks: Number(values.networks),
      people: Number(values.people),
      seed: Number(values.seed),
      mentorOffers: Number(values.offers),
      onProgress: (message) => console.log(`${((performance.now() - started) / 1000).toFixed(1)} s  ${message}`),
    });
    if (handle.kind === 'postgres') await sql`analyze`.execute(handle.db);
    const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`;
    console.log(
      `Generated ${summary.people} people, ${summary.networks} networks, ${summary.memberships} memberships and ` +
        `${summary.lifecycleChanges} stage changes in ${((performance.now() - started) / 1000).toFixed(1)} s on ${where}. ` +
        `Largest network: /networks/${summary.largestNetworkSlug}`,
    );
    if (summary.mentoring) console.log(`Mentoring: ${JSON.stringify(summary.mentoring)}`);
  } finally {
    await handle.close();
  }
}

if (import.meta.main) await main();
