// The words the safety pages use for the API's enums: each declared with `satisfies`, so a value
// added to the schema fails the type check until the pages have words for it.
import type {
  AuditAction,
  ModerationAction,
  ReportReason,
  ReportStatus,
  ReportSubjectKind,
} from '#lib/graphql/generated.ts';
import { optionList } from '#lib/options.ts';

/** What a concern can be about, in words that finish "A concern about …". */
export const SUBJECT_KINDS = optionList({
  PERSON: { words: 'a member' },
  NETWORK: { words: 'a network' },
  EVENT: { words: 'an event' },
  LIBRARY_ITEM: { words: 'a library item' },
  MENTOR_OFFER: { words: 'a mentor offer' },
  MENTORSHIP: { words: 'a mentorship' },
} satisfies Record<ReportSubjectKind, { words: string }>);

export function kindInWords(kind: ReportSubjectKind): string {
  return SUBJECT_KINDS.find((option) => option.value === kind)!.words;
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

/** "3 March 2025 at 14:05", in UK time: when a report was made or an entry written. */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/** The reasons, as the report form offers them. */
export const REASONS = optionList({
  HARASSMENT: { label: 'Harassment', description: 'Abuse, bullying or unwanted contact.' },
  SELLING: {
    label: 'Selling',
    description: 'Selling or promoting paid services, against the promise not to sell on Hearth.',
  },
  SPAM: { label: 'Spam', description: 'Spam or unrelated advertising.' },
  UNSAFE: { label: 'Unsafe', description: 'Something that puts someone at risk.' },
  PRIVACY: { label: 'Privacy', description: "Sharing someone's private details." },
  OTHER: { label: 'Something else', description: 'Say what in the details.' },
} satisfies Record<ReportReason, { label: string; description: string }>);

export function reasonLabel(reason: ReportReason): string {
  return REASONS.find((option) => option.value === reason)!.label;
}

/** What the reporter reads of their report's progress: never what was done. */
export const STATUS_WORDS = {
  OPEN: 'Waiting for the stewards',
  RESOLVED: 'Looked at',
} satisfies Record<ReportStatus, string>;

/** What a steward can do about a report, each explained as the resolve form shows it. */
export const MODERATION_ACTIONS = optionList({
  DISMISS: { label: 'Dismiss', words: 'dismissed', description: 'No action is needed.' },
  WARN: {
    label: 'Warn',
    words: 'warned the person',
    description: 'Sends the person a warning with your note. They are not told who reported.',
  },
  HIDE: {
    label: 'Hide the content',
    words: 'hid the content',
    description: 'Kept, but shown to nobody but its author and the stewards.',
  },
  SUSPEND: {
    label: 'Suspend',
    words: 'suspended the person',
    description:
      'Until the date below they cannot post, register for events, ask for mentoring or appear in suggestions in this network.',
  },
  REMOVE: {
    label: 'Remove from the network',
    words: 'removed the person from the network',
    description: 'They leave the network and cannot rejoin by themselves.',
  },
} satisfies Record<ModerationAction, { label: string; words: string; description: string }>);

export function actionInWords(action: ModerationAction): string {
  return MODERATION_ACTIONS.find((option) => option.value === action)!.words;
}

/** Only content can be hidden. */
const HIDEABLE: ReadonlySet<ReportSubjectKind> = new Set(['EVENT', 'LIBRARY_ITEM', 'MENTOR_OFFER']);

/** The actions that fit a report: hiding for content, suspending or removing a person in a network. */
export function actionsFor(report: {
  subjectKind: ReportSubjectKind;
  subjectPerson: unknown;
  network: unknown;
}): typeof MODERATION_ACTIONS {
  return MODERATION_ACTIONS.filter((option) => {
    if (option.value === 'HIDE') return HIDEABLE.has(report.subjectKind);
    if (option.value === 'WARN') return Boolean(report.subjectPerson);
    if (option.value === 'SUSPEND' || option.value === 'REMOVE') return Boolean(report.subjectPerson && report.network);
    return true;
  });
}

/** The audit trail's kinds of change, as a short label. */
export const AUDIT_ACTION_WORDS = {
  ROLE_CHANGED: 'Role changed',
  STAGE_CHANGED: 'Stage changed',
  DETAILS_CHANGED: 'Details changed',
  JOIN_POLICY_CHANGED: 'Who may join changed',
  JOIN_REQUEST_ANSWERED: 'Request to join answered',
  REPORT_RESOLVED: 'Report resolved',
  OPERATOR_GRANTED: 'Operator added',
  OPERATOR_REVOKED: 'Operator removed',
} satisfies Record<AuditAction, string>;

/** A failed resolve, as its page receives it: the problem and the report whose card shows it. */
export interface ResolveFailure {
  reportId: string;
  values: Partial<Record<'action' | 'note' | 'suspendUntil', string>>;
  errors: Partial<Record<'action' | 'note' | 'suspendUntil', string>>;
  message?: string;
}

/** The id of one field of one report's resolve form: several cards share a page. */
export function resolveFieldId(field: 'action' | 'note' | 'suspendUntil', reportId: string): string {
  return `${field}-${reportId}`;
}

/** A failed resolve's field errors keyed by their fields' ids, for the page's error summary. */
export function resolveSummaryErrors(failure: ResolveFailure | null | undefined): Record<string, string> {
  if (!failure) return {};
  const errors: Record<string, string> = {};
  for (const field of ['action', 'note', 'suspendUntil'] as const) {
    const message = failure.errors[field];
    if (message) errors[resolveFieldId(field, failure.reportId)] = message;
  }
  return errors;
}
