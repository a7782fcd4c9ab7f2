// Public surface of the anchoring core (pure: no DB, no DOM).
export * from './types';
export {
  buildDocumentIndex,
  describeTarget,
  fromDocumentPosition,
  pointsFromDocumentRange,
  quoteBetween,
  targetFromDocumentRange,
  toDocumentPosition,
} from './document-text';
export { validateTarget, type ValidateTargetResult } from './validate-target';
export { clipSelection, type SelectionEnd } from './clip-selection';
export {
  anchorQuote,
  reanchorAll,
  reanchorTarget,
  type ReanchorResult,
  type ReanchorStrategy,
} from './reanchor';
export type { QuoteToAnchor } from './anchor-quote';
export { splitsSurrogatePair } from './surrogates';
