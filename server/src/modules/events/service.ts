// Events: making and changing them, registering, the waitlist, check-in. The rules live in a file
// per part; this is the module's one door for resolvers and other modules.
export {
  cancelEvent,
  createEvent,
  datesOfSeries,
  duplicateEvent,
  eventById,
  eventsByIds,
  seriesByIds,
  setRegistrationClosed,
  shownEventsByIds,
  updateEvent,
  type EventChanges,
  type NewEventInput,
} from './events.ts';
export { recordNoShows, undoCheckIn } from './attendance.ts';
export { hideEvent, reportableEvent } from './reporting.ts';
export { eventsForExport } from './export.ts';
export { WRITE_UP_MAX, writeUpEvent } from './write-up.ts';
export {
  announceReleasedSeats,
  cancelRegistration,
  checkIn,
  claimSeat,
  lapseOverdueOffers,
  registerForEvent,
  registerOnBehalf,
  releaseSeatsOf,
  visibleRegistration,
  type OnBehalfInput,
  type RegistrationInput,
  type ReleasedSeats,
} from './registrations.ts';
export {
  managedEvents,
  myRegistrations,
  onlineUrlsFor,
  privateShown,
  registrantNames,
  registrationsOfEvent,
  upcomingEvents,
  WITHIN_KM,
  type RegistrationListArgs,
  type UpcomingFilter,
} from './reading.ts';
export { currentSeatCounts, EVENT_SEATS_TOPIC, seatsLeft, type SeatCounts } from './seats.ts';
export { SERIES_DATES, type RepeatInput, type RepeatPattern } from './series.ts';
export { CAPACITY_MAX, CLAIM_HOURS, type EventInput, type QuestionInput } from './validation.ts';
export type { EventQuestion, EventRecord, RegistrationRecord, RegistrationStatus, SeriesRecord } from './repository.ts';
export {
  CALENDAR_PAST_DAYS,
  networkCalendarEvents,
  personCalendarEvents,
  publicCalendarEvent,
  type CalendarEvent,
} from './calendar-reading.ts';
export {
  assignEventRole,
  eventRolesOfNetwork,
  removeEventRole,
  ROLE_NOTE_MAX,
  rolesOfEvents,
  takeEventRole,
  type EventRole,
  type EventRoleRecord,
  type RoleAssignment,
  type RoleCounts,
} from './roles.ts';
