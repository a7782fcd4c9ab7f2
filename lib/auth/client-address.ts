import { isIP } from 'node:net';

// Which address a request's limits are counted against. X-Forwarded-For is a header any
// client can write, so it is believed only hop by hop from the socket inwards, and only
// while each hop is a proxy the installation lists in TRUSTED_PROXIES.

/** An address or network from TRUSTED_PROXIES, as bytes and a prefix length in bits. */
export interface Network {
  bytes: Uint8Array;
  prefix: number;
}

/** "::ffff:10.0.0.1" (how Node reports IPv4 peers on a dual-stack socket) is 10.0.0.1. */
export function normalizeAddress(raw: string): string | null {
  let address = raw.trim();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const zone = address.indexOf('%');
  if (zone !== -1) address = address.slice(0, zone);
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return address.toLowerCase();
  return null;
}

function ipv6Bytes(address: string): Uint8Array {
  let text = address;
  const bytes = new Uint8Array(16);
  // An embedded IPv4 tail ("::ffff:1.2.3.4", "64:ff9b::1.2.3.4") is two groups.
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -tail[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const left = head ? head.split(':') : [];
  const right = rest ? rest.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  groups.forEach((group, i) => {
    const value = Number.parseInt(group || '0', 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

/** The address as 4 or 16 bytes, or null when it is not an IP address. */
export function addressBytes(raw: string): Uint8Array | null {
  const address = normalizeAddress(raw);
  if (!address) return null;
  if (isIP(address) === 4) return Uint8Array.from(address.split('.').map(Number));
  return ipv6Bytes(address);
}

/** "10.0.0.0/8, 192.168.1.7, fd00::/8" → networks. An entry that does not parse is an error
 * (sign-ins fail, with the entry named in the server log) rather than silently trusting nobody,
 * which would put a whole proxied installation in one address budget. */
export function parseTrustedProxies(setting: string | undefined): Network[] {
  const networks: Network[] = [];
  for (const entry of (setting ?? '').split(',')) {
    const text = entry.trim();
    if (!text) continue;
    const parts = text.split('/');
    const [address, prefixText] = parts;
    const bytes = addressBytes(address ?? '');
    const bits = bytes ? bytes.length * 8 : 0;
    const prefix = prefixText === undefined ? bits : Number(prefixText);
    if (
      !bytes ||
      parts.length > 2 ||
      !/^\d+$/.test(prefixText ?? '0') ||
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > bits
    )
      throw new Error(`TRUSTED_PROXIES: "${text}" is not an IP address or CIDR network.`);
    networks.push({ bytes, prefix });
  }
  return networks;
}

export function isInNetwork(raw: string, network: Network): boolean {
  const bytes = addressBytes(raw);
  if (!bytes || bytes.length !== network.bytes.length) return false;
  let bits = network.prefix;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i]! & mask) !== (network.bytes[i]! & mask)) return false;
  }
  return true;
}

export function isTrustedProxy(address: string, trusted: readonly Network[]): boolean {
  return trusted.some((network) => isInNetwork(address, network));
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then the
 * X-Forwarded-For entries are walked from the right (the hop nearest to us) past trusted
 * proxies, and the first one that is not trusted is the client. Entries to its left were
 * written by whoever sent the request and are ignored.
 */
export function resolveClientAddress(
  peer: string,
  forwardedFor: string | null,
  trusted: readonly Network[],
): string {
  let client = normalizeAddress(peer) ?? peer;
  if (!isTrustedProxy(client, trusted) || !forwardedFor) return client;
  const hops = forwardedFor.split(',').map((hop) => hop.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]!);
    if (!hop) return client; // a garbled entry: stop at the last address we could believe
    client = hop;
    if (!isTrustedProxy(hop, trusted)) return client;
  }
  return client;
}
