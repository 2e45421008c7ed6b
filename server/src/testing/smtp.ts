// A real SMTP server on loopback for tests and benchmarks (smtp-server, from the nodemailer
// project): it takes mail over a socket as any server would, so nothing about sending is mocked.
// It can be down (nothing listens: connections are refused), busy (421 at the greeting), refuse
// chosen recipients (4xx or 5xx), and it keeps what it received, parsed with mailparser.
import { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';

export interface ReceivedEmail {
  /** As sent, angle brackets included. */
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  /** False when the message had no HTML part. */
  html: string | false;
  /** Lower-cased header names, as mailparser gives them. */
  headers: Map<string, unknown>;
  raw: string;
  /** When the server took it (performance.now()). */
  receivedAt: number;
}

/** The reply to RCPT TO for an address, e.g. 550 or 450; null takes it. */
export type RecipientRule = (address: string) => { code: number; message: string } | null;

export interface TestSmtpServer {
  readonly port: number;
  /** smtp://127.0.0.1:port, for SMTP_URL. */
  readonly url: string;
  /** Everything taken so far, in order of arrival. */
  readonly received: ReceivedEmail[];
  /** How many messages were taken (also when not parsed). */
  readonly count: number;
  /** Answer every connection with 421 (closing) instead of a greeting, until set false. */
  busy: boolean;
  /** Refuse some recipients. */
  refuse: RecipientRule;
  /** Holds each message this long before taking it: a slow server, so a test can act mid-send. */
  delayMs: number;
  /** Starts listening (again) on the same port; a server starts listening unless made with `down`. */
  up(): Promise<void>;
  /** Stops listening and drops open connections: clients are then refused, as by a server that is off. */
  down(): Promise<void>;
  /** Resolves once `count` messages in all have arrived; fails after `timeoutMs`. */
  untilCount(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** A free port on loopback (free when asked: the server binds it later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks)));
    stream.once('error', reject);
  });
}

const MESSAGE_ID_HEADER = /^message-id:\s*(<[^>\r\n]+>)/im;

async function parse(raw: Buffer, envelopeTo: string[]): Promise<ReceivedEmail> {
  const mail = await simpleParser(raw);
  const from = mail.from?.value[0]?.address ?? '';
  return {
    messageId: mail.messageId ?? '',
    from,
    to: envelopeTo,
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: mail.html ?? false,
    headers: mail.headers as Map<string, unknown>,
    raw: raw.toString('utf8'),
    receivedAt: performance.now(),
  };
}

export interface TestSmtpOptions {
  /** Start down: nothing listens until up(). */
  down?: boolean;
  /**
   * Parse each message with mailparser (default). False keeps only the Message-ID and the raw
   * text: a benchmark measures Hearth, not the parser.
   */
  parse?: boolean;
}

/** A real SMTP server on 127.0.0.1, on a free port. */
export async function startTestSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const port = await freePort();
  const received: ReceivedEmail[] = [];
  const arrivals = new EventEmitter();
  let count = 0;
  const state = { busy: false, refuse: (() => null) as RecipientRule, delayMs: 0 };
  const shouldParse = options.parse ?? true;

  const smtp = new SMTPServer({
    logger: false,
    authOptional: true,
    // Plain text on loopback: STARTTLS would need a certificate the client trusts.
    disabledCommands: ['STARTTLS'],
    closeTimeout: 1000,
    onConnect(_session, callback) {
      if (!state.busy) return callback();
      callback(Object.assign(new Error('Too busy, try again later'), { responseCode: 421 }));
    },
    onRcptTo(address, _session, callback) {
      const refusal = state.refuse(address.address);
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      readAll(stream).then(
        async (raw) => {
          if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
          const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          const email = shouldParse
            ? await parse(raw, to)
            : ({
                messageId: MESSAGE_ID_HEADER.exec(raw.toString('latin1'))?.[1] ?? '',
                to,
                receivedAt: performance.now(),
              } as ReceivedEmail);
          received.push(email);
          count += 1;
          arrivals.emit('arrived');
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  smtp.on('error', () => {}); // a client dropping its connection is not the test's business

  let listening = false;
  const up = () =>
    new Promise<void>((resolve, reject) => {
      if (listening) return resolve();
      smtp.server.once('error', reject);
      smtp.server.listen(port, '127.0.0.1', () => {
        smtp.server.off('error', reject);
        listening = true;
        resolve();
      });
    });
  const down = () =>
    new Promise<void>((resolve) => {
      if (!listening) return resolve();
      listening = false;
      // The net server alone: SMTPServer.close() would end the server for good.
      smtp.server.close(() => resolve());
      for (const connection of smtp.connections) connection.close();
    });

  if (!options.down) await up();

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    get count() {
      return count;
    },
    get busy() {
      return state.busy;
    },
    set busy(value: boolean) {
      state.busy = value;
    },
    get refuse() {
      return state.refuse;
    },
    set refuse(rule: RecipientRule) {
      state.refuse = rule;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    up,
    down,
    untilCount(wanted, timeoutMs) {
      if (count >= wanted) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          arrivals.off('arrived', check);
          reject(new Error(`the SMTP server got ${count} of ${wanted} messages within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        const check = () => {
          if (count < wanted) return;
          clearTimeout(timer);
          arrivals.off('arrived', check);
          resolve();
        };
        arrivals.on('arrived', check);
      });
    },
    async close() {
      await down();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
