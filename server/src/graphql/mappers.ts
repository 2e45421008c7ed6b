// The server-side shapes behind GraphQL object types (codegen `mappers`).
export type { AccountRecord as UserModel } from '../modules/accounts/service.ts';
export type {
  NetworkRecord as NetworkModel,
  LifecycleChangeRecord as LifecycleChangeModel,
} from '../modules/networks/service.ts';
export type { MemberConnectionModel } from '../modules/people/resolvers.ts';
