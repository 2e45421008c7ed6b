import type { RequestEvent } from '@sveltejs/kit';
import type { TypedDocumentString } from '#lib/graphql/generated.ts';
import type { ErrorCode, HearthApiRequest, HearthApiResponse, HearthGraphqlError } from './contract.ts';

/** What a GraphQL operation gave back, typed from its document. */
export interface GraphqlResult<TResult> {
  data: TResult | null;
  errors: HearthGraphqlError[];
}

/** Operations without variables take none; the others require theirs. */
type VariablesArgument<TVariables> =
  Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

const DEFAULT_API_URL = 'http://127.0.0.1:3000/graphql';

/**
 * Runs one GraphQL operation for this request, as the browser's user: in this process, through
 * the executor the server attached to the request (its session read once for the whole page);
 * keeps any Set-Cookie the API returns for hooks.server.ts to pass on. Throws only when the API
 * cannot be reached or answers with something that is not GraphQL.
 */
export async function graphql<TResult, TVariables>(
  event: RequestEvent,
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: VariablesArgument<TVariables>
): Promise<GraphqlResult<TResult>> {
  const query = document.toString();
  const name = operationName(query);
  const request: HearthApiRequest = {
    query,
    ...(variables ? { variables: variables as Record<string, unknown> } : {}),
    ...(name ? { operationName: name } : {}),
  };

  const inProcess = event.platform?.req.hearthApi;
  const response = inProcess
    ? await inProcess.execute(request)
    : await overHttp(request, event.request.headers.get('cookie'));

  event.locals.setCookies.push(...response.setCookies);
  const body = response.body;
  if (typeof body !== 'object' || body === null || (!('data' in body) && !('errors' in body))) {
    throw new Error(`The Hearth API answered ${response.status} without a GraphQL result`);
  }
  return { data: (body.data ?? null) as TResult | null, errors: body.errors ?? [] };
}

/** The code of the first error, if any: what callers branch on. */
export function errorCode(errors: HearthGraphqlError[]): ErrorCode | undefined {
  return errors[0]?.extensions?.code;
}

function operationName(query: string): string | undefined {
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1];
}

/**
 * Used by `vite dev`, where no server sits around the site: talk to a running API over HTTP,
 * passing the browser's cookie on untouched.
 */
async function overHttp(request: HearthApiRequest, cookie: string | null): Promise<HearthApiResponse> {
  const url = new URL(process.env.HEARTH_API_URL ?? DEFAULT_API_URL);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      // The API accepts cookie-carried requests only from its own origin.
      origin: url.origin,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName }),
  });
  let body: HearthApiResponse['body'];
  try {
    body = (await response.json()) as HearthApiResponse['body'];
  } catch {
    throw new Error(`The Hearth API at ${url.origin} answered ${response.status} with something that is not JSON`);
  }
  return { status: response.status, body, setCookies: response.headers.getSetCookie() };
}
