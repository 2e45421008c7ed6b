// Registering someone without an account, from the registrations page or at the door.
import type { RequestEvent } from '@sveltejs/kit';
import { RegisterOnBehalfDocument, type RegisterOnBehalfMutation } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn } from '#lib/server/session.ts';

/** In the order they appear on the page. */
export const ON_BEHALF_FIELDS = ['name', 'email', 'phone', 'accessNeeds', 'dietaryNeeds'] as const;
export type OnBehalfField = (typeof ON_BEHALF_FIELDS)[number];

export async function registerOnBehalf(
  event: RequestEvent,
  eventId: string,
  form: FormData,
): Promise<
  | { registration: RegisterOnBehalfMutation['registerOnBehalf'] }
  | { problem: FormProblem<OnBehalfField>; status: number }
> {
  const values = Object.fromEntries(ON_BEHALF_FIELDS.map((field) => [field, textField(form, field)])) as Record<
    OnBehalfField,
    string
  >;
  const { data, errors } = await graphql(event, RegisterOnBehalfDocument, {
    eventId,
    input: {
      name: values.name,
      email: values.email.trim() || null,
      phone: values.phone.trim() || null,
      accessNeeds: values.accessNeeds,
      dietaryNeeds: values.dietaryNeeds,
    },
  });
  if (!data || errors.length > 0) {
    if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    return { problem: problemFromErrors(errors, ON_BEHALF_FIELDS, values), status: failureStatus(errors) };
  }
  return { registration: data.registerOnBehalf };
}
