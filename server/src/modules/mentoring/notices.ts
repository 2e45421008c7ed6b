// What mentoring tells the other side at each step, in words, through the notifications module.
// Each notice is written inside the transaction of the change it reports, so it exists if and
// only if the change commits; announce() tells open pages once the commit is done.
import type { ServiceContext } from '../../core/context.ts';
import * as notifications from '../notifications/service.ts';
import type { MentorshipRecord, NeedRecord, RequestRecord } from './repository.ts';

type Notice = notifications.NotificationRequest;
type Titled = Pick<NeedRecord, 'id' | 'title'>;

/** A notification title holds 200 characters; a need's title is shortened to fit after the words. */
const TITLE_MAX = 200;

function titled(words: string, need: Pick<NeedRecord, 'title'>): string {
  const full = `${words}: ${need.title}`;
  if (full.length <= TITLE_MAX) return full;
  let kept = '';
  // Whole characters only, so an emoji is never cut in half.
  for (const char of need.title) {
    if (words.length + 2 + kept.length + char.length + 1 > TITLE_MAX) break;
    kept += char;
  }
  return `${words}: ${kept.trimEnd()}…`;
}

/** The days a request was given to be answered, read from the request itself. */
const daysToAnswer = (request: RequestRecord) =>
  Math.round((request.expiresAt.getTime() - request.createdAt.getTime()) / (24 * 60 * 60 * 1000));

const notice = (userId: string, title: string, url: string, body = ''): Notice => ({
  userIds: [userId],
  kind: 'MENTORING',
  title,
  body,
  url,
});

/** To the mentor: a lead asks them about a need. */
export const asked = (request: RequestRecord, leadName: string, need: Titled): Notice =>
  notice(
    request.mentorId,
    titled(`${leadName} asks you to mentor`, need),
    `/mentoring/requests/${request.id}`,
    `Read their first-call brief and answer within ${daysToAnswer(request)} days.`,
  );

/** To the lead: the mentor said yes, and the mentorship has begun. */
export const accepted = (mentorship: MentorshipRecord, mentorName: string, need: Titled, note: string | null) =>
  notice(
    mentorship.menteeId,
    titled(`${mentorName} will mentor you`, need),
    `/mentoring/mentorships/${mentorship.id}`,
    note ?? '',
  );

/** To the lead: the mentor said no; the need shows suggestions again. */
export const declined = (request: RequestRecord, mentorName: string, need: Titled) =>
  notice(
    request.leadId,
    titled(`${mentorName} cannot mentor you this time`, need),
    `/mentoring/needs/${need.id}`,
    request.responseNote ?? 'Your need shows other mentors to ask again.',
  );

/** To the mentor: the lead took their request back (or closed the need), so it needs no answer. */
export const withdrawn = (request: RequestRecord, leadName: string, need: Titled) =>
  notice(
    request.mentorId,
    titled(`${leadName} withdrew their request`, need),
    '/mentoring',
    'There is nothing for you to answer.',
  );

/** To the lead: the week passed without an answer; the need shows suggestions again. */
export const expired = (request: RequestRecord, mentorName: string, need: Titled) =>
  notice(
    request.leadId,
    titled(`${mentorName} did not answer in ${daysToAnswer(request)} days`, need),
    `/mentoring/needs/${need.id}`,
    'Your need shows suggested mentors again: ask another.',
  );

/** To the other side of a mentorship: the one who closed it did so, with their note if the mentor. */
export const closed = (mentorship: MentorshipRecord, closerName: string, need: Titled) => {
  const byMentor = mentorship.closedBy === mentorship.mentorId;
  return notice(
    byMentor ? mentorship.menteeId : mentorship.mentorId,
    titled(`${closerName} closed your mentorship`, need),
    `/mentoring/mentorships/${mentorship.id}`,
    byMentor ? (mentorship.closeNote ?? '') : '',
  );
};

/** Writes the notices on ctx.db, inside the caller's transaction. */
export function tell(ctx: ServiceContext, notices: readonly Notice[]): Promise<notifications.AddedNotifications> {
  return notifications.notifyEach(ctx, notices);
}

/** Tells the people's open pages, after the commit. */
export function announce(ctx: ServiceContext, added: notifications.AddedNotifications): Promise<void> {
  return notifications.announceAdded(ctx, added);
}
