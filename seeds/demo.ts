import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../server/src/auth/passwords.ts';
import { slugify } from '../server/src/modules/networks/service.ts';
import { buildDemoEvents, DEMO_EVENT_SEED, insertDemoEvents } from './demo-events.ts';
import { insertDemoJoining } from './demo-joining.ts';
import { buildDemoLibrary, DEMO_LIBRARY_SEED, insertDemoLibrary } from './demo-library.ts';
import { insertDemoSafety } from './demo-safety.ts';
import { buildDemoMentoring, waitingFrom, type DemoMentoring } from './demo-mentoring.ts';
import { DEMO_NETWORKS, type DemoNetwork, type Stage } from './demo-networks.ts';
import { makeProfile, type DemoProfile, type ProfilePerson } from './demo-profiles.ts';
import { buildDemoVenues, DEMO_VENUE_SEED } from './demo-venues.ts';
import { insertMentoringRows } from './mentoring-rows.ts';
import { NAMES, type NamePool } from './names.ts';
import { addDays, daysBetween, emailPart, seededRandom, type Random } from './random.ts';

// The demo data set, loaded on the first start of an empty embedded database (and into an empty
// PostgreSQL with `HEARTH_DEMO_DATA=true DATABASE_URL=… pnpm start`): seven place-based networks
// at different stages, 300 people with their profiles, their memberships, each network's
// lifecycle history, mentoring: offers, needs, requests, mentorships and a matching round
// (demo-mentoring.ts), venues (demo-venues.ts), and events with their registrations (demo-events.ts), and the
// library of case studies, templates and tips (demo-library.ts).
//
// It is the same on every load: a seeded random generator and a fixed reference date, never the
// clock, so tests and screenshots are stable. Every demo person signs in with DEMO_PASSWORD.

export const DEMO_PASSWORD = 'hearth-demo-2026';

/** The accounts the README points people to; Amara stewards Leeds and is a member in Bristol. */
export const DEMO_PEOPLE = [
  { email: 'amara.okafor@example.org', name: 'Amara Okafor', kind: 'digitalLead' },
  { email: 'rhys.evans@example.org', name: 'Rhys Evans', kind: 'mentor' },
  { email: 'priya.shah@example.org', name: 'Priya Shah', kind: 'both' },
] as const;

export const DEMO_SEED = 20_261_102;
/** Profiles come from their own generator, so adding them left every other demo row as it was. */
const DEMO_PROFILE_SEED = 20_261_123;
/** Mentoring too. */
const DEMO_MENTORING_SEED = 20_261_202;
/** "Now" for the demo data: join dates, leaving dates and stage changes all lie before it. */
export const DEMO_REFERENCE_DATE = new Date('2026-11-02T10:00:00.000Z');
export const DEMO_PERSON_COUNT = 300;
export const DEMO_NETWORK_SLUGS: readonly string[] = DEMO_NETWORKS.map((network) => slugify(network.name));
/** The network that is, for now, one person: its steward. */
export const DEMO_ONE_PERSON_NETWORK_SLUG = 'cumbria-rural-digital';

type Role = 'MEMBER' | 'ORGANISER' | 'STEWARD';

/** Where the demo accounts sit: network slug, slot (stewards first, then organisers) and a second network. */
const DEMO_PLACES: Record<
  (typeof DEMO_PEOPLE)[number]['email'],
  { network: string; slot: 'founder' | 'steward' | 'organiser'; also?: string }
> = {
  'amara.okafor@example.org': { network: 'leeds-charity-digital', slot: 'founder', also: 'bristol-tech-for-good' },
  'rhys.evans@example.org': { network: 'cardiff-digital-circle', slot: 'steward' },
  'priya.shah@example.org': { network: 'bristol-tech-for-good', slot: 'organiser' },
};

/** People who are also members of a second network, by that network. */
const SECOND_MEMBERS: Record<string, number> = {
  'bristol-tech-for-good': 8,
  'leeds-charity-digital': 7,
  'glasgow-third-sector-digital': 3,
  'cardiff-digital-circle': 3,
  'norwich-digital-for-good': 3,
  'belfast-community-tech': 3,
};

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  created_at: Date;
  updated_at: Date;
}

export interface DemoNetworkRow {
  id: string;
  slug: string;
  name: string;
  place_name: string;
  region: string;
  latitude: number;
  longitude: number;
  purpose: string;
  values: string;
  code_of_conduct: string;
  code_of_conduct_version: number;
  stage: Stage;
  stage_set_at: Date;
  created_at: Date;
  updated_at: Date;
}

export interface DemoMembership {
  network_id: string;
  user_id: string;
  role: Role;
  code_of_conduct_version: number;
  code_of_conduct_accepted_at: Date;
  joined_at: Date;
  left_at: Date | null;
  updated_at: Date;
}

export interface DemoLifecycleChange {
  id: string;
  network_id: string;
  stage: Stage;
  note: string;
  set_at: Date;
  set_by: string;
}

export interface DemoData {
  users: DemoUser[];
  networks: DemoNetworkRow[];
  memberships: DemoMembership[];
  lifecycleChanges: DemoLifecycleChange[];
  profiles: DemoProfile[];
  mentoring: DemoMentoring;
}

interface Person {
  email: string;
  name: string;
  firstJoined: Date | null;
}

/** The whole demo data set as rows, without password hashes; the same on every call. */
export function buildDemoData(): DemoData {
  const random = seededRandom(DEMO_SEED);
  const reference = DEMO_REFERENCE_DATE;
  const people: Person[] = [];
  const usedEmails = new Set<string>(DEMO_PEOPLE.map((p) => p.email));
  const usedNames = new Set<string>(DEMO_PEOPLE.map((p) => p.name));

  const newPerson = (weights: DemoNetwork['people']): Person => {
    const pools = Object.entries(weights) as Array<[NamePool, number]>;
    let name = '';
    let given = '';
    let family = '';
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const pool = random.weighted(pools);
      given = random.pick(NAMES[pool].given);
      // Mostly names that go together; sometimes a family name from elsewhere, as in life.
      family = random.pick(NAMES[random.chance(0.85) ? pool : random.weighted(pools)].family);
      name = `${given} ${family}`;
      if (!usedNames.has(name)) break;
    }
    usedNames.add(name);
    const local = `${emailPart(given)}.${emailPart(family)}`;
    let email = `${local}@example.org`;
    for (let n = 2; usedEmails.has(email); n += 1) email = `${local}${n}@example.org`;
    usedEmails.add(email);
    const person = { email, name, firstJoined: null };
    people.push(person);
    return person;
  };

  const demoPeople = new Map<string, Person>();
  for (const account of DEMO_PEOPLE) {
    const person = { email: account.email, name: account.name, firstJoined: null };
    demoPeople.set(account.email, person);
    people.push(person);
  }

  const networks: DemoNetworkRow[] = [];
  const memberships: Array<Omit<DemoMembership, 'user_id'> & { person: Person }> = [];
  const lifecycle: Array<Omit<DemoLifecycleChange, 'set_by'> & { by: Person }> = [];
  const homeMembers = new Map<string, Person[]>();
  const homes = new Map<Person, string>();

  const join = (person: Person, network: DemoNetworkRow, role: Role, joined: Date, left: Date | null) => {
    memberships.push({
      network_id: network.id,
      person,
      role,
      code_of_conduct_version: network.code_of_conduct_version,
      code_of_conduct_accepted_at: joined,
      joined_at: joined,
      left_at: left,
      updated_at: left ?? joined,
    });
    if (!person.firstJoined || joined < person.firstJoined) person.firstJoined = joined;
  };

  for (const [n, spec] of DEMO_NETWORKS.entries()) {
    const slug = DEMO_NETWORK_SLUGS[n]!;
    const changes = spec.history.map((change) => ({ ...change, at: atEvening(change.on, random) }));
    const founded = changes[0]!.at;
    const last = changes[changes.length - 1]!;
    const network: DemoNetworkRow = {
      id: random.uuidV7(founded),
      slug,
      name: spec.name,
      place_name: spec.placeName,
      region: spec.region,
      latitude: spec.latitude,
      longitude: spec.longitude,
      purpose: spec.purpose,
      values: spec.values,
      code_of_conduct: spec.codeOfConduct,
      code_of_conduct_version: 1,
      stage: last.stage,
      stage_set_at: last.at,
      created_at: founded,
      updated_at: last.at,
    };
    networks.push(network);

    // Slots: stewards first (the founder in slot 0), then organisers, then members.
    const slots: Person[] = [];
    const placed = new Map<number, Person>();
    for (const account of DEMO_PEOPLE) {
      const place = DEMO_PLACES[account.email];
      if (place.network !== slug) continue;
      const slot = place.slot === 'founder' ? 0 : place.slot === 'steward' ? 1 : spec.stewards;
      placed.set(slot, demoPeople.get(account.email)!);
    }
    for (let slot = 0; slot < spec.homeMembers; slot += 1) slots.push(placed.get(slot) ?? newPerson(spec.people));
    homeMembers.set(slug, slots);
    for (const person of slots) if (!homes.has(person)) homes.set(person, spec.placeName);

    const span = daysBetween(founded, reference);
    for (const [slot, person] of slots.entries()) {
      const role: Role =
        slot < spec.stewards ? 'STEWARD' : slot < spec.stewards + spec.organisers ? 'ORGANISER' : 'MEMBER';
      let joined: Date;
      if (slot === 0) joined = founded;
      else if (role === 'STEWARD') joined = addDays(founded, random.int(1, 60));
      else joined = addDays(founded, 1 + (span - 2) * random.next() ** spec.joiningCurve);
      let left: Date | null = null;
      if (role !== 'STEWARD' && random.chance(spec.leavers)) {
        // In a network that is winding down, people leave late; elsewhere, any time after joining.
        const share = last.stage === 'TRANSFORMATION' ? 1 - random.next() ** 3 * 0.5 : random.next();
        left = addDays(joined, Math.max(7, daysBetween(joined, reference) * share - 1));
        if (left >= reference) left = addDays(reference, -1);
      }
      // The founder of a network in transformation has stepped back, as the history says.
      if (slot === 0 && last.stage === 'TRANSFORMATION') left = addDays(last.at, -random.int(30, 90));
      join(person, network, role, joined, left);
    }
    for (const change of changes) {
      lifecycle.push({
        id: random.uuidV7(change.at),
        network_id: network.id,
        stage: change.stage,
        note: change.note,
        set_at: change.at,
        by: slots[change.by]!,
      });
    }
  }

  // Second memberships: people from other places who also take part here.
  const oneOf = (slug: string) => networks.find((network) => network.slug === slug)!;
  const amara = demoPeople.get(DEMO_PEOPLE[0].email)!;
  const bristol = oneOf('bristol-tech-for-good');
  join(amara, bristol, 'MEMBER', addDays(bristol.created_at, 1_060), null);
  for (const [slug, count] of Object.entries(SECOND_MEMBERS)) {
    const network = oneOf(slug);
    const candidates = DEMO_NETWORK_SLUGS.filter((other) => other !== slug && other !== DEMO_ONE_PERSON_NETWORK_SLUG)
      .flatMap((other) => homeMembers.get(other)!)
      .filter((person) => !demoPeople.has(person.email));
    const chosen = new Set<Person>();
    while (chosen.size < count) chosen.add(random.pick(candidates));
    for (const person of chosen) {
      const earliest = person.firstJoined! > network.created_at ? person.firstJoined! : network.created_at;
      const joined = addDays(earliest, 1 + Math.max(0, daysBetween(earliest, reference) - 2) * random.next());
      const left = random.chance(0.1) ? addDays(joined, daysBetween(joined, reference) * random.next()) : null;
      join(person, network, random.chance(0.15) ? 'ORGANISER' : 'MEMBER', joined, left);
    }
  }

  // A couple of people who signed up recently and have not joined a network yet.
  while (people.length < DEMO_PERSON_COUNT) {
    newPerson({ english: 3, southAsian: 1, westAfrican: 1, scottish: 1 }).firstJoined = addDays(
      reference,
      -random.int(3, 120),
    );
  }

  const ids = new Map<Person, string>();
  const users: DemoUser[] = people.map((person) => {
    const created = addDays(person.firstJoined ?? reference, -random.int(0, 21) - random.next());
    const id = random.uuidV7(created);
    ids.set(person, id);
    return { id, email: person.email, name: person.name, created_at: created, updated_at: created };
  });

  const profileRandom = seededRandom(DEMO_PROFILE_SEED);
  const kinds = new Map<string, ProfilePerson['kind']>(DEMO_PEOPLE.map((p) => [p.email, p.kind]));
  const profiles = people.flatMap((person, n) => {
    const user = users[n]!;
    const profile = makeProfile(
      {
        id: user.id,
        name: user.name,
        created_at: user.created_at,
        place: homes.get(person) ?? null,
        kind: kinds.get(person.email),
      },
      profileRandom,
      reference,
    );
    return profile ? [profile] : [];
  });

  const membershipRows = memberships.map(({ person, ...membership }) => ({ ...membership, user_id: ids.get(person)! }));
  return {
    users,
    profiles,
    networks,
    memberships: membershipRows,
    lifecycleChanges: lifecycle.map(({ by, ...change }) => ({ ...change, set_by: ids.get(by)! })),
    mentoring: buildDemoMentoring(
      { users, networks, memberships: membershipRows, profiles },
      seededRandom(DEMO_MENTORING_SEED),
      reference,
    ),
  };
}

/** A weekday evening meeting time on that date: 17:00 to 19:59 UTC. */
function atEvening(day: string, random: Random): Date {
  const date = new Date(`${day}T17:00:00.000Z`);
  return new Date(date.getTime() + random.int(0, 179) * 60_000);
}

// Any Kysely: seeds, like migrations, should not depend on the app's generated types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insertInChunks(db: Kysely<any>, table: string, rows: readonly object[], size = 1_000) {
  for (let start = 0; start < rows.length; start += size) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + size) as never)
      .execute();
  }
}

/**
 * Loads the demo data into a database with no users, in one transaction; false when there were
 * users. `now` dates the requests still waiting for an answer (see demo-mentoring.ts) and the
 * events (see demo-events.ts); every other row is the same on every load.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function loadDemoDataIfEmpty(db: Kysely<any>, now = new Date()): Promise<boolean> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const data = buildDemoData();
  // One hash for everyone: argon2 is slow on purpose, and all demo people share the password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await insertInChunks(
      trx,
      'users',
      data.users.map((user) => ({ ...user, password_hash: passwordHash })),
    );
    await insertInChunks(trx, 'networks', data.networks);
    await insertInChunks(trx, 'memberships', data.memberships);
    await insertInChunks(trx, 'lifecycle_changes', data.lifecycleChanges);
    // Cardiff asks newcomers to say a line about themselves; two wait for an answer (demo-joining.ts).
    await insertDemoJoining(trx, data, now);
    await insertProfiles(trx, data.profiles);
    const { mentoring } = data;
    await insertMentoringRows(trx, 'mentor_offers', mentoring.offers);
    await insertMentoringRows(trx, 'matching_rounds', mentoring.rounds);
    await insertMentoringRows(trx, 'needs', mentoring.needs);
    await insertMentoringRows(trx, 'mentorship_requests', waitingFrom(mentoring.requests, now));
    await insertMentoringRows(trx, 'mentorships', mentoring.mentorships);
    await insertMentoringRows(trx, 'mentorship_check_ins', mentoring.checkIns);
    // Venues come from their own generator, so adding them left every other demo row as it was.
    const venues = buildDemoVenues(data, seededRandom(DEMO_VENUE_SEED), DEMO_REFERENCE_DATE);
    await insertInChunks(trx, 'venues', venues);
    // Events too, dated from `now` so that coming ones are still to come (demo-events.ts).
    const events = buildDemoEvents({ ...data, venues }, seededRandom(DEMO_EVENT_SEED), DEMO_REFERENCE_DATE, now);
    await insertDemoEvents(trx, events);
    // The library too: case studies, templates and tips, reviewed and used (demo-library.ts).
    await insertDemoLibrary(trx, buildDemoLibrary(data, seededRandom(DEMO_LIBRARY_SEED), DEMO_REFERENCE_DATE));
    // Reports in Leeds's moderation queue, one member suspended, and an operator (demo-safety.ts).
    await insertDemoSafety(trx, data, now);
  });
  return true;
}

/**
 * Profiles in one statement per 1,000 from JSON, so that both drivers send the text and enum
 * arrays the same way (PostgreSQL turns the JSON arrays into text[] and support_category[]).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insertProfiles(db: Kysely<any>, profiles: readonly DemoProfile[]): Promise<void> {
  for (let start = 0; start < profiles.length; start += 1_000) {
    const json = JSON.stringify(profiles.slice(start, start + 1_000));
    await sql`
      insert into profiles (user_id, pronouns, bio, organisation, organisation_size, sector, role_title,
                            is_digital_lead, is_mentor, skills, skills_as_typed, support_needs, visibility, created_at,
                            updated_at)
      select user_id, pronouns, bio, organisation, organisation_size, sector, role_title,
             is_digital_lead, is_mentor, skills, skills_as_typed, support_needs, visibility, created_at, updated_at
      from jsonb_to_recordset(${json}::text::jsonb) as p(
        user_id uuid, pronouns text, bio text, organisation text, organisation_size organisation_size, sector text,
        role_title text, is_digital_lead boolean, is_mentor boolean, skills text[], skills_as_typed text[],
        support_needs support_category[], visibility profile_visibility, created_at timestamptz, updated_at timestamptz)
    `.execute(db);
  }
}
