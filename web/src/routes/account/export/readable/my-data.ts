import type {
  EventRoleKind,
  LifecycleStage,
  NetworkRole,
  NotificationDelivery,
  NotificationKind,
  OrganisationSize,
  RegistrationStatus,
  SupportCategory,
  Visibility,
} from '#lib/graphql/generated.ts';

/*
 * The export is one JSON string in the API (`exportMyData: String!`), so its shape is not in
 * the schema. These types restate what the people module's `exportMyData` writes; times are
 * ISO strings once through JSON.
 */

export interface ExportedAccount {
  id: string;
  name: string;
  email: string;
  /** When the person proved the address; null until then. */
  emailVerifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ExportedProfile {
  pronouns: string | null;
  bio: string | null;
  organisation: string | null;
  organisationSize: OrganisationSize | null;
  sector: string | null;
  roleTitle: string | null;
  isDigitalLead: boolean;
  isMentor: boolean;
  skills: string[];
  supportNeeds: SupportCategory[];
  visibility: Visibility;
  createdAt: string;
  updatedAt: string;
}

export interface ExportedMembership {
  networkSlug: string;
  networkName: string;
  role: NetworkRole;
  joinedAt: string;
  leftAt: string | null;
  codeOfConductVersion: number;
  codeOfConductAcceptedAt: string;
}

/** A lifecycle stage the person set for a network, with their note. */
export interface ExportedStageChange {
  networkSlug: string;
  stage: LifecycleStage;
  note: string;
  setAt: string;
}

export interface ExportedSession {
  createdAt: string;
  lastUsedAt: string;
  /** The session this export was asked for with: the browser looking at the page. */
  current: boolean;
}

export interface ExportedNotifications {
  digestTimeZone: string;
  preferences: Array<{ kind: NotificationKind; delivery: NotificationDelivery; changeable: boolean }>;
  notifications: Array<{
    kind: NotificationKind;
    title: string;
    body: string;
    url: string;
    createdAt: string;
    readAt: string | null;
  }>;
  /** Emails queued for the person: subjects only, as bodies carry one-time links. */
  emails: Array<{ kind: NotificationKind; subject: string; status: string; queuedAt: string; sentAt: string | null }>;
}

/** What mentoring holds: only what this page shows is typed; the file has every field. */
export interface ExportedMentoring {
  offer: {
    skillsAsTyped: string[];
    capacity: number;
    commitment: string;
    promisedNoSellingAt: string;
    pausedAt: string | null;
  } | null;
  needs: Array<{ title: string; status: string; createdAt: string }>;
  requestsSent: Array<{ status: string; createdAt: string }>;
  requestsReceived: Array<{ status: string; createdAt: string }>;
  mentorships: Array<{
    status: string;
    createdAt: string;
    menteeId: string;
    outcomeRating: number | null;
    checkIns: unknown[];
  }>;
}

/** A venue in a network's directory whose relationship the person holds. */
export interface ExportedVenue {
  networkSlug: string;
  networkName: string;
  name: string;
  address: string;
  createdAt: string;
  updatedAt: string;
  /** When it left the directory; null while it is listed. */
  archivedAt: string | null;
}

/** The events a person registered for, with what they told the organisers, and the roles they took. */
export interface ExportedEvents {
  registrations: Array<{
    eventId: string;
    eventTitle: string;
    networkName: string | null;
    startsAt: string;
    status: RegistrationStatus;
    accessNeeds: string;
    dietaryNeeds: string;
    answers: Array<{ question: string | null; answer: string }>;
    registeredAt: string;
  }>;
  roles: Array<{ eventId: string; eventTitle: string; role: EventRoleKind; note: string }>;
}

export type LibraryItemStatus = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';

/** What the person wrote, reviewed, used and briefed in the library, and the files they uploaded. */
export interface ExportedLibrary {
  items: Array<{
    itemId: string;
    kind: 'CASE_STUDY' | 'TEMPLATE' | 'TIP';
    title: string;
    status: LibraryItemStatus;
    audience: 'NETWORK' | 'ALL_NETWORKS';
    networkName: string | null;
    version: number;
    createdAt: string;
    publishedAt: string | null;
  }>;
  reviews: Array<{
    itemId: string;
    itemTitle: string;
    decision: 'APPROVE' | 'REQUEST_CHANGES';
    comment: string;
    createdAt: string;
  }>;
  uses: Array<{ itemId: string; itemTitle: string; note: string; createdAt: string }>;
  briefs: Array<{
    title: string;
    ask: string;
    items: number;
    shareUrl: string | null;
    createdAt: string;
    revokedAt: string | null;
  }>;
  uploads: Array<{ id: string; name: string; contentType: string; size: number; uploadedAt: string }>;
}

export interface ExportedJoinRequest {
  networkSlug: string | null;
  about: string;
  status: 'PENDING' | 'APPROVED' | 'DECLINED' | 'WITHDRAWN';
  answerNote: string | null;
  createdAt: string;
  answeredAt: string | null;
}

export interface ExportedSafety {
  /** The reports the person made, in their words. */
  reportsMade: Array<{
    subjectKind: string;
    reason: string;
    details: string;
    anonymous: boolean;
    status: 'OPEN' | 'RESOLVED';
    createdAt: string;
  }>;
  /** What stewards or operators did about reports on the person (never who reported). */
  actionsAboutYou: Array<{
    networkSlug: string | null;
    action: 'WARN' | 'HIDE' | 'SUSPEND' | 'REMOVE';
    note: string;
    suspendUntil: string | null;
    resolvedAt: string;
  }>;
  /** Audit entries the person made or that name them. */
  auditEntries: Array<{
    networkSlug: string | null;
    action: string;
    byYou: boolean;
    aboutYou: boolean;
    summary: string;
    reason: string | null;
    at: string;
  }>;
}

export interface MyData {
  exportedAt: string;
  account: ExportedAccount;
  profile: ExportedProfile | null;
  memberships: ExportedMembership[];
  joinRequests: ExportedJoinRequest[];
  lifecycleNotes: ExportedStageChange[];
  notifications: ExportedNotifications;
  mentoring: ExportedMentoring;
  venues: ExportedVenue[];
  events: ExportedEvents;
  library: ExportedLibrary;
  safety: ExportedSafety;
  sessions: ExportedSession[];
  /**
   * Sections the server added after this page was written, as the file has them: the page
   * promises everything Hearth holds, so a new section shows (unlabelled) until it gets words.
   */
  other: Record<string, unknown>;
}

const KNOWN_SECTIONS = [
  'exportedAt',
  'account',
  'profile',
  'memberships',
  'joinRequests',
  'lifecycleNotes',
  'notifications',
  'mentoring',
  'venues',
  'events',
  'library',
  'safety',
  'sessions',
];

/**
 * The export document, checked only as far as the page relies on it: a server change that
 * renamed a section fails here, loudly, rather than showing an empty section as "None".
 */
export function parseMyData(json: string): MyData {
  const raw: unknown = JSON.parse(json);
  if (!isRecord(raw)) throw new Error('The data export is not a JSON object');
  const problem = shapeProblem(raw);
  if (problem) throw new Error(`The data export does not have the expected shape: ${problem}`);
  const other = Object.fromEntries(Object.entries(raw).filter(([key]) => !KNOWN_SECTIONS.includes(key)));
  return { ...(raw as Omit<MyData, 'other'>), other };
}

function shapeProblem(raw: Record<string, unknown>): string | null {
  if (typeof raw.exportedAt !== 'string') return 'exportedAt';
  if (!isRecord(raw.account) || typeof raw.account.email !== 'string') return 'account';
  if (raw.profile !== null && !(isRecord(raw.profile) && Array.isArray(raw.profile.skills))) return 'profile';
  const held = raw.notifications;
  if (!isRecord(held) || !['preferences', 'notifications', 'emails'].every((list) => Array.isArray(held[list]))) {
    return 'notifications';
  }
  const mentoring = raw.mentoring;
  if (
    !isRecord(mentoring) ||
    !['needs', 'requestsSent', 'requestsReceived', 'mentorships'].every((list) => Array.isArray(mentoring[list]))
  ) {
    return 'mentoring';
  }
  const events = raw.events;
  if (!isRecord(events) || !['registrations', 'roles'].every((list) => Array.isArray(events[list]))) return 'events';
  const library = raw.library;
  if (
    !isRecord(library) ||
    !['items', 'reviews', 'uses', 'briefs', 'uploads'].every((list) => Array.isArray(library[list]))
  ) {
    return 'library';
  }
  const safety = raw.safety;
  if (
    !isRecord(safety) ||
    !['reportsMade', 'actionsAboutYou', 'auditEntries'].every((list) => Array.isArray(safety[list]))
  ) {
    return 'safety';
  }
  for (const list of ['memberships', 'joinRequests', 'lifecycleNotes', 'venues', 'sessions']) {
    const entries = raw[list];
    if (!Array.isArray(entries) || !entries.every(isRecord)) return list;
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
