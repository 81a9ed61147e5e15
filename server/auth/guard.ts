import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import { auth, authAccount, type SessionUser } from '@/auth';
import { routes } from '@/lib/routes';

/**
 * The check every staff page starts with: no session sends the browser to the login page, which
 * brings it back to `from` afterwards; a session without the right answers as `denied` says (a
 * page that should not reveal it exists answers 404; the statistics answer 403 with their own
 * page; a few send the user to the staff home instead). Returns the user, re-read from the
 * database by auth().
 */
export async function requireStaff({
  from,
  allowed = () => true,
  denied = 'notFound',
}: {
  from: string;
  allowed?: (user: SessionUser) => boolean;
  denied?: 'notFound' | 'forbidden' | 'staffHome';
}): Promise<SessionUser> {
  const user = await auth();
  if (!user) {
    // A temporary password is replaced before anything else can be done.
    if ((await authAccount())?.mustChangePassword) redirect(routes.staff.password);
    redirect(routes.login(from));
  }
  if (allowed(user)) return user;
  if (denied === 'forbidden') forbidden();
  if (denied === 'staffHome') redirect(routes.staff.home());
  notFound();
}
