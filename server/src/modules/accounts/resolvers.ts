import type { Resolvers } from '../../graphql/generated.ts';
import { forbidden } from '../../graphql/errors.ts';
import type { GraphqlContext } from '../../graphql/context.ts';
import * as accounts from './service.ts';

function requireTrustedOrigin(ctx: GraphqlContext): void {
  if (!ctx.originTrusted) throw forbidden('This request came from another site, so it was refused.');
}

export const accountResolvers: Resolvers = {
  Query: {
    me: (_root, _args, ctx) => {
      const viewer = ctx.services.viewer;
      return viewer ? { id: viewer.userId, name: viewer.name, email: viewer.email } : null;
    },
  },
  Mutation: {
    signUp: async (_root, { input }, ctx) => {
      requireTrustedOrigin(ctx);
      const signedIn = await accounts.signUp(ctx.services, input);
      ctx.setSessionCookie(signedIn.token, signedIn.expiresAt);
      return { user: signedIn.user, token: signedIn.token };
    },
    signIn: async (_root, { input }, ctx) => {
      requireTrustedOrigin(ctx);
      const signedIn = await accounts.signIn(ctx.services, input);
      ctx.setSessionCookie(signedIn.token, signedIn.expiresAt);
      return { user: signedIn.user, token: signedIn.token };
    },
    signOut: async (_root, _args, ctx) => {
      requireTrustedOrigin(ctx);
      const ended = await accounts.signOut(ctx.services);
      ctx.clearSessionCookie();
      return ended;
    },
    signOutEverywhere: async (_root, _args, ctx) => {
      requireTrustedOrigin(ctx);
      const ended = await accounts.signOutEverywhere(ctx.services);
      ctx.clearSessionCookie();
      return ended;
    },
  },
  Subscription: {
    sessionEnded: {
      subscribe: async (_root, _args, ctx) => {
        const viewer = accounts.requireViewer(ctx.services);
        return ctx.pubsub.subscribe(accounts.SESSION_ENDED_TOPIC(viewer.userId));
      },
    },
  },
  User: {
    email: (user, _args, ctx) => (ctx.services.viewer?.userId === user.id ? user.email : null),
  },
};
