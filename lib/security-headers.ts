import { routes } from './routes';

/**
 * The security headers of every page, in one place: proxy.ts sets the per-request ones (the
 * Content-Security-Policy and HSTS), next.config.ts the fixed ones on every response.
 */

const COMMON_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
];

// `next dev` evaluates its modules with eval(); a production build never does.
const devScript = process.env.NODE_ENV === 'production' ? '' : " 'unsafe-eval'";

/**
 * Public pages are cached (ISR) and the same bytes go to everyone, so they cannot carry a
 * per-request nonce: Next's inline bootstrap scripts are allowed as inline scripts. They hold no
 * form a visitor fills in and show only sanitised article HTML.
 */
export const PUBLIC_CONTENT_SECURITY_POLICY = [
  ...COMMON_DIRECTIVES,
  `script-src 'self' 'unsafe-inline'${devScript}`,
  "style-src 'self' 'unsafe-inline'",
].join('; ');

/**
 * Staff pages are rendered per request: only scripts carrying this response's nonce run, and the
 * scripts they load ('strict-dynamic'). Next reads the nonce from the request's own
 * Content-Security-Policy header and puts it on every script it writes. Styles stay inline-able:
 * the editor sets style attributes.
 */
export function staffContentSecurityPolicy(nonce: string): string {
  return [...COMMON_DIRECTIVES, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${devScript}`, "style-src 'self' 'unsafe-inline'"].join(
    '; ',
  );
}

/** Route handlers and files: nothing in them is meant to run or be framed. */
export const NON_PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/** On every response, pages, route handlers and files alike (next.config.ts). */
export const FIXED_SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  },
];

const STAFF_PREFIXES = [routes.staff.home(), routes.login(), routes.internal.staffArticle('').replace(/\/$/, '')];

/** Pages rendered per request for staff: they get the nonce policy. */
export function isStaffPath(pathname: string): boolean {
  return STAFF_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
