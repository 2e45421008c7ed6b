import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../testing/factories.ts';
import { useTestApp, type GraphqlResponse } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';

// A template's file is read by whoever may read the template (any version of it), and nobody
// else; deleting an account takes the person's drafts and loose uploads with it, and keeps what
// they published, without their name.

const JOIN = 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }';
const CREATE_TEMPLATE = `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { id file { id name url } } }`;
const CREATE_TIP = `mutation ($input: CreateTipInput!) { createTip(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateLibraryItemInput!) { updateLibraryItem(itemId: $id, input: $input) { id version versions { number file { id } } ... on Template { file { id } } } }`;
const SUBMIT = `mutation ($id: ID!) { submitForReview(itemId: $id) { id } }`;
const REVIEW = `mutation ($id: ID!) { reviewLibraryItem(itemId: $id, decision: APPROVE) { status } }`;
const READ = `query ($id: ID!) { libraryItem(id: $id) { id status authors { id } versions { author { id } } } }`;
const DELETE = 'mutation ($p: String!) { deleteMyAccount(password: $p) }';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const TEMPLATE = {
  title: 'Social media policy',
  summary: 'A one-page policy trustees can sign off.',
  body: '',
  categories: ['RISK_MITIGATION'],
  tools: [],
};

function data<T>(answer: GraphqlResponse, field: string): T {
  if (!answer.data?.[field]) throw new Error(`${field} refused: ${JSON.stringify(answer.errors)}`);
  return answer.data[field] as T;
}

describe.each(DATABASE_KINDS)('library files and erasure on %s', (kind) => {
  const api = useTestApp(kind);
  let base = '';

  beforeAll(async () => {
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
  });

  async function upload(token: string, name = 'policy.pdf'): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)]), name);
    const response = await fetch(`${base}/files`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  async function downloadStatus(fileId: string, token: string | null): Promise<number> {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    return (await fetch(`${base}/files/${fileId}`, { headers })).status;
  }

  async function cast() {
    const steward = await api.signUp('Sue Steward');
    const author = await api.signUp('Ade Author');
    const member = await api.signUp('Max Member');
    const outsider = await api.signUp('Oz Outsider');
    const network = await api.startNetwork(steward.token);
    for (const who of [author, member]) await api.graphql(JOIN, { token: who.token, variables: { id: network.id } });
    return { steward, author, member, outsider, network };
  }

  it('should let those who may read the template download its file, older versions too, and nobody else', async () => {
    const c = await cast();
    const first = await upload(c.author.token);
    const someoneElses = await upload(c.member.token);
    const refused = await api.graphql(CREATE_TEMPLATE, {
      token: c.author.token,
      variables: { input: { ...TEMPLATE, networkId: c.network.id, fileId: someoneElses } },
    });
    expect(refused.errors?.map((error) => error.extensions.field)).toEqual(['fileId']);

    const template = data<{ id: string; file: { id: string; url: string } }>(
      await api.graphql(CREATE_TEMPLATE, {
        token: c.author.token,
        variables: { input: { ...TEMPLATE, networkId: c.network.id, fileId: first } },
      }),
      'createTemplate',
    );
    expect(template.file).toEqual({ id: first, name: 'policy.pdf', url: `/files/${first}` });

    // A draft's file: its author and the network's reviewers.
    expect(await downloadStatus(first, c.author.token)).toBe(200);
    expect(await downloadStatus(first, c.steward.token)).toBe(200);
    expect(await downloadStatus(first, c.member.token)).toBe(404);

    // Published for the network: members, not outsiders or visitors.
    data(await api.graphql(SUBMIT, { token: c.author.token, variables: { id: template.id } }), 'submitForReview');
    expect(
      data(await api.graphql(REVIEW, { token: c.steward.token, variables: { id: template.id } }), 'reviewLibraryItem'),
    ).toEqual({
      status: 'PUBLISHED',
    });
    expect(await downloadStatus(first, c.member.token)).toBe(200);
    expect(await downloadStatus(first, c.outsider.token)).toBe(404);
    expect(await downloadStatus(first, null)).toBe(404);

    // A new file makes a new version; the old one stays readable with its file.
    const second = await upload(c.author.token, 'policy-v2.pdf');
    const updated = data<{
      version: number;
      file: { id: string };
      versions: Array<{ number: number; file: { id: string } }>;
    }>(
      await api.graphql(UPDATE, { token: c.author.token, variables: { id: template.id, input: { fileId: second } } }),
      'updateLibraryItem',
    );
    expect(updated.file.id).toBe(second);
    expect(updated.versions.map((version) => [version.number, version.file.id])).toEqual([
      [2, second],
      [1, first],
    ]);
    expect(await downloadStatus(first, c.member.token)).toBe(200);
    expect(await downloadStatus(second, c.member.token)).toBe(200);
  });

  it('should erase a leaver’s drafts and loose uploads, and keep what they published without their name', async () => {
    const c = await cast();
    const attached = await upload(c.author.token);
    const loose = await upload(c.author.token, 'loose.pdf');
    const published = data<{ id: string }>(
      await api.graphql(CREATE_TEMPLATE, {
        token: c.author.token,
        variables: { input: { ...TEMPLATE, networkId: c.network.id, fileId: attached } },
      }),
      'createTemplate',
    ).id;
    data(await api.graphql(SUBMIT, { token: c.author.token, variables: { id: published } }), 'submitForReview');
    data(await api.graphql(REVIEW, { token: c.steward.token, variables: { id: published } }), 'reviewLibraryItem');
    const draft = data<{ id: string }>(
      await api.graphql(CREATE_TIP, {
        token: c.author.token,
        variables: { input: { ...TEMPLATE, body: 'A tip.', networkId: c.network.id } },
      }),
      'createTip',
    ).id;

    expect(
      data(await api.graphql(DELETE, { token: c.author.token, variables: { p: TEST_PASSWORD } }), 'deleteMyAccount'),
    ).toBe(true);

    const kept = (await api.graphql(READ, { token: c.member.token, variables: { id: published } })).data?.libraryItem;
    expect(kept).toEqual({ id: published, status: 'PUBLISHED', authors: [], versions: [{ author: null }] });
    expect(
      (await api.graphql(READ, { token: c.steward.token, variables: { id: draft } })).data?.libraryItem,
    ).toBeNull();
    const rows = await api.database.db.selectFrom('library_items').select('id').where('id', '=', draft).execute();
    expect(rows).toEqual([]);
    expect(await downloadStatus(attached, c.member.token)).toBe(200);
    const files = await api.database.db.selectFrom('files').select('id').where('id', 'in', [attached, loose]).execute();
    expect(files.map((file) => file.id)).toEqual([attached]);
  });
});
