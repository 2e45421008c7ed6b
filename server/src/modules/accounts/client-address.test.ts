import { describe, expect, it } from 'vitest';
import { limitedClient } from './client-address.ts';

describe('limitedClient', () => {
  it.each([
    ['an IPv4 address', '203.0.113.7', '203.0.113.7'],
    ['an IPv4 address mapped into IPv6', '::ffff:203.0.113.7', '203.0.113.7'],
    ['an IPv6 address', '2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['a shortened IPv6 address', '2001:DB8:0:0002::1', '2001:db8:0:2::/64'],
    ['an IPv6 address shortened in its first half', '2001:db8::2:3:4:5', '2001:db8:0:0::/64'],
    ['an IPv6 address with leading zeros', '2001:0db8:0001:0002:0000:0000:0000:0001', '2001:db8:1:2::/64'],
    ['an IPv6 address with an IPv4 tail', '64:ff9b::203.0.113.7', '64:ff9b:0:0::/64'],
    ['the IPv6 loopback', '::1', '0:0:0:0::/64'],
    ['a link-local address with a zone', 'fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['something that is not an address', 'websocket', 'websocket'],
  ])('should count %s as %s', (_label, address, client) => {
    expect(limitedClient(address)).toBe(client);
  });

  it('should count every address in one /64 as the same client, and the next /64 as another', () => {
    const clients = ['2001:db8:5:6::1', '2001:db8:5:6:ffff:ffff:ffff:ffff', '2001:db8:5:6:1::'].map(limitedClient);
    expect(new Set(clients)).toEqual(new Set(['2001:db8:5:6::/64']));
    expect(limitedClient('2001:db8:5:7::1')).toBe('2001:db8:5:7::/64');
  });
});
