/*
 * GraphQL over HTTP defines two media types for a response. application/json is the one every
 * client understands, and its status codes say only whether the request was well-formed JSON.
 * application/graphql-response+json adds meaning to the status: a request that never ran
 * (unparsable, invalid, bad variables) is a 4xx without a `data` entry. A client opts in to it
 * with its Accept header; any other client keeps application/json.
 */

export const GRAPHQL_RESPONSE = 'application/graphql-response+json';
export const JSON_RESPONSE = 'application/json';
export type ResponseMediaType = typeof GRAPHQL_RESPONSE | typeof JSON_RESPONSE;

interface MediaRange {
  type: string;
  quality: number;
}

function mediaRanges(accept: string): MediaRange[] {
  return accept.split(',').map((part) => {
    const [type = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return { type, quality: Number.isFinite(quality) ? quality : 0 };
  });
}

/** How much the client wants `type`: the quality of the most specific range naming it, 0 if none does. */
function qualityOf(type: string, ranges: MediaRange[]): { quality: number; named: boolean } {
  const exact = ranges.find((range) => range.type === type);
  if (exact) return { quality: exact.quality, named: true };
  const family =
    ranges.find((range) => range.type === `${type.split('/')[0]}/*`) ?? ranges.find((r) => r.type === '*/*');
  return { quality: family?.quality ?? 0, named: false };
}

/**
 * The media type to answer with: application/graphql-response+json when the client names it
 * and wants it at least as much as application/json; otherwise application/json: for a
 * wildcard, for no Accept at all, and for an Accept that names neither (the server's choice,
 * which the specification allows in place of a 406).
 */
export function responseMediaType(accept: string | undefined): ResponseMediaType {
  if (!accept) return JSON_RESPONSE;
  const ranges = mediaRanges(accept);
  const graphqlResponse = qualityOf(GRAPHQL_RESPONSE, ranges);
  const json = qualityOf(JSON_RESPONSE, ranges);
  const wanted = graphqlResponse.named && graphqlResponse.quality > 0 && graphqlResponse.quality >= json.quality;
  return wanted ? GRAPHQL_RESPONSE : JSON_RESPONSE;
}
