import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { Temporal } from 'temporal-polyfill';
import { ResolveReportDocument } from '#lib/graphql/generated.ts';
import { parseOption } from '#lib/options.ts';
import { MODERATION_ACTIONS } from '#lib/safety.ts';
import { errorCode, graphql } from './api.ts';
import { failureStatus, problemFromErrors, textField, type FormProblem } from './forms.ts';
import { redirectToSignIn, requireUser } from './session.ts';

// Resolving a report, the same from a network's queue and from the operators' one. Each card has
// its own form; a failure names its report, so the page shows the problem on that card alone.

export type ResolveField = 'action' | 'note' | 'suspendUntil';
const FIELDS: readonly ResolveField[] = ['action', 'note', 'suspendUntil'];

/** What a failed resolve returns: the problem, and the report whose card shows it. */
export type ResolveProblem = FormProblem<ResolveField> & { reportId: string };

/** The time zone a suspension's last day is read in. */
export const SUSPENSION_TIME_ZONE = 'Europe/London';

/** The last second of `date` (YYYY-MM-DD) in UK time, as an ISO instant; null when it is no date. */
export function endOfDay(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  try {
    return Temporal.PlainDate.from(date, { overflow: 'reject' })
      .toZonedDateTime({ timeZone: SUSPENSION_TIME_ZONE, plainTime: '23:59:59' })
      .toInstant()
      .toString();
  } catch {
    return null;
  }
}

/** The resolve form's action: acts on the report, then back to `back` with a notice of what was done. */
export async function resolveReport(event: RequestEvent, back: string) {
  requireUser(event);
  const form = await event.request.formData();
  const reportId = textField(form, 'reportId');
  const values = {
    action: textField(form, 'action'),
    note: textField(form, 'note'),
    suspendUntil: textField(form, 'suspendUntil'),
  };
  const action = parseOption(MODERATION_ACTIONS, values.action);
  // The date is shown always, and read only for a suspension.
  const suspendUntil = action === 'SUSPEND' && values.suspendUntil ? endOfDay(values.suspendUntil) : null;
  const errors: FormProblem<ResolveField>['errors'] = {};
  if (!action) errors.action = 'Choose what to do about this report.';
  if (!values.note.trim()) errors.note = 'Add a note saying why: it is kept in the audit trail.';
  if (action === 'SUSPEND' && values.suspendUntil && !suspendUntil) {
    errors.suspendUntil = 'Enter the last day of the suspension as a date, for example 31/03/2026.';
  }
  if (!action || Object.keys(errors).length > 0) {
    const problem: ResolveProblem = { reportId, values, errors };
    return fail(400, problem);
  }
  const result = await graphql(event, ResolveReportDocument, { reportId, action, note: values.note, suspendUntil });
  if (errorCode(result.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!result.data || result.errors.length > 0) {
    const problem: ResolveProblem = { reportId, ...problemFromErrors(result.errors, FIELDS, values) };
    return fail(failureStatus(result.errors), problem);
  }
  redirect(303, `${back}?resolved=${action}`);
}
