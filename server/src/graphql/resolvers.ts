import type { IResolvers, MercuriusLoaders } from 'mercurius';
import { accountResolvers } from '../modules/accounts/resolvers.ts';
import { calendarResolvers } from '../modules/calendars/resolvers.ts';
import { eventLoaders } from '../modules/events/loaders.ts';
import { eventResolvers } from '../modules/events/resolvers.ts';
import { eventRoleLoaders, eventRoleResolvers } from '../modules/events/roles-resolvers.ts';
import { libraryLoaders } from '../modules/library/loaders.ts';
import { libraryResolvers } from '../modules/library/resolvers.ts';
import { lifecycleLoaders } from '../modules/lifecycle/loaders.ts';
import { lifecycleResolvers } from '../modules/lifecycle/resolvers.ts';
import { membershipLoaders } from '../modules/memberships/loaders.ts';
import { membershipResolvers } from '../modules/memberships/resolvers.ts';
import { mentoringLoaders } from '../modules/mentoring/loaders.ts';
import { mentoringResolvers } from '../modules/mentoring/resolvers.ts';
import { networkResolvers } from '../modules/networks/resolvers.ts';
import { notificationResolvers } from '../modules/notifications/resolvers.ts';
import { peopleLoaders } from '../modules/people/loaders.ts';
import { peopleResolvers } from '../modules/people/resolvers.ts';
import { safetyLoaders, safetyResolvers } from '../modules/safety/resolvers.ts';
import { venueLoaders } from '../modules/venues/loaders.ts';
import { venueResolvers } from '../modules/venues/resolvers.ts';
import type { Resolvers } from './generated.ts';
import { DateTime } from './scalars.ts';

export const API_VERSION = '0.1.0';

const baseResolvers: Resolvers = {
  DateTime,
  Query: { version: () => API_VERSION },
};

const modules: Resolvers[] = [
  baseResolvers,
  accountResolvers,
  networkResolvers,
  membershipResolvers,
  lifecycleResolvers,
  peopleResolvers,
  notificationResolvers,
  mentoringResolvers,
  venueResolvers,
  eventResolvers,
  eventRoleResolvers,
  calendarResolvers,
  libraryResolvers,
  safetyResolvers,
];

/** Every module's loaders: child fields that read the database, batched per request, merged per type. */
export function allLoaders(): MercuriusLoaders {
  const merged: MercuriusLoaders = {};
  for (const module of [
    membershipLoaders,
    lifecycleLoaders,
    peopleLoaders,
    mentoringLoaders,
    venueLoaders,
    eventLoaders,
    eventRoleLoaders,
    libraryLoaders,
    safetyLoaders,
  ]) {
    for (const [typeName, fields] of Object.entries(module)) merged[typeName] = { ...merged[typeName], ...fields };
  }
  return merged;
}

/** Every module's resolvers, merged per type. */
export function allResolvers(): IResolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const module of modules) {
    for (const [typeName, fields] of Object.entries(module)) {
      if (fields instanceof Object && !('serialize' in fields)) {
        merged[typeName] = { ...merged[typeName], ...(fields as Record<string, unknown>) };
      } else {
        (merged as Record<string, unknown>)[typeName] = fields;
      }
    }
  }
  return merged as IResolvers;
}
