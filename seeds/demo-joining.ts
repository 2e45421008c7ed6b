import { sql, type Kysely } from 'kysely';
import type { DemoData } from './demo.ts';
import { addDays, seededRandom } from './random.ts';

// Who gets in, on the demo data: Cardiff Digital Circle asks newcomers to say a line about
// themselves, and two people who signed up recently and belong to no network yet are waiting for
// an answer, so a steward (Rhys Evans) has requests to approve or decline. Every other network
// stays open.

export const DEMO_ASK_TO_JOIN_SLUG = 'cardiff-digital-circle';

const DEMO_JOINING_SEED = 20_261_207;

const ABOUT = [
  'I look after the website and the donor database at a small food bank in Splott, mostly on my own. I would love to meet others doing the same.',
  'New digital volunteer at a youth theatre in Grangetown. We are moving our bookings online and I have questions.',
];

export interface DemoJoinRequest {
  id: string;
  network_id: string;
  user_id: string;
  about: string;
  code_of_conduct_version: number;
  created_at: Date;
  updated_at: Date;
}

/** The waiting requests, from the first people who belong to no network; dated from `now`. */
export function buildDemoJoinRequests(data: Pick<DemoData, 'users' | 'networks' | 'memberships'>, now: Date) {
  const random = seededRandom(DEMO_JOINING_SEED);
  const network = data.networks.find((row) => row.slug === DEMO_ASK_TO_JOIN_SLUG)!;
  const members = new Set(data.memberships.map((membership) => membership.user_id));
  const newcomers = data.users.filter((user) => !members.has(user.id)).slice(0, ABOUT.length);
  return newcomers.map((user, n): DemoJoinRequest => {
    const asked = addDays(now, -(ABOUT.length - n) * 2 - random.next());
    const at = asked > user.created_at ? asked : addDays(user.created_at, 1);
    return {
      id: random.uuidV7(at),
      network_id: network.id,
      user_id: user.id,
      about: ABOUT[n]!,
      code_of_conduct_version: network.code_of_conduct_version,
      created_at: at,
      updated_at: at,
    };
  });
}

/** Makes the network ask to join, and adds the requests waiting there; inside the demo's transaction. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- seeds, like migrations, do not use the app's types
export async function insertDemoJoining(db: Kysely<any>, data: DemoData, now: Date): Promise<void> {
  await sql`update networks set join_policy = 'ASK_TO_JOIN' where slug = ${DEMO_ASK_TO_JOIN_SLUG}`.execute(db);
  const requests = buildDemoJoinRequests(data, now);
  if (requests.length > 0) await db.insertInto('join_requests').values(requests).execute();
}
