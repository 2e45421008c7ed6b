import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';

const ASSETS = fileURLToPath(new URL('../../web/build/client/_app/immutable/assets/', import.meta.url));
/** A built stylesheet: SvelteKit's static file handler serves it, not a page. */
const ASSET = `/_app/immutable/assets/${readdirSync(ASSETS).find((name) => name.endsWith('.css'))}`;

const ON_EVERY_RESPONSE = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

const JSON_BODY = { 'content-type': 'application/json' };

/** What a browser or an API client meets: pages, an asset, the API and its refusals, the health check. */
const PROBES: Array<{ label: string; path: string; init?: RequestInit; status: number }> = [
  { label: 'a page', path: '/', status: 200 },
  { label: 'a page that does not exist', path: '/no-such-page', status: 404 },
  { label: 'an asset', path: ASSET, status: 200 },
  {
    label: 'a POST to /graphql',
    path: '/graphql',
    init: { method: 'POST', headers: JSON_BODY, body: '{"query":"{ version }"}' },
    status: 200,
  },
  { label: 'a GET of /graphql', path: `/graphql?query=${encodeURIComponent('{ version }')}`, status: 200 },
  { label: 'a refused content type', path: '/graphql', init: { method: 'POST', body: 'query={version}' }, status: 415 },
  {
    label: 'malformed JSON',
    path: '/graphql',
    init: { method: 'POST', headers: JSON_BODY, body: '{"query": ' },
    status: 400,
  },
  { label: 'the health check', path: '/healthz', status: 200 },
];

describe('security headers', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: true });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(PROBES)('should be on $label, without HSTS over http', async ({ path, init, status }) => {
    const response = await fetch(`${server.url}${path}`, init);
    expect(response.status).toBe(status);
    const headers = Object.fromEntries(
      Object.keys(ON_EVERY_RESPONSE).map((name) => [name, response.headers.get(name)]),
    );
    expect(headers).toEqual(ON_EVERY_RESPONSE);
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('security headers when the public URL is https', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: true, env: { PUBLIC_URL: 'https://hearth.example' } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each(PROBES)('should add HSTS to $label', async ({ path, init, status }) => {
    const response = await fetch(`${server.url}${path}`, init);
    expect(response.status).toBe(status);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
