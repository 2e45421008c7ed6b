import { describe, expect, it } from 'vitest';
import { spellingDistance } from './spelling.ts';

describe('spellingDistance', () => {
  it('should count a letter dropped, added or changed as one edit', () => {
    expect(spellingDistance('manchster', 'manchester')?.whole).toBe(1);
    expect(spellingDistance('bathh', 'bath')?.whole).toBe(1);
    expect(spellingDistance('leads', 'leeds')?.whole).toBe(1);
  });

  it('should count two letters swapped as one edit', () => {
    expect(spellingDistance('brsitol', 'bristol')?.whole).toBe(1);
    expect(spellingDistance('newcastel', 'newcastle')?.whole).toBe(1);
  });

  it('should measure against the best start of the name too', () => {
    expect(spellingDistance('middlesbro', 'middlesbrough')).toEqual({ whole: 3, start: 0 });
    expect(spellingDistance('newcastel', 'newcastle upon tyne')?.start).toBe(1);
  });

  it('should give up once both distances must exceed the limit', () => {
    expect(spellingDistance('manchster', 'manchester', 2)).toEqual({ whole: 1, start: 1 });
    expect(spellingDistance('manchster', 'marcham', 2)).toBeNull();
    expect(spellingDistance('middlesbrough', 'mid', 3)).toBeNull();
    expect(spellingDistance('middlesbro', 'middlesbrough', 1)).toEqual({ whole: 3, start: 0 });
  });

  it('should treat an empty side as all edits', () => {
    expect(spellingDistance('', 'york')).toEqual({ whole: 4, start: 0 });
    expect(spellingDistance('york', '')).toEqual({ whole: 4, start: 4 });
    expect(spellingDistance('york', 'york')).toEqual({ whole: 0, start: 0 });
  });
});
