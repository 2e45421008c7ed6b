import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from './passwords.ts';

const EMAIL = 'ada@example.org';

describe('passwordProblem', () => {
  it('should accept a long password nobody else uses', () => {
    expect(passwordProblem('kettle orbit marigold 47', EMAIL)).toBeNull();
  });

  it('should refuse the most common passwords, whatever their case', () => {
    for (const password of ['password', 'password1', 'password123', '12345678', 'qwertyuiop', 'iloveyou1']) {
      expect(passwordProblem(password, EMAIL)).toContain('most commonly used');
    }
    expect(passwordProblem('Password123', EMAIL)).toContain('most commonly used');
    expect(passwordProblem('LETMEIN1', EMAIL)).toContain('most commonly used');
  });

  it('should count characters, not UTF-16 units, for the length limits', () => {
    expect(passwordProblem('x'.repeat(PASSWORD_MIN_LENGTH - 1), EMAIL)).toContain('at least');
    expect(passwordProblem('🔥'.repeat(PASSWORD_MIN_LENGTH - 1), EMAIL)).toContain('at least');
    expect(passwordProblem('🔥'.repeat(PASSWORD_MAX_LENGTH), EMAIL)).toBeNull();
    expect(passwordProblem('x'.repeat(PASSWORD_MAX_LENGTH + 1), EMAIL)).toContain('at most');
  });

  it('should refuse the email address as the password', () => {
    expect(passwordProblem('Ada@Example.org', EMAIL)).toContain('email address');
  });
});
