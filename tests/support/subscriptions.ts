import WebSocket from 'ws';

/**
 * A minimal graphql-transport-ws client over a real WebSocket: enough to subscribe and
 * collect what the server sends, without a client library hiding the protocol.
 */
export interface Subscription {
  next(timeoutMs?: number): Promise<Record<string, unknown>>;
  close(): void;
}

export async function subscribe(
  baseUrl: string,
  query: string,
  options: { token?: string; headers?: Record<string, string> } = {},
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
  if (ack.type !== 'connection_ack') return { next: async () => ack, close: () => socket.close() };
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
  return { next, close: () => socket.close() };
}
