import WebSocket from 'ws';

/**
 * A minimal graphql-transport-ws client over a real WebSocket: enough to subscribe and
 * collect what the server sends, without a client library hiding the protocol.
 */
export interface Subscription {
  next(timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends a message of the caller's own, as is (to see how the server takes a malformed one). */
  send(raw: string): void;
  close(): void;
}

export async function subscribe(
  baseUrl: string,
  query: string,
  options: { token?: string; headers?: Record<string, string>; variables?: Record<string, unknown> } = {},
): Promise<Subscription> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
    headers: options.headers,
  });
  const queue: Array<Record<string, unknown>> = [];
  const waiters: Array<(message: Record<string, unknown>) => void> = [];
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString()) as Record<string, unknown>;
    const waiter = waiters.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const closed = new Promise<{ code: number }>((resolve) => socket.on('close', (code) => resolve({ code })));

  const next = (timeoutMs = 5000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const queued = queue.shift();
      if (queued) return resolve(queued);
      const timer = setTimeout(() => reject(new Error(`no message within ${timeoutMs} ms`)), timeoutMs);
      waiters.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
      void closed.then(({ code }) => {
        clearTimeout(timer);
        resolve({ type: 'socket_closed', code });
      });
    });

  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(
    JSON.stringify({
      type: 'connection_init',
      payload: options.token ? { authorization: `Bearer ${options.token}` } : {},
    }),
  );
  const ack = await next();
  const send = (raw: string) => socket.send(raw);
  if (ack.type !== 'connection_ack') return { next: async () => ack, send, close: () => socket.close() };
  send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: options.variables } }));
  return { next, send, close: () => socket.close() };
}
