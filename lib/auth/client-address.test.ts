import { describe, expect, it } from 'vitest';
import { isInNetwork, normalizeAddress, parseTrustedProxies, resolveClientAddress } from './client-address';

const [net] = parseTrustedProxies('10.1.0.0/16');

describe('CIDR matching', () => {
  it('matches addresses inside an IPv4 network and nothing outside it', () => {
    expect(isInNetwork('10.1.0.1', net!)).toBe(true);
    expect(isInNetwork('10.1.255.254', net!)).toBe(true);
    expect(isInNetwork('10.2.0.1', net!)).toBe(false);
    expect(isInNetwork('11.1.0.1', net!)).toBe(false);
  });

  it('matches prefixes that do not end on a byte', () => {
    const [slash20] = parseTrustedProxies('172.16.16.0/20');
    expect(isInNetwork('172.16.31.255', slash20!)).toBe(true);
    expect(isInNetwork('172.16.32.0', slash20!)).toBe(false);
    expect(isInNetwork('172.16.15.255', slash20!)).toBe(false);
  });

  it('treats a bare address as a network of one', () => {
    const [one] = parseTrustedProxies('192.0.2.7');
    expect(isInNetwork('192.0.2.7', one!)).toBe(true);
    expect(isInNetwork('192.0.2.8', one!)).toBe(false);
  });

  it('matches IPv6 networks, compressed or not, and IPv4-mapped peers against IPv4 networks', () => {
    const [v6] = parseTrustedProxies('fd00:1::/32');
    expect(isInNetwork('fd00:1:0:0:0:0:0:9', v6!)).toBe(true);
    expect(isInNetwork('fd00:1::9', v6!)).toBe(true);
    expect(isInNetwork('fd00:2::9', v6!)).toBe(false);
    expect(isInNetwork('::ffff:10.1.2.3', net!)).toBe(true);
    expect(isInNetwork('10.1.2.3', v6!)).toBe(false);
  });

  it('takes /0 as everything of that family', () => {
    const [all] = parseTrustedProxies('0.0.0.0/0');
    expect(isInNetwork('203.0.113.9', all!)).toBe(true);
    expect(isInNetwork('::1', all!)).toBe(false);
  });

  it('refuses a setting that does not parse instead of trusting nobody silently', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.local', '10.0.0.0/8/1', '::1/129', '10.0.0.0/x'])
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
    expect(parseTrustedProxies(' 10.0.0.1 , ,::1 ')).toHaveLength(2);
    expect(parseTrustedProxies(undefined)).toEqual([]);
  });

  it('normalizes the spellings Node and proxies use', () => {
    expect(normalizeAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeAddress('[2001:DB8::1]')).toBe('2001:db8::1');
    expect(normalizeAddress('fe80::1%eth0')).toBe('fe80::1');
    expect(normalizeAddress('not-an-ip')).toBeNull();
  });
});

describe('the client address', () => {
  const trusted = parseTrustedProxies('10.0.0.5, 10.0.1.0/24');

  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('198.51.100.4', '1.2.3.4', [])).toBe('198.51.100.4');
    expect(resolveClientAddress('198.51.100.4', '1.2.3.4', trusted)).toBe('198.51.100.4');
  });

  it('is the nearest untrusted hop when the peer is a trusted proxy', () => {
    expect(resolveClientAddress('10.0.0.5', '203.0.113.9', trusted)).toBe('203.0.113.9');
    // the client wrote 6.6.6.6 itself; our proxies appended the real hops
    expect(resolveClientAddress('10.0.0.5', '6.6.6.6, 203.0.113.9, 10.0.1.20', trusted)).toBe('203.0.113.9');
  });

  it('stays at the last believable hop when an entry is garbled or all hops are proxies', () => {
    expect(resolveClientAddress('10.0.0.5', 'junk, 10.0.1.3', trusted)).toBe('10.0.1.3');
    expect(resolveClientAddress('10.0.0.5', '', trusted)).toBe('10.0.0.5');
    expect(resolveClientAddress('::ffff:10.0.0.5', '203.0.113.9', trusted)).toBe('203.0.113.9');
  });
});
