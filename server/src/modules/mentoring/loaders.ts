import type { MercuriusLoaders } from 'mercurius';
import type { GraphqlContext } from '../../graphql/context.ts';
import * as people from '../people/service.ts';
import * as mentoring from './service.ts';

/** Each person of a list of rows in one statement, as the viewer may see them. */
async function peopleOf<Row>(rows: Row[], personId: (row: Row) => string, ctx: GraphqlContext) {
  const found = await people.peopleByIds(ctx.services, rows.map(personId));
  return rows.map((row) => found.get(personId(row)) ?? null);
}

type Queries<Obj> = Array<{ obj: Obj }>;

/** The need of each request or mentorship, in one statement. */
async function needsOfRows(queries: Queries<{ needId: string }>, ctx: GraphqlContext) {
  const needs = await mentoring.needsOf(
    ctx.services,
    queries.map((q) => q.obj),
  );
  return queries.map((q) => needs.get(q.obj.needId) ?? null);
}

/**
 * The people, needs and requests that mentoring's lists show, each list's rows in one statement
 * however long the list: a dashboard of needs and requests costs the same few statements.
 */
export const mentoringLoaders: MercuriusLoaders = {
  Person: {
    async mentorOffer(queries: Queries<{ id: string }>, ctx: GraphqlContext) {
      const found = await mentoring.offersOfPeople(
        ctx.services,
        queries.map((q) => q.obj.id),
      );
      return queries.map((q) => found.get(q.obj.id) ?? null);
    },
  },
  MentorOffer: {
    mentor: (queries: Queries<mentoring.MentorOffer>, ctx: GraphqlContext) =>
      peopleOf(queries, (q) => q.obj.userId, ctx),
  },
  MentorSuggestion: {
    mentor: (queries: Queries<mentoring.MentorSuggestion>, ctx: GraphqlContext) =>
      peopleOf(queries, (q) => q.obj.mentorId, ctx),
  },
  MentorshipRequest: {
    mentor: (queries: Queries<mentoring.RequestRecord>, ctx: GraphqlContext) =>
      peopleOf(queries, (q) => q.obj.mentorId, ctx),
    lead: (queries: Queries<mentoring.RequestRecord>, ctx: GraphqlContext) =>
      peopleOf(queries, (q) => q.obj.leadId, ctx),
    need: (queries: Queries<mentoring.RequestRecord>, ctx: GraphqlContext) => needsOfRows(queries, ctx),
    async mentorship(queries: Queries<mentoring.RequestRecord>, ctx: GraphqlContext) {
      const found = await mentoring.mentorshipsOfRequests(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => found.get(q.obj.id) ?? null);
    },
  },
  Mentorship: {
    mentor: (queries: Queries<mentoring.MentorshipRecord>, ctx: GraphqlContext) =>
      peopleOf(queries, (q) => q.obj.mentorId, ctx),
    mentee: (queries: Queries<mentoring.MentorshipRecord>, ctx: GraphqlContext) =>
      peopleOf(queries, (q) => q.obj.menteeId, ctx),
    need: (queries: Queries<mentoring.MentorshipRecord>, ctx: GraphqlContext) => needsOfRows(queries, ctx),
    async checkIns(queries: Queries<mentoring.MentorshipRecord>, ctx: GraphqlContext) {
      const found = await mentoring.checkInsOf(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => found.get(q.obj.id) ?? []);
    },
    async contactEmail(queries: Queries<mentoring.MentorshipRecord>, ctx: GraphqlContext) {
      const found = await mentoring.contactEmailsOf(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => found.get(q.obj.id) ?? null);
    },
  },
  MatchingPair: {
    mentor: (queries: Queries<mentoring.RoundPair>, ctx: GraphqlContext) =>
      peopleOf(queries, (q) => q.obj.mentorId, ctx),
  },
  RoundMentor: {
    mentor: (queries: Queries<mentoring.RoundMentor>, ctx: GraphqlContext) =>
      peopleOf(queries, (q) => q.obj.mentorId, ctx),
  },
  CheckIn: {
    by: (queries: Queries<mentoring.CheckInRecord>, ctx: GraphqlContext) =>
      peopleOf(queries, (q) => q.obj.authorId ?? '', ctx),
  },
  Need: {
    async requests(queries: Queries<mentoring.NeedRecord>, ctx: GraphqlContext) {
      const found = await mentoring.requestsOfNeeds(
        ctx.services,
        queries.map((q) => q.obj),
      );
      return queries.map((q) => found.get(q.obj.id) ?? []);
    },
  },
};
