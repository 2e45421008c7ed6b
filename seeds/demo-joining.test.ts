import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../server/src/testing/databases.ts';
import { serviceContext } from '../server/src/testing/factories.ts';
import * as accounts from '../server/src/modules/accounts/service.ts';
import * as memberships from '../server/src/modules/memberships/service.ts';
import { DEMO_ASK_TO_JOIN_SLUG } from './demo-joining.ts';
import { DEMO_PASSWORD, DEMO_REFERENCE_DATE, loadDemoDataIfEmpty } from './demo.ts';

describe.each(DATABASE_KINDS)('demo join requests on %s', (kind) => {
  const database = useTestDatabase(kind);

  it('should make Cardiff ask to join, with two requests waiting that its steward can answer', async () => {
    const now = new Date(DEMO_REFERENCE_DATE.getTime() + 86_400_000);
    expect(await loadDemoDataIfEmpty(database.db, now)).toBe(true);
    const policies = await database.db.selectFrom('networks').select(['slug', 'join_policy']).execute();
    expect(policies.filter((row) => row.join_policy === 'ASK_TO_JOIN').map((row) => row.slug)).toEqual([
      DEMO_ASK_TO_JOIN_SLUG,
    ]);
    const signedIn = await accounts.signIn(serviceContext(database.db), {
      email: 'rhys.evans@example.org',
      password: DEMO_PASSWORD,
    });
    const rhys = serviceContext(database.db, { viewer: signedIn.viewer });
    const network = policies.find((row) => row.slug === DEMO_ASK_TO_JOIN_SLUG)!;
    const { id } = await database.db
      .selectFrom('networks')
      .select('id')
      .where('slug', '=', network.slug)
      .executeTakeFirstOrThrow();
    const page = (await memberships.joinRequestPages(rhys, [id], {})).get(id);
    if (!page || page instanceof Error) throw new Error('expected a page of requests');
    expect(page.edges).toHaveLength(2);
    expect(await page.totalCount()).toBe(2);
    for (const { node } of page.edges) {
      expect(node.status).toBe('PENDING');
      expect(node.createdAt < now).toBe(true);
      // Nobody waiting is a member yet.
      expect(await memberships.roleOf(rhys, id, node.userId)).toBeNull();
    }
  });
});
