import 'server-only';
import { revalidatePath } from 'next/cache';
import { cachePaths, type RevalidateTarget } from '@/lib/cache-tags';
import { appSlugRedirects } from './slug-redirects';

/**
 * Marks the listed cached pages stale (inside a request: a server action or a route handler).
 * When article pages are among them, an article's address or status may have changed, so the
 * proxy's map of old addresses is reloaded too, before the caller answers.
 */
export async function revalidateTargets(targets: RevalidateTarget[]): Promise<void> {
  for (const target of targets) revalidatePath(target.path, target.type);
  if (targets.some((target) => target.path === cachePaths.allArticles)) await appSlugRedirects().reload();
}
