import { badInput } from './errors.ts';

/**
 * Lists page by keyset: a cursor holds the sort key of the last row a page showed, and the next
 * page starts after it, so a page costs the same however deep it is and rows added meanwhile
 * neither repeat nor go missing. Every list in the API uses this, with the same page sizes.
 */

export const PAGE_SIZE = { default: 20, max: 50 } as const;

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<Edge<T>>;
  pageInfo: PageInfo;
  /** How many match in all; counted only if asked for, since it reads every match. */
  totalCount(): Promise<number>;
}

/** The page size asked for, or BAD_USER_INPUT on `first` naming what is allowed. */
export function pageSize(
  first: number | null | undefined,
  noun: string,
  defaults: { default: number; max: number } = PAGE_SIZE,
): number {
  const size = first ?? defaults.default;
  if (!Number.isInteger(size) || size < 1 || size > defaults.max) {
    throw badInput('first', `Ask for between 1 and ${defaults.max} ${noun} at a time.`);
  }
  return size;
}

/** A sort key as a cursor: opaque to clients, tagged with the list it belongs to. */
export function encodeCursor(list: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([list, ...key])).toString('base64url');
}

const STALE_CURSOR = 'That cursor is not one this list gave out; start from the first page.';

/**
 * The sort key a cursor holds, when it is this list's and each part passes its check; otherwise
 * BAD_USER_INPUT on `after`.
 */
export function decodeCursor<const Parts extends readonly CursorPart[]>(
  list: string,
  cursor: string,
  parts: Parts,
): { [I in keyof Parts]: PartValue<Parts[I]> } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString());
  } catch {
    throw badInput('after', STALE_CURSOR);
  }
  if (!Array.isArray(decoded) || decoded[0] !== list || decoded.length !== parts.length + 1) {
    throw badInput('after', STALE_CURSOR);
  }
  const key = decoded.slice(1);
  if (!parts.every((part, i) => part(key[i]))) throw badInput('after', STALE_CURSOR);
  return key as { [I in keyof Parts]: PartValue<Parts[I]> };
}

type CursorPart = ((value: unknown) => value is string) | ((value: unknown) => value is number);
type PartValue<P> = P extends (value: unknown) => value is infer V ? V : never;

export const isText = (value: unknown): value is string => typeof value === 'string' && value.length <= 1000;
export const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * A connection from the rows of one page, fetched as `limit + 1` so the extra row tells whether
 * a next page exists. `count` runs at most once, and only when totalCount is asked for.
 */
export function toConnection<Row, T>(
  rows: readonly Row[],
  limit: number,
  toEdge: (row: Row) => Edge<T>,
  count: () => Promise<number>,
): Connection<T> {
  const edges = rows.slice(0, limit).map(toEdge);
  let total: Promise<number> | null = null;
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => (total ??= count()),
  };
}
