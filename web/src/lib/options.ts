/**
 * The choices for one of the API's enums, in the order `words` names them. Declare `words` with
 * `satisfies Record<TheEnum, …>` (the enum's type from #lib/graphql/generated.ts): then a value
 * added to the schema fails the type check until the pages have words for it.
 */
export function optionList<Value extends string, Words extends object>(
  words: Record<Value, Words>,
): ReadonlyArray<{ value: Value } & Words> {
  return (Object.keys(words) as Value[]).map((value) => ({ value, ...words[value] }));
}

/** One of `options`' values, or null when the text names none (a crafted form may send anything). */
export function parseOption<Value extends string>(
  options: ReadonlyArray<{ value: Value }>,
  raw: string | null | undefined,
): Value | null {
  return options.find((entry) => entry.value === raw)?.value ?? null;
}
