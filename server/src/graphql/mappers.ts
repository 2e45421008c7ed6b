// The server-side shapes behind GraphQL object types (codegen `mappers`).
export type { AccountRecord as UserModel } from '../modules/accounts/service.ts';
