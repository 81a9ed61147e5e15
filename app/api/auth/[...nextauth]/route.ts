import { authRouteHandler } from '@/auth';

// next-auth checks its own CSRF token on every POST (sign in, sign out).
export { authRouteHandler as GET, authRouteHandler as POST };
