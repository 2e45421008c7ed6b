// Writing mentoring rows for the demo data and the generated data set: each table's columns with
// their SQL types, and one insert per few thousand rows from JSON, so that both drivers send text
// and enum arrays alike (PostgreSQL turns the JSON arrays into text[], support_category[] and
// mentoring_format[]). A column a row leaves out is null.
import { sql, type Kysely } from 'kysely';

// Any Kysely: seeds, like migrations, should not depend on the app's generated types.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export const MENTORING_COLUMNS = {
  mentor_offers: {
    user_id: 'uuid',
    skills: 'text[]',
    skills_as_typed: 'text[]',
    categories: 'support_category[]',
    formats: 'mentoring_format[]',
    place_name: 'text',
    latitude: 'double precision',
    longitude: 'double precision',
    radius_km: 'integer',
    capacity: 'integer',
    commitment: 'text',
    visible_to: 'offer_visibility',
    promised_no_selling_at: 'timestamptz',
    paused_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  matching_rounds: {
    id: 'uuid',
    network_id: 'uuid',
    organiser_id: 'uuid',
    pair_count: 'integer',
    total_score: 'integer',
    greedy_score: 'integer',
    created_at: 'timestamptz',
  },
  needs: {
    id: 'uuid',
    lead_id: 'uuid',
    network_id: 'uuid',
    title: 'text',
    description: 'text',
    first_call_brief: 'text',
    categories: 'support_category[]',
    skills: 'text[]',
    skills_as_typed: 'text[]',
    formats: 'mentoring_format[]',
    urgency: 'need_urgency',
    status: 'need_status',
    closed_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  mentorship_requests: {
    id: 'uuid',
    need_id: 'uuid',
    mentor_id: 'uuid',
    lead_id: 'uuid',
    message: 'text',
    status: 'mentorship_request_status',
    response_note: 'text',
    matching_round_id: 'uuid',
    expires_at: 'timestamptz',
    answered_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  mentorships: {
    id: 'uuid',
    request_id: 'uuid',
    need_id: 'uuid',
    mentor_id: 'uuid',
    mentee_id: 'uuid',
    goals: 'text',
    status: 'mentorship_status',
    paused_at: 'timestamptz',
    closed_at: 'timestamptz',
    closed_by: 'uuid',
    close_note: 'text',
    outcome_rating: 'smallint',
    outcome_note: 'text',
    outcome_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  },
  mentorship_check_ins: {
    id: 'uuid',
    mentorship_id: 'uuid',
    author_id: 'uuid',
    happened_on: 'date',
    note: 'text',
    created_at: 'timestamptz',
  },
} as const;

export type MentoringTable = keyof typeof MENTORING_COLUMNS;

const ROWS_PER_STATEMENT = 4_000;

export async function insertMentoringRows(db: AnyDb, table: MentoringTable, rows: readonly object[]): Promise<void> {
  const columns = Object.entries(MENTORING_COLUMNS[table]);
  const names = sql.raw(columns.map(([name]) => name).join(', '));
  const shape = sql.raw(columns.map(([name, type]) => `${name} ${type}`).join(', '));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const json = JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT));
    await sql`
      insert into ${sql.table(table)} (${names})
      select ${names} from jsonb_to_recordset(${json}::text::jsonb) as r(${shape})
    `.execute(db);
  }
}
