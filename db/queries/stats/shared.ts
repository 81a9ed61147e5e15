import 'server-only';
import { getDb, type Db, type Tx } from '../../index';
import type { visitDimensionDaily } from '../../schema';

/**
 * What every statistics query shares. The queries are split by what the dashboard shows: the
 * overview (./overview.ts), the series and CSV (./series.ts), running totals and their checkpoints
 * (./checkpoints.ts), the top lists (./top-lists.ts) and the breakdowns (./breakdowns.ts).
 */
export type Conn = Db | Tx;
export type Totals = { pageViews: number; visits: number; visitors: number };
export type Dimension = (typeof visitDimensionDaily.dimension.enumValues)[number];

export const num = (value: string | number | null | undefined) => Number(value ?? 0);
export const connection = async (db?: Conn) => db ?? (await getDb());
