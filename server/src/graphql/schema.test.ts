import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  LIFECYCLE_STAGE_VALUES,
  NETWORK_ROLE_VALUES,
  ORGANISATION_SIZE_VALUES,
  PROFILE_VISIBILITY_VALUES,
  SUPPORT_CATEGORY_VALUES,
} from '../db/schema.ts';
import { ERROR_CODES } from '../core/errors.ts';
import { loadSchemaSource } from './schema.ts';

// Each enum is declared once per layer: in migrations (the database, and through codegen the
// server's types and values) and in the SDL (the API, and through codegen the web's types).
// This is the check that the two say the same, value for value and in the same order.
const SAME_ENUMS = [
  ['LifecycleStage', LIFECYCLE_STAGE_VALUES],
  ['NetworkRole', NETWORK_ROLE_VALUES],
  ['OrganisationSize', ORGANISATION_SIZE_VALUES],
  ['Visibility', PROFILE_VISIBILITY_VALUES],
  ['SupportCategory', SUPPORT_CATEGORY_VALUES],
  ['ErrorCode', ERROR_CODES],
] as const;

describe('the schema', () => {
  const schema = buildSchema(loadSchemaSource());

  it.each(SAME_ENUMS)('should list the values of %s exactly as the database does', (name, values) => {
    const type = schema.getType(name);
    expect(type).toBeInstanceOf(GraphQLEnumType);
    expect((type as GraphQLEnumType).getValues().map((value) => value.name)).toEqual(values);
  });
});
