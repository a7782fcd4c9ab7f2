export * from './schemas';
export type * from './types';
