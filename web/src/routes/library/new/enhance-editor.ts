import type { SubmitFunction } from '$app/forms';
import { ERROR_SUMMARY_ID, focusOutcome } from '#lib/forms.ts';

/**
 * The editor's `use:enhance`: keeps what was typed, and after a preview moves focus to the first
 * preview rather than the page's heading, so the person lands on what they asked to see.
 */
export const enhanceEditor: SubmitFunction = ({ submitter }) => {
  const previewing = submitter?.getAttribute('name') === 'preview';
  return async ({ result, update }) => {
    await update({ reset: false });
    if (result.type === 'failure') document.getElementById(ERROR_SUMMARY_ID)?.focus();
    else if (previewing) document.querySelector<HTMLElement>('.preview')?.focus();
    else focusOutcome();
  };
};
