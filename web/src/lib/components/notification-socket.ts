// New notifications for the header, as they are added.
import { watchSubscription } from './subscription-socket.ts';

/** What the header needs of a new notification. */
export interface AddedNotification {
  title: string;
}

/**
 * Dispatched on window as each new notification arrives, so an open notifications page can
 * offer to show it without a second socket.
 */
export const NOTIFICATION_ARRIVED = 'hearth:notification-arrived';

const QUERY = 'subscription NotificationAdded { notificationAdded { title } }';

/** Listens for the signed-in person's new notifications. Returns a function that stops for good. */
export function watchNotifications(onAdded: (notification: AddedNotification) => void): () => void {
  return watchSubscription<{ notificationAdded?: AddedNotification }>(QUERY, {}, ({ notificationAdded }) => {
    if (notificationAdded) onAdded(notificationAdded);
  });
}
