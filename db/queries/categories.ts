import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../index';
import { categories } from '../schema';
import { moveAmongSiblings } from './reorder';

const publicColumns = { id: categories.id, slug: categories.slug, name: categories.name, description: categories.description };

export type CategorySummary = { id: number; slug: string; name: string; description: string };

export async function listMenuCategories(): Promise<CategorySummary[]> {
  const db = await getDb();
  return db.select(publicColumns).from(categories).where(eq(categories.inMenu, true)).orderBy(asc(categories.position), asc(categories.id));
}

export async function getCategoryBySlug({ slug }: { slug: string }): Promise<CategorySummary | null> {
  const db = await getDb();
  const [row] = await db.select(publicColumns).from(categories).where(eq(categories.slug, slug)).limit(1);
  return row ?? null;
}

export type CategoryForAdmin = { id: number; slug: string; name: string; inMenu: boolean };

/** Every category in menu order, shown or not, for /quan-tri/cai-dat. */
export async function listCategoriesForAdmin(): Promise<CategoryForAdmin[]> {
  const db = await getDb();
  return db
    .select({ id: categories.id, slug: categories.slug, name: categories.name, inMenu: categories.inMenu })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id));
}

/** A new category at the end of the menu; null when the slug is taken. */
export async function insertCategory({
  db,
  name,
  slug,
  inMenu,
}: {
  db: Tx;
  name: string;
  slug: string;
  inMenu: boolean;
}): Promise<number | null> {
  const [last] = await db.select({ max: sql<number | null>`max(${categories.position})` }).from(categories);
  const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  const [row] = await db
    .insert(categories)
    .values({ name, slug, inMenu, position })
    .onConflictDoNothing({ target: categories.slug })
    .returning({ id: categories.id });
  return row?.id ?? null;
}

export async function updateCategory({ db, id, name, inMenu }: { db: Tx; id: number; name: string; inMenu: boolean }) {
  const [before] = await db
    .select({ name: categories.name, inMenu: categories.inMenu })
    .from(categories)
    .where(eq(categories.id, id))
    .for('update');
  if (!before) return null;
  await db.update(categories).set({ name, inMenu }).where(eq(categories.id, id));
  return before;
}

/** Swaps a category with its neighbour in the menu, positions rewritten 0..n-1 under a lock. */
export async function moveCategory({ db, id, direction }: { db: Tx; id: number; direction: 'up' | 'down' }): Promise<boolean> {
  return moveAmongSiblings({ db, table: categories, id, direction });
}
