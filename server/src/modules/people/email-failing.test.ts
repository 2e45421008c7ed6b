import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/app.ts';
import { uniqueEmail } from '../../testing/factories.ts';
import { startTestSmtpServer } from '../../testing/smtp.ts';

// A steward sees on the member list that email to a member is failing: the mail server refused
// the address for good (5xx), which the outbox records.

const smtp = await startTestSmtpServer();
afterAll(() => smtp.close());
smtp.refuse = (address) => (address.startsWith('bounce.') ? { code: 550, message: 'No such mailbox' } : null);

const JOIN = 'mutation ($id: ID!) { joinNetwork(networkId: $id, acceptCodeOfConduct: true) { id } }';
const MEMBERS = `query ($slug: String!) {
  network(slug: $slug) { members(first: 50) { edges { node { emailFailing person { name } } } } }
}`;

describe('Member.emailFailing', () => {
  const api = useTestApp('postgres', {
    config: {
      mail: { smtpUrl: smtp.url, from: 'Hearth <hearth@example.org>' },
      outbox: { pollMs: 20, leaseMs: 60_000, firstRetryMs: 50 },
    },
  });

  it('should show stewards, and only stewards, whose address a mail server refused', async () => {
    const steward = await api.signUp('Stevie Steward');
    const { id, slug } = await api.startNetwork(steward.token);
    const bouncing = await api.signUp('Bo Bounce', uniqueEmail('bounce'));
    const fine = await api.signUp('Fi Fine');
    for (const member of [bouncing, fine]) await api.graphql(JOIN, { token: member.token, variables: { id } });

    // The sign-up email to the bouncing address is refused for good; wait until that is recorded.
    const failingAsSteward = async () => {
      const answer = await api.graphql(MEMBERS, { token: steward.token, variables: { slug } });
      return Object.fromEntries(
        answer.data?.network.members.edges.map(
          (edge: { node: { emailFailing: boolean; person: { name: string } } }) => [
            edge.node.person.name,
            edge.node.emailFailing,
          ],
        ),
      );
    };
    const deadline = Date.now() + 10_000;
    while ((await failingAsSteward())['Bo Bounce'] !== true && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await failingAsSteward()).toEqual({ 'Stevie Steward': false, 'Bo Bounce': true, 'Fi Fine': false });

    const asMember = await api.graphql(MEMBERS, { token: fine.token, variables: { slug } });
    expect(
      asMember.data?.network.members.edges.map((edge: { node: { emailFailing: unknown } }) => edge.node.emailFailing),
    ).toEqual([null, null, null]);
  });
});
