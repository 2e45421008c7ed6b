// Matching rounds (issue 12): the best whole assignment of a cohort's needs to its mentors, under
// every mentor's free places. Pure: no I/O, no clock, no randomness; the service works out who may
// be paired with whom, and how well, and passes that in.
//
// What "best" means. Each need gets at most one mentor, a mentor at most `places` needs, and only
// the listed pairs (candidate edges) may be used. The round maximises the total fit of the pairs
// chosen less a small load cost: a mentor's k-th mentee of the round costs loadStep·(k−1). When
// two fits are close the load spreads across mentors; a much better fit still wins. A pair whose
// fit does not beat its load cost is left out: an unmatched need is better than a pair that only
// costs. The result depends on nothing but the input: among equally good assignments, the order
// of the needs, mentors and edges decides which one is found.
//
// How: a min-cost flow on the candidate edges, in matching-flow.ts. Not the Hungarian algorithm,
// which is O(n³) on the dense matrix of every need and mentor. Successive cheapest augmenting paths
// give the best assignment of each size, and their costs only rise, so stopping at the first path
// costing ≥ 0 gives the best of any size. Paths of equal cost are augmented together (primal–dual),
// and costs are whole numbers from −MAX_SCORE, so there are at most MAX_SCORE phases however many
// pairs are made.
//
// candidateEdges keeps each need's best few mentors: that is what keeps the graph sparse. It can
// miss the best whole assignment when a need's few are all taken; the benchmark measures how much.

import { bestEdgeOfEachNeed, type FlowNetwork } from './matching-flow.ts';

export interface MatchingProblem {
  needIds: readonly string[];
  /** Free places now (0 to 10 in Hearth; any whole number works). */
  mentors: ReadonlyArray<{ id: string; places: number }>;
  /** The allowed pairs only, each with a whole-number fit score from 1 to MAX_SCORE. */
  edges: ReadonlyArray<MatchedPair>;
}

export interface MatchedPair {
  needId: string;
  mentorId: string;
  score: number;
}

export interface Assignment {
  /** In the order of `needIds`. */
  pairs: MatchedPair[];
  /** The total fit of the pairs, without the load cost. */
  totalScore: number;
}

export interface MatchingOptions {
  /** What each further mentee of a mentor in this round costs; a whole number ≥ 0. */
  loadStep?: number;
}

export const MAX_SCORE = 100;
export const DEFAULT_LOAD_STEP = 2;
export const DEFAULT_CANDIDATES_PER_NEED = 25;

/** The problem in index form, as the flow takes it. */
interface IndexedProblem extends FlowNetwork {
  problem: MatchingProblem;
}

function indexOf(ids: readonly string[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new Error(`matching: ${what} "${id}" is listed twice`);
    index.set(id, i);
  });
  return index;
}

function checkWhole(value: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`matching: ${what} must be a whole number from ${min} to ${max}; got ${value}`);
  }
}

/**
 * Checks the problem and puts it in index form. An edge naming an unknown need or mentor, a pair
 * listed twice or a score out of range is a programming error in the caller: it throws.
 */
function indexProblem(problem: MatchingProblem): IndexedProblem {
  const needIndex = indexOf(problem.needIds, 'need');
  const mentorIndex = indexOf(
    problem.mentors.map((mentor) => mentor.id),
    'mentor',
  );
  const places = Int32Array.from(problem.mentors, (mentor) => {
    checkWhole(mentor.places, 0, Number.MAX_SAFE_INTEGER, `the places of mentor "${mentor.id}"`);
    return Math.min(mentor.places, problem.needIds.length);
  });
  const edgeCount = problem.edges.length;
  const edgeNeed = new Int32Array(edgeCount);
  const edgeMentor = new Int32Array(edgeCount);
  const edgeScore = new Int32Array(edgeCount);
  const needStart = new Int32Array(problem.needIds.length + 1);
  problem.edges.forEach((edge, e) => {
    const need = needIndex.get(edge.needId);
    const mentor = mentorIndex.get(edge.mentorId);
    if (need === undefined) throw new Error(`matching: edge ${e} names an unknown need "${edge.needId}"`);
    if (mentor === undefined) throw new Error(`matching: edge ${e} names an unknown mentor "${edge.mentorId}"`);
    checkWhole(edge.score, 1, MAX_SCORE, `the score of edge ${e}`);
    edgeNeed[e] = need;
    edgeMentor[e] = mentor;
    edgeScore[e] = edge.score;
    needStart[need + 1]! += 1;
  });
  for (let n = 0; n < problem.needIds.length; n += 1) needStart[n + 1]! += needStart[n]!;
  const needEdges = new Int32Array(edgeCount);
  const filled = needStart.slice(0, -1);
  for (let e = 0; e < edgeCount; e += 1) needEdges[filled[edgeNeed[e]!]!++] = e;
  refuseRepeatedPairs(problem, { needStart, needEdges, edgeMentor });
  return {
    problem,
    needCount: problem.needIds.length,
    mentorCount: problem.mentors.length,
    places,
    edgeNeed,
    edgeMentor,
    edgeScore,
    needStart,
    needEdges,
  };
}

function refuseRepeatedPairs(
  problem: MatchingProblem,
  { needStart, needEdges, edgeMentor }: Pick<IndexedProblem, 'needStart' | 'needEdges' | 'edgeMentor'>,
): void {
  const lastNeedOf = new Int32Array(problem.mentors.length).fill(-1);
  for (let n = 0; n < problem.needIds.length; n += 1) {
    for (let i = needStart[n]!; i < needStart[n + 1]!; i += 1) {
      const mentor = edgeMentor[needEdges[i]!]!;
      if (lastNeedOf[mentor] === n) {
        throw new Error(
          `matching: the pair of need "${problem.needIds[n]}" and mentor "${problem.mentors[mentor]!.id}" is listed twice`,
        );
      }
      lastNeedOf[mentor] = n;
    }
  }
}

/** The pairs of the chosen edges, in need order. */
function assignmentOf(indexed: IndexedProblem, edgeOfNeed: Int32Array): Assignment {
  const pairs: MatchedPair[] = [];
  let totalScore = 0;
  for (let n = 0; n < indexed.needCount; n += 1) {
    const e = edgeOfNeed[n]!;
    if (e < 0) continue;
    const { needId, mentorId, score } = indexed.problem.edges[e]!;
    pairs.push({ needId, mentorId, score });
    totalScore += score;
  }
  return { pairs, totalScore };
}

/** The best assignment: the most total fit less the load cost (see the top of this file). */
export function optimalAssignment(problem: MatchingProblem, options: MatchingOptions = {}): Assignment {
  const loadStep = options.loadStep ?? DEFAULT_LOAD_STEP;
  checkWhole(loadStep, 0, MAX_SCORE, 'loadStep');
  const indexed = indexProblem(problem);
  return assignmentOf(indexed, bestEdgeOfEachNeed(indexed, loadStep));
}

/**
 * First-come greedy, the yardstick a round is shown against: the best-scoring edges first (ties in
 * input order), each taken while its need is free and its mentor has a place left.
 */
export function greedyAssignment(problem: MatchingProblem): Assignment {
  const indexed = indexProblem(problem);
  const edgeOfNeed = new Int32Array(indexed.needCount).fill(-1);
  const left = indexed.places.slice();
  for (const e of bestFirst(indexed.edgeScore)) {
    const need = indexed.edgeNeed[e]!;
    const mentor = indexed.edgeMentor[e]!;
    if (edgeOfNeed[need]! >= 0 || left[mentor]! === 0) continue;
    edgeOfNeed[need] = e;
    left[mentor]! -= 1;
  }
  return assignmentOf(indexed, edgeOfNeed);
}

/** Edge indices, best score first, ties in input order: a counting sort, as scores are small. */
function bestFirst(scores: Int32Array): Int32Array {
  const before = new Int32Array(MAX_SCORE + 2);
  for (const score of scores) before[MAX_SCORE - score + 1]! += 1;
  for (let s = 1; s < before.length; s += 1) before[s]! += before[s - 1]!;
  const order = new Int32Array(scores.length);
  scores.forEach((score, e) => (order[before[MAX_SCORE - score]!++] = e));
  return order;
}

/** The load cost of these pairs: loadStep·(0 + 1 + … + (k − 1)) for a mentor with k of them. */
export function loadCostOf(pairs: readonly MatchedPair[], loadStep = DEFAULT_LOAD_STEP): number {
  const menteesOf = new Map<string, number>();
  for (const pair of pairs) menteesOf.set(pair.mentorId, (menteesOf.get(pair.mentorId) ?? 0) + 1);
  let cost = 0;
  for (const k of menteesOf.values()) cost += (loadStep * k * (k - 1)) / 2;
  return cost;
}

/** What a round maximises: total fit less the load cost. */
export function objectiveOf(assignment: Assignment, loadStep = DEFAULT_LOAD_STEP): number {
  return assignment.totalScore - loadCostOf(assignment.pairs, loadStep);
}

/**
 * The candidate edges of a round: for each need, its `perNeed` best-scoring allowed mentors (ties
 * to the earlier mentor), best first. `score` answers null for a pair that is not allowed. It is
 * called once for every need and mentor, so it should be cheap.
 */
export function candidateEdges(
  needIds: readonly string[],
  mentorIds: readonly string[],
  score: (needIndex: number, mentorIndex: number) => number | null,
  perNeed = DEFAULT_CANDIDATES_PER_NEED,
): MatchedPair[] {
  checkWhole(perNeed, 1, Number.MAX_SAFE_INTEGER, 'perNeed');
  const keep = Math.min(perNeed, mentorIds.length);
  const bestScores = new Float64Array(keep);
  const bestMentors = new Int32Array(keep);
  const edges: MatchedPair[] = [];
  for (let n = 0; n < needIds.length; n += 1) {
    let kept = 0;
    for (let m = 0; m < mentorIds.length; m += 1) {
      const s = score(n, m);
      if (s === null || (kept === keep && s <= bestScores[keep - 1]!)) continue;
      // Insertion into the short sorted list: most mentors fall out at the check above.
      let at = kept < keep ? kept++ : keep - 1;
      for (; at > 0 && bestScores[at - 1]! < s; at -= 1) {
        bestScores[at] = bestScores[at - 1]!;
        bestMentors[at] = bestMentors[at - 1]!;
      }
      bestScores[at] = s;
      bestMentors[at] = m;
    }
    for (let i = 0; i < kept; i += 1) {
      edges.push({ needId: needIds[n]!, mentorId: mentorIds[bestMentors[i]!]!, score: bestScores[i]! });
    }
  }
  return edges;
}
