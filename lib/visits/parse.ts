import UAParser from 'ua-parser-js';
import { DIRECT_REFERRER, OTHER_PATH, OTHER_VALUE } from './rules';
import { matchPublicPage, type PublicPage } from '@/lib/routes';

const MAX_PATH_LENGTH = 300;

/**
 * A request path as one key: query dropped (by the caller), percent-encoding decoded, trailing
 * slash removed, length capped. Paths that do not decode (invalid UTF-8) or hold control
 * characters cannot name one of our pages and become OTHER_PATH.
 */
export function normalizePath(rawPath: string): string {
  if (!rawPath.startsWith('/') || rawPath.length > MAX_PATH_LENGTH * 3) return OTHER_PATH;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return OTHER_PATH;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return OTHER_PATH;
  const trimmed = decoded.length > 1 ? decoded.replace(/\/+$/, '') || '/' : decoded;
  return trimmed.length > MAX_PATH_LENGTH ? OTHER_PATH : trimmed;
}

export type PageRef = PublicPage | { kind: 'other' };

/** What page a normalized path names, before the database says whether that slug exists. */
export function classifyPath(path: string): PageRef {
  return matchPublicPage(path) ?? { kind: 'other' };
}

/**
 * The site a visit came from: the referrer's host, lower case, without "www."; DIRECT_REFERRER
 * when there is none, it cannot be read, or it is our own site (a visit that restarts on a page
 * opened from another of ours after 30 minutes).
 */
export function referrerDomain(referrer: string | null | undefined, ownHost: string | null | undefined): string {
  if (!referrer) return DIRECT_REFERRER;
  let host: string;
  try {
    const url = new URL(referrer);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return OTHER_VALUE;
    host = url.hostname.toLowerCase();
  } catch {
    return OTHER_VALUE;
  }
  if (!host) return DIRECT_REFERRER;
  const own = (ownHost ?? '').toLowerCase().replace(/:\d+$/, '');
  const stripWww = (h: string) => (h.startsWith('www.') ? h.slice(4) : h);
  if (own && stripWww(host) === stripWww(own)) return DIRECT_REFERRER;
  return stripWww(host).slice(0, 253);
}

export type DeviceInfo = { device: 'mobile' | 'tablet' | 'desktop'; browser: string; os: string };

/**
 * Device class, browser and OS names from a user agent, with ua-parser-js 1.x (MIT; 2.x is AGPL).
 * ua-parser-js leaves `device.type` empty for desktops; wearables and TVs are counted as mobile
 * and desktop by their nearest screen.
 */
export function parseDevice(userAgent: string | null | undefined): DeviceInfo {
  const key = userAgent ?? '';
  const cached = deviceCache.get(key);
  if (cached) return cached;
  const parsed = parseDeviceUncached(key);
  // Real traffic repeats a few hundred user agents and one parse costs up to a millisecond: cache
  // the answers, bounded (dropped whole when full) so forged user agents cannot grow memory.
  if (key.length <= 512) {
    if (deviceCache.size >= DEVICE_CACHE_SIZE) deviceCache.clear();
    deviceCache.set(key, parsed);
  }
  return parsed;
}

const DEVICE_CACHE_SIZE = 2000;
const deviceCache = new Map<string, DeviceInfo>();

function parseDeviceUncached(userAgent: string): DeviceInfo {
  const result = new UAParser(userAgent).getResult();
  const type = result.device.type;
  const device = type === 'tablet' ? 'tablet' : type === 'mobile' || type === 'wearable' ? 'mobile' : 'desktop';
  return {
    device,
    browser: result.browser.name?.slice(0, 60) || OTHER_VALUE,
    os: result.os.name?.slice(0, 60) || OTHER_VALUE,
  };
}
