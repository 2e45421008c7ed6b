import { badInput } from './errors.ts';

/**
 * Text from clients, checked one way everywhere: trimmed, lengths counted in characters (code
 * points, so an emoji counts once, as a person would count it), and no control characters.
 */

/** The length a person would count: characters, not UTF-16 code units. */
export const textLength = (text: string) => [...text].length;

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface TextRule {
  /** How the field is named in messages: "the {label}". */
  label: string;
  max: number;
  /** Line breaks kept (as \n) rather than folded into single spaces. */
  multiline?: boolean;
  /** The message when the text is blank; without one, blank text is allowed. */
  required?: string;
}

/** Whether the text holds a control character (line breaks included). */
export const hasControlCharacters = (text: string) => CONTROL.test(text);

const formatCount = (count: number) => count.toLocaleString('en-GB');

/**
 * Text as stored. Browsers send a textarea's line breaks as CRLF: normalised here, so text
 * submitted again unchanged compares equal to what is stored.
 */
export function cleanText(field: string, raw: string, rule: TextRule): string {
  const value = rule.multiline ? raw.trim().replace(/\r\n?/g, '\n') : raw.trim().replace(/\s+/g, ' ');
  if (value === '' && rule.required) throw badInput(field, rule.required);
  if (textLength(value) > rule.max) {
    throw badInput(field, `Keep the ${rule.label} to ${formatCount(rule.max)} characters or fewer.`);
  }
  if ((rule.multiline ? CONTROL_EXCEPT_LINE_BREAKS : CONTROL).test(value)) {
    throw badInput(field, `Use letters, numbers and punctuation only in the ${rule.label}.`);
  }
  return value;
}

/** An optional text: undefined stays unchanged, null or blank clears it (null). */
export function optionalText(field: string, raw: string | null | undefined, rule: TextRule): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  const value = cleanText(field, raw, rule);
  return value === '' ? null : value;
}

/** Words typed into a search box: trimmed, at most `max` characters; null when blank. */
export function searchText(field: string, raw: string | null | undefined, max: number): string | null {
  const value = raw?.trim() ?? '';
  if (value === '') return null;
  if (textLength(value) > max) throw badInput(field, `Use ${formatCount(max)} characters or fewer to search.`);
  if (CONTROL.test(value)) throw badInput(field, 'Use letters, numbers and punctuation only to search.');
  return value;
}
