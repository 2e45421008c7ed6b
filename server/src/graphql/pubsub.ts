import mqemitter from 'mqemitter';
import type { NotificationChannel } from '../db/database.ts';

type MQEmitter = mqemitter.MQEmitter;
type Message = mqemitter.Message;

const CHANNEL = 'hearth_events';

/**
 * An mqemitter for Mercurius subscriptions whose messages travel through PostgreSQL
 * LISTEN/NOTIFY, so a subscriber on one copy of the app hears what another copy published.
 * On PGlite (one process owns the data) the plain in-process emitter is enough.
 */
export async function createPostgresEmitter(
  notifications: NotificationChannel,
  onError: (error: unknown) => void,
): Promise<MQEmitter> {
  const emitter = mqemitter();
  const deliverLocally = emitter.emit.bind(emitter);
  await notifications.listen(CHANNEL, (payload) => {
    try {
      deliverLocally(JSON.parse(payload) as Message);
    } catch (error) {
      onError(error);
    }
  });
  emitter.emit = (message: Message, callback?: (error?: Error) => void) => {
    notifications.notify(CHANNEL, JSON.stringify(message)).then(
      () => callback?.(),
      (error: Error) => (callback ? callback(error) : onError(error)),
    );
  };
  return emitter;
}
