import { routes } from './routes';

/**
 * Where to go after logging in: only a path on this site. Checking the string's first characters
 * is not enough: browsers drop tabs and newlines and read a backslash as a slash, so
 * `/%09/evil.example` or `/\evil.example` pass a prefix test and still lead to `//evil.example`.
 * Resolving against an origin the way a browser does, and keeping only same-origin results, is.
 */
const BASE = 'http://portal.invalid';
export const DEFAULT_CALLBACK = routes.staff.home();

export function safeCallbackPath(value: string | string[] | undefined | null): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw?.startsWith('/')) return DEFAULT_CALLBACK;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return DEFAULT_CALLBACK;
  }
  if (url.origin !== BASE) return DEFAULT_CALLBACK;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that still starts with two slashes would be read as another host once written back.
  return path.startsWith('//') || path.startsWith('/\\') ? DEFAULT_CALLBACK : path;
}
