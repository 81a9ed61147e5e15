import 'server-only';
import type { AuthOptions } from 'next-auth';
import NextAuth, { getServerSession } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { getActiveSessionUser, type SessionUser } from '@/db/queries/users';
import { authenticate, clientKey } from '@/server/auth/login';
import { getAuthSecret } from '@/server/auth/secret';
import { routes } from '@/lib/routes';

export { ensureFirstAdmin } from '@/server/auth/first-admin';
export type { SessionUser };

/** What next-auth reports to the login form when authorize() refuses because of the throttle. */
export const THROTTLED_ERROR = 'THROTTLED';

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1000) });

// next-auth v4's JWT cookie, with the __Secure- prefix behind HTTPS and chunked (.0, .1) when large.
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

type TokenClaims = { uid?: number; sv?: number };

async function authOptions(): Promise<AuthOptions> {
  return {
    secret: await getAuthSecret(),
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
    pages: { signIn: routes.login(), error: routes.login() },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Mật khẩu', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await authenticate({ ...parsed.data, client: await clientKey(request.headers ?? {}) });
          if (!result.ok) {
            if (result.reason === 'throttled') throw new Error(THROTTLED_ERROR);
            return null;
          }
          const { id, email, name, sessionVersion } = result.user;
          return { id: String(id), email, name, sv: sessionVersion };
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
  };
}

/**
 * The logged-in user, read fresh from the database on every call: a disabled account or a changed
 * role (both bump session_version) ends existing sessions at once. Null for visitors.
 */
export async function auth(): Promise<SessionUser | null> {
  // Reading cookies first also marks the page dynamic before anything touches the database.
  const names = (await cookies()).getAll().map((cookie) => cookie.name);
  if (!names.some((name) => SESSION_COOKIE.test(name))) return null;
  const session = (await getServerSession(await authOptions())) as (TokenClaims & object) | null;
  if (!session || typeof session.uid !== 'number' || typeof session.sv !== 'number') return null;
  return getActiveSessionUser({ id: session.uid, sessionVersion: session.sv });
}

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** The next-auth route handler, built per request because the secret may come from the database. */
export async function authRouteHandler(request: Request, context: RouteContext): Promise<Response> {
  const handler = NextAuth(await authOptions()) as (request: Request, context: RouteContext) => Promise<Response>;
  return handler(request, context);
}
