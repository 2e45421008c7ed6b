import { describe, expect, it } from 'vitest';
import { badInput, checkFields, conflict, DomainError, InputErrors, InputProblems } from './errors.ts';

/** What `run` throws, as the GraphQL layer would send it: one entry per field at fault. */
function refusals(run: () => unknown): Array<{ code: string; field: string | undefined; message: string }> {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const problems = error instanceof InputErrors ? error.problems : [error];
    return problems.map(({ code, field, message }) => ({ code, field, message }));
  }
  throw new Error('expected a refusal');
}

const refuse = (field: string, message: string) => () => {
  throw badInput(field, message);
};

describe(InputProblems.name, () => {
  it('should let an input with no problems through, returning what each check returns', () => {
    const problems = new InputProblems();
    expect(problems.check(() => 'ada@example.org')).toBe('ada@example.org');
    expect(() => problems.throwIfAny()).not.toThrow();
  });

  it('should refuse one problem as itself, so a single bad field reads as before', () => {
    const problems = new InputProblems();
    expect(problems.check(refuse('email', 'Enter your email address.'))).toBeUndefined();
    problems.check(() => 'fine');
    const error = (() => {
      try {
        problems.throwIfAny();
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).not.toBeInstanceOf(InputErrors);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email', message: 'Enter your email address.' });
  });

  it('should refuse every field at fault together, in the order they were checked', () => {
    const problems = new InputProblems();
    problems.check(refuse('email', 'Enter your email address.'));
    problems.check(refuse('name', 'Enter your name.'));
    problems.add('password', 'Use at least 8 characters.');
    expect(refusals(() => problems.throwIfAny())).toEqual([
      { code: 'BAD_USER_INPUT', field: 'email', message: 'Enter your email address.' },
      { code: 'BAD_USER_INPUT', field: 'name', message: 'Enter your name.' },
      { code: 'BAD_USER_INPUT', field: 'password', message: 'Use at least 8 characters.' },
    ]);
  });

  it('should keep only the first problem with a field', () => {
    const problems = new InputProblems();
    problems.check(refuse('latitude', 'The latitude must be between -90 and 90 degrees.'));
    problems.add('latitude', 'Enter the latitude too.');
    expect(problems.has('latitude')).toBe(true);
    expect(problems.has('longitude')).toBe(false);
    expect(refusals(() => problems.throwIfAny())).toEqual([
      { code: 'BAD_USER_INPUT', field: 'latitude', message: 'The latitude must be between -90 and 90 degrees.' },
    ]);
  });

  it('should take in the problems of a check that gathers its own', () => {
    const inner = () => checkFields({ bio: refuse('bio', 'Too long.'), sector: refuse('sector', 'Too long too.') });
    const problems = new InputProblems();
    problems.check(refuse('name', 'Enter your name.'));
    problems.check(inner);
    expect(refusals(() => problems.throwIfAny()).map((problem) => problem.field)).toEqual(['name', 'bio', 'sector']);
  });

  it('should throw at once what is not about one field', () => {
    const problems = new InputProblems();
    const thrower = (error: Error) => () => {
      throw error;
    };
    const taken = conflict('That address is taken.', 'name');
    const wholeInput = new DomainError('BAD_USER_INPUT', 'The query is too big.');
    const bug = new TypeError('x is undefined');
    for (const error of [taken, wholeInput, bug]) expect(() => problems.check(thrower(error))).toThrow(error);
    expect(() => problems.throwIfAny()).not.toThrow();
  });
});

describe(checkFields.name, () => {
  it('should return each value by name when every check passes', () => {
    const { email, age } = checkFields({ email: () => 'ada@example.org', age: () => 36 });
    expect([email, age]).toEqual(['ada@example.org', 36]);
  });

  it('should run every check, and refuse with all that failed', () => {
    let ran = 0;
    const counted = (run: () => unknown) => () => {
      ran += 1;
      return run();
    };
    const problems = refusals(() =>
      checkFields({
        email: counted(refuse('email', 'Enter your email address.')),
        name: counted(() => 'Ada'),
        password: counted(refuse('password', 'Use at least 8 characters.')),
      }),
    );
    expect(ran).toBe(3);
    expect(problems.map((problem) => problem.field)).toEqual(['email', 'password']);
  });
});
