import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../server/src/modules/accounts/service.ts';
import { openTestDatabase, useTestDatabase } from '../server/src/testing/databases.ts';
import { serviceContext } from '../server/src/testing/factories.ts';
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

describe('loadDemoDataIfEmpty', () => {
  const database = useTestDatabase('pglite');
  beforeAll(async () => {
    expect(await loadDemoDataIfEmpty(database.db)).toBe(true);
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

  it('should load exactly the same rows into another database', async () => {
    const other = await openTestDatabase('postgres');
    try {
      await loadDemoDataIfEmpty(other.db);
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
});
