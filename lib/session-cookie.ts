/**
 * next-auth v4's JWT session cookie: with the __Secure- prefix behind HTTPS, without it otherwise,
 * and split into `.0`, `.1`… when large. Its presence only routes a request (proxy.ts), and only
 * once its signature is checked (sessionTokenIsGenuine); every page and action still checks the
 * session itself.
 */
export const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'] as const;

type CookieReader = { has: (name: string) => boolean; get: (name: string) => { value: string } | undefined };

export function hasSessionCookie(hasCookie: (name: string) => boolean): boolean {
  return SESSION_COOKIES.some((name) => hasCookie(name) || hasCookie(`${name}.0`));
}

/** The session token a request carries, its chunks joined, or null. */
export function sessionTokenOf(cookies: CookieReader): string | null {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name)?.value;
    if (whole) return whole;
    let joined = '';
    for (let i = 0; i < 10; i++) {
      const chunk = cookies.get(`${name}.${i}`)?.value;
      if (chunk === undefined) break;
      joined += chunk;
    }
    if (joined) return joined;
  }
  return null;
}

/**
 * Whether a session token was issued by this site and has not expired. Cheap (no database): it
 * keeps a made-up cookie from turning every request for a cached page into a database render.
 */
export async function sessionTokenIsGenuine(token: string, secret: string): Promise<boolean> {
  const { decode } = await import('next-auth/jwt');
  try {
    const claims = await decode({ token, secret });
    return Boolean(claims && typeof (claims as { uid?: unknown }).uid === 'number');
  } catch {
    return false;
  }
}
