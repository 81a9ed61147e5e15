import 'server-only';
import type { AuthOptions } from 'next-auth';
import NextAuth, { getServerSession } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { cookies, headers } from 'next/headers';
import { endUserSessions, getActiveSessionUser, type SessionAccount, type SessionUser } from '@/db/queries/users';
import { isHttpsRequest, recordHeaders, type HeaderGetter } from '@/lib/client-address';
import { routes } from '@/lib/routes';
import { authenticate, clientKey, credentialsSchema, type LoginResult } from '@/server/auth/login';
import {
  cookieFromHeader,
  issueLoginDevice,
  LOGIN_DEVICE_COOKIE,
  LOGIN_DEVICE_MAX_AGE_S,
  recognisedLoginDevice,
} from '@/server/auth/login-device';
import { getAuthSecret } from '@/server/auth/secret';

export { ensureFirstAdmin } from '@/server/auth/first-admin';
export type { SessionAccount, SessionUser };

/** What next-auth reports to the login form when authorize() refuses because of the throttle. */
export const THROTTLED_ERROR = 'THROTTLED';
/** …and when something failed on our side: never the error itself (it may hold SQL and parameters). */
export const FAILED_ERROR = 'FAILED';

// next-auth v4's JWT cookie, with the __Secure- prefix behind HTTPS and chunked (.0, .1) when large.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

type TokenClaims = { uid?: number; sv?: number };

/**
 * Built per request: the secret may come from the database, and whether cookies are `Secure`
 * depends on how this request arrived (HTTPS at a trusted proxy, or an https SITE_URL). auth()
 * and the route handler build it from the same request, so they agree on the cookie's name.
 */
async function authOptions(get: HeaderGetter): Promise<AuthOptions> {
  const secret = await getAuthSecret();
  const secure = isHttpsRequest(get);
  return {
    secret,
    useSecureCookies: secure,
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
    pages: { signIn: routes.login(), error: routes.login() },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Mật khẩu', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const requestHeaders = recordHeaders(request.headers ?? {});
          const { email, password } = parsed.data;
          let result: LoginResult;
          try {
            const device = recognisedLoginDevice(
              secret,
              email.toLowerCase(),
              cookieFromHeader(request.headers?.cookie, LOGIN_DEVICE_COOKIE),
            );
            result = await authenticate({ email, password, client: await clientKey(requestHeaders), device });
          } catch (error) {
            // next-auth puts a thrown error's message into the redirect: only a code may go there.
            console.error('[auth] Lỗi khi kiểm tra đăng nhập.', error);
            throw new Error(FAILED_ERROR);
          }
          if (!result.ok) {
            if (result.reason === 'throttled') throw new Error(THROTTLED_ERROR);
            return null;
          }
          const { id, name, sessionVersion } = result.user;
          (await cookies()).set({
            name: LOGIN_DEVICE_COOKIE,
            value: issueLoginDevice(secret, result.user.email),
            httpOnly: true,
            sameSite: 'lax',
            secure,
            path: '/',
            maxAge: LOGIN_DEVICE_MAX_AGE_S,
          });
          return { id: String(id), email: result.user.email, name, sv: sessionVersion };
        },
      }),
    ],
    callbacks: {
      // The token carries only the user's id and session version; the role is read fresh by auth().
      jwt({ token, user }) {
        const claims = token as typeof token & TokenClaims;
        if (user) {
          claims.uid = Number(user.id);
          claims.sv = (user as { sv?: number }).sv ?? 0;
        }
        return claims;
      },
      session({ session, token }) {
        const claims = token as TokenClaims;
        return { ...session, uid: claims.uid, sv: claims.sv };
      },
    },
    events: {
      // A JWT stays valid until it expires wherever a copy of it is: logging out moves the
      // account's session version on, so every token issued before stops working now.
      async signOut({ token }) {
        const claims = token as TokenClaims | null;
        if (typeof claims?.uid === 'number' && typeof claims.sv === 'number')
          await endUserSessions({ id: claims.uid, sessionVersion: claims.sv });
      },
    },
  };
}

async function requestHeaderGetter(): Promise<HeaderGetter> {
  const list = await headers();
  return (name) => list.get(name);
}

/**
 * The account behind this request's session, read fresh from the database: a disabled account or
 * a changed role (both bump session_version) ends existing sessions at once. Null for visitors.
 * Includes accounts that must still replace a temporary password: only the password page uses it.
 */
export async function authAccount(): Promise<SessionAccount | null> {
  // Reading cookies first also marks the page dynamic before anything touches the database.
  const names = (await cookies()).getAll().map((cookie) => cookie.name);
  if (!names.some((name) => SESSION_COOKIE.test(name))) return null;
  const session = (await getServerSession(await authOptions(await requestHeaderGetter()))) as (TokenClaims & object) | null;
  if (!session || typeof session.uid !== 'number' || typeof session.sv !== 'number') return null;
  return getActiveSessionUser({ id: session.uid, sessionVersion: session.sv });
}

/**
 * The logged-in user, or null. An account with a temporary password counts as logged out
 * everywhere but the password page, so no page or action can be used before it is replaced.
 */
export async function auth(): Promise<SessionUser | null> {
  const account = await authAccount();
  if (!account || account.mustChangePassword) return null;
  const { id, email, name, role } = account;
  return { id, email, name, role };
}

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** The next-auth route handler, built per request because the secret may come from the database. */
export async function authRouteHandler(request: Request, context: RouteContext): Promise<Response> {
  const handler = NextAuth(await authOptions((name) => request.headers.get(name))) as (
    request: Request,
    context: RouteContext,
  ) => Promise<Response>;
  return handler(request, context);
}
