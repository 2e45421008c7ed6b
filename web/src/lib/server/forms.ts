import type { HearthGraphqlError } from './contract.ts';

/** What a failed form action returns: the safe values to put back, and the problems to show. */
export interface FormProblem<Field extends string> {
  /** Values to refill the form with. Never a password. */
  values: Partial<Record<Field, string>>;
  /** Problems with one field, shown next to it. */
  errors: Partial<Record<Field, string>>;
  /** A problem with the form as a whole, shown in the summary. */
  message?: string;
}

/** A text field from a submitted form; '' when absent (a crafted POST may leave anything out). */
export function textField(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

/**
 * Turns the API's errors into a problem for this form: an error naming one of the form's
 * fields goes next to that field, anything else goes to the summary.
 */
export function problemFromErrors<Field extends string>(
  errors: HearthGraphqlError[],
  fields: readonly Field[],
  values: Partial<Record<Field, string>>,
): FormProblem<Field> {
  const problem: FormProblem<Field> = { values, errors: {} };
  const byField = new Map<Field, string>();
  for (const error of errors) {
    const field = error.extensions?.field;
    if (field !== undefined && isField(field, fields)) {
      if (!byField.has(field)) byField.set(field, error.message);
    } else {
      problem.message ??= error.message;
    }
  }
  // In the order the fields appear on the page, so the summary reads top to bottom.
  for (const field of fields) {
    const message = byField.get(field);
    if (message !== undefined) problem.errors[field] = message;
  }
  if (!problem.message && Object.keys(problem.errors).length === 0) {
    problem.message = 'Something went wrong on our side. Please try again.';
  }
  return problem;
}

/** The HTTP status a failed form answers with, from the API's error code. */
export function failureStatus(errors: HearthGraphqlError[]): number {
  switch (errors[0]?.extensions?.code) {
    case 'BAD_USER_INPUT':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'RATE_LIMITED':
      return 429;
    default:
      return 500;
  }
}

function isField<Field extends string>(name: string, fields: readonly Field[]): name is Field {
  return (fields as readonly string[]).includes(name);
}

/**
 * A `next` path that is safe to redirect to after signing in: a path on this site only
 * (no other origin, no protocol-relative `//host`, no backslash tricks). Otherwise null.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  const base = 'http://hearth.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  // Parsing drops tabs and newlines and resolves dot segments: `/\t/evil` and `/.//evil` both
  // become `//evil`, which a browser reads as another host. Judge the parsed URL, not the input.
  if (url.origin !== base || url.pathname.startsWith('//')) return null;
  // Signing in should not land on the sign-in, sign-up or sign-out pages again.
  if (['/signin', '/signup', '/signout'].includes(url.pathname)) return null;
  return url.pathname + url.search + url.hash;
}
