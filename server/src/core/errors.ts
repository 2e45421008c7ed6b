/**
 * The `extensions.code` values every API error carries (see shared/ARCHITECTURE.md). Declared once
 * here; the web reads it from the web contract (server/src/web/contract.ts), and a test
 * (graphql/schema.test.ts) checks the SDL's ErrorCode enum lists the same values.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A rule was broken; services throw these and the GraphQL layer turns them into `extensions.code`. */
export class DomainError extends Error {
  override name = 'DomainError';
  readonly code: ErrorCode;
  /** The input field at fault, so a form can show the message next to it. */
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

export const badInput = (field: string, message: string) => new DomainError('BAD_USER_INPUT', message, field);
export const unauthenticated = (message = 'Sign in to do this.') => new DomainError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You do not have permission to do this.') => new DomainError('FORBIDDEN', message);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const conflict = (message: string, field?: string) => new DomainError('CONFLICT', message, field);
export const rateLimited = (message: string) => new DomainError('RATE_LIMITED', message);

/**
 * Several fields of one input at fault, found together: a form shows every problem at once (the
 * GOV.UK error summary) rather than one per attempt. Each problem is a BAD_USER_INPUT naming its
 * field, and the GraphQL layer returns each as an error of its own.
 */
export class InputErrors extends DomainError {
  override name = 'InputErrors';
  readonly problems: readonly DomainError[];

  constructor(problems: readonly DomainError[]) {
    super('BAD_USER_INPUT', problems.map((problem) => problem.message).join(' '));
    this.problems = problems;
  }
}

/** A refusal a form can show next to one of its fields. */
const isFieldProblem = (error: unknown): error is DomainError =>
  error instanceof DomainError && error.code === 'BAD_USER_INPUT' && error.field !== undefined;

/**
 * Gathers the problems with an input's fields, so every field is checked before any is refused:
 *
 *   const problems = new InputProblems();
 *   const email = problems.check(() => validEmail(input.email));
 *   problems.throwIfAny();
 *
 * Only the first problem with a field is kept: a person fixes one thing in a field at a time.
 */
export class InputProblems {
  readonly #problems: DomainError[] = [];

  /**
   * What `check` returns, or undefined when it refuses a field (kept for throwIfAny). Any other
   * error is not about a field and is thrown at once.
   */
  check<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (error instanceof InputErrors) error.problems.forEach((problem) => this.#keep(problem));
      else if (isFieldProblem(error)) this.#keep(error);
      else throw error;
      return undefined;
    }
  }

  add(field: string, message: string): void {
    this.#keep(badInput(field, message));
  }

  /** Whether a problem with this field has been found. */
  has(field: string): boolean {
    return this.#problems.some((problem) => problem.field === field);
  }

  /** Refuses the input if anything was found: one problem as itself, several as InputErrors. */
  throwIfAny(): void {
    if (this.#problems.length === 1) throw this.#problems[0]!;
    if (this.#problems.length > 1) throw new InputErrors([...this.#problems]);
  }

  #keep(problem: DomainError): void {
    if (!this.has(problem.field!)) this.#problems.push(problem);
  }
}

/**
 * Runs every check, and returns the values when all pass; otherwise refuses with every field at
 * fault. Checks run in the order given, which is the order their problems are reported in.
 */
export function checkFields<Checks extends Record<string, () => unknown>>(
  checks: Checks,
): { [Name in keyof Checks]: ReturnType<Checks[Name]> } {
  const problems = new InputProblems();
  const values: Record<string, unknown> = {};
  for (const [name, check] of Object.entries(checks)) values[name] = problems.check(check);
  problems.throwIfAny();
  return values as { [Name in keyof Checks]: ReturnType<Checks[Name]> };
}
