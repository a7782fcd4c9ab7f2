export * from './invite-code';
export * from './schemas';
export * from './tag-style';
export type * from './types';
