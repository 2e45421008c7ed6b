import type { Resolvers } from '../../graphql/generated.ts';
import type { GraphqlContext } from '../../graphql/context.ts';
import * as accounts from './service.ts';

/** Sets the cookie and lets the rest of this request act as the person now signed in. */
function beginSession(ctx: GraphqlContext, signedIn: accounts.SignedIn) {
  ctx.setSessionCookie(signedIn.token, signedIn.expiresAt);
  ctx.services = { ...ctx.services, viewer: signedIn.viewer };
  return { user: signedIn.user, token: signedIn.token };
}

export const accountResolvers: Resolvers = {
  Query: {
    me: (_root, _args, ctx) => {
      const viewer = ctx.services.viewer;
      return viewer ? { id: viewer.userId, name: viewer.name, email: viewer.email } : null;
    },
  },
  Mutation: {
    signUp: async (_root, { input }, ctx) => beginSession(ctx, await accounts.signUp(ctx.services, input)),
    signIn: async (_root, { input }, ctx) => beginSession(ctx, await accounts.signIn(ctx.services, input)),
    signOut: async (_root, _args, ctx) => {
      const ended = await accounts.signOut(ctx.services);
      ctx.clearSessionCookie();
      return ended;
    },
    signOutEverywhere: async (_root, _args, ctx) => {
      const ended = await accounts.signOutEverywhere(ctx.services);
      ctx.clearSessionCookie();
      return ended;
    },
    requestPasswordReset: (_root, { email }, ctx) => accounts.requestPasswordReset(ctx.services, email),
    resetPassword: (_root, { token, newPassword }, ctx) => accounts.resetPassword(ctx.services, token, newPassword),
    verifyEmail: (_root, { token }, ctx) => accounts.verifyEmail(ctx.services, token),
    resendVerification: (_root, _args, ctx) => accounts.resendVerification(ctx.services),
    changeEmail: (_root, { newEmail, password }, ctx) => accounts.changeEmail(ctx.services, newEmail, password),
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
    emailVerified: (user, _args, ctx) => accounts.emailVerified(ctx.services, user.id),
  },
};
