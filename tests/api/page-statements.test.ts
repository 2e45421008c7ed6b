import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql, signUp } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const CREATE = /* GraphQL */ `
  mutation ($input: CreateNetworkInput!) {
    createNetwork(input: $input) {
      slug
      id
    }
  }
`;
const JOIN = /* GraphQL */ `
  mutation ($id: ID!) {
    joinNetwork(networkId: $id, acceptCodeOfConduct: true) {
      id
    }
  }
`;

/** What reading a session costs: the one statement `authenticate` runs for a fresh session. */
const SESSION_LOOKUP = /from "sessions"/;

// What a page costs the database, so a page that starts asking for more (or asks for the
// session again) is noticed. The figures are exact: each is the fewest the page needs today.
describe('SQL statements per page', () => {
  let server: RunningServer;
  let steward: { token: string; cookie: string };
  let small: string;
  let large: string;
  let staged: string;

  async function createNetwork(token: string, name: string): Promise<{ slug: string; id: string }> {
    const created = await graphql<{ createNetwork: { slug: string; id: string } }>(server.url, CREATE, {
      token,
      variables: {
        input: {
          name,
          placeName: 'Bristol',
          region: 'South West England',
          latitude: 51.4545,
          longitude: -2.5879,
          purpose: 'Peers for the digital people in small charities.',
          values: 'Kindness.',
          codeOfConduct: 'Be kind.',
        },
      },
    });
    if (!created.data) throw new Error(`createNetwork failed: ${JSON.stringify(created.errors)}`);
    return created.data.createNetwork;
  }

  async function addMembers(networkId: string, count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      const person = await signUp(server.url, 'page-statements');
      const joined = await graphql(server.url, JOIN, { token: person.token, variables: { id: networkId } });
      if (!joined.data) throw new Error(`joinNetwork failed: ${JSON.stringify(joined.errors)}`);
    }
  }

  /** One request's answer, and the statements it ran, counted once the whole answer has arrived. */
  async function measure(send: () => Promise<Response>, status: number) {
    server.statements.length = 0;
    const response = await send();
    const body = await response.text();
    expect(response.status).toBe(status);
    return { statements: [...server.statements], body, location: response.headers.get('location') };
  }

  const page = (path: string, cookie?: string) => () =>
    fetch(`${server.url}${path}`, {
      redirect: 'manual',
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
    });

  beforeAll(async () => {
    server = await startServer({ web: true, countStatements: true });
    const person = await signUp(server.url, 'page-statements-steward');
    steward = { token: person.token, cookie: `hearth_session=${person.token}` };
    const tag = crypto.randomUUID().slice(0, 6);
    const smallNetwork = await createNetwork(person.token, `Statements Small ${tag}`);
    const largeNetwork = await createNetwork(person.token, `Statements Large ${tag}`);
    // Its own network, so the others' history (and so their pages) stays the same whatever runs first.
    const stagedNetwork = await createNetwork(person.token, `Statements Staged ${tag}`);
    await addMembers(smallNetwork.id, 1);
    await addMembers(largeNetwork.id, 11);
    small = smallNetwork.slug;
    large = largeNetwork.slug;
    staged = stagedNetwork.slug;
  });
  afterAll(async () => {
    await server?.close();
  });

  // The network, its member counts, its stage history.
  // The network page's "Coming up" adds two: the next events and their count.
  it('should show a network to a signed-out visitor in 5 statements', async () => {
    const { statements, body } = await measure(page(`/networks/${small}`), 200);
    expect(body).toContain('Sign in to join');
    expect(statements, statements.join('\n')).toHaveLength(5);
    expect(statements.filter((sql) => SESSION_LOOKUP.test(sql))).toHaveLength(0);
  });

  // The session, the header's unread count, then as signed out with the viewer's role and
  // suspension, their latest request to join, and for a steward the requests and reports waiting.
  it('should show a network to its steward in 11 statements, reading the session once', async () => {
    const { statements, body } = await measure(page(`/networks/${small}`, steward.cookie), 200);
    expect(body).toContain('Set the stage');
    expect(statements, statements.join('\n')).toHaveLength(11);
    expect(statements.filter((sql) => SESSION_LOOKUP.test(sql))).toHaveLength(1);
  });

  // The session, the header's unread count, the network, the viewer's role, a page of
  // members, their total, their people, and (for a steward) whose email is failing.
  it('should list the members in 8 statements, reading the session once, for 2 members as for 12', async () => {
    const few = await measure(page(`/networks/${small}/members`, steward.cookie), 200);
    const many = await measure(page(`/networks/${large}/members`, steward.cookie), 200);
    expect(few.body).toMatch(/\b2 members\b/);
    expect(many.body).toMatch(/\b12 members\b/);
    expect(few.statements, few.statements.join('\n')).toHaveLength(8);
    expect(many.statements, many.statements.join('\n')).toHaveLength(8);
    expect(few.statements.filter((sql) => SESSION_LOOKUP.test(sql))).toHaveLength(1);
  });

  // The session, the network's id from its address, then the mutation: the network, the
  // steward's role, the new stage, its history entry and its audit entry.
  it('should change the stage from the form in 7 statements, reading the session once', async () => {
    const { statements, location } = await measure(
      () =>
        fetch(`${server.url}/networks/${staged}?/stage`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            accept: 'text/html',
            origin: server.url,
            cookie: steward.cookie,
          },
          body: new URLSearchParams({ stage: 'COALESCING', note: 'A core group meets monthly now.' }),
        }),
      303,
    );
    expect(location).toBe(`/networks/${staged}?stage-set#lifecycle-title`);
    expect(statements, statements.join('\n')).toHaveLength(7);
    expect(statements.filter((sql) => SESSION_LOOKUP.test(sql))).toHaveLength(1);
  });
});
