// Cross-checks optimalAssignment against an LP solver (HiGHS, compiled to WebAssembly) on random
// rounds of up to 500 needs × 100 mentors. The LP of a round: x_e ∈ [0, 1] for each edge, and
// y_{m,k} ∈ [0, 1] for mentor m's k-th place of the round, which costs loadStep·(k − 1);
//   maximise  Σ score_e·x_e − Σ loadStep·(k − 1)·y_{m,k}
//   such that Σ_{e at n} x_e ≤ 1 for each need n, and Σ_{e at m} x_e − Σ_k y_{m,k} = 0 for each mentor m.
// Its matrix is that of a network (totally unimodular), so the LP optimum is the best whole
// assignment's objective: ours must equal it exactly. The places' costs rise with k, so an LP
// solution fills a mentor's cheap places first, as a round does.
import highsPackage from 'highs';
import { describe, expect, it } from 'vitest';
import {
  greedyAssignment,
  objectiveOf,
  optimalAssignment,
  type MatchedPair,
  type MatchingProblem,
} from './matching.ts';

/** mulberry32: a small seeded generator, so every run checks the same rounds. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A round with 10–25 candidate mentors per need (fewer if there are fewer mentors) and 1–5 places each. */
function randomRound(seed: number, needs: number, mentors: number): MatchingProblem {
  const random = seeded(seed);
  const whole = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const needIds = Array.from({ length: needs }, (_, n) => `n${n}`);
  const mentorList = Array.from({ length: mentors }, (_, m) => ({ id: `m${m}`, places: whole(1, 5) }));
  const edges: MatchedPair[] = [];
  for (const needId of needIds) {
    const count = Math.min(mentors, whole(10, 25));
    const chosen = new Set<number>();
    // Skewed to the low indices, so some mentors are wanted by many needs and places are fought over.
    while (chosen.size < count) chosen.add(Math.floor(random() ** 2 * mentors));
    for (const m of chosen) edges.push({ needId, mentorId: `m${m}`, score: whole(1, 100) });
  }
  return { needIds, mentors: mentorList, edges };
}

/** The round's LP in CPLEX LP format, a few terms a line. */
function lpOf(round: MatchingProblem, loadStep: number): string {
  const lines = (terms: string[]) => terms.map((term, i) => (i % 8 === 7 ? `${term}\n   ` : term)).join(' ');
  const edgesOf = (pick: (e: MatchedPair) => string) => {
    const groups = new Map<string, string[]>();
    round.edges.forEach((e, i) => groups.set(pick(e), [...(groups.get(pick(e)) ?? []), `x${i}`]));
    return groups;
  };
  const objective = round.edges.map((e, i) => `+ ${e.score} x${i}`);
  const places = round.mentors.map((mentor, m) => Array.from({ length: mentor.places }, (_, k) => ({ m, k })));
  for (const { m, k } of places.flat()) if (k > 0) objective.push(`- ${loadStep * k} y${m}_${k}`);
  const rows: string[] = [];
  for (const [needId, xs] of edgesOf((e) => e.needId)) {
    rows.push(` need${round.needIds.indexOf(needId)}: ${lines(xs.map((x) => `+ ${x}`))} <= 1`);
  }
  const byMentor = edgesOf((e) => e.mentorId);
  round.mentors.forEach((mentor, m) => {
    const terms = [
      ...(byMentor.get(mentor.id) ?? []).map((x) => `+ ${x}`),
      ...places[m]!.map(({ k }) => `- y${m}_${k}`),
    ];
    if (terms.length) rows.push(` mentor${m}: ${lines(terms)} = 0`);
  });
  const bounds = [
    ...round.edges.map((_, i) => ` 0 <= x${i} <= 1`),
    ...places.flat().map(({ m, k }) => ` 0 <= y${m}_${k} <= 1`),
  ];
  return ['Maximize', ` obj: ${lines(objective)}`, 'Subject To', ...rows, 'Bounds', ...bounds, 'End', ''].join('\n');
}

const CASES = [
  { seed: 1, needs: 12, mentors: 4, loadStep: 2 },
  { seed: 2, needs: 40, mentors: 10, loadStep: 0 },
  { seed: 3, needs: 80, mentors: 20, loadStep: 2 },
  { seed: 4, needs: 150, mentors: 30, loadStep: 5 },
  { seed: 5, needs: 250, mentors: 50, loadStep: 2 },
  { seed: 6, needs: 350, mentors: 70, loadStep: 1 },
  { seed: 7, needs: 450, mentors: 90, loadStep: 0 },
  { seed: 8, needs: 500, mentors: 100, loadStep: 2 },
];

// The package's types describe its CommonJS build, where the loader is `default`; Node loads its
// ES build here, whose default export is the loader itself.
const loadHighs = highsPackage as unknown as typeof highsPackage.default;
const highs = await loadHighs();

describe('optimalAssignment against HiGHS', () => {
  it.each(CASES)('should equal the LP optimum for $needs needs × $mentors mentors (seed $seed)', (c) => {
    const round = randomRound(c.seed, c.needs, c.mentors);
    const solution = highs.solve(lpOf(round, c.loadStep), { output_flag: false });
    expect(solution.Status).toBe('Optimal');
    const ours = objectiveOf(optimalAssignment(round, { loadStep: c.loadStep }), c.loadStep);
    expect(ours).toBeCloseTo(solution.ObjectiveValue, 6);
    // Places are fought over: first-come greedy falls short of the optimum, so the check can tell.
    expect(objectiveOf(greedyAssignment(round), c.loadStep)).toBeLessThan(ours);
  });
});
