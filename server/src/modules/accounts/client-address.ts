import { isIPv6 } from 'node:net';

const IPV4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
const IPV4_TAIL = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * The client a per-client limit counts against. An IPv4 address is one client. An IPv6 address
 * counts as its /64: a home or a server is handed a whole /64 and can pick any address in it,
 * so limiting single IPv6 addresses would limit nothing. Anything else (no address) is kept as is.
 */
export function limitedClient(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (!isIPv6(bare)) return address;
  const mapped = IPV4_MAPPED.exec(bare);
  if (mapped) return mapped[1]!;
  return `${ipv6Groups(bare).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, in shortest hex. */
function ipv6Groups(address: string): string[] {
  const tail = IPV4_TAIL.exec(address);
  const hex = tail ? `${address.slice(0, tail.index)}${pair(tail[1]!, tail[2]!)}:${pair(tail[3]!, tail[4]!)}` : address;
  const groupsOf = (part: string | undefined) => (part ? part.split(':') : []);
  const [head, rest] = hex.split('::');
  const before = groupsOf(head);
  const after = groupsOf(rest);
  // "::" stands for as many zero groups as it takes to make eight.
  const zeros = Array<string>(8 - before.length - after.length).fill('0');
  return [...before, ...zeros, ...after].map((group) => Number.parseInt(group, 16).toString(16));
}

/** Two IPv4 octets as one IPv6 group. */
function pair(high: string, low: string): string {
  return (Number(high) * 256 + Number(low)).toString(16);
}
