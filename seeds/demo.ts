import type { Kysely } from 'kysely';
import { hashPassword } from '../server/src/auth/passwords.ts';

// The demo data set, loaded on the first start of an empty embedded database. Later modules
// add networks, events and library items; for now it is the accounts people can sign in as.

export const DEMO_PASSWORD = 'hearth-demo-2026';

export const DEMO_PEOPLE = [
  { email: 'amara.okafor@example.org', name: 'Amara Okafor' },
  { email: 'rhys.evans@example.org', name: 'Rhys Evans' },
  { email: 'priya.shah@example.org', name: 'Priya Shah' },
] as const;

// Any Kysely: seeds, like migrations, should not depend on the app's generated types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function loadDemoDataIfEmpty(db: Kysely<any>): Promise<boolean> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db
    .insertInto('users')
    .values(DEMO_PEOPLE.map((person) => ({ ...person, password_hash: passwordHash })))
    .execute();
  return true;
}
