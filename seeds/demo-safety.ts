import { sql, type Kysely } from 'kysely';
import { DEMO_PEOPLE, type DemoData } from './demo.ts';
import { addDays, seededRandom } from './random.ts';

// Safety on the demo data. Leeds Charity Digital, which Amara Okafor stewards, has three open
// reports waiting in its moderation queue and two resolved ones: one dismissed, and one that
// suspended a member for two weeks (from `now`, so the suspension is in force when the demo is
// tried). Each resolution is in the network's audit trail. Priya Shah is a site operator, so the
// operators' queue and the whole audit trail can be seen too. Every report is about a person,
// since people are what every network has; the snapshot is their profile as it was.

export const DEMO_SAFETY_SLUG = 'leeds-charity-digital';
export const DEMO_OPERATOR_EMAIL = 'priya.shah@example.org';
const DEMO_SAFETY_SEED = 20_261_208;

type Reason = 'HARASSMENT' | 'SELLING' | 'SPAM' | 'UNSAFE' | 'PRIVACY' | 'OTHER';

const OPEN: ReadonlyArray<{ reason: Reason; details: string; anonymous: boolean; daysAgo: number }> = [
  {
    reason: 'SELLING',
    details:
      'After the last meet-up they emailed me a price list for "digital transformation packages". I thought Hearth was a no-selling space.',
    anonymous: true,
    daysAgo: 6,
  },
  {
    reason: 'HARASSMENT',
    details:
      'They keep messaging me on LinkedIn about my charity’s finances after I said I did not want to talk about it.',
    anonymous: true,
    daysAgo: 3,
  },
  {
    reason: 'SPAM',
    details: 'Posted the same link to a webinar in every channel we share, four times this week.',
    anonymous: false,
    daysAgo: 1,
  },
];

const RESOLVED: ReadonlyArray<{
  reason: Reason;
  details: string;
  action: 'DISMISS' | 'SUSPEND';
  note: string;
  daysAgo: number;
}> = [
  {
    reason: 'OTHER',
    details: 'Their profile says they work for a company, not a charity. Are they allowed to be here?',
    action: 'DISMISS',
    note: 'Volunteers from companies are welcome as long as they do not sell; nothing on their profile sells.',
    daysAgo: 20,
  },
  {
    reason: 'HARASSMENT',
    details: 'Made jokes about my accent at the October social and would not stop when asked.',
    action: 'SUSPEND',
    note: 'Suspended for two weeks after talking with both people; this is a first time.',
    daysAgo: 5,
  },
];

/** The reports, their audit entries, the suspension and the operator; inside the demo's transaction. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- seeds, like migrations, do not use the app's types
export async function insertDemoSafety(db: Kysely<any>, data: DemoData, now: Date): Promise<void> {
  const random = seededRandom(DEMO_SAFETY_SEED);
  const network = data.networks.find((row) => row.slug === DEMO_SAFETY_SLUG)!;
  const active = data.memberships.filter((m) => m.network_id === network.id && m.left_at === null);
  const steward = data.users.find((user) => user.email === 'amara.okafor@example.org')!;
  const demoEmails = new Set<string>(DEMO_PEOPLE.map((person) => person.email));
  const demoIds = new Set(data.users.filter((user) => demoEmails.has(user.email)).map((user) => user.id));
  const members = active.filter((m) => m.role === 'MEMBER' && !demoIds.has(m.user_id)).map((m) => m.user_id);
  const byId = new Map(data.users.map((user) => [user.id, user]));
  const profiles = new Map(data.profiles.map((profile) => [profile.user_id, profile]));
  // Subjects and reporters are distinct members, picked in a fixed order.
  const subjects = members.slice(0, OPEN.length + RESOLVED.length);
  const reporters = members.slice(OPEN.length + RESOLVED.length, 2 * (OPEN.length + RESOLVED.length));

  const snapshotOf = (userId: string) => {
    const profile = profiles.get(userId);
    const text = [profile?.role_title, profile?.organisation, profile?.bio].filter(Boolean).join('\n');
    return JSON.stringify({ title: byId.get(userId)!.name, text, path: `/people/${userId}` });
  };
  const rows = [
    ...OPEN.map((report, n) => ({ ...report, subject: subjects[n]!, reporter: reporters[n]!, resolution: null })),
    ...RESOLVED.map((report, n) => ({
      ...report,
      anonymous: false,
      subject: subjects[OPEN.length + n]!,
      reporter: reporters[OPEN.length + n]!,
      resolution: report,
    })),
  ];
  for (const row of rows) {
    const at = addDays(now, -row.daysAgo - random.next() / 2);
    const resolvedAt = row.resolution ? addDays(at, 1) : null;
    const suspendUntil = row.resolution?.action === 'SUSPEND' ? addDays(now, 14) : null;
    await sql`
      insert into reports (id, reporter_id, subject_kind, subject_id, subject_person_id, network_id, for_operators,
        reason, details, anonymous, snapshot, status, action, note, suspend_until, resolved_by, resolved_at,
        created_at, updated_at)
      values (${random.uuidV7(at)}, ${row.reporter}, 'PERSON', ${row.subject}, ${row.subject}, ${network.id}, false,
        ${row.reason}, ${row.details}, ${row.anonymous}, ${snapshotOf(row.subject)}::text::jsonb,
        ${row.resolution ? 'RESOLVED' : 'OPEN'}, ${row.resolution?.action ?? null}, ${row.resolution?.note ?? null},
        ${suspendUntil}, ${row.resolution ? steward.id : null}, ${resolvedAt}, ${at}, ${resolvedAt ?? at})
    `.execute(db);
    if (!row.resolution) continue;
    const words = row.resolution.action === 'DISMISS' ? 'dismissed' : 'suspended the person';
    await sql`
      insert into audit_log (id, network_id, actor_id, action, subject_person_id, summary, reason, created_at)
      values (${random.uuidV7(resolvedAt!)}, ${network.id}, ${steward.id}, 'REPORT_RESOLVED', ${row.subject},
        ${`Resolved a report about a member (${row.reason.toLowerCase()}): ${words}`}, ${row.resolution.note},
        ${resolvedAt})
    `.execute(db);
    if (suspendUntil) {
      await sql`
        update memberships set suspended_until = ${suspendUntil}, suspension_note = ${row.resolution.note}
        where network_id = ${network.id} and user_id = ${row.subject}
      `.execute(db);
    }
  }
  const operator = data.users.find((user) => user.email === DEMO_OPERATOR_EMAIL)!;
  await sql`insert into operators (user_id, granted_at) values (${operator.id}, ${addDays(now, -30)})`.execute(db);
}
