import { describe, expect, it } from 'vitest';
import { responseMediaType } from './media-type.ts';

describe(responseMediaType.name, () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/*', 'application/json'],
    ['text/html', 'application/json'],
    ['application/json', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json', 'application/graphql-response+json'],
    ['Application/GraphQL-Response+JSON; charset=utf-8', 'application/graphql-response+json'],
    ['application/graphql-response+json;q=0.5, application/json', 'application/json'],
    ['application/graphql-response+json;q=0.5, */*', 'application/json'],
    ['application/graphql-response+json;q=0, */*', 'application/json'],
    ['application/graphql-response+json;q=0.5, text/html', 'application/graphql-response+json'],
  ])('should answer Accept: %s with %s', (accept, expected) => {
    expect(responseMediaType(accept)).toBe(expected);
  });
});
