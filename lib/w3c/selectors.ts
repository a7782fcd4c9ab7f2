import { isObject, toArray, type JsonObject } from './import-types';

export interface TextLocation {
  exact: string;
  prefix?: string;
  suffix?: string;
  fragment?: string;
  positionHint?: { start: number; end: number };
}

export function hasType(obj: JsonObject, type: string): boolean {
  return toArray(obj.type).includes(type);
}

/** A selector followed by its refinedBy chain (the model allows one refinement per level). */
function refinementChain(selector: JsonObject): JsonObject[] {
  const chain: JsonObject[] = [];
  let current: unknown = selector;
  while (isObject(current) && chain.length < 16 && !chain.includes(current)) {
    chain.push(current);
    current = toArray(current.refinedBy).find(isObject);
  }
  return chain;
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

interface QuoteCandidate {
  location: TextLocation;
  scoped: boolean;
}

/**
 * Where a target's selectors put the text: the TextQuoteSelector (at top level or in a
 * refinedBy chain), the FragmentSelector it refines (a block hint), and a document-level
 * TextPositionSelector. Null when there is no usable TextQuoteSelector.
 */
export function findTextLocation(selectors: unknown): TextLocation | null {
  const quotes: QuoteCandidate[] = [];
  let looseFragment: string | undefined;
  let positionHint: TextLocation['positionHint'];

  for (const selector of toArray(selectors)) {
    if (!isObject(selector)) continue; // a selector IRI cannot be resolved offline
    const chain = refinementChain(selector);
    const head = chain[0];
    if (
      hasType(head, 'TextPositionSelector') &&
      isOffset(head.start) &&
      isOffset(head.end) &&
      head.start <= head.end
    ) {
      positionHint ??= { start: head.start, end: head.end };
    }
    const quoteAt = chain.findIndex((s) => hasType(s, 'TextQuoteSelector') && typeof s.exact === 'string');
    if (quoteAt < 0) {
      if (hasType(head, 'FragmentSelector') && typeof head.value === 'string') looseFragment ??= head.value;
      continue;
    }
    const quote = chain[quoteAt];
    const fragmentSel = chain
      .slice(0, quoteAt)
      .reverse()
      .find((s) => hasType(s, 'FragmentSelector') && typeof s.value === 'string');
    const location: TextLocation = { exact: quote.exact as string };
    if (typeof quote.prefix === 'string') location.prefix = quote.prefix;
    if (typeof quote.suffix === 'string') location.suffix = quote.suffix;
    if (fragmentSel) location.fragment = fragmentSel.value as string;
    quotes.push({ location, scoped: quoteAt > 0 });
  }

  const best =
    quotes.find((q) => q.location.fragment !== undefined) ?? quotes.find((q) => !q.scoped) ?? quotes[0];
  if (!best) return null;
  const location = { ...best.location };
  if (location.fragment === undefined && looseFragment !== undefined) location.fragment = looseFragment;
  if (positionHint) location.positionHint = positionHint;
  return location;
}
