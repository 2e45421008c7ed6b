/** Edits between a typed name and a place's name, as a whole and to the best of its beginnings. */
export interface SpellingDistance {
  whole: number;
  start: number;
}

/**
 * How many edits turn `typed` into `name`, where an edit adds, drops or changes a letter or swaps
 * two neighbouring ones (the optimal string alignment distance): `whole` to the whole name, and
 * `start` to the best of its beginnings, so "middlesbro" is 0 from the start of "middlesbrough".
 * Dynamic programming over the two strings, O(typed × name). With `limit`, gives up (null) as
 * soon as both distances must exceed it, which spares most of the work for unlike names.
 */
export function spellingDistance(typed: string, name: string, limit = Infinity): SpellingDistance | null {
  if (typed.length - name.length > limit) return null; // every beginning is too short
  const width = name.length + 1;
  // Three rows of the table: two rows back (for swaps), the previous row, and this one.
  let twoBack = new Uint16Array(width);
  let previous = new Uint16Array(width);
  let current = new Uint16Array(width);
  for (let j = 0; j < width; j += 1) previous[j] = j;
  let previousLeast = 0;
  for (let i = 1; i <= typed.length; i += 1) {
    const letter = typed.charCodeAt(i - 1);
    const letterBefore = i > 1 ? typed.charCodeAt(i - 2) : -1;
    current[0] = i;
    let least = i;
    for (let j = 1; j < width; j += 1) {
      const other = name.charCodeAt(j - 1);
      let edits = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (letter === other ? 0 : 1));
      if (j > 1 && letter === name.charCodeAt(j - 2) && letterBefore === other) {
        edits = Math.min(edits, twoBack[j - 2]! + 1);
      }
      current[j] = edits;
      if (edits < least) least = edits;
    }
    // A cell comes from this row or the one before at no cost, or from two rows back at a cost of
    // one: once two rows in a row exceed the limit, every later row does too.
    if (least > limit && previousLeast > limit) return null;
    previousLeast = least;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  // After the last row, `previous` holds the distances from all of `typed` to each start of `name`.
  let start = previous[0]!;
  for (let j = 1; j < width; j += 1) start = Math.min(start, previous[j]!);
  const whole = previous[width - 1]!;
  return whole > limit && start > limit ? null : { whole, start };
}
