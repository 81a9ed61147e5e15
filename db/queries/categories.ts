import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { categories } from '../schema';

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
