import { BlockList, isIP } from 'node:net';

/**
 * Who sent a request, and whether it came over HTTPS, decided from what this server can trust.
 *
 * Next copies a client's own X-Forwarded-For and X-Forwarded-Proto through unchanged, and
 * `npm start` listens on every interface, so neither header says anything unless the connection
 * comes from a reverse proxy we know (TRUSTED_PROXIES). The address of the connection itself is
 * stamped on each request by lib/peer-address.ts, over any header of that name a client sent.
 */
export const PEER_ADDRESS_HEADER = 'x-portal-peer-address';

export type HeaderGetter = (name: string) => string | null | undefined;

/** `::ffff:192.0.2.1` (an IPv4 client of a dual-stack socket) is 192.0.2.1. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed;
}

/** TRUSTED_PROXIES: addresses and CIDR ranges, separated by commas or spaces (`127.0.0.1, 10.0.0.0/8, ::1`). */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const entry of (value ?? '').split(/[\s,]+/).filter(Boolean)) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(normaliseAddress(address));
    if (family === 0) {
      console.warn(`[client-address] TRUSTED_PROXIES: bỏ qua "${entry}" (không phải địa chỉ IP hay dải CIDR).`);
      continue;
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(normaliseAddress(address), type);
    else list.addSubnet(normaliseAddress(address), Number(prefix), type);
  }
  return list;
}

let cachedProxies: { source: string | undefined; list: BlockList } | null = null;

function trustedProxies(): BlockList {
  const source = process.env.TRUSTED_PROXIES;
  if (!cachedProxies || cachedProxies.source !== source) cachedProxies = { source, list: parseTrustedProxies(source) };
  return cachedProxies.list;
}

function isTrusted(address: string, proxies: BlockList): boolean {
  const normalised = normaliseAddress(address);
  const family = isIP(normalised);
  return family !== 0 && proxies.check(normalised, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the connection's, unless that is a trusted proxy; then the rightmost
 * X-Forwarded-For entry that is not itself a trusted proxy (entries further left were written by
 * the client and prove nothing). 'unknown' when the server did not stamp the connection's address.
 */
export function clientAddress(get: HeaderGetter, proxies: BlockList = trustedProxies()): string {
  const peer = get(PEER_ADDRESS_HEADER)?.trim();
  if (!peer) return 'unknown';
  if (!isTrusted(peer, proxies)) return normaliseAddress(peer);
  const forwarded = (get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!isTrusted(forwarded[i]!, proxies)) return normaliseAddress(forwarded[i]!);
  }
  return normaliseAddress(forwarded[0] ?? peer);
}

/** The public address is https (SITE_URL or NEXTAUTH_URL), or a trusted proxy says the request was. */
export function isHttpsRequest(get: HeaderGetter, proxies: BlockList = trustedProxies()): boolean {
  for (const url of [process.env.SITE_URL, process.env.NEXTAUTH_URL]) {
    if (url?.trim().toLowerCase().startsWith('https://')) return true;
  }
  const peer = get(PEER_ADDRESS_HEADER)?.trim();
  if (!peer || !isTrusted(peer, proxies)) return false;
  return get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** A getter over next-auth's plain header object (values may be arrays). */
export function recordHeaders(headers: Record<string, string | string[] | undefined>): HeaderGetter {
  return (name) => {
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(',') : value;
  };
}
