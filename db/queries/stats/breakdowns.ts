import 'server-only';
import { and, asc, between, desc, eq, sql } from 'drizzle-orm';
import { visitDimensionDaily } from '../../schema';
import type { DayRange } from '@/lib/stats/range';
import { type Conn, connection, type Dimension } from './shared';

export type DimensionValue = { value: string; visits: number };

/** Visits of the range by referrer domain, device class, browser or OS. */
export async function listDimensionBreakdown({
  db,
  range,
  dimension,
  limit = 10,
}: {
  db?: Conn;
  range: DayRange;
  dimension: Dimension;
  limit?: number;
}): Promise<DimensionValue[]> {
  const conn = await connection(db);
  const visits = sql<number>`sum(${visitDimensionDaily.visits})`.mapWith(Number);
  return conn
    .select({ value: visitDimensionDaily.value, visits })
    .from(visitDimensionDaily)
    .where(and(eq(visitDimensionDaily.dimension, dimension), between(visitDimensionDaily.day, range.from, range.to)))
    .groupBy(visitDimensionDaily.value)
    .orderBy(desc(visits), asc(visitDimensionDaily.value))
    .limit(limit);
}
