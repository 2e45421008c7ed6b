/** A small GraphQL-over-HTTP client for API tests: real HTTP, no library in between. */
export interface GraphqlResult<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors: Array<{ message: string; extensions?: { code?: string; field?: string } }> | undefined;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  cookie?: string;
  origin?: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export async function graphql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  options: RequestOptions = {},
): Promise<GraphqlResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphqlResult['errors'] };
  return { status: response.status, data: body.data ?? null, errors: body.errors, headers: response.headers };
}

export const codes = (result: GraphqlResult<unknown>) => result.errors?.map((e) => e.extensions?.code) ?? [];

export const SIGN_UP = /* GraphQL */ `
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      user {
        id
        name
        email
      }
    }
  }
`;

export const SIGN_IN = /* GraphQL */ `
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      user {
        id
        name
        email
      }
    }
  }
`;

let counter = 0;
export function newPerson(label = 'api') {
  counter += 1;
  return {
    email: `${label}.${counter}.${crypto.randomUUID().slice(0, 8)}@example.org`,
    password: 'a long and unusual phrase',
    name: `Person ${counter}`,
  };
}

export async function signUp(baseUrl: string, label?: string) {
  const person = newPerson(label);
  const result = await graphql<{ signUp: { token: string; user: { id: string; name: string; email: string } } }>(
    baseUrl,
    SIGN_UP,
    {
      variables: { input: person },
    },
  );
  if (!result.data) throw new Error(`sign-up failed: ${JSON.stringify(result.errors)}`);
  return { ...person, token: result.data.signUp.token, user: result.data.signUp.user, headers: result.headers };
}
