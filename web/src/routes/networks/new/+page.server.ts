import { fail, redirect } from '@sveltejs/kit';
import { CreateNetworkDocument } from '#lib/graphql/generated.ts';
import { graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** In the order they appear on the page, so the error summary reads top to bottom. */
const FIELDS = ['name', 'purpose', 'values', 'codeOfConduct', 'placeName', 'region', 'latitude', 'longitude'] as const;
type Field = (typeof FIELDS)[number];

const SIGN_IN = '/signin?next=/networks/new';

// The guard lives here, not in a layout: layouts do not rerun for every request to this page.
export const load = (({ locals }) => {
  if (!locals.user) redirect(303, SIGN_IN);
}) satisfies PageServerLoad;

/** A coordinate typed into the form, or an error for the field when it is not a number in range. */
function coordinate(raw: string, field: 'latitude' | 'longitude'): number | string {
  const text = raw.trim();
  const example = field === 'latitude' ? '51.4545' : '-2.5879';
  if (!text) return `Enter the ${field}, for example ${example}.`;
  const value = Number(text);
  if (!Number.isFinite(value)) return `Enter the ${field} as a number in degrees, for example ${example}.`;
  const limit = field === 'latitude' ? 90 : 180;
  if (Math.abs(value) > limit) return `The ${field} must be between -${limit} and ${limit} degrees.`;
  return value;
}

/**
 * Only when the form cannot go to the API at all (a coordinate is not a number): the empty
 * required fields too, so the person sees every problem at once. The API checks the rest.
 */
const REQUIRED: ReadonlyArray<[Field, string]> = [
  ['name', 'name'],
  ['placeName', 'place name'],
  ['region', 'region'],
  ['purpose', 'purpose'],
  ['codeOfConduct', 'code of conduct'],
];

export const actions = {
  default: async (event) => {
    if (!event.locals.user) redirect(303, SIGN_IN);

    const form = await event.request.formData();
    const values = Object.fromEntries(FIELDS.map((field) => [field, textField(form, field)])) as Record<Field, string>;

    const latitude = coordinate(values.latitude, 'latitude');
    const longitude = coordinate(values.longitude, 'longitude');
    if (typeof latitude === 'string' || typeof longitude === 'string') {
      const errors: Partial<Record<Field, string>> = {};
      for (const [field, label] of REQUIRED) {
        if (!values[field].trim()) errors[field] = `Enter the network's ${label}.`;
      }
      if (typeof latitude === 'string') errors.latitude = latitude;
      if (typeof longitude === 'string') errors.longitude = longitude;
      const problem: FormProblem<Field> = { values, errors: {} };
      for (const field of FIELDS) if (errors[field]) problem.errors[field] = errors[field];
      return fail(400, problem);
    }

    const { data, errors } = await graphql(event, CreateNetworkDocument, {
      input: {
        name: values.name,
        placeName: values.placeName,
        region: values.region,
        latitude,
        longitude,
        purpose: values.purpose,
        values: values.values,
        codeOfConduct: values.codeOfConduct,
      },
    });
    if (!data || errors.length > 0) {
      return fail(failureStatus(errors), problemFromErrors(errors, FIELDS, values));
    }
    redirect(303, `/networks/${data.createNetwork.slug}?created`);
  },
} satisfies Actions;
