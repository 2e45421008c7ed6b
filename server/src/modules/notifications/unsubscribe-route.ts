// POST /unsubscribe?token=…: the one-click unsubscribe of RFC 8058. A mail provider posts
// `List-Unsubscribe=One-Click` as a form from its own site, without cookies. SvelteKit (mounted on
// every other path, web/mount.ts) would refuse that cross-site form post, so Fastify answers this
// route itself: a static route wins over the site's wildcard. GET /unsubscribe stays the web page.
import type { FastifyInstance } from 'fastify';
import { RequestMemo, type Clock, type ServiceContext } from '../../core/context.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { unsubscribe } from './inbox.ts';

const ONE_CLICK = 'List-Unsubscribe=One-Click';
const BODY_LIMIT = 1024;

export interface UnsubscribeRouteOptions {
  db: Db;
  config: Config;
  clock: Clock;
}

export async function unsubscribeRoute(app: FastifyInstance, options: UnsubscribeRouteOptions): Promise<void> {
  await app.register(async (scope) => {
    // The body is only ever the one form field; read it as text, whatever it says it is.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    scope.post<{ Querystring: { token?: string }; Body: string | undefined }>(
      '/unsubscribe',
      async (request, reply) => {
        reply.type('text/plain; charset=utf-8');
        const fields = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
        if (fields.get('List-Unsubscribe') !== 'One-Click') {
          return reply.status(400).send(`Send ${ONE_CLICK} as the form body to unsubscribe.`);
        }
        const token = typeof request.query.token === 'string' ? request.query.token : '';
        const ctx: ServiceContext = {
          db: options.db,
          clock: options.clock,
          pubsub: {
            publish: async (topic, payload) => {
              await app.graphql.pubsub.publish({ topic, payload });
            },
          },
          config: options.config,
          viewer: null,
          clientAddress: request.ip,
          memo: new RequestMemo(),
        };
        if (!(await unsubscribe(ctx, token))) {
          return reply.status(400).send('This unsubscribe link is not one Hearth sent. Nothing was changed.');
        }
        return reply.status(200).send('Unsubscribed: Hearth will no longer email you about this kind of notification.');
      },
    );
  });
}
