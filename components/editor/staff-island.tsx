'use client';

import { lazy, Suspense, useSyncExternalStore } from 'react';
import { STAFF_HINT_COOKIE } from '@/lib/auth/staff-hint';

// Its own chunk: downloaded only by browsers that have logged in as staff.
const StaffToolbar = lazy(() => import('./staff-toolbar').then((module) => ({ default: module.StaffToolbar })));

const hasHint = () => document.cookie.split('; ').includes(`${STAFF_HINT_COOKIE}=1`);
const subscribe = () => () => {};

/**
 * The only editor code on a public page: a few lines that load the staff toolbar when the staff
 * hint cookie is present. The page stays cached and the same for everyone; the toolbar asks the
 * server, with the real session, whether this person may edit.
 */
export function StaffIsland({ articleId, contentId }: { articleId: number; contentId: string }) {
  const staff = useSyncExternalStore(subscribe, hasHint, () => false);
  if (!staff) return null;
  return (
    <Suspense fallback={null}>
      <StaffToolbar articleId={articleId} contentId={contentId} />
    </Suspense>
  );
}
