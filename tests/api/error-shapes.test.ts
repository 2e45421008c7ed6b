import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';

interface ErrorBody {
  data?: unknown;
  errors: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** One log line as pino writes it. */
interface LogLine {
  level: number;
  msg: string;
  err?: { stack?: string };
  req?: { url?: string };
}

const PINO_ERROR = 50;

describe('error shapes on every path', () => {
  let server: RunningServer;
  const logs: LogLine[] = [];
  beforeAll(async () => {
    server = await startServer({
      web: true,
      env: { LOG_LEVEL: 'info' },
      logStream: { write: (line) => logs.push(JSON.parse(line) as LogLine) },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should refuse a mutation sent with GET as 405, naming POST, without logging an error', async () => {
    logs.length = 0;
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('mutation { signOut }')}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({
      data: null,
      errors: [
        { message: 'A GET request can only read; send mutations with POST.', extensions: { code: 'BAD_USER_INPUT' } },
      ],
    });
    expect(logs.map((line) => line.msg)).toEqual(['request completed']);
    expect(logs.filter((line) => line.level >= PINO_ERROR || line.err?.stack)).toEqual([]);
  });

  it('should never log the token of a link from an email', async () => {
    logs.length = 0;
    const secret = 'abcdefghijklmnopqrstuvwxyz234567.abcdefghijklmnopqrstuvwxyz234567';
    await fetch(`${server.url}/reset-password?token=${secret}`);
    await fetch(`${server.url}/verify-email?x=1&TOKEN=${secret}#top`);
    // A request is logged once its answer has gone: the line can come just after the answer.
    for (let waited = 0; logs.length < 2 && waited < 5000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(logs.map((line) => line.req?.url)).toEqual([
      '/reset-password?token=[redacted]',
      '/verify-email?x=1&TOKEN=[redacted]',
    ]);
    expect(JSON.stringify(logs)).not.toContain(secret);
  });

  it.each(['PUT', 'PATCH', 'DELETE'])('should refuse %s on /graphql as 405 in the GraphQL shape', async (method) => {
    const response = await fetch(`${server.url}/graphql`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ version }"}',
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(await response.json()).toEqual({
      data: null,
      errors: [
        {
          message: 'Send GraphQL requests with POST, or queries with GET.',
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
  });
});

describe('an address with no route, without the web app', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ web: false });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('should answer 404 in the GraphQL shape', async () => {
    const response = await fetch(`${server.url}/no-such-thing`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ message: 'There is nothing at this address.', extensions: { code: 'NOT_FOUND' } }],
    });
  });
});

describe('requests that arrive while the server shuts down', () => {
  let server: RunningServer;
  let closed: Promise<void>;
  let release: () => void = () => {};
  beforeAll(async () => {
    // Shutdown waits for its preClose hooks (as main.ts's waits for maintenance to stop) before it
    // stops listening; this one holds it there, so requests arrive while the server closes.
    let entered: () => void = () => {};
    const closing = new Promise<void>((resolve) => (entered = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    server = await startServer({
      web: true,
      beforeListen: (app) => {
        app.addHook('preClose', async () => {
          entered();
          await released;
        });
      },
    });
    closed = server.close();
    await closing;
  });
  afterAll(async () => {
    release();
    await closed;
  });

  const refusal = (requestId: string | null) => ({
    errors: [
      {
        message: 'Hearth is shutting down; try again in a moment.',
        extensions: { code: 'INTERNAL', requestId },
      },
    ],
  });

  it('should answer /graphql with a GraphQL error and a 503', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ version }"}',
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('connection')).toBe('close');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await response.json()) as ErrorBody).toEqual(refusal(response.headers.get('x-request-id')));
  });

  it('should answer in the media type the client asked for', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ version }')}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect((await response.json()) as ErrorBody).toEqual(refusal(response.headers.get('x-request-id')));
  });

  it('should answer a page in words, with the security headers', async () => {
    const response = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toBe('Hearth is shutting down; try again in a moment.');
  });
});
