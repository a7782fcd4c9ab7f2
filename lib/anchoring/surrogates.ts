// Offsets are UTF-16 code units, so a naive offset can land between the two halves
// of an emoji or other astral character; slicing there yields lone surrogates, which
// render as U+FFFD and cannot be stored in PostgreSQL's UTF-8 text.

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the high and low halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** Moves an offset off a surrogate-pair middle: 'back' before the pair, 'forward' after it. */
export function snapOffSurrogate(text: string, offset: number, direction: 'back' | 'forward'): number {
  if (!splitsSurrogatePair(text, offset)) return offset;
  return direction === 'back' ? offset - 1 : offset + 1;
}
