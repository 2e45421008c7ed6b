// The pure parts of library search: the words of a query, and a snippet's highlighted pieces.
// The ranking itself is PostgreSQL's (ts_rank_cd over a vector weighted title A, summary B,
// body C), so it is the same on PGlite and PostgreSQL.

/** At most this many words count; the rest of a long query is ignored. */
export const MAX_QUERY_WORDS = 8;
const MAX_WORD_LENGTH = 40;

/** ts_headline's markers around a matched word: control characters no stored text holds. */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_STOP = '\u0003';

/** The words of a search, lower-cased, letters and digits only, each once, in the order typed. */
export function queryWords(query: string | null | undefined): string[] {
  if (!query) return [];
  const words = query
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && word.length <= MAX_WORD_LENGTH);
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

export interface SnippetPart {
  text: string;
  highlighted: boolean;
}

/** Splits ts_headline's output at its markers; empty pieces are dropped, neighbours joined. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlighted = false;
  for (const piece of headline.split(new RegExp(`([${HIGHLIGHT_START}${HIGHLIGHT_STOP}])`))) {
    if (piece === HIGHLIGHT_START) highlighted = true;
    else if (piece === HIGHLIGHT_STOP) highlighted = false;
    else if (piece.length > 0) {
      const last = parts.at(-1);
      if (last && last.highlighted === highlighted) last.text += piece;
      else parts.push({ text: piece, highlighted });
    }
  }
  return parts;
}

/** Text stored for search and snippets holds no control characters, so the markers are unambiguous. */
export function withoutControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}
