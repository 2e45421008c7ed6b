import { error, fail, redirect } from '@sveltejs/kit';
import {
  ReportConcernDocument,
  ReporterNetworksDocument,
  ReportSubjectPersonDocument,
} from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { failureStatus, problemFromErrors, safeNextPath, textField, type FormProblem } from '#lib/server/forms.ts';
import { redirectToSignIn, requireUser } from '#lib/server/session.ts';
import { parseOption } from '#lib/options.ts';
import { REASONS, SUBJECT_KINDS } from '#lib/safety.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Reporting a concern about a person, a network or a piece of content: what it is comes in the
// address (?kind=PERSON&id=…), so any page can link here; `from` is where to go back to.

type Field = 'reason' | 'details' | 'networkId' | 'anonymous';
const FIELDS: readonly Field[] = ['reason', 'details', 'networkId', 'anonymous'];

/** What the address says is being reported; a 400 page when it says nothing we can use. */
function subjectOf(event: RequestEvent) {
  const params = event.url.searchParams;
  const kind = parseOption(SUBJECT_KINDS, params.get('kind'));
  const id = params.get('id') ?? '';
  if (!kind || !id)
    error(400, 'This link does not say what to report. Go back and use the "Report a concern" link again.');
  return { kind, id, networkId: params.get('network') || null, from: safeNextPath(params.get('from')) };
}

export const load = (async (event) => {
  requireUser(event);
  const subject = subjectOf(event);
  const [person, memberships] = await Promise.all([
    subject.kind === 'PERSON' ? graphql(event, ReportSubjectPersonDocument, { id: subject.id }) : null,
    graphql(event, ReporterNetworksDocument),
  ]);
  if (errorCode(memberships.errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  return {
    ...subject,
    // The person's name where they may be seen; otherwise the page says "a member".
    subjectName: person?.data?.person?.name ?? null,
    networks: memberships.data?.myMemberships.map((membership) => membership.network) ?? [],
  };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    requireUser(event);
    const subject = subjectOf(event);
    const form = await event.request.formData();
    const values = {
      reason: textField(form, 'reason'),
      details: textField(form, 'details'),
      networkId: textField(form, 'networkId'),
      anonymous: textField(form, 'anonymous') === 'yes' ? 'yes' : '',
    } satisfies Partial<Record<Field, string>>;
    const reason = parseOption(REASONS, values.reason);
    if (!reason) {
      const problem: FormProblem<Field> = { values, errors: { reason: 'Choose why you are reporting this.' } };
      return fail(400, { ...problem, askNetwork: values.networkId !== '' });
    }
    const { data, errors } = await graphql(event, ReportConcernDocument, {
      input: {
        subjectKind: subject.kind,
        subjectId: subject.id,
        networkId: values.networkId || subject.networkId,
        reason,
        details: values.details,
        anonymous: values.anonymous === 'yes',
      },
    });
    if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
    if (!data || errors.length > 0) {
      const problem = problemFromErrors(errors, FIELDS, values);
      // Sharing several networks with the person: now ask where it happened.
      return fail(failureStatus(errors), {
        ...problem,
        askNetwork: values.networkId !== '' || 'networkId' in problem.errors,
      });
    }
    redirect(303, '/account/reports?made');
  },
} satisfies Actions;
