import { describe, expect, it } from 'vitest';
import { DEMO_NETWORKS } from './demo-networks.ts';

/**
 * Hearth has no mentoring, library or forum yet, so the demo must not read as if it had. A network
 * may say how it meets (monthly, in a café); it must not send people to Hearth for what is not there.
 */
const NOT_ON_HEARTH_YET = /mentor|librar|forum|case stud/i;

describe('DEMO_NETWORKS', () => {
  it('should promise nothing Hearth does not do yet, in any text a page shows', () => {
    const promises = DEMO_NETWORKS.flatMap((network) =>
      [network.purpose, network.values, network.codeOfConduct, ...network.history.map((change) => change.note)]
        .filter((text) => NOT_ON_HEARTH_YET.test(text))
        .map((text) => `${network.name}: ${text}`),
    );
    expect(promises).toEqual([]);
  });
});
