import type { Expression, SqlBool } from 'kysely';

/**
 * A condition on a row's id, built by the repository that owns the tables it reads, for another
 * module's repository to compose into its own statement. This is how a query crosses a module
 * wall without naming another module's tables and without a second round trip.
 */
export type IdCondition = (id: Expression<string>) => Expression<SqlBool>;

/** A PostgreSQL array literal, so both drivers send the same text; elements are quoted and escaped. */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/** Whether a database error is a unique constraint's refusal (SQLSTATE 23505), from either driver. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
