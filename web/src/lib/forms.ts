import type { SubmitFunction } from '$app/forms';

/** The id of the error summary, so the page can move focus to it when a submission fails. */
export const ERROR_SUMMARY_ID = 'error-summary';

/**
 * The `use:enhance` callback for Hearth's forms: on failure, keeps what the person typed
 * (except passwords, which are cleared, as after a full-page post) and moves focus to the
 * error summary so screen reader and keyboard users land on the problem; on success, moves
 * focus to what happened (see `focusOutcome`).
 */
export const keepInputOnFailure: SubmitFunction = () => {
  return async ({ result, update, formElement }) => {
    if (result.type === 'failure') {
      for (const input of formElement.querySelectorAll<HTMLInputElement>('input[type="password"]')) {
        input.value = '';
      }
    }
    await update({ reset: false });
    if (result.type === 'failure') document.getElementById(ERROR_SUMMARY_ID)?.focus();
    else if (result.type === 'success' || result.type === 'redirect') focusOutcome();
  };
};

/**
 * After a form succeeds, SvelteKit leaves focus on <body>, so a screen reader user hears
 * nothing of what happened and a keyboard user starts again from the top. Focus the page's
 * status message instead, or its heading when it has none. A fragment in the address wins:
 * the form sent the person to that place on purpose.
 */
export function focusOutcome(): void {
  if (location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)))) return;
  const main = document.getElementById('main');
  const target = main?.querySelector<HTMLElement>('[role="status"]') ?? main?.querySelector<HTMLElement>('h1');
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/** What one field of a form shows: spread on a field component as `{...field('email')}`. */
export interface FieldState<Name extends string> {
  name: Name;
  value: string | undefined;
  error: string | undefined;
}

/**
 * The fields of a form, each named once: `field(name)` gives its name, the value to fill in
 * (what was sent, after a failure; what is saved, otherwise) and its problem, if any.
 */
export function fieldsFrom<Name extends string>(
  form: { values?: Partial<Record<Name, string>>; errors?: Partial<Record<Name, string>> } | null | undefined,
): (name: Name) => FieldState<Name> {
  return (name) => ({ name, value: form?.values?.[name], error: form?.errors?.[name] });
}
