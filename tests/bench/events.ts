// Benchmark `events`: registering for events over the real GraphQL endpoint (issue 13), on PGlite
// and on PostgreSQL.
//
// 2,000 signed-up people are made beforehand in SQL (one password hash for all, a session each,
// made as the accounts module makes them), so the measured requests are registrations only. Then:
//   - open: 50 clients register everyone once for an event with room for all (CONFIRMED);
//   - waitlist: the same 50 clients register everyone once for a full event (WAITLISTED, each
//     taking the event's lock and a queue number);
//   - burst: 1,000 people send registerForEvent for 50 seats all at once; the time is from the
//     first request sent to the last answer, and the result must be exactly 50 CONFIRMED and 950
//     WAITLISTED with waitlist positions 1..950, no gaps.
// Each person registers once per event (a second try would only read back their registration), so
// the load is not autocannon's repeated request: a worker thread holds the clients, each taking the
// next person from a shared queue, and times every request. Every answer must be a registration
// with the expected status. The server runs in this thread, as with the other benchmarks.
import { Worker } from 'node:worker_threads';
import type { Db } from '../../server/src/db/database.ts';
import { hashPassword } from '../../server/src/auth/passwords.ts';
import { generateSessionToken, hashSecret } from '../../server/src/auth/tokens.ts';
import * as events from '../../server/src/modules/events/service.ts';
import { signedUpPerson, startedNetwork, TestClock } from '../../server/src/testing/factories.ts';
import { benchConfig, startHearth } from './servers.ts';
import type { Benchmark, BenchContext, CheckResult, LoadResult, Measurement } from './types.ts';

const PEOPLE = 2_000;
const CLIENTS = 50;
const BURST = 1_000;
const BURST_SEATS = 50;
const HOUR_MS = 60 * 60 * 1000;

const REGISTER = `mutation Register($id: ID!) { registerForEvent(eventId: $id) { id status waitlistPosition } }`;

/** One statement of SQL with $n parameters (as mentoring.ts does). */
async function query<Row>(db: Db, text: string, parameters: unknown[] = []): Promise<Row[]> {
  const result = await db.executeQuery<Row>({
    sql: text,
    parameters,
    query: { kind: 'RawNode', sqlFragments: [text], parameters: [] },
    queryId: { queryId: `bench-${crypto.randomUUID()}` },
  });
  return [...result.rows];
}

/** `count` people with a session each, in a few statements; their Bearer tokens. */
async function makePeople(db: Db, count: number): Promise<string[]> {
  const passwordHash = await hashPassword('a long and unusual benchmark phrase');
  const run = crypto.randomUUID().slice(0, 8);
  const tokens: string[] = [];
  for (let start = 0; start < count; start += 500) {
    const size = Math.min(500, count - start);
    const users = Array.from({ length: size }, (_, i) => ({
      email: `bench.events.${run}.${start + i}@example.org`,
      name: `Bench Person ${start + i}`,
    }));
    const ids = await query<{ id: string }>(
      db,
      `insert into users (email, name, password_hash)
       select u.email, u.name, $2 from jsonb_to_recordset($1::text::jsonb) as u(email text, name text)
       returning id`,
      [JSON.stringify(users), passwordHash],
    );
    const sessions = ids.map(({ id }) => {
      const token = generateSessionToken();
      tokens.push(token.token);
      return { id: token.id, user_id: id, secret_hash: Buffer.from(hashSecret(token.secret)).toString('hex') };
    });
    await query(
      db,
      `insert into sessions (id, user_id, secret_hash)
       select s.id, s.user_id, decode(s.secret_hash, 'hex')
       from jsonb_to_recordset($1::text::jsonb) as s(id text, user_id uuid, secret_hash text)`,
      [JSON.stringify(sessions)],
    );
  }
  return tokens;
}

interface ClientRun {
  /** Milliseconds of each request, in the order they finished. */
  latencies: number[];
  seconds: number;
  statuses: Record<string, number>;
  errors: number;
  non2xx: number;
  mismatches: number;
  firstProblem: string | null;
}

// The clients, in a worker thread so they do not take the server's event loop: `clients` loops,
// each sending the next token's registration until none are left (all at once: clients = tokens).
const CLIENT_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, body, tokens, clients } = workerData;
(async () => {
  const latencies = [];
  const statuses = {};
  let errors = 0, non2xx = 0, mismatches = 0, firstProblem = null, next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < tokens.length) {
      const token = tokens[next++];
      const sent = performance.now();
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
          body,
        });
        const text = await response.text();
        latencies.push(performance.now() - sent);
        if (response.status !== 200) { non2xx += 1; firstProblem ??= 'HTTP ' + response.status + ': ' + text.slice(0, 200); continue; }
        const parsed = JSON.parse(text);
        const status = parsed.data && parsed.data.registerForEvent && parsed.data.registerForEvent.status;
        if (parsed.errors || !status) { mismatches += 1; firstProblem ??= text.slice(0, 200); continue; }
        statuses[status] = (statuses[status] || 0) + 1;
      } catch (error) {
        errors += 1;
        firstProblem ??= String(error && error.cause ? error.cause : error);
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const seconds = (performance.now() - started) / 1000;
  parentPort.postMessage({ latencies, seconds, statuses, errors, non2xx, mismatches, firstProblem });
})();
`;

function runClients(url: string, eventId: string, tokens: string[], clients: number, signal: AbortSignal) {
  signal.throwIfAborted();
  const body = JSON.stringify({ query: REGISTER, variables: { id: eventId } });
  const worker = new Worker(CLIENT_CODE, { eval: true, workerData: { url, body, tokens, clients } });
  return new Promise<ClientRun>((resolve, reject) => {
    const onAbort = () => {
      void worker.terminate();
      reject(new Error('registration clients stopped: the run was aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (run: ClientRun) => {
      signal.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(run);
    });
    worker.once('error', (error) => {
      signal.removeEventListener('abort', onAbort);
      reject(error);
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The run as the suite's load figures; failed when any answer was not a registration with the wanted status. */
function asLoad(run: ClientRun, wanted: string, cpuMicros: number): LoadResult {
  const sorted = [...run.latencies].sort((a, b) => a - b);
  const requests = run.latencies.length;
  const wrongStatus = requests - run.non2xx - run.mismatches - (run.statuses[wanted] ?? 0);
  const mismatches = run.mismatches + wrongStatus;
  const failed = run.errors + run.non2xx + mismatches > 0;
  return {
    requests,
    seconds: run.seconds,
    requestsPerSecond: requests / run.seconds,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
    },
    serverCpuMicrosPerRequest: requests > 0 ? cpuMicros / requests : null,
    errors: run.errors,
    non2xx: run.non2xx,
    mismatches,
    failed,
    failure: failed
      ? `${run.errors} errors, ${run.non2xx} non-2xx, ${mismatches} answers not ${wanted} (${JSON.stringify(run.statuses)}); first: ${run.firstProblem ?? '—'}`
      : null,
  };
}

/** Statuses and the waitlist of an event, as stored. */
async function outcome(db: Db, eventId: string) {
  const [row] = await query<{
    confirmed: number;
    waitlisted: number;
    others: number;
    seats_taken: number;
    waiting: number;
  }>(
    db,
    `select count(*) filter (where r.status = 'CONFIRMED')::int as confirmed,
            count(*) filter (where r.status = 'WAITLISTED')::int as waitlisted,
            count(*) filter (where r.status not in ('CONFIRMED', 'WAITLISTED'))::int as others,
            (select seats_taken from events where id = $1) as seats_taken, (select waiting from events where id = $1) as waiting
     from registrations r where r.event_id = $1`,
    [eventId],
  );
  // Positions as the app counts them: 1..N in queue order.
  const positions = await query<{ position: number; queue_number: string }>(
    db,
    `select row_number() over (order by queue_number)::int as position, queue_number::text as queue_number
     from registrations where event_id = $1 and status = 'WAITLISTED'`,
    [eventId],
  );
  const distinct = new Set(positions.map((p) => p.queue_number)).size;
  return { ...row!, positionsOk: distinct === positions.length && positions.every((p, i) => p.position === i + 1) };
}

export const eventsBenchmark: Benchmark = {
  name: 'events',
  title: `registerForEvent over GraphQL: ${PEOPLE.toLocaleString('en-GB')} people, ${CLIENTS} clients; a burst of ${BURST.toLocaleString('en-GB')} for ${BURST_SEATS} seats`,
  async run(context: BenchContext) {
    const { settings } = context;
    const config = benchConfig(settings.logLevel);
    const measurements: Measurement[] = [];
    const checks: CheckResult[] = [];
    const notes: string[] = [];

    for (const kind of settings.databases) {
      context.log(`events: opening a fresh ${kind} database`);
      const database = await context.openDatabase(kind);
      try {
        const db = database.handle.db;
        const madeAt = performance.now();
        const tokens = await makePeople(db, PEOPLE);
        const organiser = await signedUpPerson(db, { name: 'Bench Organiser', clock: new TestClock(new Date()) });
        const network = await startedNetwork(organiser);
        const newEvent = (title: string, capacity: number) => {
          const startsAt = new Date(Date.now() + 7 * 24 * HOUR_MS);
          return events.createEvent(organiser, {
            networkId: network.id,
            title,
            format: 'TALKS_AND_NETWORKING',
            startsAt,
            endsAt: new Date(startsAt.getTime() + 2 * HOUR_MS),
            timeZone: 'Europe/London',
            onlineUrl: 'https://meet.example.org/bench',
            capacity,
          });
        };
        const open = await newEvent('Room for everyone', 5_000);
        const full = await newEvent('Full already', 1);
        await events.registerForEvent(organiser, full.id);
        const burst = await newEvent('Fifty seats', BURST_SEATS);
        notes.push(
          `${kind}: ${PEOPLE} people with sessions made in SQL in ${((performance.now() - madeAt) / 1000).toFixed(1)} s`,
        );

        const server = await startHearth(config, database.handle);
        try {
          const url = `${server.url}/graphql`;
          const cases = [
            {
              name: 'open',
              event: open,
              tokens,
              clients: CLIENTS,
              wanted: 'CONFIRMED',
              label: `register, seats free (${CLIENTS} clients)`,
            },
            {
              name: 'waitlist',
              event: full,
              tokens,
              clients: CLIENTS,
              wanted: 'WAITLISTED',
              label: `register, event full: waitlist (${CLIENTS} clients)`,
            },
            {
              name: 'burst',
              event: burst,
              tokens: tokens.slice(0, BURST),
              clients: BURST,
              wanted: '',
              label: `burst: ${BURST} at once for ${BURST_SEATS} seats`,
            },
          ];
          for (const c of cases) {
            context.signal.throwIfAborted();
            const id = `events/${kind}/${c.name}`;
            context.log(`${id}: ${c.tokens.length} registrations, ${c.clients} at a time`);
            const cpu = process.threadCpuUsage();
            const run = await runClients(url, c.event.id, c.tokens, c.clients, context.signal);
            const used = process.threadCpuUsage(cpu);
            let load = asLoad(run, c.wanted, used.user + used.system);
            if (c.name === 'burst') {
              // Both statuses are right here; the check below holds the counts.
              const right = (run.statuses.CONFIRMED ?? 0) + (run.statuses.WAITLISTED ?? 0);
              const wrong = run.latencies.length - run.non2xx - run.mismatches - right;
              load = asLoad(
                { ...run, mismatches: run.mismatches + wrong, statuses: { '': right } },
                '',
                used.user + used.system,
              );
              const got = await outcome(db, c.event.id);
              const exact =
                got.confirmed === BURST_SEATS &&
                got.waitlisted === BURST - BURST_SEATS &&
                got.others === 0 &&
                got.seats_taken === BURST_SEATS &&
                got.waiting === BURST - BURST_SEATS &&
                got.positionsOk;
              checks.push({
                name: `${id}: exactly ${BURST_SEATS} CONFIRMED and ${BURST - BURST_SEATS} WAITLISTED, positions 1..${BURST - BURST_SEATS}`,
                passed: exact,
                detail:
                  `${got.confirmed} confirmed, ${got.waitlisted} waitlisted, ${got.others} other; event counts ${got.seats_taken} taken, ` +
                  `${got.waiting} waiting; positions ${got.positionsOk ? '1..N without gaps' : 'WRONG'}; the burst took ${(run.seconds * 1000).toFixed(0)} ms`,
              });
              notes.push(
                `${kind}: the burst of ${BURST} for ${BURST_SEATS} seats took ${(run.seconds * 1000).toFixed(0)} ms, first request to last answer`,
              );
            } else {
              const got = await outcome(db, c.event.id);
              const counted =
                c.name === 'open' ? got.confirmed === PEOPLE : got.waitlisted === PEOPLE && got.positionsOk;
              checks.push({
                name: `${id}: every person registered once, ${c.wanted}`,
                passed: counted,
                detail: `${got.confirmed} confirmed, ${got.waitlisted} waitlisted, ${got.others} other; positions ${got.positionsOk ? 'ok' : 'WRONG'}`,
              });
            }
            measurements.push({ id, database: kind, target: c.name, label: c.label, load });
          }
        } finally {
          await server.close();
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      } finally {
        await database.release();
      }
    }

    return {
      name: this.name,
      title: this.title,
      notes: [
        ...notes,
        `Each person sends one registerForEvent per event (${REGISTER.replace(/\s+/g, ' ')}), with their own Bearer token; ` +
          'req/s is registrations per second, p50/p95 each registration\u2019s own time; the clients run in a worker thread.',
        'The waitlist case registers everyone for an event whose one seat is taken, so each takes a queue number under the event\u2019s lock.',
      ],
      measurements,
      ratios: [],
      checks,
    };
  },
};
