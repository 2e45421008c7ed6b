// Benchmark `matching`: a mentoring matching round (issue 12) on generated cohorts, pure code and
// no database. It runs in a child process of its own (this file, started with ROUND_FLAG), so the
// peak resident set it reports (maxRSS) is the round's alone, from a fresh Node.
//
//   - the large round: 10,000 needs × 2,000 mentors with 1–5 free places each. Every pair is
//     scored and each need keeps its best 25 allowed mentors (candidateEdges), then the optimal
//     assignment is found and, for comparison, first-come greedy. Targets, from the issue: the
//     round (scoring, candidate edges, optimal assignment) under 10 s, its peak RSS under 1 GiB.
//   - what restricting to candidate edges costs: on 1,000 needs × 200 mentors, the optimum on
//     the candidate edges against the optimum on every allowed pair.
//
// The cohort is deterministic (a seeded generator): mentors offer skills, categories, formats and
// a place with a radius; needs want skills, categories and formats in a town. A pair is allowed
// when a format fits (in person only within the mentor's radius) and a skill or category is
// shared; its score counts the skills and categories shared, meeting in person, and the mentor's
// recent asks, with a little noise. Popular skills are offered by many mentors and wanted by many
// needs, so places are fought over, as in a real cohort.
//
//   BENCH_MATCHING_NEEDS=10000 BENCH_MATCHING_MENTORS=2000   size of the large round
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import {
  candidateEdges,
  greedyAssignment,
  objectiveOf,
  optimalAssignment,
  type Assignment,
  type MatchingProblem,
} from '../../server/src/modules/mentoring/matching.ts';
import { limitAtMost } from './report.ts';
import type { Benchmark, CheckResult } from './types.ts';

const ROUND_FLAG = '--matching-round';
const SEED = 12;
const CANDIDATES_PER_NEED = 25;
const LOAD_STEP = 2;
const ROUND_MAX_MS = 10_000;
const PEAK_RSS_MAX_MB = 1024;
/** A child still running after this long has failed. */
const CHILD_LIMIT_MS = 180_000;
const MIB = 1024 * 1024;

const SKILLS = 30;
const CATEGORIES = 8;
const TOWNS = 24;
const VIDEO = 1;
const PHONE = 2;
const IN_PERSON = 4;

/** mulberry32: small, fast and seeded, so every run builds the same cohort. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The number of bits set (a SWAR popcount: the scoring runs for every pair). */
function bitCount(bits: number): number {
  let x = bits - ((bits >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Noise from 0 to 14 for a pair, the same on every run. */
function pairNoise(need: number, mentor: number): number {
  let h = Math.imul(need ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(mentor + 0x632be5ab, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return ((h ^ (h >>> 15)) >>> 0) % 15;
}

interface Cohort {
  needIds: string[];
  mentorIds: string[];
  places: number[];
  /** The pair's fit from 1 to 100, or null when it is not allowed. */
  score(need: number, mentor: number): number | null;
}

/** A deterministic cohort of `needs` needs and `mentors` mentors (see the top of this file). */
export function generateCohort(seed: number, needs: number, mentors: number): Cohort {
  const random = seeded(seed);
  const whole = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  // Skill i is about 1/(i + 2) as common as any: a few are everywhere, most are niche.
  const skillWeights = Array.from({ length: SKILLS }, (_, i) => 1 / (i + 2));
  const totalWeight = skillWeights.reduce((a, b) => a + b, 0);
  const skill = () => {
    let left = random() * totalWeight;
    for (let i = 0; i < SKILLS; i += 1) if ((left -= skillWeights[i]!) < 0) return i;
    return SKILLS - 1;
  };
  const bits = (count: number, pick: () => number) => {
    let set = 0;
    for (let i = 0; i < count; i += 1) set |= 1 << pick();
    return set;
  };
  const formats = (video: number, phone: number, inPerson: number) =>
    (random() < video ? VIDEO : 0) | (random() < phone ? PHONE : 0) | (random() < inPerson ? IN_PERSON : 0) || VIDEO;
  const towns = Array.from({ length: TOWNS }, () => [random() * 300, random() * 300] as const);
  const kmBetween = towns.flatMap(([x1, y1]) => towns.map(([x2, y2]) => Math.hypot(x1 - x2, y1 - y2)));

  const mentorSkills = Int32Array.from({ length: mentors }, () => bits(whole(3, 8), skill));
  const mentorCategories = Int32Array.from({ length: mentors }, () =>
    bits(whole(1, 3), () => whole(0, CATEGORIES - 1)),
  );
  const mentorFormats = Int32Array.from({ length: mentors }, () => formats(0.7, 0.6, 0.5));
  const mentorTown = Int32Array.from({ length: mentors }, () => whole(0, TOWNS - 1));
  const mentorRadius = Float64Array.from({ length: mentors }, () => whole(5, 60));
  const mentorAsks = Int32Array.from({ length: mentors }, () => Math.floor(random() ** 3 * 6));
  const places = Array.from({ length: mentors }, () => whole(1, 5));

  const needSkills = Int32Array.from({ length: needs }, () => bits(whole(1, 3), skill));
  const needCategories = Int32Array.from({ length: needs }, () => bits(whole(1, 2), () => whole(0, CATEGORIES - 1)));
  const needFormats = Int32Array.from({ length: needs }, () => formats(0.6, 0.4, 0.5));
  const needTown = Int32Array.from({ length: needs }, () => whole(0, TOWNS - 1));

  // What one shared skill or category is worth to a need: it wants 1–3 of each.
  const perSkill = Float64Array.from(needSkills, (set) => 55 / bitCount(set));
  const perCategory = Float64Array.from(needCategories, (set) => 20 / bitCount(set));

  const score = (n: number, m: number): number | null => {
    const skills = bitCount(needSkills[n]! & mentorSkills[m]!);
    const categories = bitCount(needCategories[n]! & mentorCategories[m]!);
    if (skills === 0 && categories === 0) return null;
    const shared = needFormats[n]! & mentorFormats[m]!;
    const near = (shared & IN_PERSON) !== 0 && kmBetween[needTown[n]! * TOWNS + mentorTown[m]!]! <= mentorRadius[m]!;
    if ((shared & (VIDEO | PHONE)) === 0 && !near) return null;
    const fit =
      perSkill[n]! * skills + perCategory[n]! * categories + (near ? 10 : 0) - 2 * mentorAsks[m]! + pairNoise(n, m);
    return Math.max(1, Math.min(100, Math.round(fit)));
  };
  return {
    needIds: Array.from({ length: needs }, (_, n) => `need-${n}`),
    mentorIds: Array.from({ length: mentors }, (_, m) => `mentor-${m}`),
    places,
    score,
  };
}

interface Outcome {
  pairs: number;
  totalScore: number;
  objective: number;
}

const outcomeOf = (assignment: Assignment): Outcome => ({
  pairs: assignment.pairs.length,
  totalScore: assignment.totalScore,
  objective: objectiveOf(assignment, LOAD_STEP),
});

/** What the child process measures and sends back. */
interface RoundFigures {
  needs: number;
  mentors: number;
  places: number;
  allowedPairs: number;
  candidateEdges: number;
  startRssMb: number;
  peakRssMb: number;
  heapUsedMb: number;
  scoringMs: number;
  scoringCpuMs: number;
  optimalMs: number;
  optimalCpuMs: number;
  greedyMs: number;
  optimal: Outcome;
  greedy: Outcome;
  /** Null when the optimal assignment keeps every rule of a round; otherwise what it broke. */
  broken: string | null;
  restricted: {
    needs: number;
    mentors: number;
    candidateEdges: number;
    allowedPairs: number;
    candidates: Outcome;
    full: Outcome;
    fullMs: number;
  };
}

function brokenRule(problem: MatchingProblem, assignment: Assignment): string | null {
  const listed = new Map(problem.edges.map((e) => [`${e.needId} ${e.mentorId}`, e.score]));
  const placesOf = new Map(problem.mentors.map((m) => [m.id, m.places]));
  const needs = new Set<string>();
  for (const p of assignment.pairs) {
    if (listed.get(`${p.needId} ${p.mentorId}`) !== p.score) return `${p.needId} with ${p.mentorId} is not listed`;
    if (needs.has(p.needId)) return `${p.needId} is matched twice`;
    needs.add(p.needId);
    const left = placesOf.get(p.mentorId)! - 1;
    if (left < 0) return `${p.mentorId} has more mentees than places`;
    placesOf.set(p.mentorId, left);
  }
  return null;
}

/** The problem of a cohort restricted to each need's best `perNeed` allowed mentors. */
function roundOf(cohort: Cohort, perNeed: number): { problem: MatchingProblem; allowed: number } {
  let allowed = 0;
  const counted = (n: number, m: number) => {
    const s = cohort.score(n, m);
    if (s !== null) allowed += 1;
    return s;
  };
  const edges = candidateEdges(cohort.needIds, cohort.mentorIds, counted, perNeed);
  const mentors = cohort.mentorIds.map((id, m) => ({ id, places: cohort.places[m]! }));
  return { problem: { needIds: cohort.needIds, mentors, edges }, allowed };
}

function timed<T>(run: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const used = process.cpuUsage(cpu);
  return [result, performance.now() - started, (used.user + used.system) / 1000];
}

function measureRounds(needs: number, mentors: number): RoundFigures {
  const startRssMb = process.memoryUsage().rss / MIB;
  const cohort = generateCohort(SEED, needs, mentors);
  const [{ problem, allowed }, scoringMs, scoringCpuMs] = timed(() => roundOf(cohort, CANDIDATES_PER_NEED));
  const [optimal, optimalMs, optimalCpuMs] = timed(() => optimalAssignment(problem, { loadStep: LOAD_STEP }));
  const [greedy, greedyMs] = timed(() => greedyAssignment(problem));
  const heapUsedMb = process.memoryUsage().heapUsed / MIB;
  // maxRSS is in KiB.
  const peakRssMb = process.resourceUsage().maxRSS / 1024;

  const small = generateCohort(SEED + 1, Math.round(needs / 10), Math.round(mentors / 10));
  const restricted = roundOf(small, CANDIDATES_PER_NEED);
  const full = roundOf(small, small.mentorIds.length);
  const [fullOptimal, fullMs] = timed(() => optimalAssignment(full.problem, { loadStep: LOAD_STEP }));
  return {
    needs,
    mentors,
    places: cohort.places.reduce((a, b) => a + b, 0),
    allowedPairs: allowed,
    candidateEdges: problem.edges.length,
    startRssMb,
    peakRssMb,
    heapUsedMb,
    scoringMs,
    scoringCpuMs,
    optimalMs,
    optimalCpuMs,
    greedyMs,
    optimal: outcomeOf(optimal),
    greedy: outcomeOf(greedy),
    broken: brokenRule(problem, optimal),
    restricted: {
      needs: small.needIds.length,
      mentors: small.mentorIds.length,
      candidateEdges: restricted.problem.edges.length,
      allowedPairs: full.problem.edges.length,
      candidates: outcomeOf(optimalAssignment(restricted.problem, { loadStep: LOAD_STEP })),
      full: outcomeOf(fullOptimal),
      fullMs,
    },
  };
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 10) throw new Error(`${name} must be a whole number of at least 10.`);
  return value;
}

/** Runs the rounds in a fresh child process and returns its figures. */
async function measureInChild(needs: number, mentors: number, signal: AbortSignal): Promise<RoundFigures> {
  const child = fork(fileURLToPath(import.meta.url), [ROUND_FLAG, String(needs), String(mentors)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    signal,
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_LIMIT_MS);
  let figures: RoundFigures | undefined;
  child.once('message', (message) => (figures = message as RoundFigures));
  try {
    const [code] = (await once(child, 'exit')) as [number | null];
    if (code !== 0 || !figures) throw new Error(`the matching round's process exited with ${code ?? 'a signal'}`);
    return figures;
  } finally {
    clearTimeout(timer);
  }
}

const count = (n: number) => n.toLocaleString('en-GB');
const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(2)}%`;

function notesOf(f: RoundFigures): string[] {
  const r = f.restricted;
  const cost = r.full.objective - r.candidates.objective;
  return [
    `large round: ${count(f.needs)} needs × ${count(f.mentors)} mentors, ${count(f.places)} places; ` +
      `${count(f.allowedPairs)} allowed pairs, ${count(f.candidateEdges)} candidate edges (best ${CANDIDATES_PER_NEED} a need).`,
    `times (wall; CPU in brackets): scoring every pair and keeping the candidates ${f.scoringMs.toFixed(0)} ms ` +
      `(${f.scoringCpuMs.toFixed(0)} ms); optimal assignment ` +
      `${f.optimalMs.toFixed(0)} ms (${f.optimalCpuMs.toFixed(0)} ms); greedy ${f.greedyMs.toFixed(0)} ms.`,
    `memory of the round's own process: RSS ${f.startRssMb.toFixed(0)} MiB at start, peak ${f.peakRssMb.toFixed(0)} MiB; ` +
      `V8 heap used after the round ${f.heapUsedMb.toFixed(0)} MiB.`,
    `total fit: optimal ${count(f.optimal.totalScore)} (${count(f.optimal.pairs)} pairs) against greedy ` +
      `${count(f.greedy.totalScore)} (${count(f.greedy.pairs)} pairs): ${(f.optimal.totalScore / f.greedy.totalScore).toFixed(4)}x. ` +
      `Objective with load step ${LOAD_STEP}: ${count(f.optimal.objective)} against ${count(f.greedy.objective)}.`,
    `restricting to candidate edges on ${count(r.needs)} × ${count(r.mentors)}: objective ${count(r.candidates.objective)} ` +
      `(fit ${count(r.candidates.totalScore)}) on ${count(r.candidateEdges)} candidate edges against ` +
      `${count(r.full.objective)} (fit ${count(r.full.totalScore)}) on all ${count(r.allowedPairs)} allowed pairs: ` +
      `it costs ${percent(cost, r.full.objective)} of the objective (full graph solved in ${r.fullMs.toFixed(0)} ms).`,
  ];
}

function checksOf(f: RoundFigures): CheckResult[] {
  const r = f.restricted;
  return [
    {
      name: 'matching/large: the optimal assignment keeps every rule',
      passed: f.broken === null,
      detail: f.broken ?? 'capacities kept, each need at most once, only listed pairs',
    },
    {
      name: 'matching/large: optimal ≥ greedy',
      passed: f.optimal.objective >= f.greedy.objective,
      detail: `objective ${f.optimal.objective} against ${f.greedy.objective}`,
    },
    {
      name: 'matching/restricted: the full graph is at least as good as its candidate edges',
      passed: r.full.objective >= r.candidates.objective,
      detail: `objective ${r.full.objective} against ${r.candidates.objective}`,
    },
  ];
}

export const matchingBenchmark: Benchmark = {
  name: 'matching',
  title: 'matching: a mentoring round, optimal assignment by min-cost flow (pure code, no database)',
  async run(context) {
    const needs = positiveInteger('BENCH_MATCHING_NEEDS', 10_000);
    const mentors = positiveInteger('BENCH_MATCHING_MENTORS', 2_000);
    context.log(`matching: a round of ${count(needs)} needs × ${count(mentors)} mentors in a child process`);
    const f = await measureInChild(needs, mentors, context.signal);
    return {
      name: 'matching',
      title: this.title,
      notes: notesOf(f),
      measurements: [],
      ratios: [],
      checks: checksOf(f),
      limits: [
        limitAtMost(
          'matching/large/time',
          'round time: scoring, candidate edges, optimal assignment',
          f.scoringMs + f.optimalMs,
          'ms',
          ROUND_MAX_MS,
        ),
        limitAtMost('matching/large/peak-rss', "peak RSS of the round's process", f.peakRssMb, 'MiB', PEAK_RSS_MAX_MB),
      ],
    };
  },
};

if (process.argv[2] === ROUND_FLAG && process.send) {
  const figures = measureRounds(Number(process.argv[3]), Number(process.argv[4]));
  process.send(figures, () => process.disconnect());
}
