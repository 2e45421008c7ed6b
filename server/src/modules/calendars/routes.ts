// GET /calendar/events/:id.ics, /calendar/networks/:slug.ics and /calendar/people/:token.ics:
// calendar files, fetched by browsers (a download) and by calendar apps polling a feed, without
// cookies. Plain Fastify routes, like the one-click unsubscribe: a static route wins over the
// site's wildcard. Every miss is the same plain 404, so a reset token looks like one never issued.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { RequestMemo, type Clock, type ServiceContext } from '../../core/context.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import * as calendars from './service.ts';

export interface CalendarRoutesOptions {
  db: Db;
  config: Config;
  clock: Clock;
}

const SUFFIX = '.ics';
const NOT_FOUND = 'There is no calendar at this address.';
/** Public files: a calendar app or proxy may keep them a few minutes. */
const PUBLIC_CACHE = 'public, max-age=300';

/** The name before `.ics`, or null when the address does not end so. */
function stem(file: string): string | null {
  return file.endsWith(SUFFIX) && file.length > SUFFIX.length ? file.slice(0, -SUFFIX.length) : null;
}

function send(reply: FastifyReply, file: calendars.CalendarFile | null): FastifyReply {
  if (!file) return reply.status(404).type('text/plain; charset=utf-8').send(NOT_FOUND);
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', file.personal ? 'private, no-store' : PUBLIC_CACHE);
  // The address itself is the secret: keep it out of search engines and other sites' logs.
  if (file.personal) reply.header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');
  return reply.status(200).send(file.text);
}

export async function calendarRoutes(app: FastifyInstance, options: CalendarRoutesOptions): Promise<void> {
  const context = (clientAddress: string): ServiceContext => ({
    db: options.db,
    clock: options.clock,
    pubsub: {
      publish: async (topic, payload) => {
        await app.graphql.pubsub.publish({ topic, payload });
      },
    },
    config: options.config,
    viewer: null,
    clientAddress,
    memo: new RequestMemo(),
  });

  app.get<{ Params: { file: string } }>('/calendar/events/:file', async (request, reply) => {
    const id = stem(request.params.file);
    return send(reply, id === null ? null : await calendars.eventFile(context(request.ip), id));
  });
  app.get<{ Params: { file: string } }>('/calendar/networks/:file', async (request, reply) => {
    const slug = stem(request.params.file);
    return send(reply, slug === null ? null : await calendars.networkFile(context(request.ip), slug));
  });
  app.get<{ Params: { file: string } }>('/calendar/people/:file', async (request, reply) => {
    const token = stem(request.params.file);
    return send(reply, token === null ? null : await calendars.personFile(context(request.ip), token));
  });
}
