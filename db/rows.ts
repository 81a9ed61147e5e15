/** Rows of a raw statement: postgres.js returns an array, PGlite an object with `rows`. */
export async function rowsOf<T>(result: Promise<unknown>): Promise<T[]> {
  const value = (await result) as T[] | { rows: T[] };
  return Array.isArray(value) ? value : value.rows;
}
