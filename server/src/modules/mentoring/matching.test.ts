import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  candidateEdges,
  greedyAssignment,
  loadCostOf,
  objectiveOf,
  optimalAssignment,
  type Assignment,
  type MatchedPair,
  type MatchingProblem,
} from './matching.ts';

const pair = (needId: string, mentorId: string, score: number): MatchedPair => ({ needId, mentorId, score });

function problem(
  needIds: string[],
  places: Record<string, number>,
  edges: Array<[string, string, number]>,
): MatchingProblem {
  return {
    needIds,
    mentors: Object.entries(places).map(([id, free]) => ({ id, places: free })),
    edges: edges.map(([needId, mentorId, score]) => pair(needId, mentorId, score)),
  };
}

describe('optimalAssignment', () => {
  it('should give a mentor with 2 places the 2 best of 3 needs, paying the load step once', () => {
    const round = problem(['a', 'b', 'c'], { m: 2 }, [
      ['a', 'm', 70],
      ['b', 'm', 50],
      ['c', 'm', 60],
    ]);
    const best = optimalAssignment(round);
    expect(best).toEqual({ pairs: [pair('a', 'm', 70), pair('c', 'm', 60)], totalScore: 130 });
    expect(objectiveOf(best)).toBe(128);
  });

  it('should beat first-come greedy when the best single fit blocks a better whole', () => {
    const round = problem(['a', 'b'], { m1: 1, m2: 1 }, [
      ['a', 'm1', 90],
      ['a', 'm2', 85],
      ['b', 'm1', 80],
    ]);
    expect(greedyAssignment(round)).toEqual({ pairs: [pair('a', 'm1', 90)], totalScore: 90 });
    expect(optimalAssignment(round)).toEqual({ pairs: [pair('a', 'm2', 85), pair('b', 'm1', 80)], totalScore: 165 });
  });

  it('should spread two close fits across two mentors, and not without a load step', () => {
    // Both with m1: 61 + 60 − 2 = 119. Split, b with m1: 61 + 59 = 120.
    const round = problem(['a', 'b'], { m1: 2, m2: 2 }, [
      ['a', 'm1', 60],
      ['a', 'm2', 59],
      ['b', 'm1', 61],
      ['b', 'm2', 59],
    ]);
    expect(optimalAssignment(round)).toEqual({ pairs: [pair('a', 'm2', 59), pair('b', 'm1', 61)], totalScore: 120 });
    expect(optimalAssignment(round, { loadStep: 0 })).toEqual({
      pairs: [pair('a', 'm1', 60), pair('b', 'm1', 61)],
      totalScore: 121,
    });
  });

  it('should still give a much better fit to the busier mentor', () => {
    const round = problem(['a', 'b'], { m1: 2, m2: 2 }, [
      ['a', 'm1', 90],
      ['a', 'm2', 60],
      ['b', 'm1', 90],
      ['b', 'm2', 60],
    ]);
    expect(optimalAssignment(round, { loadStep: 5 }).pairs).toEqual([pair('a', 'm1', 90), pair('b', 'm1', 90)]);
  });

  it('should leave a need with no edge unmatched', () => {
    const round = problem(['a', 'lonely', 'b'], { m: 3 }, [
      ['a', 'm', 40],
      ['b', 'm', 30],
    ]);
    expect(optimalAssignment(round).pairs.map((p) => p.needId)).toEqual(['a', 'b']);
  });

  it('should give a mentor with no free place nothing, however good the fit', () => {
    const round = problem(['a', 'b'], { full: 0, open: 1 }, [
      ['a', 'full', 100],
      ['b', 'full', 100],
      ['b', 'open', 20],
    ]);
    expect(optimalAssignment(round)).toEqual({ pairs: [pair('b', 'open', 20)], totalScore: 20 });
  });

  it('should leave out a pair whose fit does not beat its load cost, even when it is exactly equal', () => {
    // Places cost 0, 10, 20: b's 15 beats 10; c's 10 does not beat 20; with only a and d, d's 10 equals 10.
    const round = problem(['a', 'b', 'c'], { m: 3 }, [
      ['a', 'm', 30],
      ['b', 'm', 15],
      ['c', 'm', 10],
    ]);
    expect(optimalAssignment(round, { loadStep: 10 }).pairs.map((p) => p.needId)).toEqual(['a', 'b']);
    const tie = problem(['a', 'd'], { m: 2 }, [
      ['a', 'm', 30],
      ['d', 'm', 10],
    ]);
    expect(optimalAssignment(tie, { loadStep: 10 }).pairs.map((p) => p.needId)).toEqual(['a']);
  });

  it('should move a need along a chain of mentors to make room', () => {
    // a gives up its first choice for b, whose other mentor c needs.
    const round = problem(['a', 'b', 'c'], { m1: 1, m2: 1, m3: 1 }, [
      ['a', 'm1', 50],
      ['a', 'm2', 49],
      ['b', 'm1', 48],
      ['b', 'm3', 10],
      ['c', 'm3', 45],
    ]);
    expect(optimalAssignment(round)).toEqual({
      pairs: [pair('a', 'm2', 49), pair('b', 'm1', 48), pair('c', 'm3', 45)],
      totalScore: 142,
    });
  });

  it('should return nothing for an empty round', () => {
    expect(optimalAssignment({ needIds: [], mentors: [], edges: [] })).toEqual({ pairs: [], totalScore: 0 });
    expect(greedyAssignment({ needIds: ['a'], mentors: [{ id: 'm', places: 2 }], edges: [] })).toEqual({
      pairs: [],
      totalScore: 0,
    });
  });

  it('should throw on an edge to an unknown need or mentor, a pair listed twice, or a bad number', () => {
    const base = problem(['a'], { m: 1 }, [['a', 'm', 10]]);
    const withEdges = (edges: MatchedPair[]) => ({ ...base, edges });
    expect(() => optimalAssignment(withEdges([pair('x', 'm', 10)]))).toThrow('edge 0 names an unknown need "x"');
    expect(() => greedyAssignment(withEdges([pair('a', 'y', 10)]))).toThrow('edge 0 names an unknown mentor "y"');
    expect(() => optimalAssignment(withEdges([pair('a', 'm', 10), pair('a', 'm', 20)]))).toThrow(
      'the pair of need "a" and mentor "m" is listed twice',
    );
    expect(() => optimalAssignment(withEdges([pair('a', 'm', 0)]))).toThrow(RangeError);
    expect(() => optimalAssignment(withEdges([pair('a', 'm', 101)]))).toThrow(RangeError);
    expect(() => optimalAssignment(withEdges([pair('a', 'm', 2.5)]))).toThrow(RangeError);
    expect(() => optimalAssignment({ ...base, mentors: [{ id: 'm', places: -1 }] })).toThrow(RangeError);
    expect(() => optimalAssignment({ ...base, needIds: ['a', 'a'] })).toThrow('need "a" is listed twice');
    expect(() => optimalAssignment(base, { loadStep: 1.5 })).toThrow(RangeError);
  });
});

describe('greedyAssignment', () => {
  it('should take the best edges first, and the earlier edge of equal ones', () => {
    const round = problem(['a', 'b', 'c'], { m1: 1, m2: 2 }, [
      ['c', 'm1', 50],
      ['a', 'm1', 50],
      ['a', 'm2', 40],
      ['b', 'm2', 70],
    ]);
    expect(greedyAssignment(round)).toEqual({
      pairs: [pair('a', 'm2', 40), pair('b', 'm2', 70), pair('c', 'm1', 50)],
      totalScore: 160,
    });
  });
});

describe('objectiveOf', () => {
  it('should subtract loadStep·(k − 1) for each mentor’s k-th mentee', () => {
    const pairs = [pair('a', 'm', 10), pair('b', 'm', 10), pair('c', 'm', 10), pair('d', 'n', 10)];
    expect(loadCostOf(pairs, 3)).toBe(3 * (0 + 1 + 2));
    expect(objectiveOf({ pairs, totalScore: 40 }, 3)).toBe(31);
    expect(objectiveOf({ pairs, totalScore: 40 })).toBe(40 - 6);
  });
});

describe('candidateEdges', () => {
  it('should keep each need’s best allowed mentors, best first, ties to the earlier mentor', () => {
    const scores = [
      [30, null, 80, 30, 50],
      [null, null, null, null, null],
      [10, 20, null, 20, 5],
    ];
    const edges = candidateEdges(['a', 'b', 'c'], ['m0', 'm1', 'm2', 'm3', 'm4'], (n, m) => scores[n]![m]!, 3);
    expect(edges).toEqual([
      pair('a', 'm2', 80),
      pair('a', 'm4', 50),
      pair('a', 'm0', 30),
      pair('c', 'm1', 20),
      pair('c', 'm3', 20),
      pair('c', 'm0', 10),
    ]);
  });

  it('should keep every allowed pair when asked for more than there are', () => {
    const edges = candidateEdges(['a'], ['m0', 'm1', 'm2'], (_, m) => (m === 1 ? null : 10 + m), 25);
    expect(edges).toEqual([pair('a', 'm2', 12), pair('a', 'm0', 10)]);
  });
});

// Property tests on small random rounds.

/** A random round: needs, mentors with 0–3 places, an allowed subset of pairs in random order. */
const rounds = fc
  .record({
    needs: fc.integer({ min: 0, max: 7 }),
    places: fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 5 }),
    // Narrow scores make ties common; wide ones make them rare.
    scoreRange: fc.constantFrom(3, 10, 100),
  })
  .chain(({ needs, places, scoreRange }) => {
    const pairs = Array.from({ length: needs * places.length }, (_, i) => [i % needs, Math.floor(i / needs)] as const);
    return fc
      .tuple(
        fc.shuffledSubarray(pairs),
        fc.array(fc.integer({ min: 1, max: scoreRange }), { minLength: pairs.length, maxLength: pairs.length }),
      )
      .map(([chosen, scores]): MatchingProblem => ({
        needIds: Array.from({ length: needs }, (_, n) => `n${n}`),
        mentors: places.map((free, m) => ({ id: `m${m}`, places: free })),
        edges: chosen.map(([n, m], i) => pair(`n${n}`, `m${m}`, scores[i]!)),
      }));
  });

const loadSteps = fc.integer({ min: 0, max: 12 });

function menteeCounts(assignment: Assignment): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of assignment.pairs) counts.set(p.mentorId, (counts.get(p.mentorId) ?? 0) + 1);
  return counts;
}

/** Fails unless the assignment keeps every rule of a round. */
function expectValid(round: MatchingProblem, assignment: Assignment): void {
  const listed = new Map(round.edges.map((e) => [`${e.needId}/${e.mentorId}`, e.score]));
  for (const p of assignment.pairs) expect(listed.get(`${p.needId}/${p.mentorId}`)).toBe(p.score);
  const needs = assignment.pairs.map((p) => p.needId);
  expect(new Set(needs).size).toBe(needs.length);
  expect(needs).toEqual(round.needIds.filter((id) => needs.includes(id)));
  const counts = menteeCounts(assignment);
  for (const mentor of round.mentors) expect(counts.get(mentor.id) ?? 0).toBeLessThanOrEqual(mentor.places);
  expect(assignment.totalScore).toBe(assignment.pairs.reduce((sum, p) => sum + p.score, 0));
}

/** The best objective by trying every assignment: each need takes one of its edges or none. */
function exhaustiveBest(round: MatchingProblem, loadStep: number): number {
  const edgesOf = round.needIds.map((id) => round.edges.filter((e) => e.needId === id));
  const free = new Map(round.mentors.map((m) => [m.id, m.places]));
  const taken = new Map<string, number>();
  let best = 0;
  const tryFrom = (n: number, value: number): void => {
    if (n === edgesOf.length) {
      best = Math.max(best, value);
      return;
    }
    tryFrom(n + 1, value);
    for (const e of edgesOf[n]!) {
      const k = taken.get(e.mentorId) ?? 0;
      if (k === free.get(e.mentorId)) continue;
      taken.set(e.mentorId, k + 1);
      tryFrom(n + 1, value + e.score - loadStep * k);
      taken.set(e.mentorId, k);
    }
  };
  tryFrom(0, 0);
  return best;
}

const RUNS = { numRuns: 300 };

describe('matching properties', () => {
  it('should never exceed a capacity, match a need twice or use an unlisted pair', () => {
    fc.assert(
      fc.property(rounds, loadSteps, (round, loadStep) => {
        expectValid(round, optimalAssignment(round, { loadStep }));
        expectValid(round, greedyAssignment(round));
      }),
      RUNS,
    );
  });

  it('should find the best objective there is, so at least greedy’s', () => {
    fc.assert(
      fc.property(rounds, loadSteps, (round, loadStep) => {
        const best = objectiveOf(optimalAssignment(round, { loadStep }), loadStep);
        expect(best).toBe(exhaustiveBest(round, loadStep));
        expect(best).toBeGreaterThanOrEqual(objectiveOf(greedyAssignment(round), loadStep));
      }),
      RUNS,
    );
  });

  it('should fit at least as well as greedy with no load step', () => {
    fc.assert(
      fc.property(rounds, (round) => {
        expect(optimalAssignment(round, { loadStep: 0 }).totalScore).toBeGreaterThanOrEqual(
          greedyAssignment(round).totalScore,
        );
      }),
      RUNS,
    );
  });

  it('should choose only pairs whose fit beats the cost of the mentor’s last place', () => {
    fc.assert(
      fc.property(rounds, loadSteps, (round, loadStep) => {
        const assignment = optimalAssignment(round, { loadStep });
        const counts = menteeCounts(assignment);
        for (const p of assignment.pairs) expect(p.score).toBeGreaterThan(loadStep * (counts.get(p.mentorId)! - 1));
      }),
      RUNS,
    );
  });

  it('should give the same pairs for the same input, and the same objective in any order', () => {
    fc.assert(
      fc.property(rounds, loadSteps, fc.func(fc.integer()), (round, loadStep, key) => {
        const first = optimalAssignment(round, { loadStep });
        expect(optimalAssignment(structuredClone(round), { loadStep })).toEqual(first);
        const byKey = <T>(items: readonly T[]) =>
          [...items]
            .map((item, i) => [key(i), item] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, item]) => item);
        const reordered = { needIds: byKey(round.needIds), mentors: byKey(round.mentors), edges: byKey(round.edges) };
        expect(objectiveOf(optimalAssignment(reordered, { loadStep }), loadStep)).toBe(objectiveOf(first, loadStep));
      }),
      RUNS,
    );
  });
});
