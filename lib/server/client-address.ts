import 'server-only';
import {
  normalizeAddress,
  parseTrustedProxies,
  resolveClientAddress,
  type Network,
} from '@/lib/auth/client-address';

/**
 * Route handlers in Next 16 never see the socket: Next copies its address into
 * X-Forwarded-For only when the client sent none (`??=` in its base server), so a client
 * that writes the header itself chooses its own address. scripts/serve.mjs, the server
 * `npm start` and the e2e tests run, writes the socket's peer into this header for every
 * request (overwriting whatever the client sent) and sets MARGINALIA_PEER_HEADER=on in
 * its own process, so that the header is believed only there.
 */
export const PEER_HEADER = 'x-marginalia-peer';
/** The resolved client address, handed to better-auth (its sessions and its own limiter). */
export const CLIENT_ADDRESS_HEADER = 'x-marginalia-client';

let cached: { setting: string | undefined; networks: Network[] } | null = null;

function trustedProxies(): Network[] {
  const setting = process.env.TRUSTED_PROXIES;
  if (cached && cached.setting === setting) return cached.networks;
  const networks = parseTrustedProxies(setting);
  cached = { setting, networks };
  return networks;
}

export function clientAddressOf(request: Request): string {
  const forwardedFor = request.headers.get('x-forwarded-for');
  const peer = process.env.MARGINALIA_PEER_HEADER === 'on' ? request.headers.get(PEER_HEADER) : null;
  if (peer) return resolveClientAddress(peer, forwardedFor, trustedProxies());
  // Served without scripts/serve.mjs (bare `next start`): the nearest hop Next saw is the best
  // there is, and a client can forge it. README says to serve through `npm start`.
  const nearest = forwardedFor?.split(',').pop() ?? '';
  return normalizeAddress(nearest) ?? 'unknown';
}
