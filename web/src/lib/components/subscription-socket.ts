// A tiny graphql-transport-ws client for one subscription per socket. No library: the protocol
// needs four message types, and every page ships this (the header's notifications use it).

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 60_000;

/**
 * Follows one subscription on /graphql (the session cookie authenticates, the browser's Origin
 * shows it is our page), reconnecting with growing waits after the socket drops; each
 * reconnection subscribes afresh. Returns a function that stops for good.
 */
export function watchSubscription<T>(
  query: string,
  variables: Record<string, unknown>,
  onData: (data: T) => void,
): () => void {
  let socket: WebSocket | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;

  function connect(): void {
    const url = new URL('/graphql', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url, 'graphql-transport-ws');
    socket.addEventListener('open', () => send({ type: 'connection_init', payload: {} }));
    socket.addEventListener('message', (event) => handle(String(event.data)));
    socket.addEventListener('close', retryLater);
  }

  function send(message: Record<string, unknown>): void {
    socket?.send(JSON.stringify(message));
  }

  function handle(raw: string): void {
    let message: { type?: string; payload?: { data?: T } };
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (message.type === 'connection_ack') {
      failures = 0;
      send({ id: '1', type: 'subscribe', payload: { query, variables } });
    } else if (message.type === 'ping') {
      send({ type: 'pong' });
    } else if (message.type === 'next') {
      if (message.payload?.data) onData(message.payload.data);
    } else if (message.type === 'error') {
      // Refused (signed out, say): retrying cannot help until the next page load.
      stopped = true;
      socket?.close();
    }
  }

  // Doubling waits with jitter, so copies of the app restarting are not met by every browser at once.
  function retryLater(): void {
    socket = null;
    if (stopped) return;
    const wait = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures) * (0.5 + Math.random() / 2);
    failures += 1;
    retryTimer = setTimeout(connect, wait);
  }

  connect();
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    // Closed while still connecting, Chromium logs an error to the console: wait for it to open.
    const closing = socket;
    if (closing?.readyState === WebSocket.CONNECTING) closing.addEventListener('open', () => closing.close());
    else closing?.close();
  };
}
