// Benchmark `mentoring`: ranked mentor suggestions for one need among 20,000 offers (issue 12),
// on PGlite and on PostgreSQL. The large data set (seeds/generate.ts: 200 networks, 100,000
// people) is made once per database kind with `mentorOffers`, so offers come with a skewed skill
// vocabulary, paused and full mentors, offers limited to shared networks, and requests of the
// last 30 days (its reference date is the start of today, so "recent" means recent now).
//
// A lead signs up, joins the second-largest network (so offers limited to shared networks are
// partly hidden from them) and posts two needs there:
//   - common: the two skills most offers list, and two kinds of support many give;
//   - rare: the skill fewest offers list, and the kind of support fewest give.
// The lead asks the best mentor for the common need, who declines, so one mentor must be left out
// for having been asked. Each case is then `need { suggestions(first: 10) }` over GraphQL, repeated
// by autocannon over ONE connection (each latency is one request's own time).
//
// Before measuring, each answer is checked against an exhaustive ranking: every offer the lead
// may be suggested (not paused, not theirs, visible to them, not asked about this need) is read
// with its open mentorships and recent asks and scored by fit.ts in JavaScript. The first ten must
// have the same scores and recent asks, in the same order: the database's narrowing of candidates
// must never lose a better mentor. (Among mentors equal on both, the order of ids decides, and the
// suggestions need not read them all; the check reports how many are the same mentors.) The
// answer is measured even when the check fails, so a wrong ranking's speed is still on record.
// Target: PostgreSQL p95 under 50 ms.
//
//   BENCH_MENTORING_PEOPLE=100000 BENCH_MENTORING_OFFERS=20000   size of the generated data set
import type { Db } from '../../server/src/db/database.ts';
import { RequestMemo, systemClock, type ServiceContext } from '../../server/src/core/context.ts';
import { arrayLiteral } from '../../server/src/core/query.ts';
import { signIn, signUp } from '../../server/src/modules/accounts/service.ts';
import { joinNetwork } from '../../server/src/modules/memberships/service.ts';
import { fitOf, type NeedForFit, type OfferForFit } from '../../server/src/modules/mentoring/fit.ts';
import * as mentoring from '../../server/src/modules/mentoring/service.ts';
import { DEMO_PASSWORD } from '../../seeds/demo.ts';
import { generateLargeDataSet } from '../../seeds/generate.ts';
import { measureLoad } from './load.ts';
import { benchConfig, startHearth } from './servers.ts';
import type { Benchmark, BenchContext, CheckResult, LoadTarget, Measurement, RatioResult } from './types.ts';

/** p95 budget of one need's suggestions on PostgreSQL, in milliseconds. */
const P95_BUDGET_MS = 50;
const SEED = 1;
const FIRST = 10;
const RECENT_DAYS = 30;

const SUGGESTIONS_QUERY = `query Suggestions($id: ID!) {
  need(id: $id) { suggestions(first: ${FIRST}) { mentor { id name } score reasons } }
}`;

interface Suggestion {
  mentor: { id: string; name: string };
  score: number;
  reasons: string[];
}

interface NeedCase {
  name: 'common' | 'rare';
  label: string;
  need: mentoring.NeedRecord;
  /** Offers listing the need's skills (any of them), for the notes. */
  holders: number;
}

/** One statement of SQL with $n parameters. (Kysely's `sql` tag is not a dependency of the tests package.) */
async function query<Row>(db: Db, text: string, parameters: unknown[] = []): Promise<Row[]> {
  const result = await db.executeQuery<Row>({
    sql: text,
    parameters,
    query: { kind: 'RawNode', sqlFragments: [text], parameters: [] },
    queryId: { queryId: `bench-${crypto.randomUUID()}` },
  });
  return [...result.rows];
}

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1.`);
  return value;
}

function contextFor(db: Db, config: ServiceContext['config']): ServiceContext {
  return {
    db,
    clock: systemClock,
    pubsub: { publish: async () => {} },
    config,
    viewer: null,
    clientAddress: '127.0.0.1',
    memo: new RequestMemo(),
  };
}

/** Every offer the lead may be suggested for the need, with what the fit reads of the mentor now. */
async function eligibleOffers(db: Db, need: mentoring.NeedRecord, now: Date) {
  return query<OfferForFit & { userId: string }>(
    db,
    `select o.user_id as "userId", o.skills, o.skills_as_typed as "skillsAsTyped", o.categories::text[] as categories,
            o.formats::text[] as formats, o.place_name as "placeName", o.latitude, o.longitude,
            o.radius_km as "radiusKm", o.capacity,
            (select count(*)::int from mentorships m where m.mentor_id = o.user_id and m.status <> 'CLOSED')
              as "activeMentees",
            (select count(*)::int from mentorship_requests r where r.mentor_id = o.user_id and r.created_at >= $1)
              as "recentAsks"
     from mentor_offers o
     where o.paused_at is null and o.user_id <> $2
       and (o.visible_to = 'SIGNED_IN' or exists (
         select 1 from memberships theirs join memberships mine on mine.network_id = theirs.network_id
         where theirs.user_id = o.user_id and theirs.left_at is null and mine.user_id = $2 and mine.left_at is null))
       and not exists (select 1 from mentorship_requests asked where asked.need_id = $3 and asked.mentor_id = o.user_id)`,
    [new Date(now.getTime() - RECENT_DAYS * 86_400_000), need.leadId, need.id],
  );
}

/** The first suggestions by an exhaustive ranking: every eligible offer scored, sorted as suggestions are. */
async function exhaustiveTop(db: Db, need: mentoring.NeedRecord, place: NeedForFit['place']) {
  const offers = await eligibleOffers(db, need, new Date());
  const ranked = offers
    .flatMap((offer) => {
      const fit = fitOf({ ...need, place }, offer);
      return fit
        ? [{ mentorId: offer.userId, score: fit.score, reasons: fit.reasons, recentAsks: offer.recentAsks }]
        : [];
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.recentAsks - b.recentAsks ||
        (a.mentorId < b.mentorId ? -1 : a.mentorId > b.mentorId ? 1 : 0),
    );
  return { eligible: offers.length, fitting: ranked.length, top: ranked.slice(0, FIRST) };
}

function target(origin: string, token: string, need: mentoring.NeedRecord): Omit<LoadTarget, 'expectIncludes'> {
  return {
    url: `${origin}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: SUGGESTIONS_QUERY, variables: { id: need.id } }),
  };
}

/**
 * One request before the load: ten suggestions, equal to the exhaustive ranking, without the
 * mentor who declined.
 */
async function checkAnswer(
  db: Db,
  request: Omit<LoadTarget, 'expectIncludes'>,
  c: NeedCase,
  place: NeedForFit['place'],
  declined: string | null,
  id: string,
): Promise<{ checks: CheckResult[]; ms: number; answered: boolean }> {
  const started = performance.now();
  let suggestions: Suggestion[] = [];
  let problem: string | null = null;
  try {
    const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
    const body = await response.text();
    const parsed = JSON.parse(body) as { data?: { need?: { suggestions?: Suggestion[] } }; errors?: unknown };
    suggestions = parsed.data?.need?.suggestions ?? [];
    if (response.status !== 200 || parsed.errors !== undefined)
      problem = `HTTP ${response.status}: ${body.slice(0, 300)}`;
  } catch (error) {
    problem = `request failed: ${(error as Error).message}`;
  }
  const ms = performance.now() - started;
  const expected = await exhaustiveTop(db, c.need, place);
  // Equal scores and recent asks are equally good suggestions; which of them come first is only
  // the order of ids, and the suggestions need not have read every one of them.
  const rank = (s: { score: number; reasons: string[] }) => `${s.score} (${s.reasons.at(-1)})`;
  const got = suggestions.map(rank);
  const want = expected.top.map(rank);
  const same = problem === null && got.length === FIRST && got.join() === want.join();
  const firstDifference = got.findIndex((entry, n) => entry !== want[n]);
  const sameMentors = suggestions.filter((s, n) => s.mentor.id === expected.top[n]?.mentorId).length;
  const checks: CheckResult[] = [
    {
      name: `${id}: the first ${FIRST} rank as an exhaustive ranking of every eligible offer does`,
      passed: same,
      detail: same
        ? `ok: ${expected.eligible} eligible offers, ${expected.fitting} fit; scores ${suggestions.map((s) => s.score).join(', ')}; ` +
          `${sameMentors} of ${FIRST} the same mentors as the exhaustive ranking's order of ids picks`
        : (problem ??
          `got ${got.length} suggestions; first difference at rank ${firstDifference + 1}: got ${got[firstDifference] ?? '—'}, ` +
            `want ${want[firstDifference] ?? '—'} (${expected.fitting} of ${expected.eligible} fit)`),
    },
  ];
  if (declined) {
    const left = !suggestions.some((s) => s.mentor.id === declined);
    checks.push({
      name: `${id}: the mentor who declined is not suggested again`,
      passed: left,
      detail: left ? 'ok' : `${declined} was suggested again`,
    });
  }
  return { checks, ms, answered: problem === null && suggestions.length > 0 };
}

interface Prepared {
  token: string;
  cases: NeedCase[];
  place: NeedForFit['place'];
  declined: string;
  notes: string[];
}

/** How many offers list any of these skills. */
async function offersListing(db: Db, skills: ReadonlyArray<{ skill: string }>): Promise<number> {
  const [row] = await query<{ n: number }>(
    db,
    'select count(*)::int as n from mentor_offers where skills && $1::text[]',
    [arrayLiteral(skills.map((s) => s.skill))],
  );
  return row!.n;
}

/** The lead, their network and needs, and one declined request, on a freshly generated data set. */
async function prepare(db: Db, config: ServiceContext['config']): Promise<Prepared> {
  const ctx = contextFor(db, config);
  const lead = await signUp(ctx, {
    email: `bench.mentoring.${crypto.randomUUID().slice(0, 8)}@example.org`,
    password: 'a long and unusual benchmark phrase',
    name: 'Bench Lead',
  });
  const leadCtx = { ...ctx, viewer: lead.viewer };
  const [network] = await query<{ id: string; latitude: number; longitude: number; members: number }>(
    db,
    `select n.id, n.latitude, n.longitude, count(*)::int as members from networks n
     join memberships m on m.network_id = n.id and m.left_at is null
     group by n.id order by members desc, n.id offset 1 limit 1`,
  );
  await joinNetwork(leadCtx, network!.id, true);
  const skills = await query<{ skill: string; typed: string; offers: number }>(
    db,
    `select s.skill, min(s.typed) as typed, count(*)::int as offers
     from mentor_offers o, unnest(o.skills, o.skills_as_typed) as s(skill, typed)
     group by s.skill order by offers desc, s.skill`,
  );
  const categories = await query<{ category: mentoring.NeedRecord['categories'][number]; offers: number }>(
    db,
    `select c::text as category, count(*)::int as offers from mentor_offers o, unnest(o.categories) c
     group by c order by offers desc, c`,
  );
  const post = (
    title: string,
    wanted: typeof skills,
    kinds: typeof categories,
    formats: mentoring.PostNeedInput['formats'],
  ) =>
    mentoring.postNeed(leadCtx, {
      title,
      description: 'A benchmark need.',
      firstCallBrief: 'What to try first.',
      skills: wanted.map((s) => s.typed),
      categories: kinds.map((c) => c.category),
      formats,
      urgency: 'THIS_MONTH',
      networkId: network!.id,
    });
  const common = skills.slice(0, 2);
  const rare = skills.slice(-1);
  const cases: NeedCase[] = [
    {
      name: 'common',
      label: `common skills (${common.map((s) => s.typed).join(', ')})`,
      need: await post('Common skills', common, categories.slice(0, 2), ['VIDEO', 'IN_PERSON']),
      holders: await offersListing(db, common),
    },
    {
      name: 'rare',
      label: `a rare skill (${rare[0]!.typed})`,
      need: await post('A rare skill', rare, categories.slice(-1), ['VIDEO', 'PHONE']),
      holders: await offersListing(db, rare),
    },
  ];

  // The best mentor for the common need is asked and declines: the suggestions must leave them out.
  const [best] = await mentoring.needSuggestions(leadCtx, cases[0]!.need, 1);
  const request = await mentoring.requestMentor(leadCtx, cases[0]!.need.id, best!.mentorId, 'Could we talk?');
  const [mentor] = await query<{ email: string }>(db, 'select email from users where id = $1', [best!.mentorId]);
  const mentorSignedIn = await signIn(ctx, { email: mentor!.email, password: DEMO_PASSWORD });
  await mentoring.respondToRequest(
    { ...ctx, viewer: mentorSignedIn.viewer },
    request.id,
    false,
    'Not this month, sorry.',
  );
  const holders = cases.map((c) => `${c.name} need: ${c.holders} offers list one of its skills`);
  return {
    token: lead.token,
    cases,
    place: { latitude: network!.latitude, longitude: network!.longitude },
    declined: best!.mentorId,
    notes: [`the lead joined a network of ${network!.members} members; ${holders.join('; ')}`],
  };
}

function startOfToday(): Date {
  return new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
}

export const mentoringBenchmark: Benchmark = {
  name: 'mentoring',
  title: 'mentor suggestions for one need among 20,000 offers (one connection: sequential requests)',
  async run(context: BenchContext) {
    const { settings } = context;
    const config = benchConfig(settings.logLevel);
    const people = positiveInteger('BENCH_MENTORING_PEOPLE', 100_000);
    const offers = positiveInteger('BENCH_MENTORING_OFFERS', 20_000);
    const measurements: Measurement[] = [];
    const checks: CheckResult[] = [];
    const setup: string[] = [];

    for (const kind of settings.databases) {
      context.log(`mentoring: opening a fresh ${kind} database`);
      const database = await context.openDatabase(kind);
      try {
        const db = database.handle.db;
        const started = performance.now();
        const summary = await generateLargeDataSet(db, {
          networks: 200,
          people,
          seed: SEED,
          mentorOffers: offers,
          referenceDate: startOfToday(),
        });
        await query(db, 'vacuum analyze');
        const made = summary.mentoring!;
        setup.push(
          `${kind}: ${made.offers} offers (${made.pausedOffers} paused, ${made.fullOffers} full), ${made.mentorships} mentorships, ` +
            `${made.requests} requests among ${summary.people} people, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        context.log(`mentoring: ${setup.at(-1)}`);
        context.signal.throwIfAborted();
        const prepared = await prepare(db, config);
        setup.push(`${kind}: ${prepared.notes.join('; ')}`);

        const server = await startHearth(config, database.handle);
        try {
          for (const c of prepared.cases) {
            context.signal.throwIfAborted();
            const id = `mentoring/${kind}/${c.name}`;
            const request = target(server.url, prepared.token, c.need);
            const declined = c.name === 'common' ? prepared.declined : null;
            const answer = await checkAnswer(db, request, c, prepared.place, declined, id);
            checks.push(...answer.checks);
            // A ranking that differs from the exhaustive one is reported, and still measured; no answer is not.
            if (!answer.answered) {
              context.log(`${id}: no answer, not measuring (${answer.checks[0]!.detail})`);
              continue;
            }
            context.log(`${id}: first request ${answer.ms.toFixed(0)} ms; measuring ${settings.seconds} s`);
            const load = await measureLoad(
              { ...request, expectIncludes: '"suggestions":[{' },
              { ...settings, connections: 1, signal: context.signal },
            );
            measurements.push({ id, database: kind, target: c.name, label: `suggestions, ${c.label}`, load });
          }
        } finally {
          await server.close();
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      } finally {
        await database.release();
      }
    }

    const ratios: RatioResult[] = [];
    if (settings.databases.includes('postgres')) {
      for (const name of ['common', 'rare'] as const) {
        const load = measurements.find((m) => m.database === 'postgres' && m.target === name)?.load;
        const value = load && !load.failed ? load.latencyMs.p95 / P95_BUDGET_MS : null;
        ratios.push({
          id: `mentoring/postgres/${name}/p95÷budget`,
          label: `${name} need: PostgreSQL p95 ÷ ${P95_BUDGET_MS} ms`,
          value,
          cpuValue: null,
          target: '≤ 1x',
          met: value === null ? null : value <= 1,
        });
      }
    }

    return {
      name: this.name,
      title: this.title,
      notes: [
        ...setup,
        `Data set: seeds/generate.ts, seed ${SEED}, ${offers} offers, reference date the start of today, then VACUUM ANALYZE.`,
        `Each case: need(id) { suggestions(first: ${FIRST}) { mentor { id name } score reasons } }, checked against an exhaustive ranking first.`,
        `Load: autocannon with one connection (p50/p95 are single-request latencies); ${settings.warmupSeconds} s warm-up, ` +
          `${settings.seconds} s measured per case; Hearth in NODE_ENV=production.`,
        `Target: PostgreSQL p95 under ${P95_BUDGET_MS} ms (ratio rows: "value" is p95 ÷ budget, not a ratio of req/s).`,
      ],
      measurements,
      ratios,
      checks,
    };
  },
};
