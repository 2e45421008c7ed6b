import type { Resolvers } from '../../graphql/generated.ts';
import { requireViewer } from '../accounts/service.ts';
import * as notifications from './service.ts';

export const notificationResolvers: Resolvers = {
  Query: {
    notifications: (_root, args, ctx) => notifications.listNotifications(ctx.services, args),
    notificationPreferences: (_root, _args, ctx) => notifications.notificationPreferences(ctx.services),
    digestTimeZone: (_root, _args, ctx) => notifications.digestTimeZone(ctx.services),
    unsubscribeKind: (_root, { token }, ctx) => notifications.unsubscribeKind(ctx.services, token),
    loggedEmails: async (_root, { first }, ctx) =>
      (await notifications.listRecentLoggedEmails(ctx.services, first ?? 20)).map((email) => ({
        id: email.id,
        to: email.recipient,
        subject: email.subject,
        text: email.text,
        loggedAt: email.sentAt,
      })),
  },
  Mutation: {
    markNotificationsRead: (_root, { ids }, ctx) => notifications.markNotificationsRead(ctx.services, ids),
    setNotificationPreference: (_root, { kind, delivery }, ctx) =>
      notifications.setNotificationPreference(ctx.services, kind, delivery),
    setDigestTimeZone: (_root, { timeZone }, ctx) => notifications.setDigestTimeZone(ctx.services, timeZone),
    unsubscribe: (_root, { token }, ctx) => notifications.unsubscribe(ctx.services, token),
  },
  Subscription: {
    notificationAdded: {
      subscribe: async (_root, _args, ctx) => {
        const viewer = requireViewer(ctx.services);
        return ctx.pubsub.subscribe(notifications.NOTIFICATION_ADDED_TOPIC(viewer.userId));
      },
    },
  },
  NotificationConnection: {
    edges: (page) => page.edges(),
    pageInfo: (page) => page.pageInfo(),
    unreadCount: (page) => page.unreadCount(),
  },
};
