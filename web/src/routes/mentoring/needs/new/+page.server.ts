import { error, fail, redirect } from '@sveltejs/kit';
import { NewNeedPageDocument, PostNeedDocument, type PostNeedInput } from '#lib/graphql/generated.ts';
import { parseOption } from '#lib/options.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { SUPPORT_CATEGORIES } from '../../../people/labels.ts';
import { allValues, commaList, tickedOptions } from '../../form-values.ts';
import { FORMATS, URGENCIES } from '../../labels.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** In the order they appear on the page, so the error summary reads top to bottom. */
const FIELDS = [
  'mentorId',
  'message',
  'title',
  'description',
  'firstCallBrief',
  'categories',
  'skills',
  'formats',
  'urgency',
  'networkId',
] as const;
type Field = (typeof FIELDS)[number];

/** The mentor named in `?mentor=`, when "Ask for mentoring" on a profile brought the person here. */
async function pageData(event: RequestEvent, mentorId: string) {
  const { data, errors } = await graphql(event, NewNeedPageDocument, { mentorId, withMentor: mentorId !== '' });
  if (!data) error(500, errors[0]?.message ?? 'This page could not be loaded.');
  const person = data.person ?? null;
  const offer = person?.mentorOffer;
  const askable = Boolean(offer && !offer.paused && offer.freePlaces > 0 && person!.id !== event.locals.user?.id);
  return {
    networks: data.myMemberships.map((membership) => membership.network),
    mentor: askable ? { id: person!.id, name: person!.name } : null,
    /** Why the person named cannot be asked, when they cannot. */
    mentorUnavailable: mentorId === '' || askable ? null : unavailableReason(person?.name, offer),
  };
}

function unavailableReason(
  name: string | undefined,
  offer: { paused: boolean; freePlaces: number } | null | undefined,
) {
  if (!name || !offer) return 'That person is not offering mentoring.';
  if (offer.paused) return `${name} is not taking mentees just now.`;
  if (offer.freePlaces === 0) return `${name}'s places are all taken just now.`;
  return 'You cannot ask yourself to be your mentor.';
}

export const load = (async (event) => {
  requireUser(event);
  return pageData(event, event.url.searchParams.get('mentor')?.trim() ?? '');
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const text = (field: Field) => textField(form, field);
    const values: Record<Field, string> = {
      mentorId: text('mentorId'),
      message: text('message'),
      title: text('title'),
      description: text('description'),
      firstCallBrief: text('firstCallBrief'),
      categories: allValues(form, 'categories').join(','),
      skills: text('skills'),
      formats: allValues(form, 'formats').join(','),
      urgency: text('urgency'),
      networkId: text('networkId'),
    };

    const errors: Partial<Record<Field, string>> = {};
    const categories = tickedOptions(form, 'categories', SUPPORT_CATEGORIES);
    if (!categories) errors.categories = 'Choose support from the eight kinds listed.';
    const formats = tickedOptions(form, 'formats', FORMATS);
    if (!formats) errors.formats = 'Choose from video call, phone call and in person.';
    const urgency = parseOption(URGENCIES, values.urgency);
    if (!urgency) errors.urgency = 'Choose how soon you need help.';
    if (!categories || !formats || !urgency) {
      const problem: FormProblem<Field> = { values, errors: {} };
      for (const field of FIELDS) if (errors[field]) problem.errors[field] = errors[field];
      return fail(400, problem);
    }

    const input: PostNeedInput = {
      title: values.title,
      description: values.description,
      firstCallBrief: values.firstCallBrief,
      categories,
      skills: commaList(values.skills),
      formats,
      urgency,
      networkId: values.networkId === '' ? null : values.networkId,
      // Posting and asking are one change: a refused ask leaves no need behind to tidy up.
      ...(values.mentorId !== '' && { askMentor: { mentorId: values.mentorId, message: values.message } }),
    };
    const result = await graphql(event, PostNeedDocument, { input });
    if (!result.data || result.errors.length > 0) {
      if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(result.errors), problemFromErrors(result.errors, FIELDS, values));
    }
    redirect(303, `/mentoring/needs/${result.data.postNeed.id}?${values.mentorId === '' ? 'posted' : 'asked'}`);
  },
} satisfies Actions;
