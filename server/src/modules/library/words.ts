// library_words: every word the published library holds, each once, with a trigram index. A search
// word that is not among them is mended to the nearest one that is ("newsleter" → "newsletter")
// before the full-text match, so common misspellings still find items. Only published text is
// read, so a draft's words never surface as a suggestion.
import { sql, type Kysely } from 'kysely';
import { arrayLiteral } from '../../core/query.ts';

/** Words shorter than this are too short to mend safely, and longer ones are not words. */
export const MIN_WORD_LENGTH = 3;
export const MAX_WORD_LENGTH = 40;

/** Adds the words of the given items (or of every published item) to library_words. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- seeds call this with their untyped handle too
export async function refreshLibraryWords(db: Kysely<any>, itemIds?: readonly string[]): Promise<void> {
  const only = itemIds === undefined ? sql`true` : sql`id = any(${arrayLiteral(itemIds)}::uuid[])`;
  await sql`
    insert into library_words (word)
    select distinct word
    from library_items,
      regexp_split_to_table(lower(title || ' ' || summary || ' ' || body_text), '[^[:alnum:]]+') as word
    where status = 'PUBLISHED' and ${only}
      and char_length(word) between ${MIN_WORD_LENGTH} and ${MAX_WORD_LENGTH}
      and word !~ '^[0-9]+$'
    on conflict (word) do nothing
  `.execute(db);
}
