import { describe, expect, it } from 'vitest';
import { classifyFailure, describeFailure, MAX_RETRY_MS, retryDelayMs } from './delivery-failures.ts';

describe('retryDelayMs', () => {
  it('should wait 15 s after a first failure, doubling with each further one, up to an hour', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 50].map((attempts) => retryDelayMs(attempts, 15_000, () => 0));
    expect(waits).toEqual([
      15_000,
      30_000,
      60_000,
      120_000,
      240_000,
      480_000,
      960_000,
      1_920_000,
      MAX_RETRY_MS,
      MAX_RETRY_MS,
      MAX_RETRY_MS,
    ]);
  });

  it('should take up to a fifth off at random', () => {
    expect(retryDelayMs(1, 15_000, () => 0.5)).toBe(13_500);
    expect(retryDelayMs(1, 15_000, () => 0.999_999)).toBe(12_000);
    expect(retryDelayMs(20, 15_000, () => 0.999_999)).toBe(2_880_001);
  });
});

describe('classifyFailure', () => {
  it('should call a 5xx to the recipient or the message permanent, and a 4xx there temporary', () => {
    expect(classifyFailure({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, permanent: true })).toBe(
      'permanent',
    );
    expect(classifyFailure({ code: 'EMESSAGE', command: 'DATA', responseCode: 554, permanent: true })).toBe(
      'permanent',
    );
    expect(classifyFailure({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 450, permanent: false })).toBe(
      'temporary',
    );
    expect(classifyFailure({ code: 'EENVELOPE', command: 'API', message: 'Invalid recipient "a b"' })).toBe(
      'permanent',
    );
  });

  it('should blame the server, not the address, for no connection, 421, and a refused login or sender', () => {
    expect(classifyFailure({ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:2525' })).toBe('server');
    expect(classifyFailure({ code: 'ETIMEDOUT', command: 'CONN' })).toBe('server');
    expect(classifyFailure({ code: 'EPROTOCOL', command: 'CONN', responseCode: 421, permanent: false })).toBe('server');
    expect(classifyFailure({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 421, permanent: false })).toBe(
      'server',
    );
    expect(classifyFailure({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, permanent: true })).toBe(
      'server',
    );
    expect(classifyFailure({ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 550, permanent: true })).toBe(
      'server',
    );
  });
});

describe('describeFailure', () => {
  it("should give the command and the server's own words on one line", () => {
    expect(describeFailure({ command: 'RCPT TO', response: '550 5.1.1 No such\r\n mailbox', message: 'x' })).toBe(
      'RCPT TO: 550 5.1.1 No such mailbox',
    );
    expect(describeFailure({ command: 'API', message: 'connect ECONNREFUSED 127.0.0.1:2525' })).toBe(
      'connect ECONNREFUSED 127.0.0.1:2525',
    );
  });
});
