import { it } from 'vitest';
throw new Error('broken at load');
it('never', () => {});
