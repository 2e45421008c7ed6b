// The server-side shapes behind GraphQL object types (codegen `mappers`).
import type { Connection } from '../core/connection.ts';
import type { EventRecord, RegistrationRecord } from '../modules/events/service.ts';
import type { MemberModel } from '../modules/people/service.ts';

export type { AccountRecord as UserModel } from '../modules/accounts/service.ts';
export type { LifecycleChangeRecord as LifecycleChangeModel } from '../modules/lifecycle/service.ts';
export type {
  NetworkRecord as NetworkModel,
  NetworkDirectory as NetworkConnectionModel,
} from '../modules/networks/service.ts';
export type { MemberModel };
export type MemberConnectionModel = Connection<MemberModel>;
export type { JoinRequestRecord as JoinRequestModel } from '../modules/memberships/service.ts';
export type JoinRequestConnectionModel = Connection<import('../modules/memberships/service.ts').JoinRequestRecord>;
export type { NotificationPage as NotificationConnectionModel } from '../modules/notifications/service.ts';
export type {
  MentorOffer as MentorOfferModel,
  MentorSuggestion as MentorSuggestionModel,
  NeedRecord as NeedModel,
  RequestRecord as MentorshipRequestModel,
  MentorshipRecord as MentorshipModel,
  CheckInRecord as CheckInModel,
  MyMentoring as MyMentoringModel,
  RoundPair as MatchingPairModel,
  RoundMentor as RoundMentorModel,
  RoundPreview as MatchingRoundPreviewModel,
  ConfirmedRound as MatchingRoundModel,
} from '../modules/mentoring/service.ts';
export type { VenueRecord as VenueModel } from '../modules/venues/service.ts';
export type {
  EventRecord as EventModel,
  RegistrationRecord as RegistrationModel,
  SeriesRecord as EventSeriesModel,
} from '../modules/events/service.ts';
export type { EventRoleRecord as EventRoleModel } from '../modules/events/service.ts';
export type EventConnectionModel = Connection<EventRecord>;
export type RegistrationConnectionModel = Connection<RegistrationRecord>;
export type {
  LibraryItemRecord as LibraryItemModel,
  LibraryReviewRecord as LibraryReviewModel,
  LibraryUseRecord as LibraryUseModel,
  LibrarySearch as LibrarySearchModel,
  BriefRecord as BriefModel,
} from '../modules/library/service.ts';
export type LibrarySearchEdgeModel = import('../modules/library/service.ts').LibrarySearch['edges'][number];
/** A version with the kind of its item, which says how its content reads. */
export type LibraryVersionModel = import('../modules/library/service.ts').LibraryVersionRecord & {
  kind: import('../modules/library/service.ts').LibraryItemRecord['kind'];
};
export interface LibraryFileModel {
  id: string;
  name: string;
  contentType: string;
  size: number;
}
export type { ReportView as ReportModel, BlockRecord as BlockModel } from '../modules/safety/service.ts';
export type ReportConnectionModel = Connection<import('../modules/safety/service.ts').ReportView>;
export type { AuditEntryRecord as AuditEntryModel } from '../modules/audit/service.ts';
export type AuditEntryConnectionModel = Connection<import('../modules/audit/service.ts').AuditEntryRecord>;
export interface ReportResolutionModel {
  action: import('../modules/safety/repository.ts').ReportAction;
  note: string;
  suspendUntil: Date | null;
  resolvedAt: Date;
  /** Who resolved it, by id; loaded as a User. */
  resolvedBy: string | null;
}
