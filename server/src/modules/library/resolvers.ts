import type { Resolvers } from '../../graphql/generated.ts';
import * as library from './service.ts';

const TYPE_OF_KIND = { CASE_STUDY: 'CaseStudy', TEMPLATE: 'Template', TIP: 'Tip' } as const;

const typeOf = (item: library.LibraryItemRecord) => TYPE_OF_KIND[item.kind];

/** The text of a template or tip. */
const body = (item: library.LibraryItemRecord) => String(item.content.body ?? '');

/** A case study's own fields, from its content. */
const section = (key: string) => (item: library.LibraryItemRecord) => String(item.content[key] ?? '');

/** Whether the network's stewards hid the item after a report. */
const hiddenByStewards = (item: library.LibraryItemRecord) => item.hiddenAt !== null;

export const libraryResolvers: Resolvers = {
  LibraryItem: {
    // Mercurius reads `resolveType`; the generated types name it `__resolveType`.
    __resolveType: typeOf,
    ...({ resolveType: typeOf } as object),
  },
  CaseStudy: {
    hiddenByStewards,
    orgName: (item) => (item.content.orgName as string | null) ?? null,
    problem: section('problem'),
    approach: section('approach'),
    cost: section('cost'),
    duration: section('duration'),
    outcome: section('outcome'),
    evidence: section('evidence'),
    differently: section('differently'),
    happyToTalk: (item) => item.content.happyToTalk === true,
    sections: (item) => library.caseStudySections(item),
  },
  Template: {
    hiddenByStewards,
    body,
    bodyHtml: (item) => library.renderMarkdown(body(item)),
  },
  Tip: {
    hiddenByStewards,
    body,
    bodyHtml: (item) => library.renderMarkdown(body(item)),
  },
  LibraryItemVersion: {
    body: (version) => library.versionMarkdown(version, version),
    bodyHtml: (version) => library.renderMarkdown(library.versionMarkdown(version, version)),
  },
  LibraryFile: {
    url: (file) => `/files/${file.id}`,
  },
  LibrarySearchConnection: {
    totalCount: (search) => search.totalCount(),
    facets: (search) => search.facets(),
  },
  Brief: {
    shareUrl: (brief) => library.shareUrlOf(brief),
    revoked: (brief) => brief.revokedAt !== null,
  },
  Query: {
    libraryItem: (_root, { id }, ctx) => library.libraryItem(ctx.services, id),
    searchLibrary: (_root, args, ctx) => library.searchLibrary(ctx.services, args),
    myLibraryItems: (_root, _args, ctx) => library.myLibraryItems(ctx.services),
    myBriefs: (_root, _args, ctx) => library.myBriefs(ctx.services),
    briefByToken: (_root, { token }, ctx) => library.briefByToken(ctx.services, token),
    libraryPreview: (_root, { markdown }) => library.previewMarkdown(markdown),
  },
  Mutation: {
    createCaseStudy: (_root, { input }, ctx) => library.createCaseStudy(ctx.services, input),
    createTemplate: (_root, { input }, ctx) => library.createTemplate(ctx.services, input),
    createTip: (_root, { input }, ctx) => library.createTip(ctx.services, input),
    updateLibraryItem: (_root, { itemId, input }, ctx) => library.updateItem(ctx.services, itemId, input),
    submitForReview: (_root, { itemId }, ctx) => library.submitForReview(ctx.services, itemId),
    reviewLibraryItem: (_root, { itemId, decision, comment }, ctx) =>
      library.reviewItem(ctx.services, itemId, decision, comment),
    archiveLibraryItem: (_root, { itemId }, ctx) => library.archiveItem(ctx.services, itemId),
    markUsed: (_root, { itemId, note }, ctx) => library.markUsed(ctx.services, itemId, note),
    setLibraryApprovalsNeeded: (_root, { networkId, approvals }, ctx) =>
      library.setApprovalsNeeded(ctx.services, networkId, approvals),
    setLibraryReviewer: (_root, { networkId, personId, reviewer }, ctx) =>
      library.setReviewer(ctx.services, networkId, personId, reviewer),
    createBrief: (_root, { input }, ctx) => library.createBrief(ctx.services, input),
    revokeBrief: (_root, { briefId }, ctx) => library.revokeBrief(ctx.services, briefId),
  },
};
