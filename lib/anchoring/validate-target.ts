import { describeTarget } from './document-text';
import { splitsSurrogatePair } from './surrogates';
import type { DocumentIndex, Target, TargetInput } from './types';

export type ValidateTargetResult =
  { ok: true; target: Target } | { ok: false; fields: Record<string, string> };

type End = 'start' | 'end';

/**
 * Checks a client-supplied target against a document version. Every problem found is
 * reported under its field key (e.g. "target.start.offset") so a form can show it.
 * On success the target's prefix and suffix are recomputed from the document.
 */
export function validateTarget(index: DocumentIndex, input: TargetInput): ValidateTargetResult {
  const fields: Record<string, string> = {};
  const blockIndexes: Partial<Record<End, number>> = {};
  const offsets: Partial<Record<End, number>> = {};

  for (const end of ['start', 'end'] as const) {
    const point: unknown = (input as unknown as Record<string, unknown> | null)?.[end];
    const block = (point as { block?: unknown } | null)?.block;
    const offset = (point as { offset?: unknown } | null)?.offset;
    const blockIndex = typeof block === 'string' ? index.indexByAnchor.get(block) : undefined;
    if (blockIndex === undefined) {
      fields[`target.${end}.block`] =
        typeof block === 'string'
          ? `No block "${block}" in this version of the document`
          : 'A block anchor is required';
    } else {
      blockIndexes[end] = blockIndex;
    }
    if (typeof offset !== 'number' || !Number.isInteger(offset)) {
      fields[`target.${end}.offset`] = 'The offset must be a whole number';
    } else if (offset < 0) {
      fields[`target.${end}.offset`] = 'The offset must not be negative';
    } else if (blockIndex !== undefined) {
      const text = index.blocks[blockIndex].text;
      if (offset > text.length) {
        fields[`target.${end}.offset`] =
          `The offset is past the end of the block (${text.length} characters)`;
      } else if (splitsSurrogatePair(text, offset)) {
        fields[`target.${end}.offset`] = 'The offset splits a character in two';
      } else {
        offsets[end] = offset;
      }
    }
  }

  if (
    blockIndexes.start !== undefined &&
    blockIndexes.end !== undefined &&
    blockIndexes.end < blockIndexes.start
  ) {
    fields['target.end.block'] = 'The selection ends before it starts';
  }

  if (typeof input?.exact !== 'string') fields['target.exact'] = 'The quoted text is required';

  if (Object.keys(fields).length > 0) return { ok: false, fields };

  const si = blockIndexes.start as number;
  const ei = blockIndexes.end as number;
  const so = offsets.start as number;
  const eo = offsets.end as number;
  if (si === ei && eo < so)
    return { ok: false, fields: { 'target.end.offset': 'The selection ends before it starts' } };
  if (!coversBlockText(index, si, so, ei, eo)) {
    return { ok: false, fields: { 'target.end.offset': 'The selection is empty' } };
  }

  const target = describeTarget(index, input.start, input.end);
  if (target.exact !== input.exact) {
    return {
      ok: false,
      fields: { 'target.exact': 'The quoted text does not match the document at these offsets' },
    };
  }
  return { ok: true, target };
}

/** A selection that only spans block separators (end of one block to start of the next) is empty. */
function coversBlockText(index: DocumentIndex, si: number, so: number, ei: number, eo: number): boolean {
  if (si === ei) return eo > so;
  if (so < index.blocks[si].text.length || eo > 0) return true;
  for (let i = si + 1; i < ei; i++) if (index.blocks[i].text.length > 0) return true;
  return false;
}
