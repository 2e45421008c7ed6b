import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { errorCodes as codes, useTestApp, type GraphqlResponse } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';
import { serviceContext, TEST_PASSWORD } from '../../testing/factories.ts';
import * as safety from './service.ts';

// Safety over GraphQL: the contract's names and codes, what each person may read of a report,
// the audit trail, blocking, and the operators' command line.

const JOIN = 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }';
const REPORT = `mutation ($input: ReportConcernInput!) { reportConcern(input: $input) { id status createdAt } }`;
const REPORT_FIELDS = `id status subjectKind subjectId reason details anonymous forOperators viewerCanResolve
  network { id } reporter { id name } subjectPerson { id name } snapshot { title text path }
  resolution { action note suspendUntil resolvedBy { id } }`;
const QUEUE = `query ($slug: String!, $status: ReportStatus, $first: Int) { network(slug: $slug) {
  reports(status: $status, first: $first) { totalCount edges { node { ${REPORT_FIELDS} } } } } }`;
const ONE = `query ($id: ID!) { report(id: $id) { ${REPORT_FIELDS} } }`;
const MINE = `query { myReports { edges { node { id status resolution { action } } } } }`;
const RESOLVE = `mutation ($id: ID!, $a: ModerationAction!, $n: String!, $u: DateTime) {
  resolveReport(reportId: $id, action: $a, note: $n, suspendUntil: $u) { id status resolution { action note } } }`;
const AUDIT = `query ($slug: String!) { network(slug: $slug) { auditLog(first: 10) {
  pageInfo { hasNextPage } edges { node { action summary reason actor { id } actorIsFormerMember subjectPerson { id } network { id } } } } } }`;
const OPERATOR = `query { viewerIsOperator operatorReports { totalCount } operatorAuditLog(first: 1) { edges { node { action } } } }`;
const BLOCK = 'mutation ($p: ID!) { blockPerson(personId: $p) { person { id name } blockedAt } }';
const UNBLOCK = 'mutation ($p: ID!) { unblockPerson(personId: $p) }';
const BLOCKS = 'query { myBlocks { person { id } } }';
const NOTICES = 'query { notifications(first: 50) { edges { node { kind title body url } } } }';
const DELETE = 'mutation ($p: String!) { deleteMyAccount(password: $p) }';

function data<T = Record<string, unknown>>(answer: GraphqlResponse, field: string): T {
  if (!answer.data?.[field]) throw new Error(`${field} refused: ${JSON.stringify(answer.errors)}`);
  return answer.data[field] as T;
}

describe.each(DATABASE_KINDS)('safety over GraphQL on %s', (kind) => {
  const api = useTestApp(kind, { config: { logLevel: 'error' } });

  async function cast() {
    const steward = await api.signUp('Sue Steward');
    const reporter = await api.signUp('Rex Reporter');
    const subject = await api.signUp('Sid Subject');
    const member = await api.signUp('Max Member');
    const network = await api.startNetwork(steward.token);
    for (const who of [reporter, subject, member])
      await api.graphql(JOIN, { token: who.token, variables: { id: network.id } });
    return { steward, reporter, subject, member, network };
  }

  async function report(c: Awaited<ReturnType<typeof cast>>, details = 'Kept messaging me after I said stop.') {
    return data<{ id: string; status: string }>(
      await api.graphql(REPORT, {
        token: c.reporter.token,
        variables: {
          input: { subjectKind: 'PERSON', subjectId: c.subject.id, reason: 'HARASSMENT', details, anonymous: true },
        },
      }),
      'reportConcern',
    );
  }

  it('should show the whole report to the stewards and only its status to the reporter', async () => {
    const c = await cast();
    const filed = await report(c);
    expect(filed).toMatchObject({ status: 'OPEN' });
    const queue = await api.graphql(QUEUE, { token: c.steward.token, variables: { slug: c.network.slug } });
    expect(queue.data?.network.reports).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            id: filed.id,
            status: 'OPEN',
            subjectKind: 'PERSON',
            subjectId: c.subject.id,
            reason: 'HARASSMENT',
            details: 'Kept messaging me after I said stop.',
            anonymous: true,
            forOperators: false,
            viewerCanResolve: true,
            network: { id: c.network.id },
            reporter: { id: c.reporter.id, name: 'Rex Reporter' },
            subjectPerson: { id: c.subject.id, name: 'Sid Subject' },
            snapshot: { title: 'Sid Subject', text: expect.any(String), path: `/people/${c.subject.id}` },
            resolution: null,
          },
        },
      ],
    });
    const resolved = await api.graphql(RESOLVE, {
      token: c.steward.token,
      variables: { id: filed.id, a: 'WARN', n: 'Please leave people be when they ask.' },
    });
    expect(data(resolved, 'resolveReport')).toEqual({
      id: filed.id,
      status: 'RESOLVED',
      resolution: { action: 'WARN', note: 'Please leave people be when they ask.' },
    });
    // The reporter sees that it was resolved, never what was done.
    const own = await api.graphql(ONE, { token: c.reporter.token, variables: { id: filed.id } });
    expect(own.data?.report).toMatchObject({
      id: filed.id,
      status: 'RESOLVED',
      resolution: null,
      viewerCanResolve: false,
    });
    expect((await api.graphql(MINE, { token: c.reporter.token })).data?.myReports.edges).toEqual([
      { node: { id: filed.id, status: 'RESOLVED', resolution: null } },
    ]);
    const again = await api.graphql(RESOLVE, {
      token: c.steward.token,
      variables: { id: filed.id, a: 'DISMISS', n: 'x' },
    });
    expect(codes(again)).toEqual(['CONFLICT']);
  });

  it('should never let the person reported learn who reported them, through any path', async () => {
    const c = await cast();
    const filed = await report(c, 'Rex here: they would not stop.');
    await api.graphql(RESOLVE, {
      token: c.steward.token,
      variables: { id: filed.id, a: 'WARN', n: 'Please keep to the code of conduct.' },
    });
    const paths = [
      await api.graphql(ONE, { token: c.subject.token, variables: { id: filed.id } }),
      await api.graphql(QUEUE, { token: c.subject.token, variables: { slug: c.network.slug } }),
      await api.graphql(MINE, { token: c.subject.token }),
      await api.graphql(NOTICES, { token: c.subject.token }),
      await api.graphql(AUDIT, { token: c.subject.token, variables: { slug: c.network.slug } }),
      await api.graphql('query { exportMyData }', { token: c.subject.token }),
    ];
    expect(paths[0]!.data?.report).toBeNull();
    expect(codes(paths[1]!)).toEqual(['FORBIDDEN']);
    expect(paths[2]!.data?.myReports.edges).toEqual([]);
    expect(paths[3]!.data?.notifications.edges.map((e: { node: { title: string } }) => e.node.title)).toContain(
      `A warning from the stewards of ${(await api.graphql(`query { network(slug: "${c.network.slug}") { name } }`)).data?.network.name}`,
    );
    expect(codes(paths[4]!)).toEqual(['FORBIDDEN']);
    expect(paths[5]!.data?.exportMyData).toContain('Please keep to the code of conduct.');
    for (const answer of paths) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain(c.reporter.id);
      expect(text).not.toContain('Rex');
      expect(text).not.toContain(c.reporter.email);
    }
    const emails = await api.database.db
      .selectFrom('outbox_emails')
      .select(['subject', 'text_body as text'])
      .where('recipient', '=', c.subject.email)
      .execute();
    expect(emails.length).toBeGreaterThan(0);
    expect(JSON.stringify(emails)).not.toContain('Rex');
  });

  it('should keep the audit trail for stewards and operators, showing a deleted actor as a former member', async () => {
    const c = await cast();
    const deputy = await api.signUp('Dee Deputy');
    await api.graphql(JOIN, { token: deputy.token, variables: { id: c.network.id } });
    await api.graphql(
      'mutation ($n: ID!, $u: ID!) { setMemberRole(networkId: $n, userId: $u, role: STEWARD) { id } }',
      { token: c.steward.token, variables: { n: c.network.id, u: deputy.id } },
    );
    const filed = await report(c);
    await api.graphql(RESOLVE, {
      token: deputy.token,
      variables: { id: filed.id, a: 'DISMISS', n: 'A misunderstanding.' },
    });
    data(await api.graphql(DELETE, { token: deputy.token, variables: { p: TEST_PASSWORD } }), 'deleteMyAccount');
    const log = await api.graphql(AUDIT, { token: c.steward.token, variables: { slug: c.network.slug } });
    const entries = log.data?.network.auditLog.edges.map((e: { node: unknown }) => e.node);
    expect(entries[0]).toEqual({
      action: 'REPORT_RESOLVED',
      summary: 'Resolved a report about a member (harassment): dismissed',
      reason: 'A misunderstanding.',
      actor: null,
      actorIsFormerMember: true,
      subjectPerson: { id: c.subject.id },
      network: { id: c.network.id },
    });
    expect(entries.map((e: { action: string }) => e.action)).toContain('ROLE_CHANGED');
    expect(codes(await api.graphql(AUDIT, { token: c.member.token, variables: { slug: c.network.slug } }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('should give operators every queue and the whole trail, and nobody else', async () => {
    const c = await cast();
    const refused = await api.graphql(OPERATOR, { token: c.steward.token });
    expect(refused.data).toBeNull();
    expect(codes(refused)).toContain('FORBIDDEN');
    expect((await api.graphql('query { viewerIsOperator }', { token: c.steward.token })).data).toEqual({
      viewerIsOperator: false,
    });
    const operator = await api.signUp('Ora Operator');
    await safety.grantOperator(serviceContext(api.database.db), operator.email);
    await report(c);
    const answer = await api.graphql(OPERATOR, { token: operator.token });
    expect(answer.data?.viewerIsOperator).toBe(true);
    expect(answer.data?.operatorReports.totalCount).toBeGreaterThanOrEqual(1);
    const queue = await api.graphql(QUEUE, { token: operator.token, variables: { slug: c.network.slug } });
    expect(queue.data?.network.reports.totalCount).toBe(1);
  });

  it('should block and unblock, and list who the viewer blocked', async () => {
    const c = await cast();
    expect(
      data(await api.graphql(BLOCK, { token: c.reporter.token, variables: { p: c.subject.id } }), 'blockPerson'),
    ).toMatchObject({
      person: { id: c.subject.id, name: 'Sid Subject' },
    });
    expect((await api.graphql(BLOCKS, { token: c.reporter.token })).data?.myBlocks).toEqual([
      { person: { id: c.subject.id } },
    ]);
    expect((await api.graphql(BLOCKS, { token: c.subject.token })).data?.myBlocks).toEqual([]);
    expect((await api.graphql(UNBLOCK, { token: c.reporter.token, variables: { p: c.subject.id } })).data).toEqual({
      unblockPerson: true,
    });
    expect(codes(await api.graphql(BLOCKS))).toEqual(['UNAUTHENTICATED']);
  });

  it('should read a queue of 2 reports and of 8 in as many statements', async () => {
    const c = await cast();
    for (let i = 0; i < 8; i++) {
      const other = await api.signUp(`Other ${i}`);
      await api.graphql(JOIN, { token: other.token, variables: { id: c.network.id } });
      data(
        await api.graphql(REPORT, {
          token: c.reporter.token,
          variables: { input: { subjectKind: 'PERSON', subjectId: other.id, reason: 'SPAM', details: 'Adverts.' } },
        }),
        'reportConcern',
      );
    }
    const count = async (first: number) => {
      api.database.statements.length = 0;
      const answer = await api.graphql(QUEUE, {
        token: c.steward.token,
        variables: { slug: c.network.slug, first },
      });
      expect(answer.data?.network.reports.edges).toHaveLength(first);
      return api.database.statements.length;
    };
    expect(await count(8)).toBe(await count(2));
  });
});

describe('pnpm operator', () => {
  const run = promisify(execFile);

  it('should list operators, refuse an unknown address and show how it is used', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hearth-operator-'));
    const cli = (...args: string[]) =>
      run(process.execPath, ['server/src/modules/safety/operator-cli.ts', ...args], {
        env: { ...process.env, HEARTH_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' },
      }).then(
        ({ stdout }) => ({ code: 0, out: stdout.trim() }),
        (error: { code: number; stderr: string }) => ({ code: error.code, out: error.stderr.trim() }),
      );
    try {
      expect(await cli('list')).toEqual({ code: 0, out: 'No operators yet.' });
      expect(await cli('grant', 'nobody@example.org')).toEqual({ code: 1, out: 'No account uses nobody@example.org.' });
      expect(await cli('promote')).toEqual({
        code: 1,
        out: 'Usage: pnpm operator grant EMAIL | pnpm operator revoke EMAIL | pnpm operator list',
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
