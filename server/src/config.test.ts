import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('should default to port 3000, PGlite in ./.hearth, and a localhost public URL', () => {
    const config = loadConfig({});
    expect({
      port: config.port,
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      publicUrl: config.publicUrl.href,
      env: config.env,
    }).toEqual({
      port: 3000,
      databaseUrl: null,
      dataDir: path.resolve('.hearth'),
      publicUrl: 'http://localhost:3000/',
      env: 'development',
    });
    expect(config.session).toEqual({ inactivityTimeoutMs: 30 * 86_400_000, absoluteLifetimeMs: 90 * 86_400_000 });
  });

  it('should believe X-Forwarded-For only from as many proxies as TRUST_PROXY says', () => {
    const hops = ['', 'false', '0', 'true', 'yes', '1', '2'].map(
      (value) => loadConfig({ TRUST_PROXY: value }).trustProxy,
    );
    expect(hops).toEqual([false, false, false, 1, 1, 1, 2]);
  });

  it('should limit sign-ins per 15 minutes and sign-ups per hour, as configured', () => {
    const defaults = loadConfig({});
    expect([defaults.signInLimits, defaults.signUpLimits]).toEqual([
      { windowMs: 900_000, perEmail: 10, perClient: 50, perEmailAllClients: 100 },
      { windowMs: 3_600_000, perClient: 20 },
    ]);
    const configured = loadConfig({
      SIGN_IN_LIMIT_PER_EMAIL: '5',
      SIGN_IN_LIMIT_PER_CLIENT: '40',
      SIGN_IN_LIMIT_PER_EMAIL_ALL_CLIENTS: '300',
      SIGN_UP_LIMIT_PER_CLIENT: '3',
    });
    expect([configured.signInLimits, configured.signUpLimits]).toEqual([
      { windowMs: 900_000, perEmail: 5, perClient: 40, perEmailAllClients: 300 },
      { windowMs: 3_600_000, perClient: 3 },
    ]);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535; got "abc".'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535; got "70000".'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must start with postgres:// or postgresql://; got "mysql://".'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a URL such as postgres://user:password@host:5432/hearth.'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL must be an http:// or https:// URL; got "ftp://x".'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test; got "staging".'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true, false or the number of proxies (1 to 10); got "maybe".'],
    [{ TRUST_PROXY: '11' }, 'TRUST_PROXY must be true, false or the number of proxies (1 to 10); got "11".'],
    [{ SIGN_IN_LIMIT_PER_EMAIL: '0' }, 'SIGN_IN_LIMIT_PER_EMAIL must be a whole number from 1 to 10000; got "0".'],
    [
      { SIGN_IN_LIMIT_PER_EMAIL_ALL_CLIENTS: '2.5' },
      'SIGN_IN_LIMIT_PER_EMAIL_ALL_CLIENTS must be a whole number from 1 to 1000000; got "2.5".',
    ],
    [
      { SIGN_UP_LIMIT_PER_CLIENT: 'many' },
      'SIGN_UP_LIMIT_PER_CLIENT must be a whole number from 1 to 1000000; got "many".',
    ],
    [{ SIGN_UP_LIMIT_PER_CLIENT: '0' }, 'SIGN_UP_LIMIT_PER_CLIENT must be a whole number from 1 to 1000000; got "0".'],
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL must start with smtp:// or smtps://; got "http://".'],
    [{ SMTP_URL: 'user:secret@mail' }, 'SMTP_URL must start with smtp:// or smtps://; got "user://".'],
    [{ SMTP_URL: 'not a url' }, 'SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587.'],
    [{ SMTP_URL: 'smtp://' }, 'SMTP_URL must name the mail server, as in smtp://mail.example.org:587.'],
    [
      { MAIL_FROM: 'Hearth <hearth@example.org>\r\nBcc: x@example.org' },
      'MAIL_FROM must be an address such as hearth@example.org, or a name and an address such as "Hearth <hearth@example.org>"; got "Hearth <hearth@example.org>\r\nBcc: x@example.org".',
    ],
    [{ OUTBOX_POLL_MS: '0' }, 'OUTBOX_POLL_MS must be a whole number from 10 to 60000; got "0".'],
  ])('should refuse %o with a clear message', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  it('should read DATABASE_URL and not load demo data on a server by default', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u:p@localhost:5432/hearth' });
    expect([config.databaseUrl, config.seedDemoData]).toEqual(['postgres://u:p@localhost:5432/hearth', false]);
  });

  it('should send no email without SMTP_URL, and send from Hearth at the host of PUBLIC_URL by default', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://bristol.hearth.example' });
    expect(config.mail).toEqual({ smtpUrl: null, from: 'Hearth <hearth@bristol.hearth.example>' });
    expect(config.outbox).toEqual({ pollMs: 1000, leaseMs: 120_000, firstRetryMs: 15_000 });
  });

  it('should read SMTP_URL, MAIL_FROM and the outbox timings', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://user:p%40ss@mail.example.org:465',
      MAIL_FROM: 'Tech for Good Bristol <hello@tfg.example>',
      OUTBOX_POLL_MS: '50',
      OUTBOX_LEASE_MS: '5000',
      OUTBOX_FIRST_RETRY_MS: '200',
    });
    expect([config.mail, config.outbox]).toEqual([
      { smtpUrl: 'smtps://user:p%40ss@mail.example.org:465', from: 'Tech for Good Bristol <hello@tfg.example>' },
      { pollMs: 50, leaseMs: 5000, firstRetryMs: 200 },
    ]);
    expect(loadConfig({ MAIL_FROM: 'hello@tfg.example' }).mail.from).toBe('hello@tfg.example');
  });
});
