import { BlockList, isIP } from 'node:net';

/**
 * The proxies trusted for `X-Forwarded-*` and the user header (`--auth-proxy-from`), as a
 * node:net BlockList. IPv4-mapped IPv6 peers (`::ffff:10.0.0.1`) match their IPv4 rules.
 */
export function trustedProxies(cidrs: readonly string[]): (address: string | undefined) => boolean {
  const list = new BlockList();
  for (const c of cidrs) {
    const [ip, bits] = c.split('/');
    const type = isIP(ip!) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(ip!, type);
    else list.addSubnet(ip!, Number(bits), type);
  }
  return (address) => {
    if (!address) return false;
    const mapped = /^::ffff:([0-9.]+)$/i.exec(address)?.[1];
    const ip = mapped ?? address;
    const type = isIP(ip);
    return type !== 0 && list.check(ip, type === 6 ? 'ipv6' : 'ipv4');
  };
}
