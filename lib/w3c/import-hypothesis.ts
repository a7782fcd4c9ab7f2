import type { ExtractResult } from './import-w3c';
import {
  NO_TEXT_QUOTE_REASON,
  isObject,
  parseDate,
  type ImportedAnnotation,
  type JsonObject,
} from './import-types';
import { findTextLocation } from './selectors';
import { normaliseTags } from './tags';

// Hypothesis's own API format (GET /api/annotations/:id, /api/search rows): not JSON-LD,
// no "type"; text and tags are plain fields, replies list their ancestors in "references".

/** True for an object shaped like a Hypothesis API annotation rather than a W3C one. */
export function isHypothesisAnnotation(value: JsonObject): boolean {
  if ('@context' in value || 'type' in value) return false;
  const hasTarget = Array.isArray(value.target) || typeof value.uri === 'string';
  return hasTarget && ('text' in value || 'tags' in value || 'user' in value);
}

// "acct:alice@hypothes.is" → "alice"
function userName(value: JsonObject): string | undefined {
  const info = value.user_info;
  if (isObject(info) && typeof info.display_name === 'string' && info.display_name.trim()) {
    return info.display_name.trim();
  }
  if (typeof value.user !== 'string') return undefined;
  const match = /^acct:([^@]+)@/.exec(value.user);
  return match ? match[1] : value.user;
}

export function extractHypothesisAnnotation(value: JsonObject): ExtractResult {
  const { text = '', tags = [], references = [], target = [] } = value;
  if (typeof text !== 'string') return { ok: false, reason: 'Hypothesis annotation: "text" is not a string' };
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === 'string')) {
    return { ok: false, reason: 'Hypothesis annotation: "tags" is not an array of strings' };
  }
  if (!Array.isArray(references) || !references.every((r) => typeof r === 'string')) {
    return { ok: false, reason: 'Hypothesis annotation: "references" is not an array of ids' };
  }
  if (!Array.isArray(target)) return { ok: false, reason: 'Hypothesis annotation: "target" is not an array' };

  const base: ImportedAnnotation = {
    sourceId: typeof value.id === 'string' ? value.id : null,
    exact: '',
    tags: normaliseTags(tags as string[]),
    noteText: text.trim(),
  };
  // Hypothesis notes are Markdown (its client renders them so).
  if (text.trim()) base.noteParts = [{ format: 'markdown', value: text }];
  const created = parseDate(value.created);
  const modified = parseDate(value.updated);
  const creatorName = userName(value);
  if (created) base.created = created;
  if (modified) base.modified = modified;
  if (creatorName) base.creatorName = creatorName;

  // The direct parent is the last of the ancestors.
  if (references.length > 0) return { ok: true, item: { ...base, replyTo: references.at(-1) as string } };

  for (const t of target) {
    if (!isObject(t)) continue;
    const location = findTextLocation(t.selector);
    if (!location) continue;
    if (location.exact.length === 0)
      return { ok: false, reason: 'TextQuoteSelector has an empty "exact": nothing to anchor' };
    const item: ImportedAnnotation = { ...base, ...location, replyTo: null };
    if (typeof t.source === 'string') item.targetSource = t.source;
    return { ok: true, item };
  }
  // Hypothesis page notes have a target without selectors.
  return { ok: false, reason: NO_TEXT_QUOTE_REASON };
}
