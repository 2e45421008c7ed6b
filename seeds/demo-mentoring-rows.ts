import type { MentoringFormat, NeedUrgency, SupportCategory } from '../server/src/db/schema.ts';
import { CHECK_IN_NOTES, EARLY_CLOSE_NOTES, GOALS, OUTCOME_NOTES, REQUEST_MESSAGES } from './demo-mentoring-words.ts';
import { addDays, daysBetween, type Random } from './random.ts';
import { ANSWER_WITHIN_DAYS } from '../server/src/modules/mentoring/asks.ts';

// The demo's mentoring rows, and the steps that write them as the app would: a need posted, a
// mentor asked, the answer, a mentorship begun, its check-ins and its close. Each step keeps the
// rows consistent with the database's rules and with each other (answered after asked, closed
// after begun, a need matched when its request is accepted). demo-mentoring.ts decides who does
// what, and when.

export interface DemoOffer {
  user_id: string;
  skills: string[];
  skills_as_typed: string[];
  categories: SupportCategory[];
  formats: MentoringFormat[];
  place_name: string | null;
  latitude: number | null;
  longitude: number | null;
  radius_km: number | null;
  capacity: number;
  commitment: string;
  visible_to: 'SIGNED_IN' | 'SHARED_NETWORKS';
  promised_no_selling_at: Date;
  paused_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface DemoNeed {
  id: string;
  lead_id: string;
  network_id: string | null;
  title: string;
  description: string;
  first_call_brief: string;
  categories: SupportCategory[];
  skills: string[];
  skills_as_typed: string[];
  formats: MentoringFormat[];
  urgency: NeedUrgency;
  status: 'OPEN' | 'MATCHED' | 'CLOSED';
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface DemoRequest {
  id: string;
  need_id: string;
  mentor_id: string;
  lead_id: string;
  message: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'WITHDRAWN';
  response_note: string | null;
  matching_round_id: string | null;
  expires_at: Date;
  answered_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface DemoMentorship {
  id: string;
  request_id: string;
  need_id: string;
  mentor_id: string;
  mentee_id: string;
  goals: string;
  status: 'ACTIVE' | 'PAUSED' | 'CLOSED';
  paused_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
  close_note: string | null;
  outcome_rating: number | null;
  outcome_note: string | null;
  outcome_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface DemoCheckIn {
  id: string;
  mentorship_id: string;
  author_id: string;
  happened_on: string;
  note: string;
  created_at: Date;
}

export interface DemoRound {
  id: string;
  network_id: string;
  organiser_id: string;
  pair_count: number;
  total_score: number;
  greedy_score: number;
  created_at: Date;
}

export interface DemoMentoring {
  offers: DemoOffer[];
  rounds: DemoRound[];
  needs: DemoNeed[];
  requests: DemoRequest[];
  mentorships: DemoMentorship[];
  checkIns: DemoCheckIn[];
}

/** Writes the demo's mentoring rows, step by step, on a seeded generator and before a reference date. */
export class DemoMentoringRows {
  readonly rows: DemoMentoring = { offers: [], rounds: [], needs: [], requests: [], mentorships: [], checkIns: [] };
  /** Each mentor's mentorships not closed. */
  readonly open = new Map<string, number>();
  readonly random: Random;
  readonly reference: Date;

  constructor(random: Random, reference: Date) {
    this.random = random;
    this.reference = reference;
  }

  /** `count` of the items, chosen by the generator, in their original order. */
  pick<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(this.random.int(0, items.length - 1));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
  }

  /** Requests waiting for the mentor's answer: each may take a place, so none is asked past them. */
  waitingFor(mentorId: string): number {
    return this.rows.requests.filter((r) => r.mentor_id === mentorId && r.status === 'PENDING').length;
  }

  between(from: Date, to: Date): Date {
    return to <= from ? from : addDays(from, daysBetween(from, to) * this.random.next());
  }

  /** A moment after `from`, at most `days` later and never past a third of the time left before the reference date. */
  after(from: Date, days: number): Date {
    const room = Math.min(days, daysBetween(from, this.reference) / 3);
    return addDays(from, room * (0.3 + 0.7 * this.random.next()));
  }

  post(need: DemoNeed, at: Date): DemoNeed {
    const posted = { ...need, id: this.random.uuidV7(at), created_at: at, updated_at: at };
    this.rows.needs.push(posted);
    return posted;
  }

  ask(need: DemoNeed, mentorId: string, at: Date, roundId: string | null = null): DemoRequest {
    const request: DemoRequest = {
      id: this.random.uuidV7(at),
      need_id: need.id,
      mentor_id: mentorId,
      lead_id: need.lead_id,
      message: this.random.pick(REQUEST_MESSAGES),
      status: 'PENDING',
      response_note: null,
      matching_round_id: roundId,
      expires_at: addDays(at, ANSWER_WITHIN_DAYS),
      answered_at: null,
      created_at: at,
      updated_at: at,
    };
    this.rows.requests.push(request);
    return request;
  }

  answer(
    request: DemoRequest,
    status: Exclude<DemoRequest['status'], 'PENDING'>,
    at: Date,
    note: string | null = null,
  ) {
    Object.assign(request, { status, answered_at: at, updated_at: at, response_note: note });
  }

  /** Accepts the request: a mentorship begins, and the need is matched. */
  accept(request: DemoRequest, need: DemoNeed, at: Date): DemoMentorship {
    this.answer(request, 'ACCEPTED', at);
    Object.assign(need, { status: 'MATCHED', updated_at: at });
    const mentorship: DemoMentorship = {
      id: this.random.uuidV7(at),
      request_id: request.id,
      need_id: need.id,
      mentor_id: request.mentor_id,
      mentee_id: need.lead_id,
      goals: this.random.pick(GOALS),
      status: 'ACTIVE',
      paused_at: null,
      closed_at: null,
      closed_by: null,
      close_note: null,
      outcome_rating: null,
      outcome_note: null,
      outcome_at: null,
      created_at: at,
      updated_at: at,
    };
    this.rows.mentorships.push(mentorship);
    this.open.set(request.mentor_id, (this.open.get(request.mentor_id) ?? 0) + 1);
    return mentorship;
  }

  /** Check-ins spread between the start of the mentorship and `until`, by either side. */
  checkIns(mentorship: DemoMentorship, count: number, until: Date): void {
    const start = mentorship.created_at;
    const end = until > start ? until : this.reference;
    for (let n = 1; n <= count; n += 1) {
      const at = addDays(start, (daysBetween(start, end) * n) / (count + 1));
      this.rows.checkIns.push({
        id: this.random.uuidV7(at),
        mentorship_id: mentorship.id,
        author_id: n % 2 === 1 ? mentorship.mentor_id : mentorship.mentee_id,
        happened_on: at.toISOString().slice(0, 10),
        note: CHECK_IN_NOTES[(n - 1) % CHECK_IN_NOTES.length]!,
        created_at: at,
      });
    }
  }

  close(mentorship: DemoMentorship, need: DemoNeed, at: Date, by: 'mentee' | 'mentor'): void {
    const rated = by === 'mentee';
    Object.assign(mentorship, {
      status: 'CLOSED',
      closed_at: at,
      closed_by: rated ? mentorship.mentee_id : mentorship.mentor_id,
      close_note: rated ? null : this.random.pick(EARLY_CLOSE_NOTES),
      outcome_rating: rated ? this.random.int(3, 5) : null,
      outcome_note: rated ? this.random.pick(OUTCOME_NOTES) : null,
      outcome_at: rated ? at : null,
      updated_at: at,
    });
    this.open.set(mentorship.mentor_id, this.open.get(mentorship.mentor_id)! - 1);
    this.closeNeed(need, this.after(at, 10));
  }

  closeNeed(need: DemoNeed, at: Date): void {
    Object.assign(need, { status: 'CLOSED', closed_at: at, updated_at: at });
  }
}
