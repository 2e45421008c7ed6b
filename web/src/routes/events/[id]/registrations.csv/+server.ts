// Everyone who registered, as a spreadsheet, for the event's organisers only: the same gate as
// the registrations page, which reads through the API that refuses everyone else.
import { stringify } from 'csv-stringify/sync';
import type { OrganiserRegistrationFragment } from '#lib/graphql/generated.ts';
import { registrationStatusLabel } from '../../labels.ts';
import { allRegistrations, eventToManage, type ManagedEvent } from '../../organiser/manage.ts';
import type { RequestHandler } from './$types';

/** A date and time as the event's own clock read it, sortable in a spreadsheet. */
function inZone(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

function rows(event: ManagedEvent, registrations: readonly OrganiserRegistrationFragment[]): string[][] {
  const header = [
    'Name',
    'Status',
    'Place in line',
    'Registered by an organiser',
    'Email (if registered by an organiser)',
    'Phone (if registered by an organiser)',
    'Access needs',
    'Dietary needs',
    ...event.questions.map((question) => question.prompt),
    `Registered (${event.timeZone})`,
    `Checked in (${event.timeZone})`,
  ];
  const body = registrations.map((registration) => {
    const answers = new Map((registration.answers ?? []).map((answer) => [answer.questionId, answer.answer]));
    return [
      registration.name,
      registrationStatusLabel(registration.status),
      registration.waitlistPosition ? String(registration.waitlistPosition) : '',
      registration.onBehalf ? 'Yes' : 'No',
      registration.email ?? '',
      registration.phone ?? '',
      registration.accessNeeds ?? '',
      registration.dietaryNeeds ?? '',
      ...event.questions.map((question) => answers.get(question.id) ?? ''),
      inZone(registration.registeredAt, event.timeZone),
      inZone(registration.checkedInAt, event.timeZone),
    ];
  });
  return [header, ...body];
}

/** A file name from the title and the date: "coffee-morning-2026-12-08-registrations.csv". */
function fileName(event: ManagedEvent): string {
  const words = event.title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60);
  return `${words || 'event'}-${inZone(event.startsAt, event.timeZone).slice(0, 10)}-registrations.csv`;
}

export const GET: RequestHandler = async (request) => {
  const event = await eventToManage(request);
  const registrations = await allRegistrations(request);
  // A byte-order mark, so spreadsheet programs read the names as UTF-8; formulas escaped, so a
  // name such as "=HYPERLINK(...)" stays text.
  const csv = stringify(rows(event, registrations), { bom: true, escape_formulas: true });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName(event)}"`,
      'cache-control': 'private, no-store',
    },
  });
};
