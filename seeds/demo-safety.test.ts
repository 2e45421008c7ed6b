import { beforeAll, describe, expect, it } from 'vitest';
import { RequestMemo } from '../server/src/core/context.ts';
import { signIn } from '../server/src/modules/accounts/service.ts';
import * as memberships from '../server/src/modules/memberships/service.ts';
import * as networks from '../server/src/modules/networks/service.ts';
import * as safety from '../server/src/modules/safety/service.ts';
import { useTestDatabase } from '../server/src/testing/databases.ts';
import { caught, serviceContext, TestClock } from '../server/src/testing/factories.ts';
import { DEMO_OPERATOR_EMAIL, DEMO_SAFETY_SLUG } from './demo-safety.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, loadDemoDataIfEmpty } from './demo.ts';

// The demo's moderation queue, as its steward and the operator see it through the services.

const NOW = new Date('2027-11-02T09:00:00.000Z');

describe('safety on the demo data', () => {
  const database = useTestDatabase('pglite');
  beforeAll(async () => {
    expect(await loadDemoDataIfEmpty(database.db, NOW)).toBe(true);
  });

  async function as(email: string) {
    const clock = new TestClock(NOW);
    const signed = await signIn(serviceContext(database.db, { clock }), { email, password: DEMO_PASSWORD });
    return serviceContext(database.db, { clock, viewer: signed.viewer, memo: new RequestMemo() });
  }

  it('should give Amara three open reports and two resolved ones in Leeds, and one member suspended', async () => {
    const amara = await as(DEMO_PEOPLE[0].email);
    const network = (await networks.getNetworkBySlug(amara, DEMO_SAFETY_SLUG))!;
    const open = await safety.networkReports(amara, network.id, 'OPEN', 20, null);
    expect(open.edges.map((edge) => [edge.node.reason, edge.node.viewerCanResolve])).toEqual([
      ['SELLING', true],
      ['HARASSMENT', true],
      ['SPAM', true],
    ]);
    const resolved = await safety.networkReports(amara, network.id, 'RESOLVED', 20, null);
    expect(resolved.edges.map((edge) => edge.node.action)).toEqual(['SUSPEND', 'DISMISS']);
    const suspended = resolved.edges[0]!.node.subjectPersonId!;
    const log = await safety.networkAuditLog(amara, network.id, 20, null);
    expect(log.edges.filter((edge) => edge.node.action === 'REPORT_RESOLVED')).toHaveLength(2);

    const theirs = serviceContext(database.db, {
      clock: new TestClock(NOW),
      viewer: { userId: suspended, sessionId: 'demo', name: 'Suspended', email: 'x@example.org' },
    });
    const refusal = await caught(memberships.requireGoodStanding(theirs, network.id));
    expect(refusal.message).toMatch(
      /^You are suspended from this network until 16 November 2027: Suspended for two weeks/,
    );
  });

  it('should make Priya an operator, who sees every queue', async () => {
    const priya = await as(DEMO_OPERATOR_EMAIL);
    expect(await safety.isViewerOperator(priya)).toBe(true);
    expect(await (await safety.operatorReports(priya, 'OPEN', 20, null)).totalCount()).toBe(3);
    expect(await safety.isViewerOperator(await as(DEMO_PEOPLE[1].email))).toBe(false);
  });
});
