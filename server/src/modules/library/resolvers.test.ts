import { describe, expect, it } from 'vitest';
import { errorCodes as codes, useTestApp, type GraphqlResponse } from '../../testing/app.ts';
import { DATABASE_KINDS } from '../../testing/databases.ts';

// The library over GraphQL: writing, peer review, who sees what, search with mended words and
// facets, "I used this", archiving and briefs, with the contract's names and error codes.

const JOIN = 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }';
const PROMOTE =
  'mutation ($n: ID!, $u: ID!, $r: NetworkRole!) { setMemberRole(networkId: $n, userId: $u, role: $r) { id } }';
const COMMON = `id kind title summary status audience categories sector orgSize tools version usedCount
  viewerCanEdit viewerCanReview network { id } authors { id name } reviews { decision comment version reviewer { id } }
  viewerUse { note } versions { number title author { id } }`;
const CASE_FIELDS =
  'orgName problem approach cost duration outcome evidence differently happyToTalk sections { heading html }';
const TEMPLATE_FIELDS = 'body bodyHtml file { id }';
const TIP_FIELDS = 'body bodyHtml';
const ITEM = `${COMMON} ... on CaseStudy { ${CASE_FIELDS} } ... on Template { ${TEMPLATE_FIELDS} } ... on Tip { ${TIP_FIELDS} }`;
const CREATE_CASE = `mutation ($input: CreateCaseStudyInput!) { createCaseStudy(input: $input) { ${COMMON} ${CASE_FIELDS} } }`;
const CREATE_TIP = `mutation ($input: CreateTipInput!) { createTip(input: $input) { ${COMMON} ${TIP_FIELDS} } }`;
const CREATE_TEMPLATE = `mutation ($input: CreateTemplateInput!) { createTemplate(input: $input) { ${COMMON} ${TEMPLATE_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateLibraryItemInput!) { updateLibraryItem(itemId: $id, input: $input) { ${ITEM} } }`;
const SUBMIT = `mutation ($id: ID!) { submitForReview(itemId: $id) { id status } }`;
const REVIEW = `mutation ($id: ID!, $d: ReviewDecision!, $c: String) { reviewLibraryItem(itemId: $id, decision: $d, comment: $c) { id status } }`;
const ARCHIVE = `mutation ($id: ID!) { archiveLibraryItem(itemId: $id) { id status } }`;
const USED = `mutation ($id: ID!, $note: String) { markUsed(itemId: $id, note: $note) { id usedCount viewerUse { note } } }`;
const READ = `query ($id: ID!) { libraryItem(id: $id) { ${ITEM} } }`;
const APPROVALS = `mutation ($n: ID!, $a: Int!) { setLibraryApprovalsNeeded(networkId: $n, approvals: $a) { libraryApprovalsNeeded } }`;
const NAME_REVIEWER = `mutation ($n: ID!, $p: ID!, $r: Boolean!) { setLibraryReviewer(networkId: $n, personId: $p, reviewer: $r) { libraryReviewers { id } } }`;
const QUEUE = `query ($slug: String!) { network(slug: $slug) { libraryApprovalsNeeded libraryReviewers { id } libraryReviewQueue { id title } } }`;
const SEARCH = `query ($q: String, $f: LibraryFilter, $s: LibrarySort, $first: Int, $after: String) {
  searchLibrary(query: $q, filter: $f, sort: $s, first: $first, after: $after) {
    totalCount correctedQuery facets { field value label count }
    pageInfo { hasNextPage endCursor }
    edges { cursor rank snippet { text highlighted } node { id title kind } }
  } }`;
const NOTICES = `query { notifications(first: 20) { edges { node { kind title url } } } }`;
const CREATE_BRIEF = `mutation ($input: CreateBriefInput!) { createBrief(input: $input) { id title ask shareUrl revoked items { id title } } }`;
const REVOKE_BRIEF = `mutation ($id: ID!) { revokeBrief(briefId: $id) { id shareUrl revoked } }`;
const BRIEF_BY_TOKEN = `query ($t: String!) { briefByToken(token: $t) { title ask items { id title ... on CaseStudy { outcome } } } }`;

const CASE_STUDY = {
  title: 'Moving our newsletter to Mailchimp',
  summary: 'How a two-person food bank cut the time a newsletter takes from a day to an hour.',
  problem: 'Our newsletter went out from **Outlook**, one address at a time.',
  approach: 'We moved the list to Mailchimp and made one template.',
  tools: ['Mailchimp', 'Canva', 'mailchimp'],
  cost: 'Nothing in money; 10 hours of staff time.',
  duration: 'Six weeks',
  outcome: 'The newsletter takes an hour.',
  evidence: 'Opens rose from 22% to 41%.',
  differently: 'Clean the list first.',
  orgName: 'Grangetown Food Bank',
  orgSize: 'SMALL',
  sector: 'FOOD_AND_POVERTY',
  categories: ['QUICK_TIP', 'SHORT_TERM_SKILLS'],
  happyToTalk: true,
};

const TIP = {
  title: 'Turn on two-step login for the shared inbox',
  summary: 'The one setting that stops most account takeovers.',
  body: 'Use an authenticator app. See [NCSC](https://www.ncsc.gov.uk/collection/small-business-guide).',
  categories: ['RISK_MITIGATION'],
  tools: ['Microsoft 365'],
};

function data<T = Record<string, unknown>>(answer: GraphqlResponse, field: string): T {
  if (!answer.data?.[field]) throw new Error(`${field} refused: ${JSON.stringify(answer.errors)}`);
  return answer.data[field] as T;
}

describe.each(DATABASE_KINDS)('the library over GraphQL on %s', (kind) => {
  const api = useTestApp(kind, { config: { logLevel: 'error' } });

  async function cast() {
    const steward = await api.signUp('Sue Steward');
    const organiser = await api.signUp('Ola Organiser');
    const author = await api.signUp('Ade Author');
    const member = await api.signUp('Max Member');
    const named = await api.signUp('Rae Reviewer');
    const outsider = await api.signUp('Oz Outsider');
    const network = await api.startNetwork(steward.token);
    for (const who of [organiser, author, member, named]) {
      await api.graphql(JOIN, { token: who.token, variables: { id: network.id } });
    }
    await api.graphql(PROMOTE, { token: steward.token, variables: { n: network.id, u: organiser.id, r: 'ORGANISER' } });
    return { steward, organiser, author, member, named, outsider, network };
  }

  async function publish(
    c: Awaited<ReturnType<typeof cast>>,
    mutation: string,
    input: Record<string, unknown>,
  ): Promise<string> {
    const created = data<{ id: string }>(
      await api.graphql(mutation, {
        token: c.author.token,
        variables: { input: { networkId: c.network.id, ...input } },
      }),
      mutation === CREATE_CASE ? 'createCaseStudy' : mutation === CREATE_TIP ? 'createTip' : 'createTemplate',
    );
    data(await api.graphql(SUBMIT, { token: c.author.token, variables: { id: created.id } }), 'submitForReview');
    data(
      await api.graphql(REVIEW, { token: c.organiser.token, variables: { id: created.id, d: 'APPROVE', c: 'Clear.' } }),
      'reviewLibraryItem',
    );
    return created.id;
  }

  it('should write a case study as a draft, with every field kept, tools once each and safe HTML', async () => {
    const c = await cast();
    const created = await api.graphql(CREATE_CASE, {
      token: c.author.token,
      variables: { input: { networkId: c.network.id, ...CASE_STUDY } },
    });
    const item = data<Record<string, unknown>>(created, 'createCaseStudy');
    expect(item).toMatchObject({
      kind: 'CASE_STUDY',
      status: 'DRAFT',
      audience: 'NETWORK',
      title: CASE_STUDY.title,
      tools: ['Mailchimp', 'Canva'],
      orgName: 'Grangetown Food Bank',
      orgSize: 'SMALL',
      sector: 'FOOD_AND_POVERTY',
      version: 1,
      usedCount: 0,
      viewerCanEdit: true,
      viewerCanReview: false,
      authors: [{ id: c.author.id, name: 'Ade Author' }],
      reviews: [],
      versions: [{ number: 1, title: CASE_STUDY.title, author: { id: c.author.id } }],
    });
    expect((item.sections as Array<{ heading: string; html: string }>)[0]).toEqual({
      heading: 'The problem',
      html: '<p>Our newsletter went out from <strong>Outlook</strong>, one address at a time.</p>',
    });
  });

  it('should refuse bad input naming every field, and writers who are not members', async () => {
    const c = await cast();
    const bad = await api.graphql(CREATE_CASE, {
      token: c.author.token,
      variables: {
        input: {
          ...CASE_STUDY,
          networkId: c.network.id,
          title: ' ',
          categories: [],
          tools: Array.from({ length: 11 }, (_, i) => `Tool ${i}`),
          problem: '',
          duration: 'x'.repeat(201),
        },
      },
    });
    expect(bad.errors?.map((error) => [error.extensions.code, error.extensions.field])).toEqual([
      ['BAD_USER_INPUT', 'title'],
      ['BAD_USER_INPUT', 'categories'],
      ['BAD_USER_INPUT', 'tools'],
      ['BAD_USER_INPUT', 'problem'],
      ['BAD_USER_INPUT', 'duration'],
    ]);
    const input = { ...TIP, networkId: c.network.id };
    expect(codes(await api.graphql(CREATE_TIP, { token: c.outsider.token, variables: { input } }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await api.graphql(CREATE_TIP, { variables: { input } }))).toEqual(['UNAUTHENTICATED']);
    const noBody = await api.graphql(CREATE_TEMPLATE, {
      token: c.author.token,
      variables: { input: { ...TIP, networkId: c.network.id, body: '' } },
    });
    expect(noBody.errors?.map((error) => error.extensions.field)).toEqual(['body']);
    const notMine = await api.graphql(CREATE_TEMPLATE, {
      token: c.author.token,
      variables: { input: { ...TIP, networkId: c.network.id, fileId: '0190a0b0-0000-7000-8000-000000000000' } },
    });
    expect(notMine.errors?.map((error) => error.extensions.field)).toEqual(['fileId']);
  });

  it('should take a draft through review to published, shown only to those who may see each stage', async () => {
    const c = await cast();
    const id = data<{ id: string }>(
      await api.graphql(CREATE_CASE, {
        token: c.author.token,
        variables: { input: { networkId: c.network.id, ...CASE_STUDY } },
      }),
      'createCaseStudy',
    ).id;
    const readBy = async (token: string | null) =>
      (await api.graphql(READ, { token, variables: { id } })).data?.libraryItem as Record<string, unknown> | null;

    // A draft: its author and the network's organisers and stewards, no one else.
    for (const who of [c.author, c.organiser, c.steward]) expect((await readBy(who.token))?.id).toBe(id);
    for (const token of [c.member.token, c.named.token, c.outsider.token, null]) expect(await readBy(token)).toBeNull();
    expect(codes(await api.graphql(SUBMIT, { token: c.member.token, variables: { id } }))).toEqual(['NOT_FOUND']);
    expect(codes(await api.graphql(SUBMIT, { token: c.organiser.token, variables: { id } }))).toEqual(['FORBIDDEN']);

    // A named reviewer joins the reviewers; the queue shows the item to those who may review it.
    expect(
      codes(
        await api.graphql(NAME_REVIEWER, {
          token: c.organiser.token,
          variables: { n: c.network.id, p: c.named.id, r: true },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      data(
        await api.graphql(NAME_REVIEWER, {
          token: c.steward.token,
          variables: { n: c.network.id, p: c.named.id, r: true },
        }),
        'setLibraryReviewer',
      ),
    ).toEqual({ libraryReviewers: [{ id: c.named.id }] });
    expect(data(await api.graphql(SUBMIT, { token: c.author.token, variables: { id } }), 'submitForReview')).toEqual({
      id,
      status: 'IN_REVIEW',
    });
    for (const who of [c.steward, c.organiser, c.named]) {
      const notices = (await api.graphql(NOTICES, { token: who.token })).data?.notifications.edges;
      expect(notices).toContainEqual({
        node: { kind: 'LIBRARY', title: `Waiting for your review: ${CASE_STUDY.title}`, url: `/library/${id}` },
      });
      const network = (await api.graphql(QUEUE, { token: who.token, variables: { slug: c.network.slug } })).data
        ?.network;
      expect(network.libraryReviewQueue).toEqual([{ id, title: CASE_STUDY.title }]);
    }
    const memberView = (await api.graphql(QUEUE, { token: c.member.token, variables: { slug: c.network.slug } })).data
      ?.network;
    expect(memberView).toEqual({ libraryApprovalsNeeded: 1, libraryReviewers: [], libraryReviewQueue: [] });
    expect((await readBy(c.named.token))?.viewerCanReview).toBe(true);
    expect((await readBy(c.author.token))?.viewerCanReview).toBe(false);

    // Reviewing: not one's own, changes need a comment, and send it back to draft.
    expect(codes(await api.graphql(REVIEW, { token: c.author.token, variables: { id, d: 'APPROVE' } }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await api.graphql(REVIEW, { token: c.member.token, variables: { id, d: 'APPROVE' } }))).toEqual([
      'NOT_FOUND',
    ]);
    const noComment = await api.graphql(REVIEW, { token: c.named.token, variables: { id, d: 'REQUEST_CHANGES' } });
    expect(noComment.errors?.map((error) => error.extensions.field)).toEqual(['comment']);
    expect(
      data(
        await api.graphql(REVIEW, {
          token: c.named.token,
          variables: { id, d: 'REQUEST_CHANGES', c: 'Say what the 41% was out of.' },
        }),
        'reviewLibraryItem',
      ),
    ).toEqual({ id, status: 'DRAFT' });
    const authorNotices = (await api.graphql(NOTICES, { token: c.author.token })).data?.notifications.edges;
    expect(authorNotices[0]).toEqual({
      node: { kind: 'LIBRARY', title: `Changes asked for: ${CASE_STUDY.title}`, url: `/library/${id}` },
    });

    // The author edits (a new version) and sends it again; an approval publishes it.
    expect(
      codes(await api.graphql(UPDATE, { token: c.organiser.token, variables: { id, input: { evidence: 'x' } } })),
    ).toEqual(['FORBIDDEN']);
    const wrongKind = await api.graphql(UPDATE, { token: c.author.token, variables: { id, input: { body: 'x' } } });
    expect(wrongKind.errors?.map((error) => [error.extensions.code, error.extensions.field])).toEqual([
      ['BAD_USER_INPUT', 'body'],
    ]);
    const edited = data<Record<string, unknown>>(
      await api.graphql(UPDATE, {
        token: c.author.token,
        variables: { id, input: { evidence: 'Opens rose from 22% to 41% of 480 subscribers.' } },
      }),
      'updateLibraryItem',
    );
    expect(edited).toMatchObject({
      version: 2,
      status: 'DRAFT',
      evidence: 'Opens rose from 22% to 41% of 480 subscribers.',
    });
    expect((edited.versions as unknown[]).length).toBe(2);
    const same = data<Record<string, unknown>>(
      await api.graphql(UPDATE, { token: c.author.token, variables: { id, input: { title: CASE_STUDY.title } } }),
      'updateLibraryItem',
    );
    expect(same.version).toBe(2);
    data(await api.graphql(SUBMIT, { token: c.author.token, variables: { id } }), 'submitForReview');
    expect(
      data(
        await api.graphql(REVIEW, { token: c.organiser.token, variables: { id, d: 'APPROVE', c: 'Good.' } }),
        'reviewLibraryItem',
      ),
    ).toEqual({ id, status: 'PUBLISHED' });

    // Published for the network: its members, not outsiders; then for everyone.
    const published = await readBy(c.member.token);
    expect(published).toMatchObject({ status: 'PUBLISHED', viewerCanEdit: false, viewerCanReview: false });
    expect(published?.reviews).toEqual([
      {
        decision: 'REQUEST_CHANGES',
        comment: 'Say what the 41% was out of.',
        version: 1,
        reviewer: { id: c.named.id },
      },
      { decision: 'APPROVE', comment: 'Good.', version: 2, reviewer: { id: c.organiser.id } },
    ]);
    expect(await readBy(c.outsider.token)).toBeNull();
    data(
      await api.graphql(UPDATE, { token: c.author.token, variables: { id, input: { audience: 'ALL_NETWORKS' } } }),
      'updateLibraryItem',
    );
    expect((await readBy(c.outsider.token))?.status).toBe('PUBLISHED');
    expect((await readBy(null))?.version).toBe(3);
  });

  it('should need two approvals where the stewards ask for two, and publish once when both come at once', async () => {
    const c = await cast();
    expect(
      codes(await api.graphql(APPROVALS, { token: c.organiser.token, variables: { n: c.network.id, a: 2 } })),
    ).toEqual(['FORBIDDEN']);
    const three = await api.graphql(APPROVALS, { token: c.steward.token, variables: { n: c.network.id, a: 3 } });
    expect(three.errors?.map((error) => error.extensions.field)).toEqual(['approvals']);
    expect(
      data(
        await api.graphql(APPROVALS, { token: c.steward.token, variables: { n: c.network.id, a: 2 } }),
        'setLibraryApprovalsNeeded',
      ),
    ).toEqual({ libraryApprovalsNeeded: 2 });

    const id = data<{ id: string }>(
      await api.graphql(CREATE_TIP, {
        token: c.author.token,
        variables: { input: { networkId: c.network.id, ...TIP } },
      }),
      'createTip',
    ).id;
    data(await api.graphql(SUBMIT, { token: c.author.token, variables: { id } }), 'submitForReview');
    const first = data(
      await api.graphql(REVIEW, { token: c.organiser.token, variables: { id, d: 'APPROVE' } }),
      'reviewLibraryItem',
    );
    expect(first).toEqual({ id, status: 'IN_REVIEW' });
    // Decided once this round: no longer asked to review it; the steward still is.
    const canReview = async (token: string) =>
      (await api.graphql(READ, { token, variables: { id } })).data?.libraryItem.viewerCanReview;
    expect([await canReview(c.organiser.token), await canReview(c.steward.token)]).toEqual([false, true]);
    expect(codes(await api.graphql(REVIEW, { token: c.organiser.token, variables: { id, d: 'APPROVE' } }))).toEqual([
      'CONFLICT',
    ]);
    expect(
      data(await api.graphql(REVIEW, { token: c.steward.token, variables: { id, d: 'APPROVE' } }), 'reviewLibraryItem'),
    ).toEqual({ id, status: 'PUBLISHED' });

    // Two approvals at the same moment: both recorded, the item published once.
    await api.graphql(NAME_REVIEWER, {
      token: c.steward.token,
      variables: { n: c.network.id, p: c.named.id, r: true },
    });
    const second = data<{ id: string }>(
      await api.graphql(CREATE_TIP, {
        token: c.author.token,
        variables: { input: { networkId: c.network.id, ...TIP } },
      }),
      'createTip',
    ).id;
    data(await api.graphql(SUBMIT, { token: c.author.token, variables: { id: second } }), 'submitForReview');
    const answers = await Promise.all(
      [c.organiser, c.named].map((who) =>
        api.graphql(REVIEW, { token: who.token, variables: { id: second, d: 'APPROVE' } }),
      ),
    );
    expect(answers.map((answer) => answer.data?.reviewLibraryItem.status).sort()).toEqual(['IN_REVIEW', 'PUBLISHED']);
    const read = (await api.graphql(READ, { token: c.member.token, variables: { id: second } })).data?.libraryItem;
    expect(read.status).toBe('PUBLISHED');
    expect(read.reviews).toHaveLength(2);
  });

  it('should preview Markdown as the library shows it, scripts gone', async () => {
    const preview = await api.graphql('query ($m: String!) { libraryPreview(markdown: $m) }', {
      variables: { m: '**Hi** <script>alert(1)</script> [x](javascript:alert(1))' },
    });
    expect(preview.data?.libraryPreview).toBe(
      '<p><strong>Hi</strong> &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1))</p>',
    );
  });

  it('should refuse to send for review where nobody else can review', async () => {
    const lone = await api.signUp('Lone Steward');
    const network = await api.startNetwork(lone.token);
    const id = data<{ id: string }>(
      await api.graphql(CREATE_TIP, { token: lone.token, variables: { input: { networkId: network.id, ...TIP } } }),
      'createTip',
    ).id;
    const refused = await api.graphql(SUBMIT, { token: lone.token, variables: { id } });
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0]?.message).toContain('Ask a steward to name a reviewer');
  });

  it('should search published items the viewer may read, mending misspelt words, with snippets and facets', async () => {
    const c = await cast();
    const newsletter = await publish(c, CREATE_CASE, { ...CASE_STUDY, audience: 'ALL_NETWORKS' });
    const tip = await publish(c, CREATE_TIP, TIP);
    const draft = data<{ id: string }>(
      await api.graphql(CREATE_TIP, {
        token: c.author.token,
        variables: { input: { ...TIP, networkId: c.network.id, title: 'Newsletter draft nobody reviewed' } },
      }),
      'createTip',
    ).id;

    const search = async (token: string | null, variables: Record<string, unknown>) =>
      data<Record<string, any>>(await api.graphql(SEARCH, { token, variables }), 'searchLibrary'); // eslint-disable-line @typescript-eslint/no-explicit-any

    const found = await search(c.member.token, { q: 'newsleter', f: { networkId: c.network.id } });
    expect(found.correctedQuery).toBe('newsletter');
    expect(found.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([newsletter]);
    expect(found.totalCount).toBe(1);
    const snippet = found.edges[0].snippet as Array<{ text: string; highlighted: boolean }>;
    expect(snippet.filter((part) => part.highlighted).map((part) => part.text.toLowerCase())).toContain('newsletter');
    const joined = snippet.map((part) => part.text).join('');
    expect(['\u0002', '\u0003', '<'].filter((marker) => joined.includes(marker))).toEqual([]);
    expect(found.edges[0].rank).toBeGreaterThan(0);

    // Everything readable, with counts for each filter value; the draft is never among them.
    const all = await search(c.member.token, { f: { networkId: c.network.id } });
    expect(all.totalCount).toBe(2);
    expect(all.correctedQuery).toBeNull();
    expect(all.edges.map((edge: { node: { id: string } }) => edge.node.id).sort()).toEqual([newsletter, tip].sort());
    expect(all.edges.some((edge: { node: { id: string } }) => edge.node.id === draft)).toBe(false);
    expect(all.facets).toEqual(
      expect.arrayContaining([
        { field: 'KIND', value: 'CASE_STUDY', label: 'CASE_STUDY', count: 1 },
        { field: 'KIND', value: 'TIP', label: 'TIP', count: 1 },
        { field: 'TOOL', value: 'Mailchimp', label: 'Mailchimp', count: 1 },
        { field: 'CATEGORY', value: 'RISK_MITIGATION', label: 'RISK_MITIGATION', count: 1 },
        { field: 'NETWORK', value: c.network.id, label: expect.any(String), count: 2 },
      ]),
    );
    // A kind chosen narrows the results but not the kind counts, so the other kind can be added.
    const tips = await search(c.member.token, { f: { networkId: c.network.id, kinds: ['TIP'] } });
    expect(tips.totalCount).toBe(1);
    expect(tips.facets.filter((facet: { field: string }) => facet.field === 'KIND')).toHaveLength(2);
    const byTool = await search(c.member.token, { f: { networkId: c.network.id, tools: ['MAILCHIMP'] } });
    expect(byTool.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([newsletter]);

    // Outsiders and visitors read only what is shared with all networks.
    for (const token of [c.outsider.token, null]) {
      const theirs = await search(token, { f: { networkId: c.network.id } });
      expect(theirs.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([newsletter]);
    }

    // One result per page, the cursor leading on without repeats.
    const first = await search(c.member.token, { f: { networkId: c.network.id }, s: 'NEWEST', first: 1 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = await search(c.member.token, {
      f: { networkId: c.network.id },
      s: 'NEWEST',
      first: 1,
      after: first.pageInfo.endCursor,
    });
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect([first.edges[0].node.id, next.edges[0].node.id].sort()).toEqual([newsletter, tip].sort());
    const bad = await api.graphql(SEARCH, { variables: { after: 'nonsense' } });
    expect(bad.errors?.map((error) => error.extensions.field)).toEqual(['after']);
  });

  it('should count uses, once per person, and archive out of search but not out of reach', async () => {
    const c = await cast();
    const id = await publish(c, CREATE_TIP, TIP);
    expect(codes(await api.graphql(USED, { token: c.author.token, variables: { id } }))).toEqual(['FORBIDDEN']);
    expect(codes(await api.graphql(USED, { token: c.outsider.token, variables: { id } }))).toEqual(['NOT_FOUND']);
    data(await api.graphql(USED, { token: c.member.token, variables: { id, note: 'Turned it on.' } }), 'markUsed');
    const again = data(
      await api.graphql(USED, {
        token: c.member.token,
        variables: { id, note: 'Turned it on for all three inboxes.' },
      }),
      'markUsed',
    );
    expect(again).toEqual({ id, usedCount: 1, viewerUse: { note: 'Turned it on for all three inboxes.' } });
    data(await api.graphql(USED, { token: c.steward.token, variables: { id } }), 'markUsed');
    const read = (await api.graphql(READ, { token: c.organiser.token, variables: { id } })).data?.libraryItem;
    expect(read).toMatchObject({ usedCount: 2, viewerUse: null });

    expect(codes(await api.graphql(ARCHIVE, { token: c.member.token, variables: { id } }))).toEqual(['FORBIDDEN']);
    expect(
      data(await api.graphql(ARCHIVE, { token: c.steward.token, variables: { id } }), 'archiveLibraryItem'),
    ).toEqual({
      id,
      status: 'ARCHIVED',
    });
    const searched = data<{ totalCount: number }>(
      await api.graphql(SEARCH, { token: c.member.token, variables: { f: { networkId: c.network.id } } }),
      'searchLibrary',
    );
    expect(searched.totalCount).toBe(0);
    expect((await api.graphql(READ, { token: c.member.token, variables: { id } })).data?.libraryItem.status).toBe(
      'ARCHIVED',
    );
    expect(
      codes(await api.graphql(UPDATE, { token: c.author.token, variables: { id, input: { title: 'New' } } })),
    ).toEqual(['CONFLICT']);
  });

  it('should make a brief of public items that anyone with its link reads, until its maker revokes it', async () => {
    const c = await cast();
    const open = await publish(c, CREATE_CASE, { ...CASE_STUDY, audience: 'ALL_NETWORKS' });
    const narrow = await publish(c, CREATE_TIP, TIP);
    const input = { title: 'Why we should try Mailchimp', ask: 'We want to try it for three months.', itemIds: [open] };

    const refused = await api.graphql(CREATE_BRIEF, {
      token: c.member.token,
      variables: { input: { ...input, itemIds: [open, narrow] } },
    });
    expect(refused.errors?.map((error) => [error.extensions.code, error.extensions.field])).toEqual([
      ['BAD_USER_INPUT', 'itemIds'],
    ]);
    expect(refused.errors?.[0]?.message).toContain('shared with its network only');
    // A draft cannot go in, and its title is not told to someone who may not read it.
    const draft = data<{ id: string }>(
      await api.graphql(CREATE_TIP, {
        token: c.author.token,
        variables: {
          input: { ...TIP, title: 'Secret draft title', audience: 'ALL_NETWORKS', networkId: c.network.id },
        },
      }),
      'createTip',
    ).id;
    const withDraft = await api.graphql(CREATE_BRIEF, {
      token: c.member.token,
      variables: { input: { ...input, itemIds: [open, draft] } },
    });
    expect(withDraft.errors?.map((error) => [error.extensions.field, error.message])).toEqual([
      ['itemIds', 'One of the items was not found.'],
    ]);
    expect(codes(await api.graphql(CREATE_BRIEF, { variables: { input } }))).toEqual(['UNAUTHENTICATED']);

    const brief = data<{ id: string; shareUrl: string }>(
      await api.graphql(CREATE_BRIEF, { token: c.member.token, variables: { input } }),
      'createBrief',
    );
    expect(brief.shareUrl).toMatch(/^\/briefs\/[A-Za-z0-9_-]{32}$/);
    // The maker's data export holds the brief and what they used; the author's, what they wrote.
    const memberExport = JSON.parse(
      data(await api.graphql('query { exportMyData }', { token: c.member.token }), 'exportMyData'),
    );
    expect(memberExport.library.briefs).toEqual([
      expect.objectContaining({
        title: input.title,
        ask: input.ask,
        items: 1,
        shareUrl: brief.shareUrl,
        revokedAt: null,
      }),
    ]);
    const authorExport = JSON.parse(
      data(await api.graphql('query { exportMyData }', { token: c.author.token }), 'exportMyData'),
    );
    expect(
      authorExport.library.items.map((item: { title: string; status: string }) => [item.title, item.status]).sort(),
    ).toEqual(
      [
        [CASE_STUDY.title, 'PUBLISHED'],
        ['Secret draft title', 'DRAFT'],
        [TIP.title, 'PUBLISHED'],
      ].sort(),
    );
    const organiserExport = JSON.parse(
      data(await api.graphql('query { exportMyData }', { token: c.organiser.token }), 'exportMyData'),
    );
    expect(organiserExport.library.reviews).toHaveLength(2);
    const token = brief.shareUrl.slice('/briefs/'.length);
    expect(data(await api.graphql(BRIEF_BY_TOKEN, { variables: { t: token } }), 'briefByToken')).toEqual({
      title: input.title,
      ask: input.ask,
      items: [{ id: open, title: CASE_STUDY.title, outcome: CASE_STUDY.outcome }],
    });
    expect(
      // One character changed (to another: a token may end in A already, one time in 64).
      (await api.graphql(BRIEF_BY_TOKEN, { variables: { t: token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A') } }))
        .data?.briefByToken,
    ).toBeNull();

    expect(codes(await api.graphql(REVOKE_BRIEF, { token: c.author.token, variables: { id: brief.id } }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      data(await api.graphql(REVOKE_BRIEF, { token: c.member.token, variables: { id: brief.id } }), 'revokeBrief'),
    ).toEqual({ id: brief.id, shareUrl: null, revoked: true });
    expect((await api.graphql(BRIEF_BY_TOKEN, { variables: { t: token } })).data?.briefByToken).toBeNull();
  });

  it('should read a page of 2 results and a page of 12 in as many statements', async () => {
    const c = await cast();
    for (let i = 0; i < 12; i++) await publish(c, CREATE_TIP, { ...TIP, title: `Tip number ${i}` });
    const query = `query ($first: Int, $f: LibraryFilter) { searchLibrary(first: $first, filter: $f) {
      totalCount facets { field value count }
      edges { snippet { text } node { id title network { name } authors { name } reviews { reviewer { name } }
        usedCount viewerUse { note } versions { number author { name } } viewerCanEdit viewerCanReview } } } }`;
    const count = async (first: number) => {
      api.database.statements.length = 0;
      const answer = await api.graphql(query, {
        token: c.member.token,
        variables: { first, f: { networkId: c.network.id } },
      });
      expect(answer.data?.searchLibrary.edges).toHaveLength(first);
      return api.database.statements.length;
    };
    expect(await count(12)).toBe(await count(2));
  });
});
