import 'server-only';
import type { z } from 'zod';
import type { Tx } from '@/db';
import { defineAction } from './define-action';
import { everyPublicPage } from '@/lib/cache-tags';
import { canManageSite } from '@/lib/permissions';

/**
 * An admin's change to what every public page shows around the content (sidebar contact blocks,
 * site settings, the category menu): defineAction with the admin rule, and every public page
 * revalidated after commit. `run` writes its own audit row in the same transaction.
 */
export function defineSiteAction<S extends z.ZodType, T extends object>(definition: {
  schema: S;
  run: (context: { user: { id: number }; input: z.output<S>; tx: Tx }) => Promise<T>;
}) {
  return defineAction({
    roles: canManageSite,
    schema: definition.schema,
    authorize: ({ user }) => canManageSite(user),
    async run(context) {
      return { result: await definition.run(context), revalidate: everyPublicPage };
    },
  });
}
