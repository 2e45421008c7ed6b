import { error } from '@sveltejs/kit';
import { MemberRoleTargetDocument, type NetworkRole } from '#lib/graphql/generated.ts';
import { errorCode, graphql } from '#lib/server/api.ts';
import { redirectToSignIn } from '#lib/server/session.ts';
import type { RequestEvent as RolePageEvent } from './$types';

// Who the role page is about, and whether the viewer may be here. The API decides: `myRole`
// says whether the viewer is a steward, and setMemberRole refuses anyone else anyway.

/** As setMemberRole refuses anyone but a steward (FORBIDDEN), in words about this page. */
const STEWARDS_ONLY = "Only this network's stewards can change members' roles.";
const NOT_A_MEMBER = 'That person is not a member of this network.';

export interface MemberToChange {
  network: { id: string; slug: string; name: string };
  person: { id: string; name: string };
  role: NetworkRole;
}

/**
 * The network at this address, the member this page is about and their role. 404 when there is
 * no such network or the person is not one of its members; 403 for anyone but its stewards,
 * decided before the member is looked at, so the page tells them nothing about anyone.
 */
export async function memberToChange(event: RolePageEvent): Promise<MemberToChange> {
  const { slug, personId } = event.params;
  const { data, errors } = await graphql(event, MemberRoleTargetDocument, { slug, personId });
  if (errorCode(errors) === 'UNAUTHENTICATED') redirectToSignIn(event);
  if (!data) error(500, errors[0]?.message ?? 'This network could not be loaded.');
  if (!data.network) error(404, 'There is no network at this address.');
  const { myRole, member, ...network } = data.network;
  if (myRole !== 'STEWARD') error(403, STEWARDS_ONLY);
  if (!member) error(404, NOT_A_MEMBER);
  return { network, person: member.person, role: member.role };
}
