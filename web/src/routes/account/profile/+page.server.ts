import { error, fail, redirect } from '@sveltejs/kit';
import {
  MyNetworksDocument,
  PersonPageDocument,
  UpdateProfileDocument,
  type UpdateProfileInput,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { parseOption } from '#lib/options.ts';
import { ORGANISATION_SIZES, SUPPORT_CATEGORIES, VISIBILITIES } from '../../people/labels.ts';
import type { Actions, PageServerLoad } from './$types';

/** In the order they appear on the page, so the error summary reads top to bottom. */
const FIELDS = [
  'name',
  'pronouns',
  'bio',
  'organisation',
  'organisationSize',
  'sector',
  'roleTitle',
  'isDigitalLead',
  'skills',
  'supportNeeds',
  'visibility',
] as const;
type Field = (typeof FIELDS)[number];

// The guard lives here, not in a layout: layouts do not rerun for every request to this page.
export const load = (async (event) => {
  const user = requireUser(event);
  const [{ data, errors }, networks] = await Promise.all([
    graphql(event, PersonPageDocument, { id: user.id }),
    graphql(event, MyNetworksDocument),
  ]);
  if (!data?.person) error(500, errors[0]?.message ?? 'Your profile could not be loaded.');
  // What "members of my networks" means for this person: who can get into each of their networks.
  const memberNetworks = (networks.data?.myMemberships ?? []).map((membership) => membership.network);
  return { profile: data.person, memberNetworks };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const text = (field: Field) => textField(form, field);
    const all = (name: string) => form.getAll(name).filter((value): value is string => typeof value === 'string');
    const supportNeeds = all('supportNeeds');
    // The "I am a digital lead" box sits in a group named roles.
    const roles = all('roles');
    // Put back as the person sent them: checkboxes as "yes" or "", lists joined with commas.
    const values: Record<Field, string> = {
      name: text('name'),
      pronouns: text('pronouns'),
      bio: text('bio'),
      organisation: text('organisation'),
      organisationSize: text('organisationSize'),
      sector: text('sector'),
      roleTitle: text('roleTitle'),
      isDigitalLead: roles.includes('isDigitalLead') ? 'yes' : '',
      skills: text('skills'),
      supportNeeds: supportNeeds.join(','),
      visibility: text('visibility'),
    };

    // Choices the page offers: anything else comes from a crafted form.
    const errors: Partial<Record<Field, string>> = {};
    const organisationSize = parseOption(ORGANISATION_SIZES, values.organisationSize);
    if (values.organisationSize && !organisationSize) errors.organisationSize = 'Choose a size from the list.';
    const visibility = parseOption(VISIBILITIES, values.visibility);
    if (!visibility) errors.visibility = 'Choose who may see your details.';
    const needs = supportNeeds.map((value) => parseOption(SUPPORT_CATEGORIES, value));
    if (needs.includes(null)) errors.supportNeeds = 'Choose support from the eight kinds listed.';
    if (Object.keys(errors).length > 0 || !visibility) {
      const problem: FormProblem<Field> = { values, errors: {} };
      for (const field of FIELDS) if (errors[field]) problem.errors[field] = errors[field];
      return fail(400, problem);
    }

    const input: UpdateProfileInput = {
      name: values.name,
      pronouns: values.pronouns,
      bio: values.bio,
      organisation: values.organisation,
      organisationSize,
      sector: values.sector,
      roleTitle: values.roleTitle,
      isDigitalLead: values.isDigitalLead === 'yes',
      skills: values.skills.split(','),
      supportNeeds: needs.filter((need) => need !== null),
      visibility,
    };
    const result = await graphql(event, UpdateProfileDocument, { input });
    if (!result.data || result.errors.length > 0) {
      if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
      return fail(failureStatus(result.errors), problemFromErrors(result.errors, FIELDS, values));
    }
    redirect(303, '/account/profile?saved');
  },
} satisfies Actions;
