export * from './breakdowns';
export * from './checkpoints';
export * from './overview';
export * from './series';
export type { Dimension, Totals } from './shared';
export * from './top-lists';
export * from './ratings';
