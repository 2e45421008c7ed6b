import { parseOption } from '#lib/options.ts';

/** Every value a form sent under `name` (checkboxes send one each). */
export function allValues(form: FormData, name: string): string[] {
  return form.getAll(name).filter((value): value is string => typeof value === 'string');
}

/**
 * The options ticked under `name`, or null when one of them is not on offer (a crafted form):
 * the page then says so rather than dropping it quietly.
 */
export function tickedOptions<Value extends string>(
  form: FormData,
  name: string,
  options: ReadonlyArray<{ value: Value }>,
): Value[] | null {
  const ticked = allValues(form, name).map((raw) => parseOption(options, raw));
  return ticked.includes(null) ? null : (ticked as Value[]);
}

/** "Mailchimp, email newsletters" as the list the API takes; blanks dropped. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A whole number typed in a form, or null when the text is not one (the API names the field). */
export function wholeNumberFrom(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : null;
}
