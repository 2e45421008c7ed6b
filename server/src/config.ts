import path from 'node:path';

export type Environment = 'development' | 'production' | 'test';

export interface Config {
  port: number;
  host: string;
  /** Absent: the embedded PGlite database in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  /** The origin people reach Hearth at; cookie-carried mutations must come from it. */
  publicUrl: URL;
  env: Environment;
  /**
   * How many proxies in front of Hearth append to X-Forwarded-For (false: none; the socket's
   * address is the client). Only their entries are believed: the rest a client can write.
   */
  trustProxy: false | number;
  /** Load the demo data set into an empty embedded database on first start. */
  seedDemoData: boolean;
  session: {
    inactivityTimeoutMs: number;
    absoluteLifetimeMs: number;
  };
  /** Sign-in attempts counted per window; a client is an IP address, an IPv6 /64 being one. */
  signInLimits: {
    windowMs: number;
    /** At one email from one client; also wrong passwords when confirming a deletion. */
    perEmail: number;
    /** At any emails from one client. */
    perClient: number;
    /** At one email from all clients together; past it, only a client yet to try that email may. */
    perEmailAllClients: number;
  };
  /** Sign-ups counted per window from one client, taken emails included. */
  signUpLimits: {
    windowMs: number;
    perClient: number;
  };
  /**
   * Emails of links (password reset, address proofs) counted per window: per address asked
   * for, so nobody can flood one inbox, and per client, so nobody can flood many.
   */
  emailLinkLimits: {
    windowMs: number;
    perAddress: number;
    perClient: number;
  };
  /** Email. Without an SMTP server nothing is sent: in development each email is logged instead. */
  mail: {
    /** SMTP_URL, e.g. smtp://user:password@mail.example.org:587; null: no server. */
    smtpUrl: string | null;
    /** The From of every email: an address, or a name and an address ("Hearth <hearth@example.org>"). */
    from: string;
  };
  /** The outbox worker's timing (see modules/notifications/outbox-worker.ts). */
  outbox: {
    /** How often each copy looks for email that is due. */
    pollMs: number;
    /** How long a copy holds the email it claimed; past it, another copy may send it. */
    leaseMs: number;
    /** The wait after a first temporary failure; it doubles with each further one, up to an hour. */
    firstRetryMs: number;
  };
  mentoring: {
    /** How often each copy marks requests unanswered for a week as expired, and tells their leads. */
    expirySweepMs: number;
  };
  events: {
    /** How often each copy passes seats offered and not claimed in time to the next person waiting. */
    claimSweepMs: number;
  };
  logLevel: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DAY_MS = 24 * 60 * 60 * 1000;
const ENVIRONMENTS: readonly Environment[] = ['development', 'production', 'test'];

type Env = Record<string, string | undefined>;

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; got "${raw}".`);
  }
  return value;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false; got "${raw}".`);
}

/** TRUST_PROXY: false, true (one proxy), or the number of proxies in front. */
function readTrustProxy(env: Env): false | number {
  const raw = env.TRUST_PROXY;
  if (raw !== undefined && /^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10)
      throw new ConfigError(`TRUST_PROXY must be true, false or the number of proxies (1 to 10); got "${raw}".`);
    return hops === 0 ? false : hops;
  }
  try {
    return readBoolean(env, 'TRUST_PROXY', false) ? 1 : false;
  } catch {
    throw new ConfigError(`TRUST_PROXY must be true, false or the number of proxies (1 to 10); got "${raw}".`);
  }
}

function readDatabaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL such as postgres://user:password@host:5432/hearth.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://; got "${url.protocol}//".`);
  }
  return raw;
}

function readPublicUrl(env: Env, port: number): URL {
  const raw = env.PUBLIC_URL;
  if (raw === undefined || raw === '') return new URL(`http://localhost:${port}`);
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url;
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an http:// or https:// URL; got "${raw}".`);
  }
}

function readSmtpUrl(env: Env): string | null {
  const raw = env.SMTP_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // Not echoed: it may hold a password.
    throw new ConfigError('SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587.');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://; got "${url.protocol}//".`);
  }
  if (url.hostname === '')
    throw new ConfigError('SMTP_URL must name the mail server, as in smtp://mail.example.org:587.');
  return raw;
}

/** An address, or a display name and an address in angle brackets; nothing that could end a header. */
const MAIL_FROM_SHAPE = /^(?:[^<>"\r\n]+ <[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/;

function readMailFrom(env: Env, publicUrl: URL): string {
  const raw = env.MAIL_FROM;
  if (raw === undefined || raw === '') return `Hearth <hearth@${publicUrl.hostname}>`;
  if (!MAIL_FROM_SHAPE.test(raw)) {
    throw new ConfigError(
      `MAIL_FROM must be an address such as hearth@example.org, or a name and an address such as "Hearth <hearth@example.org>"; got "${raw}".`,
    );
  }
  return raw;
}

function readEnvironment(env: Env): Environment {
  const raw = env.NODE_ENV;
  if (raw === undefined || raw === '') return 'development';
  if (!(ENVIRONMENTS as readonly string[]).includes(raw)) {
    throw new ConfigError(`NODE_ENV must be one of ${ENVIRONMENTS.join(', ')}; got "${raw}".`);
  }
  return raw as Environment;
}

/** Reads and validates configuration; throws ConfigError with a message a person can act on. */
export function loadConfig(env: Env = process.env): Config {
  const port = readInteger(env, 'PORT', 3000, 0, 65535);
  const databaseUrl = readDatabaseUrl(env);
  const publicUrl = readPublicUrl(env, port);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    dataDir: path.resolve(env.HEARTH_DATA_DIR || './.hearth'),
    publicUrl,
    env: readEnvironment(env),
    trustProxy: readTrustProxy(env),
    seedDemoData: readBoolean(env, 'HEARTH_DEMO_DATA', databaseUrl === null),
    session: {
      inactivityTimeoutMs: readInteger(env, 'SESSION_INACTIVITY_DAYS', 30, 1, 365) * DAY_MS,
      absoluteLifetimeMs: readInteger(env, 'SESSION_LIFETIME_DAYS', 90, 1, 3650) * DAY_MS,
    },
    signInLimits: {
      windowMs: 15 * 60 * 1000,
      perEmail: readInteger(env, 'SIGN_IN_LIMIT_PER_EMAIL', 10, 1, 10_000),
      perClient: readInteger(env, 'SIGN_IN_LIMIT_PER_CLIENT', 50, 1, 100_000),
      perEmailAllClients: readInteger(env, 'SIGN_IN_LIMIT_PER_EMAIL_ALL_CLIENTS', 100, 1, 1_000_000),
    },
    // Sign-up says whether an email has an account, so it is limited like a guess. Twenty an
    // hour leaves room for a room: people at one meet-up share one address on its Wi-Fi.
    signUpLimits: {
      windowMs: 60 * 60 * 1000,
      perClient: readInteger(env, 'SIGN_UP_LIMIT_PER_CLIENT', 20, 1, 1_000_000),
    },
    emailLinkLimits: {
      windowMs: 60 * 60 * 1000,
      perAddress: readInteger(env, 'EMAIL_LINK_LIMIT_PER_ADDRESS', 5, 1, 1_000_000),
      perClient: readInteger(env, 'EMAIL_LINK_LIMIT_PER_CLIENT', 20, 1, 1_000_000),
    },
    mail: { smtpUrl: readSmtpUrl(env), from: readMailFrom(env, publicUrl) },
    outbox: {
      pollMs: readInteger(env, 'OUTBOX_POLL_MS', 1000, 10, 60_000),
      leaseMs: readInteger(env, 'OUTBOX_LEASE_MS', 120_000, 1000, 3_600_000),
      firstRetryMs: readInteger(env, 'OUTBOX_FIRST_RETRY_MS', 15_000, 10, 3_600_000),
    },
    mentoring: { expirySweepMs: readInteger(env, 'MENTORING_EXPIRY_SWEEP_MS', 300_000, 1000, 86_400_000) },
    events: { claimSweepMs: readInteger(env, 'EVENTS_CLAIM_SWEEP_MS', 60_000, 1000, 3_600_000) },
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
  };
}
