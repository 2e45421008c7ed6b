import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../server/src/modules/accounts/service.ts';
import { openTestDatabase, type TestDatabase } from '../server/src/testing/databases.ts';
import { serviceContext } from '../server/src/testing/factories.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, loadDemoDataIfEmpty } from './demo.ts';

describe('loadDemoDataIfEmpty', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('should load the demo people into an empty database once, ready to sign in as', async () => {
    expect(await loadDemoDataIfEmpty(database.db)).toBe(true);
    expect(await loadDemoDataIfEmpty(database.db)).toBe(false);
    const emails = await database.db.selectFrom('users').select('email').orderBy('email').execute();
    expect(emails.map((e) => e.email)).toEqual(DEMO_PEOPLE.map((p) => p.email).sort());
    const signedIn = await signIn(serviceContext(database.db), {
      email: DEMO_PEOPLE[0].email,
      password: DEMO_PASSWORD,
    });
    expect(signedIn.user.name).toBe(DEMO_PEOPLE[0].name);
  });
});
