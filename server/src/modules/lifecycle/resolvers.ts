import type { Resolvers } from '../../graphql/generated.ts';
import * as lifecycle from './service.ts';

export const lifecycleResolvers: Resolvers = {
  Mutation: {
    setLifecycleStage: (_root, { networkId, stage, note }, ctx) =>
      lifecycle.setLifecycleStage(ctx.services, networkId, stage, note),
  },
  Network: {
    lifecycle: (network) => network,
  },
  NetworkLifecycle: {
    since: (network) => network.stageSetAt,
  },
};
