// The engine of matching rounds (matching.ts says what it solves and why this way): a min-cost
// flow, primal–dual, on typed arrays. Pure: no I/O.
//
// The network: source → need (1 unit, cost 0) → mentor (1 unit per edge, cost −score) → sink, a
// mentor's sink arcs being unit arcs costing loadStep·0, loadStep·1, … Being convex, only the
// cheapest free one matters, so a mentor's count of mentees stands for all of them.
//
// Potentials keep the reduced cost (cost + potential(tail) − potential(head)) of every residual
// arc ≥ 0 (Johnson). Each phase, Dijkstra finds the reduced distances; shifting the potentials by
// them gives the arcs of every cheapest path reduced cost 0; then Dinic's blocking flows on those
// arcs augment every such path before the next phase. The cost of the cheapest path rises by at
// least 1 per phase, from −(best score) to the first cost ≥ 0, where the round stops; so do the
// distances worth computing stay below the best score, and Dijkstra keeps its frontier in one
// bucket per distance (Dial's variant) rather than a binary heap.
//
// Free needs are never scanned. Their potential stays 0, like the source's, so the source reaches
// a mentor through its best-scoring free need at reduced cost −score − potential(mentor): each
// mentor keeps its edges sorted by score and a cursor past the needs already matched (a need never
// becomes free again), and the source's arcs become one per mentor. Most needs of a large round are
// free for most of it, and most that are still free at the end were never worth a path.

/** A round in index form; edges are grouped by need in input order (input order breaks ties). */
export interface FlowNetwork {
  needCount: number;
  mentorCount: number;
  /** Free places of each mentor. */
  places: Int32Array;
  edgeNeed: Int32Array;
  edgeMentor: Int32Array;
  /** Whole numbers ≥ 1. */
  edgeScore: Int32Array;
  /** Need n's edges are needEdges[needStart[n]] … needEdges[needStart[n + 1] − 1]. */
  needStart: Int32Array;
  needEdges: Int32Array;
}

/** The chosen edge of each need for the best assignment (−1: left unmatched). */
export function bestEdgeOfEachNeed(network: FlowNetwork, loadStep: number): Int32Array {
  const arcs = arcsOf(network);
  const arcOf = new MinCostMatching(network, arcs, loadStep).solve();
  return arcOf.map((arc) => (arc === NONE ? NONE : arcs.edge[arc]!));
}

const INFINITE = 0x3fffffff;
const NONE = -1;
/** Not a level: marks a node with no way left to the sink in this layering. */
const DEAD = -2;
/** A mentor's next admissible arc, when it is the one to the sink. */
const TO_SINK = -2;

/**
 * The need → mentor arcs: the edges to mentors with a place (the flow never uses the others),
 * grouped by need in input order, each with what the hot loops read side by side.
 */
interface Arcs {
  /** Need n's arcs are start[n] … start[n + 1] − 1. */
  start: Int32Array;
  /** The mentor's node: needCount + its index. */
  head: Int32Array;
  need: Int32Array;
  score: Int32Array;
  /** The edge the arc stands for. */
  edge: Int32Array;
}

function arcsOf(network: FlowNetwork): Arcs {
  const { needCount, needStart, needEdges, edgeMentor, edgeScore, places } = network;
  const start = new Int32Array(needCount + 1);
  const edge = new Int32Array(needEdges.length);
  let count = 0;
  for (let n = 0; n < needCount; n += 1) {
    for (let i = needStart[n]!; i < needStart[n + 1]!; i += 1) {
      if (places[edgeMentor[needEdges[i]!]!]! > 0) edge[count++] = needEdges[i]!;
    }
    start[n + 1] = count;
  }
  const kept = edge.slice(0, count);
  return {
    start,
    head: kept.map((e) => needCount + edgeMentor[e]!),
    need: kept.map((e) => network.edgeNeed[e]!),
    score: kept.map((e) => edgeScore[e]!),
    edge: kept,
  };
}

/** Each mentor's arcs, best score first, ties in arc order (a counting sort): [start, arcs]. */
function arcsByMentor(network: FlowNetwork, arcs: Arcs): [Int32Array, Int32Array] {
  const { needCount, mentorCount } = network;
  const total = arcs.edge.length;
  const maxScore = arcs.score.reduce((max, s) => Math.max(max, s), 0);
  const byScore = new Int32Array(maxScore + 2);
  for (let a = 0; a < total; a += 1) byScore[maxScore - arcs.score[a]! + 1]! += 1;
  for (let s = 1; s < byScore.length; s += 1) byScore[s]! += byScore[s - 1]!;
  const sorted = new Int32Array(total);
  for (let a = 0; a < total; a += 1) sorted[byScore[maxScore - arcs.score[a]!]!++] = a;
  const start = new Int32Array(mentorCount + 1);
  for (let a = 0; a < total; a += 1) start[arcs.head[a]! - needCount + 1]! += 1;
  for (let m = 0; m < mentorCount; m += 1) start[m + 1]! += start[m]!;
  const byMentor = new Int32Array(total);
  const filled = start.slice(0, -1);
  for (const a of sorted) byMentor[filled[arcs.head[a]! - needCount]!++] = a;
  return [start, byMentor];
}

/**
 * The flow state and its search structures. Nodes: needs 0 … N−1, mentors N … N+M−1, the sink
 * N+M, the source N+M+1. A need's flow is its chosen arc (`arcOf`, NONE when free); a mentor's is
 * the linked list of its mentees and their count (`load`).
 *
 * Searches run backwards, from the sink. Every mentor is one step from the source (through its
 * best free need), so a search from the source spreads over most of the graph, while few nodes
 * can still reach the sink by a cheapest path: on the benchmark's large round, about 1 in 80.
 */
class MinCostMatching {
  private readonly loadStep: number;
  private readonly needCount: number;
  private readonly mentorCount: number;
  private readonly sink: number;
  private readonly source: number;
  private readonly places: Int32Array;
  private readonly arcStart: Int32Array;
  private readonly arcHead: Int32Array;
  private readonly arcNeed: Int32Array;
  private readonly arcScore: Int32Array;
  /** Mentor m's arcs, best score first: mentorArcs[mentorStart[m]] … */
  private readonly mentorStart: Int32Array;
  private readonly mentorArcs: Int32Array;
  /** Where each mentor's best arc from a free need may be: those before come from matched needs. */
  private readonly freeCursor: Int32Array;
  /**
   * Mentor m's arcs again, those from needs ever matched first: inArcs[mentorStart[m]] … up to
   * matchedIn[m] of them. Searches backwards read only these; the rest start at the source.
   */
  private readonly inArcs: Int32Array;
  private readonly inPosition: Int32Array;
  private readonly matchedIn: Int32Array;
  private readonly potential: Int32Array;
  private readonly arcOf: Int32Array;
  private readonly load: Int32Array;
  private readonly menteeHead: Int32Array;
  private readonly menteeNext: Int32Array;
  private readonly menteePrev: Int32Array;
  // Dijkstra: tentative distances to the sink, and a doubly linked bucket per distance.
  private readonly distance: Int32Array;
  private readonly bucketHead: Int32Array;
  private readonly bucketNext: Int32Array;
  private readonly bucketPrev: Int32Array;
  /** The distance whose bucket is being emptied. */
  private key = 0;
  // Blocking flows: BFS levels (steps to the sink), each node's current arc, the path grown.
  private readonly level: Int32Array;
  private readonly queue: Int32Array;
  /** The mentors a path may start from: next to the source, one level below it. */
  private readonly entries: Int32Array;
  private entryCount = 0;
  private readonly needCursor: Int32Array;
  private readonly mentorCursor: Int32Array;
  private readonly sinkTried: Uint8Array;
  private readonly pathNode: Int32Array;
  private readonly pathArc: Int32Array;

  constructor(network: FlowNetwork, arcs: Arcs, loadStep: number) {
    const { needCount: needs, mentorCount: mentors } = network;
    const nodes = needs + mentors + 2;
    this.loadStep = loadStep;
    this.needCount = needs;
    this.mentorCount = mentors;
    this.sink = needs + mentors;
    this.source = needs + mentors + 1;
    this.places = network.places;
    this.arcStart = arcs.start;
    this.arcHead = arcs.head;
    this.arcNeed = arcs.need;
    this.arcScore = arcs.score;
    [this.mentorStart, this.mentorArcs] = arcsByMentor(network, arcs);
    this.freeCursor = this.mentorStart.slice(0, -1);
    this.inArcs = this.mentorArcs.slice();
    this.inPosition = new Int32Array(this.inArcs.length);
    this.inArcs.forEach((arc, i) => (this.inPosition[arc] = i));
    this.matchedIn = new Int32Array(mentors);
    this.potential = new Int32Array(nodes);
    this.arcOf = new Int32Array(needs).fill(NONE);
    this.load = new Int32Array(mentors);
    this.menteeHead = new Int32Array(mentors).fill(NONE);
    this.menteeNext = new Int32Array(needs);
    this.menteePrev = new Int32Array(needs);
    this.distance = new Int32Array(nodes);
    this.bucketHead = new Int32Array(arcs.score.reduce((max, s) => Math.max(max, s), 0) + 1);
    this.bucketNext = new Int32Array(nodes);
    this.bucketPrev = new Int32Array(nodes);
    this.level = new Int32Array(nodes);
    this.queue = new Int32Array(nodes);
    this.entries = new Int32Array(mentors);
    this.needCursor = new Int32Array(needs);
    this.mentorCursor = new Int32Array(mentors);
    this.sinkTried = new Uint8Array(mentors);
    this.pathNode = new Int32Array(nodes + 1);
    this.pathArc = new Int32Array(nodes + 1);
  }

  /** The chosen arc of each need (NONE: unmatched). */
  solve(): Int32Array {
    this.setInitialPotentials();
    for (;;) {
      const rise = this.cheapestPathDistances();
      if (rise === NONE) break;
      this.raisePotentials(rise);
      this.augmentAdmissiblePaths();
    }
    return this.arcOf;
  }

  /**
   * Before any flow the network is acyclic and its distances from the source are direct: 0 at a
   * need, minus its best score at a mentor, the least of those at the sink.
   */
  private setInitialPotentials(): void {
    let sinkPotential = 0;
    for (let m = 0; m < this.mentorCount; m += 1) {
      if (this.mentorStart[m + 1] === this.mentorStart[m]) continue;
      const best = -this.arcScore[this.mentorArcs[this.mentorStart[m]!]!]!;
      this.potential[this.needCount + m] = best;
      sinkPotential = Math.min(sinkPotential, best);
    }
    this.potential[this.sink] = sinkPotential;
  }

  // Reduced costs (cost + potential(tail) − potential(head)) of the arcs that are not in the hot
  // loops; those compute theirs inline.

  /** To the mentor's cheapest free place; INFINITE when it has none left. */
  private mentorToSink(m: number): number {
    if (this.load[m]! >= this.places[m]!) return INFINITE;
    return this.loadStep * this.load[m]! + this.potential[this.needCount + m]! - this.potential[this.sink]!;
  }

  /** From the source through the mentor's best-scoring free need; INFINITE when none is free. */
  private sourceToMentor(m: number): number {
    const a = this.bestFreeArc(m);
    return a === NONE ? INFINITE : -this.arcScore[a]! - this.potential[this.needCount + m]!;
  }

  private bestFreeArc(m: number): number {
    const end = this.mentorStart[m + 1]!;
    let i = this.freeCursor[m]!;
    while (i < end && this.arcOf[this.arcNeed[this.mentorArcs[i]!]!] !== NONE) i += 1;
    this.freeCursor[m] = i;
    return i < end ? this.mentorArcs[i]! : NONE;
  }

  /**
   * Dijkstra on reduced costs, backwards from the sink. Returns the source's distance, or NONE
   * when no path costs less than 0: the sink's potential is the cost of the last cheapest path,
   * so only distances below −potential(sink) can still pay, and no others are kept.
   */
  private cheapestPathDistances(): number {
    const limit = -this.potential[this.sink]!;
    if (limit <= 0) return NONE;
    this.distance.fill(INFINITE);
    this.distance[this.sink] = 0;
    this.bucketHead.fill(NONE);
    this.key = 0;
    for (let m = 0; m < this.mentorCount; m += 1) this.offer(this.needCount + m, this.mentorToSink(m), limit);
    for (; this.key < limit; this.key += 1) {
      const key = this.key;
      for (let u = this.bucketHead[key]!; u !== NONE; u = this.bucketHead[key]!) {
        // Settled as soon as it is in the bucket being emptied: nothing can come nearer.
        if (this.distance[this.source] === key) return key;
        this.unbucket(u, key);
        if (u < this.needCount) this.relaxIntoNeed(u, key, limit);
        else this.relaxIntoMentor(u - this.needCount, key, limit);
      }
    }
    return NONE;
  }

  /** A matched need is reached only from its mentor, along the arc that would take it back. */
  private relaxIntoNeed(n: number, at: number, limit: number): void {
    const arc = this.arcOf[n]!;
    const mentor = this.arcHead[arc]!;
    this.offer(mentor, at + this.potential[mentor]! + this.arcScore[arc]! - this.potential[n]!, limit);
  }

  private relaxIntoMentor(m: number, at: number, limit: number): void {
    const { arcNeed, arcScore, arcOf, inArcs, potential } = this;
    this.offer(this.source, at + this.sourceToMentor(m), limit);
    const to = at - potential[this.needCount + m]!;
    const start = this.mentorStart[m]!;
    const end = start + this.matchedIn[m]!;
    for (let i = start; i < end; i += 1) {
      const a = inArcs[i]!;
      const n = arcNeed[a]!;
      if (a !== arcOf[n]) this.offer(n, to + potential[n]! - arcScore[a]!, limit);
    }
  }

  private offer(node: number, at: number, limit: number): void {
    const known = this.distance[node]!;
    if (at >= known || at >= limit) return;
    // Below the bucket being emptied means a negative reduced cost: wrong answers, or a loop forever.
    if (at < this.key) throw new Error('matching: a negative reduced cost (a bug)');
    if (known !== INFINITE) this.unbucket(node, known);
    this.distance[node] = at;
    const head = this.bucketHead[at]!;
    this.bucketNext[node] = head;
    this.bucketPrev[node] = NONE;
    if (head !== NONE) this.bucketPrev[head] = node;
    this.bucketHead[at] = node;
  }

  private unbucket(node: number, key: number): void {
    const next = this.bucketNext[node]!;
    const prev = this.bucketPrev[node]!;
    if (prev === NONE) this.bucketHead[key] = next;
    else this.bucketNext[prev] = next;
    if (next !== NONE) this.bucketPrev[next] = prev;
  }

  /**
   * Lowers each node's potential by its distance to the sink, capped at the source's, and adds
   * that cap to all: reduced costs stay ≥ 0, every arc of a cheapest path gets reduced cost 0, the
   * source stays at 0, and so do free needs (no nearer the sink than the source is).
   */
  private raisePotentials(rise: number): void {
    for (let v = 0; v < this.potential.length; v += 1) {
      this.potential[v]! += rise - Math.min(this.distance[v]!, rise);
    }
  }

  /**
   * Blocking flows until no path of reduced cost 0 is left. The phase's cheapest path is one, so
   * finding none is a bug; so is a layering that reaches the source holding none. Either would
   * otherwise loop forever.
   */
  private augmentAdmissiblePaths(): void {
    let paths = 0;
    while (this.layerAdmissibleArcs()) {
      const pushed = this.pushBlockingFlow();
      if (pushed === 0) break;
      paths += pushed;
    }
    if (paths === 0) throw new Error('matching: a phase found no path to augment (a bug)');
  }

  /**
   * BFS levels over the arcs of reduced cost 0, backwards from the sink, as far as the source's
   * level; true when the source is reached.
   */
  private layerAdmissibleArcs(): boolean {
    this.level.fill(NONE);
    this.level[this.sink] = 0;
    let tail = 0;
    for (let m = 0; m < this.mentorCount; m += 1) {
      if (this.mentorToSink(m) === 0) tail = this.enterMentor(this.needCount + m, 1, tail);
    }
    let sourceLevel = INFINITE;
    this.entryCount = 0;
    for (let head = 0; head < tail; head += 1) {
      const u = this.queue[head]!;
      const up = this.level[u]! + 1;
      if (up > sourceLevel) break;
      if (u >= this.needCount && this.sourceToMentor(u - this.needCount) === 0) {
        sourceLevel = up;
        this.entries[this.entryCount++] = u;
      }
      if (up === sourceLevel) continue;
      tail = u < this.needCount ? this.layerIntoNeed(u, up, tail) : this.layerIntoMentor(u - this.needCount, up, tail);
    }
    return sourceLevel !== INFINITE;
  }

  private enterMentor(node: number, level: number, tail: number): number {
    const m = node - this.needCount;
    this.level[node] = level;
    this.queue[tail] = node;
    this.mentorCursor[m] = this.menteeHead[m]!;
    this.sinkTried[m] = 0;
    return tail + 1;
  }

  private layerIntoNeed(n: number, up: number, tail: number): number {
    const arc = this.arcOf[n]!;
    const mentor = this.arcHead[arc]!;
    if (this.level[mentor] !== NONE || this.potential[mentor]! + this.arcScore[arc]! !== this.potential[n]) return tail;
    return this.enterMentor(mentor, up, tail);
  }

  private layerIntoMentor(m: number, up: number, tail: number): number {
    const { arcNeed, arcScore, arcOf, inArcs, potential, level } = this;
    const to = potential[this.needCount + m]!;
    const start = this.mentorStart[m]!;
    const end = start + this.matchedIn[m]!;
    for (let i = start; i < end; i += 1) {
      const a = inArcs[i]!;
      const n = arcNeed[a]!;
      if (level[n] !== NONE || a === arcOf[n] || potential[n]! - arcScore[a]! !== to) continue;
      level[n] = up;
      this.queue[tail++] = n;
      this.needCursor[n] = this.arcStart[n]!;
    }
    return tail;
  }

  /** Dinic: from each mentor next to the source, paths down the levels while there are any; how many. */
  private pushBlockingFlow(): number {
    let paths = 0;
    for (let i = 0; i < this.entryCount; i += 1) {
      const node = this.entries[i]!;
      const top = this.level[node];
      while (this.level[node] === top && this.sourceToMentor(node - this.needCount) === 0 && this.augmentFrom(node)) {
        paths += 1;
      }
    }
    return paths;
  }

  /**
   * Grows a path from the mentor down the levels to the sink: mentor, need, mentor, … At the sink,
   * augments it and returns true; at a dead end, marks the node dead and steps back.
   */
  private augmentFrom(first: number): boolean {
    const { pathNode, pathArc } = this;
    let depth = 0;
    pathNode[0] = first;
    for (;;) {
      const u = pathNode[depth]!;
      let next: number;
      if (u < this.needCount) {
        const arc = this.nextArcOfNeed(u);
        pathArc[depth] = arc;
        next = arc === NONE ? NONE : this.arcHead[arc]!;
      } else {
        next = this.nextMenteeOrSink(u - this.needCount);
        if (next === TO_SINK) {
          this.augment(depth);
          return true;
        }
      }
      if (next === NONE) {
        this.level[u] = DEAD;
        if (depth === 0) return false;
        depth -= 1;
      } else {
        depth += 1;
        pathNode[depth] = next;
      }
    }
  }

  /** The need's next admissible arc one level down, from its cursor on. */
  private nextArcOfNeed(n: number): number {
    const { arcHead, arcScore, potential, level } = this;
    const down = level[n]! - 1;
    const chosen = this.arcOf[n]!;
    const from = potential[n]!;
    const end = this.arcStart[n + 1]!;
    for (let a = this.needCursor[n]!; a < end; a += 1) {
      const head = arcHead[a]!;
      if (level[head] !== down || a === chosen || from - arcScore[a]! !== potential[head]) continue;
      this.needCursor[n] = a;
      return a;
    }
    this.needCursor[n] = end;
    return NONE;
  }

  /** TO_SINK while the mentor's arc to the sink is admissible, then its mentees one level down. */
  private nextMenteeOrSink(m: number): number {
    const { arcScore, arcOf, potential, level, menteeNext } = this;
    const node = this.needCount + m;
    const down = level[node]! - 1;
    if (this.sinkTried[m] === 0) {
      if (down === 0 && this.mentorToSink(m) === 0) return TO_SINK;
      this.sinkTried[m] = 1;
    }
    const from = potential[node]!;
    for (let n = this.mentorCursor[m]!; n !== NONE; n = menteeNext[n]!) {
      if (level[n] !== down || from + arcScore[arcOf[n]!]! !== potential[n]) continue;
      this.mentorCursor[m] = n;
      return n;
    }
    this.mentorCursor[m] = NONE;
    return NONE;
  }

  /**
   * The first mentor takes its best free need; each need on the path moves on to the next mentor;
   * only the last mentor gains a mentee.
   */
  private augment(depth: number): void {
    const start = this.bestFreeArc(this.pathNode[0]! - this.needCount);
    const newcomer = this.arcNeed[start]!;
    this.noteMatched(newcomer);
    this.attach(newcomer, start);
    for (let i = 1; i < depth; i += 2) {
      const n = this.pathNode[i]!;
      this.detach(n);
      this.attach(n, this.pathArc[i]!);
    }
    this.load[this.pathNode[depth]! - this.needCount]! += 1;
  }

  /** Moves a newly matched need's arcs among those its mentors' backward searches read. */
  private noteMatched(n: number): void {
    const { inArcs, inPosition } = this;
    for (let a = this.arcStart[n]!; a < this.arcStart[n + 1]!; a += 1) {
      const m = this.arcHead[a]! - this.needCount;
      const to = this.mentorStart[m]! + this.matchedIn[m]!;
      const from = inPosition[a]!;
      const other = inArcs[to]!;
      inArcs[from] = other;
      inPosition[other] = from;
      inArcs[to] = a;
      inPosition[a] = to;
      this.matchedIn[m]! += 1;
    }
  }

  private attach(n: number, arc: number): void {
    const m = this.arcHead[arc]! - this.needCount;
    const head = this.menteeHead[m]!;
    this.arcOf[n] = arc;
    this.menteeNext[n] = head;
    this.menteePrev[n] = NONE;
    if (head !== NONE) this.menteePrev[head] = n;
    this.menteeHead[m] = n;
  }

  private detach(n: number): void {
    const m = this.arcHead[this.arcOf[n]!]! - this.needCount;
    const next = this.menteeNext[n]!;
    const prev = this.menteePrev[n]!;
    // A cursor resting on the leaving need moves on, so it never wanders into another mentor's list.
    if (this.mentorCursor[m] === n) this.mentorCursor[m] = next;
    if (prev === NONE) this.menteeHead[m] = next;
    else this.menteeNext[prev] = next;
    if (next !== NONE) this.menteePrev[next] = prev;
    this.arcOf[n] = NONE;
  }
}
