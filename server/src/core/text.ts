import { badInput } from './errors.ts';

/**
 * Text from clients, checked one way everywhere: trimmed, lengths counted in characters (code
 * points, so an emoji counts once, as a person would count it), and no control characters.
 */

/** The length a person would count: characters, not UTF-16 code units. */
export const textLength = (text: string) => [...text].length;

/**
 * The control characters no text from a client may hold, in any argument (graphql/input-text.ts
 * refuses them before a resolver runs) and in any field: the C0 controls and DEL. Tab, line feed
 * and carriage return are let through, since browsers send a textarea's line breaks as CRLF and
 * pasted text holds tabs; the rules below fold or normalise them where they do not belong.
 * PostgreSQL refuses NUL in text outright, and none of the others is typed by a person.
 */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The first control character in the text (see CONTROL_CHARACTER), if any. */
export function firstControlCharacter(text: string): string | undefined {
  return CONTROL_CHARACTER.exec(text)?.[0];
}

/** Whether the text holds a control character other than tab, line feed and carriage return. */
export const hasControlCharacters = (text: string) => CONTROL_CHARACTER.test(text);

/** How a character is named in messages: U+0000. */
export const codePoint = (character: string) =>
  `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export interface TextRule {
  /** How the field is named in messages: "the {label}". */
  label: string;
  max: number;
  /** Line breaks kept (as \n) rather than folded into single spaces. */
  multiline?: boolean;
  /** The message when the text is blank; without one, blank text is allowed. */
  required?: string;
  /** A name people know someone or something by: held to the name rules (see cleanName). */
  isName?: boolean;
}

const formatCount = (count: number) => count.toLocaleString('en-GB');

/**
 * Text as stored. Browsers send a textarea's line breaks as CRLF: normalised here, so text
 * submitted again unchanged compares equal to what is stored.
 */
export function cleanText(field: string, raw: string, rule: TextRule): string {
  const visible = rule.isName ? withoutInvisibleCharacters(raw) : raw;
  const value = rule.multiline ? visible.trim().replace(/\r\n?/g, '\n') : visible.trim().replace(/\s+/g, ' ');
  if (value === '' && rule.required) throw badInput(field, rule.required);
  if (textLength(value) > rule.max) {
    throw badInput(field, `Keep the ${rule.label} to ${formatCount(rule.max)} characters or fewer.`);
  }
  if (hasControlCharacters(value)) {
    throw badInput(field, `Use letters, numbers and punctuation only in the ${rule.label}.`);
  }
  if (rule.isName && value !== '') checkName(field, value, rule.label);
  return value;
}

/** An optional text: undefined stays unchanged, null or blank clears it (null). */
export function optionalText(field: string, raw: string | null | undefined, rule: TextRule): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  const value = cleanText(field, raw, rule);
  return value === '' ? null : value;
}

/** Words typed into a search box: trimmed and single-spaced, at most `max` characters; null when blank. */
export function searchText(field: string, raw: string | null | undefined, max: number): string | null {
  const value = raw?.trim().replace(/\s+/g, ' ') ?? '';
  if (value === '') return null;
  if (textLength(value) > max) throw badInput(field, `Use ${formatCount(max)} characters or fewer to search.`);
  if (hasControlCharacters(value)) throw badInput(field, 'Use letters, numbers and punctuation only to search.');
  return value;
}

/*
 * Names: what a person or a network is shown by, to people deciding whom to trust. A name must
 * show what it holds. Two kinds of hidden character are dealt with differently:
 *
 * - Characters that reorder the text around them (bidirectional embeddings, overrides and
 *   isolates) make a name display other than it reads: "Fay \u202Egnp.exe\u202C" shows as
 *   "Fay exe.png". Refused, not stripped: stripping would store something other than what the
 *   person saw in the box, and no name needs them (its letters give it its direction).
 * - Invisible characters that change nothing a reader sees (zero-width space, word joiner, byte
 *   order mark, direction marks) mostly arrive with pasted text. Stripped: refusing would ask
 *   the person to remove something they cannot see, and without them the name looks the same.
 *
 * The zero-width joiner and non-joiner are not always invisible: the joiner builds emoji
 * sequences (👩‍💻) and conjuncts in Indic scripts, the non-joiner is part of Persian spelling. They
 * are kept where they sit between two characters they can change (an emoji, or a letter or mark
 * in a script other than Latin, Greek or Cyrillic) and stripped elsewhere, so "Fa\u200Dy" is
 * stored as "Fay" and cannot pass for a different name that looks the same.
 */

/** Bidirectional embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const REORDERING = /[\u202a-\u202e\u2066-\u2069]/;
/** Zero-width space, word joiner, byte order mark; left-to-right, right-to-left and Arabic letter marks. */
const INVISIBLE = /[\u200b\u2060\ufeff\u200e\u200f\u061c]/gu;
const JOINERS = new Set(['\u200c', '\u200d']);
/** A character a zero-width joiner or non-joiner can change the look of. */
const SHAPED_BY_JOINERS =
  /^(?:[\p{Extended_Pictographic}\p{Emoji_Modifier}]|(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])[\p{L}\p{M}])$/u;
/** Characters that show nothing themselves: a joiner beside one joins nothing visible. */
const BLANK = /^[\s\p{Cf}]$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The name without the characters that change nothing a reader sees (see above). */
function withoutInvisibleCharacters(raw: string): string {
  const characters = [...raw.replace(INVISIBLE, '')];
  return characters.filter((character, i) => !JOINERS.has(character) || joinsVisibly(characters, i)).join('');
}

function joinsVisibly(characters: readonly string[], at: number): boolean {
  const before = characters[at - 1];
  const after = characters[at + 1];
  if (before === undefined || after === undefined || BLANK.test(before) || BLANK.test(after)) return false;
  return SHAPED_BY_JOINERS.test(before) || SHAPED_BY_JOINERS.test(after);
}

function checkName(field: string, name: string, label: string): void {
  const reordering = REORDERING.exec(name)?.[0];
  if (reordering) {
    throw badInput(
      field,
      `The ${label} holds a hidden character that reorders the text around it (${codePoint(reordering)}); type the ${label} without it.`,
    );
  }
  if (!LETTER_OR_DIGIT.test(name)) throw badInput(field, `Use at least one letter or number in the ${label}.`);
}
