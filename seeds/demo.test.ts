import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../server/src/modules/accounts/service.ts';
import { openTestDatabase, useTestDatabase } from '../server/src/testing/databases.ts';
import { serviceContext, TestClock } from '../server/src/testing/factories.ts';
import * as mentoring from '../server/src/modules/mentoring/service.ts';
import * as people from '../server/src/modules/people/service.ts';
import * as venues from '../server/src/modules/venues/service.ts';
import { cleanText } from '../server/src/core/text.ts';
import {
  DEMO_NETWORK_SLUGS,
  DEMO_ONE_PERSON_NETWORK_SLUG,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_PERSON_COUNT,
  DEMO_REFERENCE_DATE,
  loadDemoDataIfEmpty,
} from './demo.ts';
import { SUPPORT_CATEGORY_VALUES as SUPPORT_CATEGORIES } from '../server/src/db/schema.ts';
import { SKILLS_BY_CATEGORY } from './demo-profiles.ts';
import { GENERATED_EMAIL_DOMAIN, generateLargeDataSet } from './generate.ts';
import { normaliseSkills } from '../server/src/modules/people/profile-input.ts';

interface ProfileRow {
  user_id: string;
  pronouns: string | null;
  bio: string | null;
  organisation: string | null;
  organisation_size: string | null;
  sector: string | null;
  role_title: string | null;
  is_digital_lead: boolean;
  is_mentor: boolean;
  skills: string[];
  skills_as_typed: string[] | null;
  support_needs: string[];
  visibility: string;
  created_at: Date;
  updated_at: Date;
}

async function profiles(db: AnyDb): Promise<ProfileRow[]> {
  const result = await sql<ProfileRow>`select p.*, p.support_needs::text[] as support_needs from profiles p`.execute(
    db,
  );
  return result.rows;
}

/** What the people service would accept for these fields, and what it would store. */
function expectValidProfile(profile: ProfileRow): void {
  const label = profile.user_id;
  for (const field of ['pronouns', 'bio', 'organisation', 'sector', 'role_title'] as const) {
    const value = profile[field];
    if (value === null) continue;
    expect(value.trim(), `${label} ${field}`).toBe(value);
    expect(value.length, `${label} ${field}`).toBeGreaterThan(0);
  }
  expect([...(profile.pronouns ?? '')].length).toBeLessThanOrEqual(40);
  expect([...(profile.bio ?? '')].length).toBeLessThanOrEqual(2000);
  expect(normaliseSkills(profile.skills), label).toEqual(profile.skills);
  // Shown as typed, matched in lower case: the two lists are the same skills in the same order.
  expect(normaliseSkills(profile.skills_as_typed ?? []), label).toEqual(profile.skills);
  expect(new Set(profile.support_needs).size).toBe(profile.support_needs.length);
  expect(profile.support_needs.every((need) => (SUPPORT_CATEGORIES as readonly string[]).includes(need))).toBe(true);
  expect(profile.updated_at.getTime()).toBeGreaterThanOrEqual(profile.created_at.getTime());
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** A year past the demo's reference date: what a person trying the demo later would see. */
const A_YEAR_ON = new Date('2027-11-02T10:00:00.000Z');

/** A digest of every demo row (ids, names, dates, roles; not password hashes), in a fixed order. */
async function checksum(db: AnyDb): Promise<string> {
  const rows = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows;
  const tables = {
    users: await rows(sql`select id, email, name, created_at from users order by id`),
    networks: await rows(sql`select id, slug, name, place_name, region, latitude, longitude, purpose, "values",
      code_of_conduct, stage, stage_set_at, created_at from networks order by id`),
    memberships: await rows(sql`select network_id, user_id, role, joined_at, left_at from memberships
      order by network_id, user_id`),
    lifecycle: await rows(sql`select id, network_id, stage, note, set_at, set_by from lifecycle_changes order by id`),
    profiles: await rows(sql`select user_id, pronouns, bio, organisation, organisation_size, sector, role_title,
      is_digital_lead, is_mentor, skills, skills_as_typed, support_needs::text[] as support_needs, visibility,
      created_at, updated_at from profiles order by user_id`),
    offers: await rows(sql`select user_id, skills, skills_as_typed, categories::text[] as categories,
      formats::text[] as formats, place_name, latitude, longitude, radius_km, capacity, commitment, visible_to,
      promised_no_selling_at, paused_at, created_at, open_mentorships from mentor_offers order by user_id`),
    rounds: await rows(sql`select * from matching_rounds order by id`),
    needs: await rows(sql`select id, lead_id, network_id, title, description, first_call_brief,
      categories::text[] as categories, skills, skills_as_typed, formats::text[] as formats, urgency, status,
      closed_at, created_at from needs order by id`),
    requests: await rows(sql`select * from mentorship_requests order by id`),
    mentorships: await rows(sql`select * from mentorships order by id`),
    checkIns: await rows(sql`select id, mentorship_id, author_id, to_char(happened_on, 'YYYY-MM-DD') as happened_on,
      note, created_at from mentorship_check_ins order by id`),
    venues: await rows(sql`select id, network_id, name, address, step_free_access, accessible_toilet, hearing_loop,
      quiet_room, capacity, cost::text as cost, relationship_holder_id, notes, created_at, updated_at, archived_at
      from venues order by id`),
    events: await rows(sql`select id, network_id, title, description, format::text as format, starts_at, ends_at,
      time_zone, venue_id, online_url, capacity, promotion::text as promotion, claim_hours,
      categories::text[] as categories, seats_taken, waiting, cancelled_at, cancel_reason, created_by, created_at
      from events order by id`),
    registrations: await rows(sql`select id, event_id, user_id, name, email, phone, registered_by,
      status::text as status, queue_number::text as queue_number, claim_by, access_needs, dietary_needs,
      checked_in_at, cancelled_at, created_at from registrations order by id`),
  };
  return createHash('sha256').update(JSON.stringify(tables)).digest('hex');
}

async function activeMembers(db: AnyDb, slug: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('networks', 'networks.id', 'memberships.network_id')
    .where('networks.slug', '=', slug)
    .where('memberships.left_at', 'is', null)
    .select(['memberships.user_id', 'memberships.role'])
    .execute();
}

/** When the tests load the demo, an hour before A_YEAR_ON: waiting requests are dated from it. */
const LOADED_AT = new Date('2027-11-02T09:00:00.000Z');

describe('loadDemoDataIfEmpty', () => {
  const database = useTestDatabase('pglite');
  beforeAll(async () => {
    expect(await loadDemoDataIfEmpty(database.db, LOADED_AT)).toBe(true);
  });

  it('should load once, with the demo accounts ready to sign in as', async () => {
    expect(await loadDemoDataIfEmpty(database.db)).toBe(false);
    const emails = await database.db
      .selectFrom('users')
      .select('email')
      .where(
        'email',
        'in',
        DEMO_PEOPLE.map((p) => p.email),
      )
      .execute();
    expect(emails).toHaveLength(DEMO_PEOPLE.length);
    const signedIn = await signIn(serviceContext(database.db), {
      email: DEMO_PEOPLE[0].email,
      password: DEMO_PASSWORD,
    });
    expect(signedIn.user.name).toBe(DEMO_PEOPLE[0].name);
  });

  it('should hold seven networks and about 300 people, all signing in with the demo password', async () => {
    const networks = await database.db.selectFrom('networks').select(['slug', 'stage']).execute();
    expect(networks.map((n) => n.slug).sort()).toEqual([...DEMO_NETWORK_SLUGS].sort());
    expect(new Set(networks.map((n) => n.stage))).toEqual(
      new Set(['POTENTIAL', 'COALESCING', 'MATURING', 'STEWARDSHIP', 'TRANSFORMATION']),
    );
    const users = await database.db.selectFrom('users').select(['email', 'password_hash']).execute();
    expect(users).toHaveLength(DEMO_PERSON_COUNT);
    expect(users.every((u) => u.email.endsWith('@example.org'))).toBe(true);
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(1);
    const someone = users.find((u) => !DEMO_PEOPLE.some((p) => p.email === u.email))!;
    const signedIn = await signIn(serviceContext(database.db), { email: someone.email, password: DEMO_PASSWORD });
    expect(signedIn.user.id).toBeTruthy();
  });

  it('should have a network that is one person: its steward', async () => {
    expect(await activeMembers(database.db, DEMO_ONE_PERSON_NETWORK_SLUG)).toEqual([
      { user_id: expect.any(String), role: 'STEWARD' },
    ]);
  });

  it('should give every network at least one active steward, and members who left', async () => {
    for (const slug of DEMO_NETWORK_SLUGS) {
      const members = await activeMembers(database.db, slug);
      expect(members.filter((m) => m.role === 'STEWARD').length, slug).toBeGreaterThanOrEqual(1);
    }
    const left = await database.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('left_at', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBeGreaterThan(10);
  });

  it('should make some people members of two networks, Amara a steward of one and a member of another', async () => {
    const roles = await database.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .where('users.email', '=', DEMO_PEOPLE[0].email)
      .where('memberships.left_at', 'is', null)
      .select('memberships.role')
      .execute();
    expect(roles.map((r) => r.role).sort()).toEqual(['MEMBER', 'STEWARD']);
    const twice = await sql<{ n: number }>`
      select count(*)::int as n from (select user_id from memberships group by user_id having count(*) > 1) as t
    `.execute(database.db);
    expect(twice.rows[0]!.n).toBeGreaterThanOrEqual(20);
  });

  it('should date everything before the reference date, with each stage change set by a steward', async () => {
    const latest = await sql<{ at: Date }>`
      select greatest((select max(joined_at) from memberships), (select max(left_at) from memberships),
                      (select max(set_at) from lifecycle_changes), (select max(created_at) from users)) as at
    `.execute(database.db);
    expect(latest.rows[0]!.at.getTime()).toBeLessThan(DEMO_REFERENCE_DATE.getTime());
    const notBySteward = await sql<{ n: number }>`
      select count(*)::int as n from lifecycle_changes c
      where not exists (select 1 from memberships m
                        where m.network_id = c.network_id and m.user_id = c.set_by and m.role = 'STEWARD')
    `.execute(database.db);
    expect(notBySteward.rows[0]!.n).toBe(0);
    const stageMismatch = await sql<{ n: number }>`
      select count(*)::int as n from networks n
      where n.stage <> (select c.stage from lifecycle_changes c where c.network_id = n.id order by c.set_at desc limit 1)
    `.execute(database.db);
    expect(stageMismatch.rows[0]!.n).toBe(0);
  });

  it('should give most people a profile: a fifth mentors, two fifths digital leads, a tenth private', async () => {
    const all = await profiles(database.db);
    expect(all.length).toBeGreaterThan(DEMO_PERSON_COUNT * 0.95);
    all.forEach(expectValidProfile);
    const share = (test: (p: ProfileRow) => boolean) => all.filter(test).length / all.length;
    expect(share((p) => p.is_mentor)).toBeGreaterThan(0.15);
    expect(share((p) => p.is_mentor)).toBeLessThan(0.25);
    expect(share((p) => p.is_digital_lead)).toBeGreaterThan(0.35);
    expect(share((p) => p.is_digital_lead)).toBeLessThan(0.45);
    expect(share((p) => p.visibility === 'PRIVATE')).toBeGreaterThan(0.05);
    expect(share((p) => p.visibility === 'PRIVATE')).toBeLessThan(0.15);
    expect(share((p) => p.visibility === 'PUBLIC')).toBeGreaterThan(0.1);
    expect(share((p) => p.visibility === 'MEMBERS')).toBeGreaterThan(0.5);
  });

  it('should give digital leads small charities and needs, and mentors skills for every kind of support', async () => {
    const all = await profiles(database.db);
    const leads = all.filter((p) => p.is_digital_lead);
    for (const lead of leads) {
      expect(lead.organisation).toBeTruthy();
      expect(lead.sector).toBeTruthy();
      expect(['MICRO', 'SMALL', 'MEDIUM']).toContain(lead.organisation_size);
      expect(lead.support_needs.length).toBeGreaterThanOrEqual(1);
    }
    expect(new Set(leads.map((l) => l.sector))).toEqual(
      new Set([
        'youth',
        'housing and homelessness',
        'arts and culture',
        'food banks',
        'mental health',
        'environment',
        'older people',
        'refugees and migrants',
        'advice',
      ]),
    );
    expect(new Set(leads.flatMap((l) => l.support_needs))).toEqual(new Set(SUPPORT_CATEGORIES));
    const mentors = all.filter((p) => p.is_mentor);
    for (const mentor of mentors) expect(mentor.skills.length).toBeGreaterThanOrEqual(1);
    for (const category of SUPPORT_CATEGORIES) {
      const offering = mentors.filter((m) => m.skills.some((skill) => SKILLS_BY_CATEGORY[category].includes(skill)));
      expect(offering.length, category).toBeGreaterThanOrEqual(2);
    }
    const [amara, rhys, priya] = await Promise.all(
      DEMO_PEOPLE.map(async (person) => {
        const user = await database.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', person.email)
          .executeTakeFirstOrThrow();
        return all.find((p) => p.user_id === user.id)!;
      }),
    );
    expect(amara).toMatchObject({ is_digital_lead: true, is_mentor: false, visibility: 'MEMBERS' });
    expect(rhys).toMatchObject({ is_digital_lead: false, is_mentor: true, visibility: 'MEMBERS' });
    expect(priya).toMatchObject({ is_digital_lead: true, is_mentor: true, visibility: 'MEMBERS' });
  });

  /** Rows of one statement with no parameters. */
  const select = async <Row>(query: ReturnType<typeof sql<Row>>) => (await query.execute(database.db)).rows;
  const idOf = async (email: string) =>
    (await database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  /** A demo person's context, on a clock a year past the reference date: the demo must not go stale. */
  const actingAs = async (email: string) => {
    const signedIn = await signIn(serviceContext(database.db), { email, password: DEMO_PASSWORD });
    return serviceContext(database.db, { viewer: signedIn.viewer, clock: new TestClock(A_YEAR_ON) });
  };

  it('should give every demo mentor an offer, some paused and some full, none past its places', async () => {
    const [flags] = await select(sql<{ mismatched: number; offers: number; mentors: number }>`
      select (select count(*)::int from profiles p
              where p.is_mentor <> exists (select 1 from mentor_offers o where o.user_id = p.user_id)) as mismatched,
             (select count(*)::int from mentor_offers) as offers,
             (select count(*)::int from profiles where is_mentor) as mentors
    `);
    expect(flags).toEqual({ mismatched: 0, offers: flags!.mentors, mentors: expect.any(Number) });
    expect(flags!.offers).toBeGreaterThan(40);
    const offers = await select(sql<{
      user_id: string;
      capacity: number;
      open: number;
      counted: number;
      paused: boolean;
      in_person: boolean;
      place_name: string | null;
    }>`
      select o.user_id, o.capacity, o.open_mentorships as counted, o.paused_at is not null as paused,
             'IN_PERSON' = any(o.formats) as in_person, o.place_name,
             (select count(*)::int from mentorships m where m.mentor_id = o.user_id and m.status <> 'CLOSED') as open
      from mentor_offers o
    `);
    for (const offer of offers) {
      expect(offer.open, offer.user_id).toBeLessThanOrEqual(offer.capacity);
      expect(offer.counted, offer.user_id).toBe(offer.open);
      if (offer.in_person) expect(offer.place_name).toBeTruthy();
    }
    expect(offers.filter((o) => o.paused).length).toBeGreaterThanOrEqual(3);
    expect(offers.filter((o) => o.open === o.capacity).length).toBeGreaterThanOrEqual(3);
    expect(offers.filter((o) => o.in_person).length).toBeGreaterThanOrEqual(5);
    const [rhys, priya] = await Promise.all([idOf(DEMO_PEOPLE[1].email), idOf(DEMO_PEOPLE[2].email)]);
    expect(offers.map((o) => o.user_id)).toEqual(expect.arrayContaining([rhys, priya]));
  });

  it('should hold needs, requests and mentorships at every status, and a confirmed round in Leeds', async () => {
    const statuses = async (table: 'needs' | 'mentorship_requests' | 'mentorships') =>
      new Set(
        (await select(sql<{ status: string }>`select distinct status::text as status from ${sql.table(table)}`)).map(
          (row) => row.status,
        ),
      );
    expect(await statuses('needs')).toEqual(new Set(['OPEN', 'MATCHED', 'CLOSED']));
    expect(await statuses('mentorship_requests')).toEqual(
      new Set(['PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN']),
    );
    expect(await statuses('mentorships')).toEqual(new Set(['ACTIVE', 'PAUSED', 'CLOSED']));
    const [facts] = await select(sql<Record<string, number>>`
      select (select count(*)::int from mentorship_requests where status = 'DECLINED' and response_note is null)
               as declined_without_note,
             (select count(*)::int from mentorships where outcome_rating is not null and outcome_note is not null)
               as outcomes,
             (select count(*)::int from mentorship_check_ins) as check_ins,
             (select count(*)::int from needs n join profiles p on p.user_id = n.lead_id where not p.is_digital_lead)
               as needs_of_others,
             (select count(*)::int from mentorship_requests
              where expires_at <> created_at + interval '7 days') as odd_expiries,
             (select count(*)::int from mentorship_requests where status = 'PENDING' and created_at <> ${LOADED_AT}::timestamptz - interval '1 day')
               as pending_sent_otherwise,
             (select count(*)::int from (
                select created_at as at from needs union all select created_at from mentorship_requests where status <> 'PENDING'
                union all select answered_at from mentorship_requests union all select created_at from mentorships
                union all select closed_at from mentorships union all select created_at from mentorship_check_ins
                union all select created_at from mentor_offers union all select paused_at from mentor_offers
                union all select created_at from matching_rounds) t where at >= ${DEMO_REFERENCE_DATE}) as after_reference
    `);
    expect(facts).toMatchObject({
      declined_without_note: 0,
      needs_of_others: 0,
      odd_expiries: 0,
      pending_sent_otherwise: 0,
      after_reference: 0,
    });
    expect(facts!.outcomes).toBeGreaterThanOrEqual(2);
    expect(facts!.check_ins).toBeGreaterThanOrEqual(10);

    const rounds = await select(sql<{
      slug: string;
      pair_count: number;
      asked: number;
      total_score: number;
      greedy_score: number;
      organiser_role: string;
    }>`
      select n.slug, r.pair_count, r.total_score, r.greedy_score,
             (select count(*)::int from mentorship_requests q where q.matching_round_id = r.id) as asked,
             (select m.role::text from memberships m where m.network_id = r.network_id and m.user_id = r.organiser_id)
               as organiser_role
      from matching_rounds r join networks n on n.id = r.network_id
    `);
    expect(rounds).toEqual([
      expect.objectContaining({
        slug: 'leeds-charity-digital',
        asked: rounds[0]!.pair_count,
        organiser_role: 'STEWARD',
      }),
    ]);
    expect(rounds[0]!.pair_count).toBeGreaterThan(0);
    expect(rounds[0]!.total_score).toBeGreaterThanOrEqual(rounds[0]!.greedy_score);
  });

  it('should show Amara suggestions for her open need and her mentorship under way, and Rhys a request to answer', async () => {
    const amara = await actingAs(DEMO_PEOPLE[0].email);
    const needs = await mentoring.myNeeds(amara);
    const open = needs.filter((need) => need.status === 'OPEN');
    expect(open).toHaveLength(1);
    const requests = (await mentoring.requestsOfNeeds(amara, open)).get(open[0]!.id) as mentoring.RequestRecord[];
    expect(requests.map((r) => r.status)).toEqual(['DECLINED']);
    const suggestions = await mentoring.needSuggestions(amara, open[0]!, 10);
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    expect(suggestions.map((s) => s.mentorId)).not.toContain(requests[0]!.mentorId);

    const matched = needs.filter((need) => need.status === 'MATCHED');
    expect(matched).toHaveLength(1);
    const [mentorship] = (await mentoring.myMentorships(amara)).filter((m) => m.needId === matched[0]!.id);
    expect(mentorship!.status).toBe('ACTIVE');
    expect((await mentoring.checkInsOf(amara, [mentorship!])).get(mentorship!.id)!.length).toBeGreaterThanOrEqual(2);

    const rhys = await actingAs(DEMO_PEOPLE[1].email);
    const waiting = (await mentoring.myRequests(rhys, 'in')).filter((r) => r.status === 'PENDING');
    expect(waiting).toHaveLength(1);
    const [shared] = await select(sql<{ n: number }>`
      select count(*)::int as n from memberships theirs join memberships his on his.network_id = theirs.network_id
      where theirs.user_id = ${waiting[0]!.leadId} and his.user_id = ${rhys.viewer!.userId}
        and theirs.left_at is null and his.left_at is null
    `);
    expect(shared!.n).toBeGreaterThanOrEqual(1);
    expect((await mentoring.myMentorOffer(rhys))!).toMatchObject({ pausedAt: null });
  });

  it('should give every network a few venues, mostly free, each held by a current organiser or steward or nobody', async () => {
    const rows = await select(sql<{
      slug: string;
      name: string;
      address: string;
      notes: string;
      cost: string;
      step_free_access: boolean;
      capacity: number | null;
      holder_role: string | null;
      has_holder: boolean;
      created_at: Date;
      updated_at: Date;
      archived_at: Date | null;
      network_created_at: Date;
    }>`
      select n.slug, v.name, v.address, v.notes, v.cost::text as cost, v.step_free_access, v.capacity,
             v.relationship_holder_id is not null as has_holder, v.created_at, v.updated_at, v.archived_at,
             n.created_at as network_created_at,
             (select m.role::text from memberships m
              where m.network_id = v.network_id and m.user_id = v.relationship_holder_id and m.left_at is null
                and m.joined_at < v.created_at) as holder_role
      from venues v join networks n on n.id = v.network_id
    `);
    const bySlug = Map.groupBy(rows, (venue) => venue.slug);
    expect([...bySlug.keys()].sort()).toEqual([...DEMO_NETWORK_SLUGS].sort());
    for (const [slug, held] of bySlug) {
      expect(held.length, slug).toBeGreaterThanOrEqual(2);
      expect(held.length, slug).toBeLessThanOrEqual(5);
      expect(
        held.some((v) => v.cost === 'FREE' && v.step_free_access && !v.archived_at),
        slug,
      ).toBe(true);
      const live = held.filter((v) => !v.archived_at).map((v) => v.name.toLowerCase());
      expect(new Set(live).size, slug).toBe(live.length);
    }
    for (const venue of rows) {
      const label = `${venue.slug}: ${venue.name}`;
      if (venue.has_holder) expect(['ORGANISER', 'STEWARD'], label).toContain(venue.holder_role);
      // What the venue form would accept, stored as the service stores it.
      expect(cleanText('name', venue.name, { label: 'name', max: venues.NAME_MAX, isName: true }), label).toBe(
        venue.name,
      );
      expect(cleanText('address', venue.address, { label: 'address', max: venues.ADDRESS_MAX, multiline: true })).toBe(
        venue.address,
      );
      expect(cleanText('notes', venue.notes, { label: 'notes', max: venues.NOTES_MAX, multiline: true })).toBe(
        venue.notes,
      );
      expect(venue.created_at.getTime(), label).toBeGreaterThan(venue.network_created_at.getTime());
      expect(venue.updated_at.getTime(), label).toBeGreaterThanOrEqual(venue.created_at.getTime());
      expect(venue.updated_at.getTime(), label).toBeLessThan(DEMO_REFERENCE_DATE.getTime());
      if (venue.archived_at) expect(venue.updated_at, label).toEqual(venue.archived_at);
    }
    const count = (test: (venue: (typeof rows)[number]) => boolean) => rows.filter(test).length;
    expect(count((v) => v.cost === 'FREE')).toBeGreaterThan(count((v) => v.cost === 'DONATION'));
    expect(count((v) => v.cost === 'DONATION')).toBeGreaterThan(0);
    expect(count((v) => v.cost === 'PAID')).toBeGreaterThan(0);
    expect(count((v) => v.archived_at !== null)).toBe(1);
    expect(count((v) => !v.has_holder)).toBeGreaterThanOrEqual(3);
    expect(count((v) => !v.step_free_access)).toBeGreaterThanOrEqual(2);
    expect(count((v) => v.capacity === null)).toBeGreaterThanOrEqual(1);
  });

  it('should show Amara the Leeds venue she holds in her data export', async () => {
    const amara = await actingAs(DEMO_PEOPLE[0].email);
    const held = JSON.parse(await people.exportMyData(amara)).venues;
    expect(held).toEqual([
      expect.objectContaining({
        networkSlug: 'leeds-charity-digital',
        name: 'Central Library meeting room',
        archivedAt: null,
      }),
    ]);
    for (const email of [DEMO_PEOPLE[1].email, DEMO_PEOPLE[2].email]) {
      const person = await actingAs(email);
      expect((await venues.venuesForExport(person, person.viewer!.userId)).length, email).toBe(1);
    }
  });

  it('should give each network past and coming events, their seats counted as the trigger counts them', async () => {
    const events = await select(sql<{
      slug: string;
      title: string;
      starts_at: Date;
      ends_at: Date;
      london_hour: number;
      format: string;
      capacity: number;
      promotion: string;
      venue_ok: boolean | null;
      online_url: string | null;
      seats_taken: number;
      waiting: number;
      counted_seats: number;
      counted_waiting: number;
      cancelled: boolean;
      cancel_reason: string | null;
      creator_role: string | null;
    }>`
      select n.slug, e.title, e.starts_at, e.ends_at, e.format::text as format, e.capacity, e.promotion::text as promotion,
             extract(hour from e.starts_at at time zone 'Europe/London')::int as london_hour,
             (select v.network_id = e.network_id from venues v where v.id = e.venue_id) as venue_ok, e.online_url,
             e.seats_taken, e.waiting, e.cancelled_at is not null as cancelled, e.cancel_reason,
             (select count(*)::int from registrations r where r.event_id = e.id
              and r.status in ('CONFIRMED', 'OFFERED', 'ATTENDED', 'NO_SHOW')) as counted_seats,
             (select count(*)::int from registrations r where r.event_id = e.id and r.status = 'WAITLISTED')
               as counted_waiting,
             (select m.role::text from memberships m where m.network_id = e.network_id and m.user_id = e.created_by
              and m.left_at is null) as creator_role
      from events e join networks n on n.id = e.network_id
    `);
    const bySlug = Map.groupBy(events, (event) => event.slug);
    expect([...bySlug.keys()].sort()).toEqual([...DEMO_NETWORK_SLUGS].sort());
    for (const [slug, held] of bySlug) {
      const past = held.filter((e) => e.starts_at < LOADED_AT);
      const coming = held.filter((e) => e.starts_at > LOADED_AT);
      // The one-person network has held nothing yet: its first two events are still to come.
      expect(past.length, slug).toBeGreaterThanOrEqual(slug === DEMO_ONE_PERSON_NETWORK_SLUG ? 0 : 2);
      if (slug === DEMO_ONE_PERSON_NETWORK_SLUG) expect(past, slug).toEqual([]);
      expect(past.length, slug).toBeLessThanOrEqual(4);
      expect(coming.length, slug).toBeGreaterThanOrEqual(2);
      expect(coming.length, slug).toBeLessThanOrEqual(4);
      for (const event of past)
        expect(event.starts_at.getTime()).toBeGreaterThan(LOADED_AT.getTime() - 123 * 86_400_000);
      for (const event of coming) expect(event.starts_at.getTime()).toBeLessThan(LOADED_AT.getTime() + 56 * 86_400_000);
    }
    for (const event of events) {
      expect(event.seats_taken, event.title).toBe(event.counted_seats);
      expect(event.waiting, event.title).toBe(event.counted_waiting);
      expect(event.seats_taken, event.title).toBeLessThanOrEqual(event.capacity);
      expect(event.capacity).toBeGreaterThanOrEqual(12);
      expect(event.capacity).toBeLessThanOrEqual(60);
      expect(event.london_hour, event.title).toBeGreaterThanOrEqual(17);
      expect(event.london_hour, event.title).toBeLessThanOrEqual(20);
      expect(event.venue_ok ?? event.online_url !== null, event.title).toBe(true);
      if (event.format === 'VIRTUAL_COFFEE') expect(event.online_url).toMatch(/^https:\/\//);
      expect(['ORGANISER', 'STEWARD'], event.title).toContain(event.creator_role);
    }
    expect(new Set(events.map((e) => e.format)).size).toBe(5);
    const coming = events.filter((e) => e.starts_at > LOADED_AT && !e.cancelled);
    expect(coming.filter((e) => e.seats_taken === e.capacity && e.waiting >= 3 && e.waiting <= 6)).toHaveLength(1);
    expect(coming.filter((e) => e.promotion === 'CLAIM_WITHIN_HOURS')).toHaveLength(1);
    expect(events.filter((e) => e.cancelled)).toEqual([
      expect.objectContaining({ slug: 'glasgow-third-sector-digital', cancel_reason: expect.any(String) }),
    ]);
    expect(events.filter((e) => e.cancelled)[0]!.starts_at > LOADED_AT).toBe(true);
  });

  it('should record attendance, a waitlist in order, a seat on offer and registrations on behalf', async () => {
    type Counts = Record<'attended' | 'no_shows' | 'cancelled' | 'on_behalf' | 'access' | 'dietary', number>;
    const [facts] = await select(sql<Counts & Record<string, number>>`
      select (select count(*)::int from registrations r join events e on e.id = r.event_id
              where e.starts_at < ${LOADED_AT} and r.status not in ('ATTENDED', 'NO_SHOW', 'CANCELLED')) as past_open,
             (select count(*)::int from registrations r join events e on e.id = r.event_id
              where e.starts_at > ${LOADED_AT} and r.status in ('ATTENDED', 'NO_SHOW')) as coming_attended,
             (select count(*)::int from registrations where status = 'ATTENDED') as attended,
             (select count(*)::int from registrations where status = 'NO_SHOW') as no_shows,
             (select count(*)::int from registrations where status = 'CANCELLED') as cancelled,
             (select count(*)::int from registrations where status = 'OFFERED') as offered,
             (select count(*)::int from registrations r join events e on e.id = r.event_id
              where r.status = 'OFFERED' and r.claim_by > ${LOADED_AT} and r.claim_by <= e.starts_at) as offers_open,
             (select count(*)::int from registrations where user_id is null) as on_behalf,
             (select count(*)::int from registrations r where r.user_id is null and r.registered_by is null) as unregistered,
             (select count(*)::int from registrations where access_needs <> '') as access,
             (select count(*)::int from registrations where dietary_needs <> '') as dietary,
             (select count(*)::int from registrations where created_at > ${LOADED_AT}
                or cancelled_at > ${LOADED_AT} or checked_in_at > ${LOADED_AT}) as after_load,
             (select count(*)::int from registrations r join events e on e.id = r.event_id
              where r.created_at < e.created_at or r.created_at > e.starts_at) as outside_event,
             (select count(*)::int from registrations r join events e on e.id = r.event_id where r.user_id is not null
              and not exists (select 1 from memberships m where m.network_id = e.network_id and m.user_id = r.user_id
                              and m.joined_at < r.created_at)) as strangers
    `);
    expect(facts).toMatchObject({
      past_open: 0,
      coming_attended: 0,
      offered: 1,
      offers_open: 1,
      unregistered: 0,
      after_load: 0,
      outside_event: 0,
      strangers: 0,
    });
    expect(facts!.attended).toBeGreaterThan(facts!.no_shows * 3);
    expect(facts!.no_shows).toBeGreaterThanOrEqual(10);
    expect(facts!.cancelled).toBeGreaterThanOrEqual(10);
    expect(facts!.on_behalf).toBeGreaterThanOrEqual(4);
    expect(facts!.access).toBeGreaterThanOrEqual(10);
    expect(facts!.dietary).toBeGreaterThanOrEqual(20);
  });

  it("should register Amara for one coming event and on the full one's waitlist, and give Rhys one to run", async () => {
    const amara = await idOf(DEMO_PEOPLE[0].email);
    const held = await select(sql<{ title: string; status: string; position: number | null; full: boolean }>`
      select e.title, r.status::text as status, e.seats_taken = e.capacity as full,
             case when r.status = 'WAITLISTED' then (select count(*)::int from registrations w
               where w.event_id = r.event_id and w.status = 'WAITLISTED' and w.queue_number <= r.queue_number) end
               as position
      from registrations r join events e on e.id = r.event_id
      where r.user_id = ${amara} and e.starts_at > ${LOADED_AT}
      order by e.starts_at
    `);
    expect(held).toEqual([
      { title: 'Small-charity digital clinic', status: 'WAITLISTED', position: 2, full: true },
      expect.objectContaining({ status: 'CONFIRMED' }),
    ]);
    const rhys = await idOf(DEMO_PEOPLE[1].email);
    const [run] = await select(sql<{ events: number; registrations: number }>`
      select count(distinct e.id)::int as events, count(r.id)::int as registrations
      from events e join memberships m on m.network_id = e.network_id and m.user_id = ${rhys} and m.left_at is null
        and m.role in ('ORGANISER', 'STEWARD')
      left join registrations r on r.event_id = e.id and r.status = 'CONFIRMED'
      where e.starts_at > ${LOADED_AT} and e.cancelled_at is null
    `);
    expect(run!.events).toBeGreaterThanOrEqual(1);
    expect(run!.registrations).toBeGreaterThanOrEqual(5);
  });

  it('should load exactly the same rows into another database', async () => {
    const other = await openTestDatabase('postgres');
    try {
      await loadDemoDataIfEmpty(other.db, LOADED_AT);
      expect(await checksum(other.db)).toBe(await checksum(database.db));
    } finally {
      await other.close();
    }
  });
});

describe('generateLargeDataSet', () => {
  it('should make the networks, people, profiles and memberships asked for, the same for the same seed', async () => {
    const sums: string[] = [];
    for (const kind of ['pglite', 'postgres'] as const) {
      const database = await openTestDatabase(kind);
      try {
        const summary = await generateLargeDataSet(database.db, { networks: 3, people: 500, seed: 7 });
        expect(summary).toMatchObject({ networks: 3, people: 500 });
        const counts = await sql<{ users: number; networks: number; memberships: number; changes: number }>`
          select (select count(*)::int from users where email like ${`%@${GENERATED_EMAIL_DOMAIN}`}) as users,
                 (select count(*)::int from networks) as networks,
                 (select count(*)::int from memberships) as memberships,
                 (select count(*)::int from lifecycle_changes where set_by is not null) as changes
        `.execute(database.db);
        expect(counts.rows[0]).toEqual({
          users: 500,
          networks: 3,
          memberships: summary.memberships,
          changes: summary.lifecycleChanges,
        });
        const largest = await sql<{ n: number }>`
          select count(*)::int as n from memberships m join networks n on n.id = m.network_id
          where n.slug = ${summary.largestNetworkSlug}
        `.execute(database.db);
        expect(largest.rows[0]!.n).toBe(500);
        const generated = await profiles(database.db);
        expect(generated.length).toBeGreaterThan(430);
        expect(generated.length).toBeLessThan(500);
        generated.forEach(expectValidProfile);
        const mentors = generated.filter((p) => p.is_mentor).length / generated.length;
        const leads = generated.filter((p) => p.is_digital_lead).length / generated.length;
        const hidden = generated.filter((p) => p.visibility === 'PRIVATE').length / generated.length;
        expect(mentors).toBeGreaterThan(0.12);
        expect(mentors).toBeLessThan(0.28);
        expect(leads).toBeGreaterThan(0.3);
        expect(leads).toBeLessThan(0.5);
        expect(hidden).toBeGreaterThan(0.04);
        expect(hidden).toBeLessThan(0.18);
        const orphans = await sql<{ n: number }>`
          select count(*)::int as n from profiles p where not exists (select 1 from users u where u.id = p.user_id)
        `.execute(database.db);
        expect(orphans.rows[0]!.n).toBe(0);
        sums.push(await checksum(database.db));
      } finally {
        await database.close();
      }
    }
    expect(sums[1]).toBe(sums[0]);
  });

  it('should make mentor offers with open mentorships and recent requests, the mentor flag following them', async () => {
    const sums: string[] = [];
    for (const kind of ['pglite', 'postgres'] as const) {
      const database = await openTestDatabase(kind);
      try {
        const summary = await generateLargeDataSet(database.db, {
          networks: 3,
          people: 500,
          seed: 7,
          mentorOffers: 80,
        });
        expect(summary.mentoring).toMatchObject({ offers: 80 });
        expect(summary.mentoring!.fullOffers).toBeGreaterThan(0);
        expect(summary.mentoring!.pausedOffers).toBeGreaterThan(0);
        const [facts] = (
          await sql<Record<string, number>>`
            select (select count(*)::int from mentor_offers) as offers,
                   (select count(*)::int from profiles p
                    where p.is_mentor <> exists (select 1 from mentor_offers o where o.user_id = p.user_id)) as mismatched,
                   (select count(*)::int from mentor_offers o where o.open_mentorships <>
                      (select count(*) from mentorships m where m.mentor_id = o.user_id and m.status <> 'CLOSED'))
                     as miscounted,
                   (select count(*)::int from mentor_offers where open_mentorships > capacity) as over_capacity,
                   (select count(*)::int from mentorships) as mentorships,
                   (select count(distinct status)::int from mentorship_requests) as request_statuses
          `.execute(database.db)
        ).rows;
        expect(facts).toMatchObject({
          offers: 80,
          mismatched: 0,
          miscounted: 0,
          over_capacity: 0,
          mentorships: summary.mentoring!.mentorships,
          request_statuses: 5,
        });
        sums.push(await checksum(database.db));
      } finally {
        await database.close();
      }
    }
    expect(sums[1]).toBe(sums[0]);
  });
});
