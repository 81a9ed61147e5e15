/**
 * next-auth v4's JWT session cookie: with the __Secure- prefix behind HTTPS, without it otherwise.
 * Its presence only routes a request (proxy.ts); every page and action still checks the session.
 */
export const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'] as const;

export function hasSessionCookie(hasCookie: (name: string) => boolean): boolean {
  return SESSION_COOKIES.some((name) => hasCookie(name));
}
