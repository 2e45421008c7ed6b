import { error, fail, redirect } from '@sveltejs/kit';
import {
  MyMentorOfferDocument,
  PersonPageDocument,
  UpsertMentorOfferDocument,
  type MentorOfferInput,
} from '#lib/graphql/generated.ts';
import { parseOption } from '#lib/options.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { SUPPORT_CATEGORIES } from '../../people/labels.ts';
import { commaList, allValues, tickedOptions, wholeNumberFrom } from '../form-values.ts';
import { FORMATS, OFFER_VISIBILITIES } from '../labels.ts';
import type { Actions, PageServerLoad } from './$types';

/** In the order they appear on the page, so the error summary reads top to bottom. */
const FIELDS = [
  'skills',
  'categories',
  'formats',
  'placeName',
  'radiusKm',
  'capacity',
  'commitment',
  'visibleTo',
  'promiseNoSelling',
] as const;
type Field = (typeof FIELDS)[number];

export const load = (async (event) => {
  const user = requireUser(event);
  const [offer, profile] = await Promise.all([
    graphql(event, MyMentorOfferDocument),
    graphql(event, PersonPageDocument, { id: user.id }),
  ]);
  if (!offer.data) error(500, offer.errors[0]?.message ?? 'Your offer could not be loaded.');
  // A first offer starts from the profile's skills, so nobody types them twice.
  return { offer: offer.data.myMentorOffer, profileSkills: profile.data?.person?.skills ?? [] };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const text = (field: Field) => textField(form, field);
    const values: Record<Field, string> = {
      skills: text('skills'),
      categories: allValues(form, 'categories').join(','),
      formats: allValues(form, 'formats').join(','),
      placeName: text('placeName'),
      radiusKm: text('radiusKm'),
      capacity: text('capacity'),
      commitment: text('commitment'),
      visibleTo: text('visibleTo'),
      promiseNoSelling: allValues(form, 'promiseNoSelling').includes('yes') ? 'yes' : '',
    };

    const errors: Partial<Record<Field, string>> = {};
    const categories = tickedOptions(form, 'categories', SUPPORT_CATEGORIES);
    if (!categories) errors.categories = 'Choose support from the eight kinds listed.';
    const formats = tickedOptions(form, 'formats', FORMATS);
    if (!formats) errors.formats = 'Choose from video call, phone call and in person.';
    const visibleTo = parseOption(OFFER_VISIBILITIES, values.visibleTo);
    if (!visibleTo) errors.visibleTo = 'Choose who may see your offer.';
    const capacity = wholeNumberFrom(values.capacity);
    if (capacity === null) errors.capacity = 'Enter how many people you can mentor at once, as a number from 1 to 10.';
    const radiusKm = values.radiusKm.trim() === '' ? null : wholeNumberFrom(values.radiusKm);
    if (values.radiusKm.trim() !== '' && radiusKm === null)
      errors.radiusKm = 'Enter a distance in whole km, such as 15.';
    if (!categories || !formats || !visibleTo || capacity === null || Object.keys(errors).length > 0) {
      return fail(400, inOrder({ values, errors: {} }, errors));
    }

    const input: MentorOfferInput = {
      skills: commaList(values.skills),
      categories,
      formats,
      capacity,
      commitment: values.commitment,
      promiseNoSelling: values.promiseNoSelling === 'yes',
      visibleTo,
      placeName: values.placeName.trim() === '' ? null : values.placeName,
      radiusKm,
    };
    const result = await graphql(event, UpsertMentorOfferDocument, { input });
    if (!result.data || result.errors.length > 0) {
      if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(result.errors), problemFromErrors(result.errors, FIELDS, values));
    }
    redirect(303, '/mentoring/offer?saved');
  },
} satisfies Actions;

function inOrder(problem: FormProblem<Field>, errors: Partial<Record<Field, string>>): FormProblem<Field> {
  for (const field of FIELDS) if (errors[field]) problem.errors[field] = errors[field];
  return problem;
}
