import { describe, expect, it } from 'vitest';
import { transaction, type ServiceContext } from '../../core/context.ts';
import { DomainError } from '../../core/errors.ts';
import { DATABASE_KINDS, useTestDatabase } from '../../testing/databases.ts';
import {
  activeStewards,
  caught,
  networkWith,
  RecordingPublisher,
  serviceContext,
  signedUpPerson,
  startedNetwork,
  TEST_PASSWORD as PASSWORD,
  uniqueEmail,
} from '../../testing/factories.ts';
import * as accounts from '../accounts/service.ts';
import * as lifecycle from '../lifecycle/service.ts';
import * as memberships from '../memberships/service.ts';
import * as notifications from '../notifications/service.ts';
import * as people from './service.ts';

const HIDDEN = {
  pronouns: null,
  bio: null,
  organisation: null,
  organisationSize: null,
  sector: null,
  roleTitle: null,
  isDigitalLead: null,
  isMentor: null,
  skills: [],
  supportNeeds: [],
  visibility: null,
};

describe.each(DATABASE_KINDS)('people service on %s', (kind) => {
  const database = useTestDatabase(kind);

  // Each person's clock ticks a second past the previous one's, so join order is sign-up order.
  const signUp = (name?: string, email?: string) => signedUpPerson(database.db, { name, email, ticking: true });
  const id = (ctx: ServiceContext) => ctx.viewer!.userId;
  const anonymous = () => serviceContext(database.db);

  /** One network's page of members, or the error given in its place, as Network.members answers. */
  const listMembers = async (viewer: ServiceContext, networkId: string, args: people.MemberListArgs) => {
    const page = (await people.listMembersOfNetworks(viewer, [networkId], args)).get(networkId)!;
    if (page instanceof DomainError) throw page;
    return page;
  };

  /** A page of members with each person as the viewer sees them, as Member.person loads them. */
  const membersPage = async (viewer: ServiceContext, networkId: string, args: people.MemberListArgs) => {
    const page = await listMembers(viewer, networkId, args);
    const persons = await people.peopleByIds(
      viewer,
      page.edges.map((edge) => edge.node.userId),
    );
    return {
      members: page.edges.map(({ cursor, node }) => ({ ...node, cursor, person: persons.get(node.userId)! })),
      hasNextPage: page.pageInfo.hasNextPage,
      total: page.totalCount,
    };
  };

  describe('updateProfile', () => {
    it('should make the profile on first update, with defaults for what was not given', async () => {
      const me = await signUp('Ada Lead');
      const before = await people.getPerson(me, id(me));
      expect(before).toEqual({
        ...HIDDEN,
        id: id(me),
        name: 'Ada Lead',
        isDigitalLead: false,
        isMentor: false,
        visibility: 'MEMBERS',
      });
      const after = await people.updateProfile(me, { pronouns: ' she/her ', isDigitalLead: true });
      expect(after).toEqual({ ...before, pronouns: 'she/her', isDigitalLead: true });
      const rows = await database.db.selectFrom('profiles').select('user_id').where('user_id', '=', id(me)).execute();
      expect(rows).toHaveLength(1);
    });

    it('should change only the fields given, clear optional text with null or blank, and rename', async () => {
      const me = await signUp('Ada Lead');
      await people.updateProfile(me, {
        bio: 'Comms and digital at a food bank.',
        organisation: 'Food Bank',
        organisationSize: 'SMALL',
        sector: 'food poverty',
        roleTitle: 'Comms officer',
        supportNeeds: ['QUICK_TIP', 'RISK_MITIGATION', 'QUICK_TIP'],
        visibility: 'PUBLIC',
      });
      const person = await people.updateProfile(me, {
        name: '  Ada   Lovelace ',
        bio: '   ',
        organisationSize: null,
        sector: null,
      });
      expect(person).toEqual({
        id: id(me),
        name: 'Ada Lovelace',
        pronouns: null,
        bio: null,
        organisation: 'Food Bank',
        organisationSize: null,
        sector: null,
        roleTitle: 'Comms officer',
        isDigitalLead: false,
        isMentor: false,
        skills: [],
        supportNeeds: ['QUICK_TIP', 'RISK_MITIGATION'],
        visibility: 'PUBLIC',
      });
    });

    it('should keep skills as typed: trimmed, single spaced, blanks and duplicates in any case dropped', async () => {
      const me = await signUp();
      const person = await people.updateProfile(me, {
        skills: [' Service  Design ', 'service design', 'SEO', '', 'seo', 'Mailchimp "tips", \\ {x}'],
      });
      expect(person.skills).toEqual(['Service Design', 'SEO', 'Mailchimp "tips", \\ {x}']);
    });

    it.each([
      ['name', { name: '  ' }],
      ['name', { name: null }],
      ['name', { name: 'x'.repeat(101) }],
      ['pronouns', { pronouns: 'x'.repeat(41) }],
      ['pronouns', { pronouns: 'she\u0007her' }],
      ['bio', { bio: 'x'.repeat(2001) }],
      ['bio', { bio: 'x'.repeat(10 * 1024 * 1024) }],
      ['organisation', { organisation: 'x'.repeat(121) }],
      ['sector', { sector: 'x'.repeat(81) }],
      ['roleTitle', { roleTitle: 'x'.repeat(121) }],
      ['skills', { skills: ['x'.repeat(41)] }],
      ['skills', { skills: Array.from({ length: 21 }, (_, i) => `skill ${i}`) }],
    ])('should refuse a bad %s with BAD_USER_INPUT and write nothing', async (field, input) => {
      const me = await signUp('Unchanged Name');
      const error = await caught(
        people.updateProfile(me, { pronouns: 'they/them', ...(input as people.ProfileInput) }),
      );
      expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', field]);
      expect(await people.getPerson(me, id(me))).toMatchObject({ name: 'Unchanged Name', pronouns: null });
    });

    it('should accept 20 skills of 40 characters', async () => {
      const me = await signUp();
      const skills = Array.from({ length: 20 }, (_, i) => `${i}`.padEnd(40, 'x'));
      expect((await people.updateProfile(me, { skills })).skills).toEqual(skills);
    });

    it('should refuse when signed out', async () => {
      expect((await caught(people.updateProfile(anonymous(), { bio: 'hello' }))).code).toBe('UNAUTHENTICATED');
    });

    it('should let concurrent first updates all land on one profile row', async () => {
      const me = await signUp();
      await Promise.all([
        people.updateProfile(me, { pronouns: 'he/him' }),
        people.updateProfile(me, { sector: 'arts' }),
        // The mentoring module's write, in the transaction that publishes an offer.
        transaction(me, (tx) => people.setMentorFlag(tx, id(me), true)),
        people.updateProfile(me, { skills: ['wordpress'] }),
      ]);
      expect(await people.getPerson(me, id(me))).toMatchObject({
        pronouns: 'he/him',
        sector: 'arts',
        isMentor: true,
        skills: ['wordpress'],
      });
    });

    it('should keep the search document right, without deadlocks, when changes to one person overlap', async () => {
      const me = await signUp('Overlap Person');
      await people.updateProfile(me, { organisation: 'Secretorg' });
      const documentOf = async () =>
        (
          await database.db
            .selectFrom('people_search')
            .select((eb) => eb.cast<string>('document', 'text').as('text'))
            .where('user_id', '=', id(me))
            .executeTakeFirstOrThrow()
        ).text;
      for (let round = 0; round < 6; round++) {
        const results = await Promise.allSettled([
          people.updateProfile(me, { name: `Overlap Person r${round}` }),
          people.updateProfile(me, { visibility: round % 2 === 0 ? 'PRIVATE' : 'MEMBERS' }),
          people.updateProfile(me, { organisation: 'Secretorg', bio: `Round ${round}` }),
          // A write to the account alone, as a future email or password change would make.
          database.db.updateTable('users').set({ updated_at: new Date() }).where('id', '=', id(me)).execute(),
        ]);
        expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
        const visibility = (await people.getPerson(me, id(me)))!.visibility;
        const document = await documentOf();
        expect([visibility, document.includes("'secretorg'")]).toEqual([visibility, visibility !== 'PRIVATE']);
        expect(document).toContain(`'r${round}'`);
      }
      await people.updateProfile(me, { visibility: 'MEMBERS' });
      await database.db.deleteFrom('profiles').where('user_id', '=', id(me)).execute();
      expect(await documentOf()).toBe("'overlap':1A 'person':2A 'r5':3A");
    });
  });

  describe('getPerson', () => {
    const profile = {
      pronouns: 'she/her',
      bio: 'Digital at a hospice.',
      organisation: 'Hospice',
      organisationSize: 'MEDIUM' as const,
      sector: 'health',
      roleTitle: 'Digital lead',
      isDigitalLead: true,
      skills: ['crm'],
      supportNeeds: ['HANDS_ON_SUPPORT' as const],
    };
    // isMentor comes from a mentoring offer, not the profile form.
    const details = { ...profile, isMentor: true };

    it('should show each visibility only to the viewers it allows, and the name to everyone', async () => {
      const owner = await signUp('Owner Person');
      const coMember = await signUp();
      const stranger = await signUp();
      await networkWith(await signUp('Sam Steward'), owner, coMember);
      const seenBy = async (viewer: ServiceContext) => people.getPerson(viewer, id(owner));
      const visible = { id: id(owner), name: 'Owner Person', ...details, visibility: null };
      const hidden = { id: id(owner), name: 'Owner Person', ...HIDDEN };

      await people.setMentorFlag(owner, id(owner), true);
      await people.updateProfile(owner, { ...profile, visibility: 'PUBLIC' });
      expect(await seenBy(anonymous())).toEqual(visible);
      expect(await seenBy(stranger)).toEqual(visible);

      await people.updateProfile(owner, { visibility: 'MEMBERS' });
      expect(await seenBy(anonymous())).toEqual(hidden);
      expect(await seenBy(stranger)).toEqual(hidden);
      expect(await seenBy(coMember)).toEqual(visible);

      await people.updateProfile(owner, { visibility: 'PRIVATE' });
      expect(await seenBy(coMember)).toEqual(hidden);
      expect(await seenBy(owner)).toEqual({ ...visible, visibility: 'PRIVATE' });
    });

    it('should stop showing MEMBERS details once the shared membership ends', async () => {
      const owner = await signUp();
      const other = await signUp();
      const network = await networkWith(await signUp('Sam Steward'), owner, other);
      await people.updateProfile(owner, { ...profile, visibility: 'MEMBERS' });
      expect((await people.getPerson(other, id(owner)))?.bio).toBe(details.bio);
      await memberships.leaveNetwork(other, network.id);
      expect(await people.getPerson(other, id(owner))).toMatchObject(HIDDEN);
    });

    it('should answer null for an unknown or malformed id, and never carry an email', async () => {
      const me = await signUp();
      expect(await people.getPerson(me, crypto.randomUUID())).toBeNull();
      expect(await people.getPerson(me, 'not-an-id')).toBeNull();
      expect(Object.keys((await people.getPerson(me, id(me)))!)).not.toContain('email');
    });
  });

  describe('reportablePerson', () => {
    it('should give the profile as the reporter sees it, or null when they cannot see the person', async () => {
      const owner = await signUp('Rae Reported');
      const coMember = await signUp();
      const stranger = await signUp();
      await networkWith(await signUp('Sam Steward'), owner, coMember);
      await people.updateProfile(owner, {
        pronouns: 'they/them',
        bio: 'Runs IT at a food bank.',
        organisation: null,
        roleTitle: 'Volunteer',
        skills: ['CRM', 'Excel'],
        visibility: 'MEMBERS',
      });
      expect(await people.reportablePerson(coMember, id(owner))).toEqual({
        networkId: null,
        personId: id(owner),
        snapshot: {
          title: 'Rae Reported',
          text: 'they/them\nRuns IT at a food bank.\nVolunteer\nCRM, Excel',
          path: `/people/${id(owner)}`,
        },
      });
      expect(await people.reportablePerson(stranger, id(owner))).toBeNull();
      expect(await people.reportablePerson(anonymous(), id(owner))).toBeNull();

      // A co-member may report a private profile by its name; a stranger may report a public one.
      await people.updateProfile(owner, { visibility: 'PRIVATE' });
      expect((await people.reportablePerson(coMember, id(owner)))?.snapshot).toMatchObject({
        title: 'Rae Reported',
        text: '',
      });
      await people.updateProfile(owner, { visibility: 'PUBLIC' });
      expect((await people.reportablePerson(stranger, id(owner)))?.snapshot.text).toContain('food bank');

      expect(await people.reportablePerson(stranger, crypto.randomUUID())).toBeNull();
      expect(await people.reportablePerson(stranger, 'not-an-id')).toBeNull();
    });
  });

  describe('listMembers', () => {
    it('should refuse people who are not active members, and signed-out viewers', async () => {
      const member = await signUp();
      const network = await networkWith(await signUp('Sam Steward'), member);
      const stranger = await signUp();
      expect((await caught(listMembers(anonymous(), network.id, {}))).code).toBe('UNAUTHENTICATED');
      expect((await caught(listMembers(stranger, network.id, {}))).code).toBe('FORBIDDEN');
      expect((await caught(listMembers(stranger, 'not-an-id', {}))).code).toBe('FORBIDDEN');
      await memberships.leaveNetwork(member, network.id);
      expect((await caught(listMembers(member, network.id, {}))).code).toBe('FORBIDDEN');
    });

    it('should page through every active member once, oldest first, with the total', async () => {
      const joiners = [];
      for (let i = 0; i < 4; i++) joiners.push(await signUp(`Joiner ${i}`));
      const steward = await signUp('Sam Steward');
      const network = await networkWith(steward, ...joiners);
      const leaver = await signUp('Leaver');
      await memberships.joinNetwork(leaver, network.id, true);
      await memberships.leaveNetwork(leaver, network.id);

      const names: string[] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const page = await membersPage(steward, network.id, { first: 2, after });
        expect(await page.total()).toBe(5);
        names.push(...page.members.map((m) => m.person.name));
        after = page.hasNextPage ? page.members.at(-1)!.cursor : null;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      // Each test context's clock stopped when it signed up, so the joiners joined before the steward.
      expect(names).toEqual(['Joiner 0', 'Joiner 1', 'Joiner 2', 'Joiner 3', 'Sam Steward']);
    });

    it('should refuse a bad page size or cursor, naming the argument', async () => {
      const steward = await signUp('Sam Steward');
      const network = await startedNetwork(steward);
      for (const first of [0, 51]) {
        expect((await caught(listMembers(steward, network.id, { first }))).field).toBe('first');
      }
      for (const after of ['nonsense', Buffer.from('m:2026-01-01T00:00:00.000000|x').toString('base64url')]) {
        expect((await caught(listMembers(steward, network.id, { after }))).field).toBe('after');
      }
      expect((await caught(listMembers(steward, network.id, { filter: { search: 'x'.repeat(101) } }))).field).toBe(
        'search',
      );
    });

    it('should filter by role, mentor, digital lead, skill, support category and text', async () => {
      const mentor = await signUp('Mo Mentor');
      const lead = await signUp('Lee Lead');
      const steward = await signUp('Sam Steward');
      const network = await networkWith(steward, mentor, lead);
      await people.setMentorFlag(mentor, id(mentor), true);
      await people.updateProfile(mentor, { skills: ['Service Design'], organisation: 'Acme 100% Co' });
      await people.updateProfile(lead, {
        isDigitalLead: true,
        supportNeeds: ['QUICK_TIP'],
        roleTitle: 'Comms officer',
      });
      await memberships.setMemberRole(steward, network.id, id(lead), 'ORGANISER');
      const names = async (filter: people.MemberFilterInput) => {
        const page = await membersPage(steward, network.id, { filter });
        expect(await page.total()).toBe(page.members.length);
        return page.members.map((m) => m.person.name);
      };
      expect(await names({ role: 'ORGANISER' })).toEqual(['Lee Lead']);
      expect(await names({ isMentor: true })).toEqual(['Mo Mentor']);
      expect(await names({ isMentor: false })).toEqual(['Lee Lead', 'Sam Steward']);
      expect(await names({ isDigitalLead: true })).toEqual(['Lee Lead']);
      expect(await names({ skill: '  SERVICE design ' })).toEqual(['Mo Mentor']);
      expect(await names({ supportCategory: 'QUICK_TIP' })).toEqual(['Lee Lead']);
      expect(await names({ search: 'comms' })).toEqual(['Lee Lead']);
      expect(await names({ search: 'mo design' })).toEqual(['Mo Mentor']);
      expect(await names({ search: '100%' })).toEqual(['Mo Mentor']);
      expect(await names({ search: 'MENT' })).toEqual(['Mo Mentor']);
      // Words match from their start: a search is for people, not for fragments inside words.
      expect(await names({ search: 'entor' })).toEqual([]);
      expect(await names({ search: 'lead', role: 'MEMBER' })).toEqual([]);
      // Punctuation alone is nothing to look for, so it narrows nothing.
      expect(await names({ search: "_ % & ! ' :*" })).toEqual(['Mo Mentor', 'Lee Lead', 'Sam Steward']);
    });

    it('should match a skill in any letter case and show each person the spelling they typed', async () => {
      const upper = await signUp('Wren Upper');
      const lower = await signUp('Lou Lower');
      const network = await networkWith(upper, lower);
      await people.updateProfile(upper, { skills: ['WordPress', 'Mailchimp'] });
      await people.updateProfile(lower, { skills: ['wordpress'] });
      const skillsOf = async (filter: people.MemberFilterInput) =>
        (await membersPage(upper, network.id, { filter })).members.map((m) => [m.person.name, m.person.skills]);
      const both = [
        ['Wren Upper', ['WordPress', 'Mailchimp']],
        ['Lou Lower', ['wordpress']],
      ];
      expect(await skillsOf({ skill: 'WORDPRESS' })).toEqual(both);
      expect(await skillsOf({ skill: 'wordpress' })).toEqual(both);
      expect(await skillsOf({ search: 'WordP' })).toEqual(both);
      expect(await skillsOf({ skill: 'mailchimp' })).toEqual([['Wren Upper', ['WordPress', 'Mailchimp']]]);
      expect(await skillsOf({ search: 'mailc' })).toEqual([['Wren Upper', ['WordPress', 'Mailchimp']]]);
    });

    it('should show the lower-cased tags of a profile saved before spellings were kept', async () => {
      const earlier = await signUp('Ed Earlier');
      const network = await networkWith(earlier);
      await people.updateProfile(earlier, { skills: ['Google Ads'] });
      // As the profile stood before the spelling column: only the lower-cased tags.
      await database.db
        .updateTable('profiles')
        .set({ skills_as_typed: null })
        .where('user_id', '=', id(earlier))
        .execute();
      expect((await people.getPerson(earlier, id(earlier)))?.skills).toEqual(['google ads']);
      const page = await membersPage(earlier, network.id, { filter: { skill: 'Google ads' } });
      expect(page.members.map((m) => m.person.skills)).toEqual([['google ads']]);
      // Saved again, the profile keeps the spelling.
      await people.updateProfile(earlier, { skills: ['Google Ads', 'SEO'] });
      expect((await people.getPerson(earlier, id(earlier)))?.skills).toEqual(['Google Ads', 'SEO']);
    });

    it('should find people by their new name and details as soon as they change them', async () => {
      const changer = await signUp('Chris Before');
      const steward = await signUp('Sam Steward');
      const network = await networkWith(steward, changer);
      const names = async (search: string) =>
        (await membersPage(steward, network.id, { filter: { search } })).members.map((m) => m.person.name);
      expect(await names('before')).toEqual(['Chris Before']);
      await people.updateProfile(changer, { name: 'Chris After', organisation: 'Riverside Foodbank' });
      expect(await names('before')).toEqual([]);
      expect(await names('chris riverside')).toEqual(['Chris After']);
      await people.updateProfile(changer, { name: 'Émile Zoë Åström' });
      for (const search of ['émile', 'ÉMILE', 'Émi zoë', 'åström', 'ÅSTR']) {
        expect([search, await names(search)]).toEqual([search, ['Émile Zoë Åström']]);
      }
      await people.updateProfile(changer, { name: 'Chris After' });
      await people.updateProfile(changer, { visibility: 'PRIVATE' });
      expect(await names('riverside')).toEqual([]);
      expect(await names('after')).toEqual(['Chris After']);
    });

    it('should never let a private profile be found, counted or shown through its details', async () => {
      const hider = await signUp('Hidden Helper');
      const steward = await signUp('Sam Steward');
      const network = await networkWith(steward, hider);
      await people.setMentorFlag(hider, id(hider), true);
      await people.updateProfile(hider, {
        visibility: 'PRIVATE',
        isDigitalLead: true,
        skills: ['secret-skill'],
        supportNeeds: ['UNIQUE_PERSPECTIVES'],
        organisation: 'Secret Org',
        roleTitle: 'Secret Role',
        sector: 'secret sector',
      });
      const page = async (viewer: ServiceContext, filter: people.MemberFilterInput) =>
        membersPage(viewer, network.id, { filter });
      const matching = [
        { isMentor: true },
        { isDigitalLead: true },
        { skill: 'secret-skill' },
        { supportCategory: 'UNIQUE_PERSPECTIVES' as const },
        { search: 'secret' },
      ];
      for (const filter of [...matching, { isMentor: false }, { isDigitalLead: false }]) {
        const found = await page(steward, filter);
        expect(found.members.map((m) => m.person.name)).not.toContain('Hidden Helper');
        expect(await found.total()).toBe(found.members.length);
      }
      // The owner gets the list others get, so private details do not find them either.
      for (const filter of matching) {
        expect((await page(hider, filter)).members.map((m) => m.person.name)).toEqual([]);
      }
      const all = await page(steward, {});
      expect(await all.total()).toBe(2);
      expect(all.members.find((m) => m.person.name === 'Hidden Helper')?.person).toEqual({
        id: id(hider),
        name: 'Hidden Helper',
        ...HIDDEN,
      });
      // The name is always visible, so searching for it finds the person but shows nothing more.
      expect((await page(steward, { search: 'hidden' })).members.map((m) => m.person)).toEqual([
        { id: id(hider), name: 'Hidden Helper', ...HIDDEN },
      ]);
    });
  });

  describe('exportMyData', () => {
    it('should hold the account, profile, memberships, notes and sessions, without secrets', async () => {
      const email = uniqueEmail('export');
      const me = await signUp('Ex Porter', email);
      const network = await startedNetwork(me);
      await lifecycle.setLifecycleStage(me, network.id, 'COALESCING', 'First meetup held');
      await people.updateProfile(me, { skills: ['SEO'], visibility: 'PRIVATE' });
      const exported = JSON.parse(await people.exportMyData(me));
      expect(exported).toEqual({
        exportedAt: expect.any(String),
        account: {
          id: id(me),
          name: 'Ex Porter',
          email,
          emailVerifiedAt: null,
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
        profile: {
          pronouns: null,
          bio: null,
          organisation: null,
          organisationSize: null,
          sector: null,
          roleTitle: null,
          isDigitalLead: false,
          isMentor: false,
          skills: ['SEO'],
          supportNeeds: [],
          visibility: 'PRIVATE',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
        memberships: [
          {
            networkSlug: network.slug,
            networkName: network.name,
            role: 'STEWARD',
            joinedAt: expect.any(String),
            leftAt: null,
            codeOfConductVersion: 1,
            codeOfConductAcceptedAt: expect.any(String),
            eventAlerts: false,
          },
        ],
        joinRequests: [],
        lifecycleNotes: [
          { networkSlug: network.slug, stage: 'COALESCING', note: 'First meetup held', setAt: expect.any(String) },
        ],
        notifications: {
          digestTimeZone: 'Europe/London',
          preferences: [
            { kind: 'ACCOUNT', delivery: 'IMMEDIATE', changeable: false },
            { kind: 'SAFETY', delivery: 'IMMEDIATE', changeable: false },
            { kind: 'NEW_MEMBER', delivery: 'DAILY_DIGEST', changeable: true },
            { kind: 'ROLE_CHANGED', delivery: 'IMMEDIATE', changeable: true },
            { kind: 'MENTORING', delivery: 'IMMEDIATE', changeable: true },
            { kind: 'EVENTS', delivery: 'IMMEDIATE', changeable: true },
            { kind: 'NEW_EVENTS', delivery: 'DAILY_DIGEST', changeable: true },
            { kind: 'LIBRARY', delivery: 'IMMEDIATE', changeable: true },
          ],
          notifications: [],
          emails: [
            {
              kind: 'ACCOUNT',
              subject: 'Confirm your email address for Hearth',
              status: 'PENDING',
              queuedAt: expect.any(String),
              sentAt: null,
            },
          ],
        },
        mentoring: { offer: null, needs: [], requestsSent: [], requestsReceived: [], mentorships: [] },
        venues: [],
        events: { registrations: [], roles: [] },
        library: { items: [], reviews: [], uses: [], briefs: [], uploads: [] },
        safety: {
          reportsMade: [],
          actionsAboutYou: [],
          auditEntries: [
            {
              networkSlug: network.slug,
              action: 'STAGE_CHANGED',
              byYou: true,
              aboutYou: false,
              summary: 'Changed the stage from Potential to Coalescing',
              reason: 'First meetup held',
              at: expect.any(String),
            },
          ],
        },
        sessions: [{ createdAt: expect.any(String), lastUsedAt: expect.any(String), current: true }],
      });
      expect(JSON.stringify(exported)).not.toContain(me.viewer!.sessionId);
      expect(JSON.stringify(exported)).not.toMatch(/hash/i);
      // The address proof's one-time link stays out.
      expect(JSON.stringify(exported)).not.toContain('token=');
    });

    it('should refuse when signed out', async () => {
      expect((await caught(people.exportMyData(anonymous()))).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('deleteMyAccount', () => {
    it('should refuse a wrong or empty password and keep the account', async () => {
      const me = await signUp();
      expect((await caught(people.deleteMyAccount(me, 'not my password'))).field).toBe('password');
      expect((await caught(people.deleteMyAccount(me, ''))).field).toBe('password');
      expect(await people.getPerson(me, id(me))).not.toBeNull();
    });

    it('should refuse when signed out', async () => {
      expect((await caught(people.deleteMyAccount(anonymous(), PASSWORD))).code).toBe('UNAUTHENTICATED');
    });

    it('should stop checking passwords after as many wrong ones as sign-in allows, even at once', async () => {
      const me = await signUp();
      const limit = me.config.signInLimits.perEmail;
      const guesses = await Promise.all(
        Array.from({ length: limit + 3 }, (_, i) => caught(people.deleteMyAccount(me, `wrong guess ${i}`))),
      );
      const codes = guesses.map((error) => error.code).sort();
      expect(codes.filter((code) => code === 'BAD_USER_INPUT')).toHaveLength(limit);
      expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(3);
      // Now even the right password waits for the window to pass.
      expect((await caught(people.deleteMyAccount(me, PASSWORD))).code).toBe('RATE_LIMITED');
      expect(await people.getPerson(me, id(me))).not.toBeNull();
    });

    it('should refuse the last steward of any network, naming the networks, and delete nothing', async () => {
      const me = await signUp();
      const first = await startedNetwork(me);
      const second = await startedNetwork(me);
      const shared = await startedNetwork(me);
      const other = await signUp();
      await memberships.joinNetwork(other, shared.id, true);
      await memberships.setMemberRole(me, shared.id, id(other), 'STEWARD');
      const error = await caught(people.deleteMyAccount(me, PASSWORD));
      expect(error.code).toBe('CONFLICT');
      expect(error.message).toContain(`“${first.name}”`);
      expect(error.message).toContain(`“${second.name}”`);
      expect(error.message).not.toContain(shared.name);
      expect(await people.getPerson(me, id(me))).not.toBeNull();
    });

    it('should erase the person so nothing of theirs is findable, keeping their notes without an author', async () => {
      const email = uniqueEmail('leaving');
      const me = await signUp('Leaving Person', email);
      const other = await signUp();
      const steward = await signUp('Sam Steward');
      const network = await networkWith(steward, me, other);
      await memberships.setMemberRole(steward, network.id, id(me), 'STEWARD');
      await lifecycle.setLifecycleStage(me, network.id, 'MATURING', 'We meet monthly now');
      await people.updateProfile(me, { skills: ['unique-leaving-skill'], visibility: 'PUBLIC' });
      // Being made a steward notified them; a choice of how notifications reach them is theirs too.
      await notifications.setNotificationPreference(me, 'NEW_MEMBER', 'IN_APP_ONLY');
      const heldAbout = async () => {
        const found: string[] = [];
        const tables = ['profiles', 'memberships', 'sessions', 'people_search', 'notifications'] as const;
        for (const table of [...tables, 'notification_preferences'] as const) {
          const rows = await database.db.selectFrom(table).select('user_id').where('user_id', '=', id(me)).execute();
          if (rows.length > 0) found.push(table);
        }
        for (const key of [`confirm:${id(me)}`, `email:${email}`]) {
          const rows = await database.db.selectFrom('sign_in_attempts').select('key').where('key', '=', key).execute();
          if (rows.length > 0) found.push(key.split(':')[0]!);
        }
        return found;
      };
      // A wrong guess at deletion and a failed sign-in: both are counted under keys naming the person.
      expect((await caught(people.deleteMyAccount(me, 'a wrong guess first'))).field).toBe('password');
      await caught(accounts.signIn(other, { email, password: 'a wrong guess at signing in' }));
      expect(await heldAbout()).toEqual([
        'profiles',
        'memberships',
        'sessions',
        'people_search',
        'notifications',
        'notification_preferences',
        'confirm',
        'email',
      ]);

      expect(await people.deleteMyAccount(me, PASSWORD)).toBe(true);

      expect(await people.getPerson(other, id(me))).toBeNull();
      const members = await membersPage(other, network.id, { filter: { search: 'Leaving' } });
      expect([members.members, await members.total()]).toEqual([[], 0]);
      expect(await (await membersPage(other, network.id, { filter: { skill: 'unique-leaving-skill' } })).total()).toBe(
        0,
      );
      expect(await heldAbout()).toEqual([]);
      // The person's other open pages hear that their sessions ended with the account.
      expect((me.pubsub as RecordingPublisher).published).toContainEqual({
        topic: `session-ended:${id(me)}`,
        payload: { sessionEnded: { reason: 'ACCOUNT_DELETED', at: expect.any(String) } },
      });
      const history = (await lifecycle.lifecycleHistories(other, [network.id])).get(network.id);
      expect(history?.map((c) => [c.note, c.setBy])).toEqual([['We meet monthly now', null]]);
      expect(await accounts.authenticate({ db: database.db, config: me.config, now: new Date() }, 'x')).toBeNull();
      expect((await caught(people.exportMyData(me))).code).toBe('NOT_FOUND');
      // The email is free to sign up with again, as a new person.
      const again = await signUp('New Person', email);
      expect(id(again)).not.toBe(id(me));
    });

    it('should let only one of two concurrent last-two stewards leave by deletion', async () => {
      const a = await signUp();
      const b = await signUp();
      const network = await networkWith(a, b);
      await memberships.setMemberRole(a, network.id, id(b), 'STEWARD');
      const results = await Promise.allSettled([
        people.deleteMyAccount(a, PASSWORD),
        people.deleteMyAccount(b, PASSWORD),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((rejected.reason as DomainError).code).toBe('CONFLICT');
      expect(await memberships.rolesOfViewer(a, [network.id]).then(() => 'ok')).toBe('ok');
      expect(await activeStewards(database.db, network.id)).toHaveLength(1);
    });
  });
});
