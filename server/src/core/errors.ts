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
