import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  BriefBuilderItemDocument,
  BriefBuilderSearchDocument,
  CreateBriefFromBuilderDocument,
  type BriefBuilderItemFragment,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import type { Actions, PageServerLoad } from './$types';

const BRIEF_FIELDS = ['title', 'ask', 'items'] as const;

/** Only published items shared with every network can go in a brief: a manager reads it without an account. */
function briefable(item: BriefBuilderItemFragment | null | undefined): item is BriefBuilderItemFragment {
  return item?.status === 'PUBLISHED' && item.audience === 'ALL_NETWORKS';
}

/** The items chosen so far (`?item=`, repeated), in the order chosen, without repeats or ones that cannot go in. */
async function chosenItems(event: RequestEvent, ids: string[]) {
  const unique = [...new Set(ids.filter((id) => id.trim() !== ''))].slice(0, 20);
  const found = await Promise.all(
    unique.map(async (id) => (await graphql(event, BriefBuilderItemDocument, { id })).data?.libraryItem),
  );
  return found.filter(briefable);
}

/** Items that match the words (or the newest, with none), that can go in and are not chosen yet. */
async function searchResults(event: RequestEvent, query: string, chosen: Set<string>) {
  const { data, errors } = await graphql(event, BriefBuilderSearchDocument, {
    query: query.trim() || null,
    first: 50,
  });
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'The library could not be searched.');
  return data.searchLibrary.edges
    .map((edge) => edge.node)
    .filter((item) => briefable(item) && !chosen.has(item.id))
    .slice(0, 20);
}

export const load = (async (event) => {
  requireUser(event);
  const params = event.url.searchParams;
  const query = params.get('q') ?? '';
  const chosen = await chosenItems(event, params.getAll('item'));
  const results = await searchResults(event, query, new Set(chosen.map((item) => item.id)));
  return {
    query,
    chosen,
    results,
    // What was typed before searching: the search sends the whole form, so nothing is lost.
    values: { title: params.get('title') ?? '', ask: params.get('ask') ?? '' },
  };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = { title: textField(form, 'title'), ask: textField(form, 'ask') };
    const itemIds = [...new Set(form.getAll('item').filter((id): id is string => typeof id === 'string'))];
    const { data, errors } = await graphql(event, CreateBriefFromBuilderDocument, {
      input: { title: values.title, ask: values.ask, itemIds },
    });
    if (!data || errors.length > 0) {
      if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      // The API names the items `itemIds`; the page's group of them is `items`.
      const renamed = errors.map((problem) =>
        problem.extensions?.field === 'itemIds'
          ? { ...problem, extensions: { ...problem.extensions, field: 'items' } }
          : problem,
      );
      return fail(failureStatus(errors), { ...problemFromErrors(renamed, BRIEF_FIELDS, values), itemIds });
    }
    redirect(303, `/library/mine?brief=${data.createBrief.id}#brief-${data.createBrief.id}`);
  },
} satisfies Actions;
