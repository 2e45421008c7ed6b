import { describe, expect, it } from 'vitest';
describe('throwaway', () => {
  it('passes', () => expect(process.env.HEARTH_TEST_POSTGRES_URL).toMatch(/^postgres:\/\//));
  it('fails', () => expect(1).toBe(2));
  it.skip('skipped', () => {});
  it.todo('todo');
});
