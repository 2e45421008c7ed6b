import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../server/src/testing/databases.ts';
import { graphql, newPerson, SIGN_UP, signUp } from '../support/graphql.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const NUL = 'a\u0000b';
const NUL_EMAIL = 'a\u0000b@example.org';

/** A value written inline in a GraphQL document (JSON's string escapes are GraphQL's too). */
function literal(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${key}: ${literal(item)}`)
      .join(', ')} }`;
  }
  return String(value);
}

interface Network {
  id: string;
  slug: string;
}

/** Hands an argument to an operation: as `$name` in the variables, or written inline. */
type Argue = (name: string) => string;

/** One way in for a string, with the argument or input field the refusal must name. */
interface Path {
  label: string;
  field: string;
  kind: 'query' | 'mutation';
  /** Each argument's type and value, given the network the tests made. */
  arguments: (network: Network) => Record<string, { type: string; value: unknown }>;
  selection: (argue: Argue, network: Network) => string;
}

interface Sent {
  query: string;
  variables?: Record<string, unknown>;
}

function asVariables(path: Path, network: Network): Sent {
  const entries = Object.entries(path.arguments(network));
  const declarations = entries.map(([name, { type }]) => `$${name}: ${type}`).join(', ');
  return {
    query: `${path.kind} (${declarations}) { ${path.selection((name) => `$${name}`, network)} }`,
    variables: Object.fromEntries(entries.map(([name, { value }]) => [name, value])),
  };
}

function inline(path: Path, network: Network): Sent {
  const values = path.arguments(network);
  return { query: `${path.kind} { ${path.selection((name) => literal(values[name]!.value), network)} }` };
}

const PASSWORD = 'a long and unusual phrase';

function networkInput(name: string) {
  return {
    name,
    placeName: 'Bristol',
    region: 'South West England',
    latitude: 51.4545,
    longitude: -2.5879,
    purpose: 'Peers for the digital people in small charities.',
    values: '',
    codeOfConduct: 'Be kind.',
  };
}

const PATHS: Path[] = [
  {
    label: 'network(slug)',
    field: 'slug',
    kind: 'query',
    arguments: () => ({ slug: { type: 'String!', value: NUL } }),
    selection: (argue) => `network(slug: ${argue('slug')}) { id }`,
  },
  {
    label: 'the network search',
    field: 'search',
    kind: 'query',
    arguments: () => ({ filter: { type: 'NetworkFilter', value: { search: NUL } } }),
    selection: (argue) => `networks(filter: ${argue('filter')}) { totalCount }`,
  },
  {
    label: 'the member skill filter',
    field: 'skill',
    kind: 'query',
    arguments: () => ({ filter: { type: 'MemberFilter', value: { skill: NUL } } }),
    selection: (argue, network) =>
      `network(slug: "${network.slug}") { members(filter: ${argue('filter')}) { totalCount } }`,
  },
  {
    label: 'the email in signIn',
    field: 'email',
    kind: 'mutation',
    arguments: () => ({ input: { type: 'SignInInput!', value: { email: NUL_EMAIL, password: PASSWORD } } }),
    selection: (argue) => `signIn(input: ${argue('input')}) { token }`,
  },
  {
    label: 'the email in signUp',
    field: 'email',
    kind: 'mutation',
    arguments: () => ({
      input: { type: 'SignUpInput!', value: { email: NUL_EMAIL, password: PASSWORD, name: 'Ann' } },
    }),
    selection: (argue) => `signUp(input: ${argue('input')}) { token }`,
  },
  {
    label: 'the name in createNetwork',
    field: 'name',
    kind: 'mutation',
    arguments: () => ({ input: { type: 'CreateNetworkInput!', value: networkInput(`Null ${NUL} Digital`) } }),
    selection: (argue) => `createNetwork(input: ${argue('input')}) { id }`,
  },
  {
    label: 'the name in updateNetwork',
    field: 'name',
    kind: 'mutation',
    arguments: (network) => ({
      networkId: { type: 'ID!', value: network.id },
      input: { type: 'UpdateNetworkInput!', value: { name: NUL } },
    }),
    selection: (argue) => `updateNetwork(networkId: ${argue('networkId')}, input: ${argue('input')}) { id }`,
  },
  {
    label: 'the network id in setLifecycleStage',
    field: 'networkId',
    kind: 'mutation',
    arguments: () => ({
      networkId: { type: 'ID!', value: NUL },
      note: { type: 'String!', value: 'Meeting monthly now.' },
    }),
    selection: (argue) =>
      `setLifecycleStage(networkId: ${argue('networkId')}, stage: COALESCING, note: ${argue('note')}) { id }`,
  },
];

const refusal = (field: string, readable = field) => ({
  message: `The ${readable} holds a control character (U+0000). Use letters, numbers and punctuation only.`,
  extensions: { code: 'BAD_USER_INPUT', field },
});

const CREATE = 'mutation ($input: CreateNetworkInput!) { createNetwork(input: $input) { id slug name } }';
const UPDATE =
  'mutation ($id: ID!, $input: UpdateNetworkInput!) { updateNetwork(networkId: $id, input: $input) { id name } }';
const UPDATE_PROFILE = 'mutation ($input: UpdateProfileInput!) { updateProfile(input: $input) { id name } }';

// On PostgreSQL, not PGlite: PostgreSQL refuses NUL in text, which is how a NUL became INTERNAL.
describe('strings with control characters', () => {
  let server: RunningServer;
  let drop: () => Promise<void>;
  let token: string;
  let network: Network;

  beforeAll(async () => {
    const database = await createPostgresDatabase();
    drop = database.drop;
    server = await startServer({ web: true, databaseUrl: database.url });
    token = (await signUp(server.url, 'input-text')).token;
    const created = await graphql<{ createNetwork: Network }>(server.url, CREATE, {
      token,
      variables: { input: networkInput(`Quillmoor ${crypto.randomUUID().slice(0, 6)} Digital`) },
    });
    network = created.data!.createNetwork;
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  describe.each(PATHS)('$label', (path) => {
    it.each(['as a variable', 'inline'] as const)(
      'should refuse a NUL %s as BAD_USER_INPUT naming the field',
      async (how) => {
        const sent = how === 'inline' ? inline(path, network) : asVariables(path, network);
        const result = await graphql(server.url, sent.query, { token, variables: sent.variables });
        const readable = path.field === 'networkId' ? 'network id' : path.field;
        expect({ status: result.status, data: result.data, errors: result.errors }).toEqual({
          status: 200,
          data: null,
          errors: [refusal(path.field, readable)],
        });
      },
    );
  });

  it('should let line breaks from a textarea (CRLF) and tabs through', async () => {
    const result = await graphql<{ setLifecycleStage: { id: string } }>(
      server.url,
      'mutation ($id: ID!, $note: String!) { setLifecycleStage(networkId: $id, stage: COALESCING, note: $note) { id } }',
      { token, variables: { id: network.id, note: 'First meetup held.\r\nA core group\tformed.' } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.setLifecycleStage.id).toBe(network.id);
  });

  /** The page's HTML, signed out or with a session. */
  async function page(path: string, session?: string): Promise<{ status: number; html: string }> {
    const response = await fetch(`${server.url}${path}`, {
      headers: { accept: 'text/html', ...(session ? { cookie: `hearth_session=${session}` } : {}) },
    });
    return { status: response.status, html: await response.text() };
  }

  /** The error a page shows next to the field named `name`, as text. */
  function fieldError(html: string, name: string): string | undefined {
    const match = new RegExp(`<p class="field-error[^"]*" id="${name}-error">(.*?)</p>`, 's').exec(html);
    return match?.[1]?.replace(/<[^>]+>/g, '').trim();
  }

  it('should show the directory with the refusal next to the search field, signed out', async () => {
    const { status, html } = await page('/networks?q=a%00b');
    // A search that cannot be run is a page like any other: SvelteKit gives a load no way to set
    // another status short of the error page.
    expect(status).toBe(200);
    expect(fieldError(html, 'q')).toBe(`Error: ${refusal('search').message}`);
    expect(html).toMatch(/<input id="q" name="q"[^>]* aria-invalid="true"/);
    expect(html).toContain('Change the words to look for, then search again.');
  });

  it('should show a refused place next to the near field and list the networks', async () => {
    const { status, html } = await page('/networks?near=a%00b');
    expect(status).toBe(200);
    expect(fieldError(html, 'near')).toBe(`Error: ${refusal('placeName', 'place name').message}`);
    expect(html).toContain(`/networks/${network.slug}`);
  });

  it.each([
    ['skill', 'skill', 'skill'],
    ['q', 'search', 'search'],
  ])('should show the member list page with a refused %s next to its field', async (param, field, readable) => {
    const { status, html } = await page(`/networks/${network.slug}/members?${param}=a%00b`, token);
    expect(status).toBe(200);
    expect(html).toContain('<h1>Members of Quillmoor');
    expect(fieldError(html, param)).toBe(`Error: ${refusal(field, readable).message}`);
    expect(html).toContain('Change the filters, then filter again.');
  });
});

/** What a client reads of each error: the words and the code, not where in the document. */
const said = (result: { errors?: { message: string; extensions?: unknown }[] | undefined }) =>
  result.errors?.map(({ message, extensions }) => ({ message, extensions }));

describe('names', () => {
  let server: RunningServer;
  let token: string;
  let networkId: string;

  beforeAll(async () => {
    server = await startServer({ web: false });
    token = (await signUp(server.url, 'names')).token;
    const created = await graphql<{ createNetwork: { id: string } }>(server.url, CREATE, {
      token,
      variables: { input: networkInput(`Fellowes ${crypto.randomUUID().slice(0, 6)} Digital`) },
    });
    networkId = created.data!.createNetwork.id;
  });
  afterAll(async () => {
    await server?.close();
  });

  const ZERO_WIDTH = '\u200B\u200B\u200D';
  const OVERRIDE = 'Fay \u202Egnp.exe\u202C Fellow';
  const reorders = (label: string) => ({
    message: `The ${label} holds a hidden character that reorders the text around it (U+202E); type the ${label} without it.`,
    extensions: { code: 'BAD_USER_INPUT', field: 'name' },
  });

  const signUpNamed = (name: string) =>
    graphql<{ signUp: { user: { name: string } } }>(server.url, SIGN_UP, {
      variables: { input: { ...newPerson('named'), name } },
    });

  it('should refuse a person named only with zero-width characters, or with a right-to-left override', async () => {
    expect(said(await signUpNamed(ZERO_WIDTH))).toEqual([
      { message: 'Enter the name you want to be shown by.', extensions: { code: 'BAD_USER_INPUT', field: 'name' } },
    ]);
    expect(said(await signUpNamed(OVERRIDE))).toEqual([reorders('name')]);
    expect(said(await signUpNamed('---'))).toEqual([
      {
        message: 'Use at least one letter or number in the name.',
        extensions: { code: 'BAD_USER_INPUT', field: 'name' },
      },
    ]);
  });

  it('should store a pasted name without its invisible characters, and keep an emoji sequence', async () => {
    expect((await signUpNamed('\uFEFFFay\u200B Fel\u200Dlow\u200E')).data?.signUp.user.name).toBe('Fay Fellow');
    expect((await signUpNamed('Fay 👩\u200D💻')).data?.signUp.user.name).toBe('Fay 👩\u200D💻');
  });

  it('should hold a profile name to the same rules', async () => {
    const update = (name: string) =>
      graphql<{ updateProfile: { name: string } }>(server.url, UPDATE_PROFILE, {
        token,
        variables: { input: { name } },
      });
    expect((await update(ZERO_WIDTH)).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(said(await update(OVERRIDE))).toEqual([reorders('name')]);
    expect((await update('Fay\u200F Fellow')).data?.updateProfile.name).toBe('Fay Fellow');
  });

  it('should hold a network name to the same rules, on create and on update', async () => {
    const create = (name: string) => graphql(server.url, CREATE, { token, variables: { input: networkInput(name) } });
    const update = (name: string) =>
      graphql<{ updateNetwork: { name: string } }>(server.url, UPDATE, {
        token,
        variables: { id: networkId, input: { name } },
      });
    expect(said(await create(ZERO_WIDTH))).toEqual([
      { message: "Enter the network's name.", extensions: { code: 'BAD_USER_INPUT', field: 'name' } },
    ]);
    expect(said(await create(OVERRIDE))).toEqual([reorders('name')]);
    expect((await update(ZERO_WIDTH)).errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(said(await update(OVERRIDE))).toEqual([reorders('name')]);
    expect((await update('\u2060Fellowes Digital\u200B')).data?.updateNetwork.name).toBe('Fellowes Digital');
  });
});
