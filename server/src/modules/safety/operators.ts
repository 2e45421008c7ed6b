import { transaction, type ServiceContext } from '../../core/context.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import * as accounts from '../accounts/service.ts';
import * as audit from '../audit/service.ts';
import * as repo from './repository.ts';

// The site's operators: they handle reports about networks and their stewards, and see every
// network's queue and the whole audit trail. Granted and revoked only from the command line
// (`pnpm operator grant EMAIL`), by whoever runs the server; each change is in the audit trail.

/** Whether the viewer is an operator, read once per request. */
export async function isViewerOperator(ctx: ServiceContext): Promise<boolean> {
  if (!ctx.viewer) return false;
  const viewerId = ctx.viewer.userId;
  const found = await ctx.memo.batch('operator', [viewerId], async () => {
    return new Map([[viewerId, await repo.isOperator(ctx.db, viewerId)]]);
  });
  return found.get(viewerId) === true;
}

export async function requireOperator(ctx: ServiceContext): Promise<void> {
  accounts.requireViewer(ctx);
  if (!(await isViewerOperator(ctx))) throw forbidden('Only the site’s operators can do this.');
}

export async function operatorIds(ctx: ServiceContext): Promise<string[]> {
  return repo.getOperatorIds(ctx.db);
}

/** Makes the person with this address an operator; false when they already were one. For the command line. */
export async function grantOperator(ctx: ServiceContext, email: string): Promise<boolean> {
  return changeOperator(ctx, email, 'OPERATOR_GRANTED');
}

/** Takes operator rights from the person with this address; false when they had none. For the command line. */
export async function revokeOperator(ctx: ServiceContext, email: string): Promise<boolean> {
  return changeOperator(ctx, email, 'OPERATOR_REVOKED');
}

async function changeOperator(
  ctx: ServiceContext,
  email: string,
  action: 'OPERATOR_GRANTED' | 'OPERATOR_REVOKED',
): Promise<boolean> {
  const account = await accounts.findAccountByEmail(ctx, email);
  if (!account) throw notFound(`No account uses ${email}.`);
  return transaction(ctx, async (tx) => {
    const changed =
      action === 'OPERATOR_GRANTED'
        ? await repo.insertOperator(tx.db, account.id, ctx.clock.now())
        : await repo.deleteOperator(tx.db, account.id);
    if (changed) {
      await audit.record(tx, {
        networkId: null,
        actorId: null,
        action,
        subjectPersonId: account.id,
        summary:
          action === 'OPERATOR_GRANTED' ? 'Made a person a site operator' : 'Took a person’s operator rights away',
        reason: 'From the command line',
      });
    }
    return changed;
  });
}

/** Everyone who is an operator, by name, for the command line's list. */
export async function listOperators(ctx: ServiceContext): Promise<Array<{ name: string; email: string }>> {
  const users = await accounts.getUsersByIds(ctx, await repo.getOperatorIds(ctx.db));
  return users.map((user) => ({ name: user.name, email: user.email })).sort((a, b) => a.email.localeCompare(b.email));
}
