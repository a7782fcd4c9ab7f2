// What a highlight run (a stretch of text under the same annotations) looks like: its class,
// data attributes and accessible description, for the annotations under it that the filters
// show. Pure, so that the painter (components/reader/highlight-painter.ts) only writes what this
// returns, and so that overlap counts are unit-tested.
import type { TextPoint } from '@/lib/anchoring/types';
import { escapeHtml } from './article-html';

/** One annotation as the article draws and filters it (from the compact payload or a full view). */
export interface HighlightRecord {
  id: string;
  start: TextPoint;
  end: TextPoint;
  tags: string[];
  author: { id: string; name: string };
  group: { id: string; name?: string } | null;
  /** an own highlight not saved yet */
  local?: 'saving' | 'failed';
  /** for the client-side filters (empty until the full view is loaded) */
  target: { exact: string };
  noteText: string;
}

/** Ids in the DOM are left out past this: they would dominate the page's size on dense runs,
 * and the popover lists them anyway. */
export const MAX_IDS_IN_DOM = 8;

export interface RunLook {
  /** the whole look as classes (reader.css, lib/reader/tag-patterns.ts): a filter that leaves a
   * run's look alone leaves its class alone, and no stylesheet reads the attributes */
  className: string;
  attributes: Record<string, string>;
}

/** A run none of whose annotations is shown: no longer `mark.hl`, not focusable. */
export const HIDDEN_RUN: RunLook = { className: 'hl-off', attributes: {} };

/** Overlap steps drawn at rest (a deeper tint and a thicker underline): `hl-2` from two
 * annotations, `hl-5` from five. The exact count is in the label, the tooltip and a badge on
 * hover and focus, so that a filter changing 76 annotations into 25 restyles nothing. */
export const OVERLAP_STEPS = [2, 5] as const;

/** The attributes of a run shown with these annotations (in run order), or HIDDEN_RUN.
 * `tagNames` is in the tags' display order, which orders the band classes. */
export function runLook(
  text: string,
  shown: HighlightRecord[],
  readerId: string,
  tagNames: Map<string, string>,
): RunLook {
  if (shown.length === 0) return HIDDEN_RUN;
  // One pass: a toggle computes this for every run on screen, each under dozens of annotations.
  let own: HighlightRecord | undefined;
  const allTags: string[] = [];
  let unsaved = false;
  let failed = false;
  for (const a of shown) {
    if (!own && a.author.id === readerId) own = a;
    for (const slug of a.tags) if (!allTags.includes(slug)) allTags.push(slug);
    if (a.local) unsaved = true;
    if (a.local === 'failed') failed = true;
  }
  const mine = own !== undefined;
  const tag1 = (own ?? shown[0]).tags[0];
  const tag2 = allTags.find((t) => t !== tag1);
  const names = allTags.map((slug) => tagNames.get(slug) ?? slug);
  const who = shown.length === 1 ? `1 annotation by ${shown[0].author.name}` : `${shown.length} annotations`;
  const description = `${names.join(', ')} · ${who}${failed ? ' · not saved' : ''}`;
  const attributes: Record<string, string> = {};
  if (tag1) attributes['data-tag1'] = tag1;
  if (tag2) attributes['data-tag2'] = tag2;
  if (shown.length > 1) attributes['data-count'] = String(shown.length);
  if (shown.length <= MAX_IDS_IN_DOM) attributes['data-ids'] = shown.map((a) => a.id).join(' ');
  attributes.title = description;
  attributes['aria-label'] = `${text} (${description})`;
  // A highlight is marked text that opens its annotations: a <button> inside would stop the
  // article's text from being selected across it, so <mark> takes the role.
  attributes.role = 'button';
  attributes.tabindex = '0';
  let className = 'hl';
  // The first tag underlines the text (`u-`); every other tag adds its band (`b-`), in the
  // tags' order so that the same tags always give the same class.
  if (tag1) className += ` u-${tag1}`;
  if (allTags.length > (tag1 ? 1 : 0)) {
    for (const slug of tagNames.keys())
      if (slug !== tag1 && allTags.includes(slug)) className += ` b-${slug}`;
    for (const slug of allTags) if (slug !== tag1 && !tagNames.has(slug)) className += ` b-${slug}`;
  }
  if (shown.length >= OVERLAP_STEPS[1]) className += ' hl-5';
  else if (shown.length >= OVERLAP_STEPS[0]) className += ' hl-2';
  if (mine) className += ' hl-mine';
  if (unsaved) className += ' hl-unsaved';
  return { className, attributes };
}

/** The attribute names a run may carry (removed when a filter hides it). */
export const RUN_ATTRIBUTES = [
  'data-tag1',
  'data-tag2',
  'data-count',
  'data-ids',
  'title',
  'aria-label',
  'role',
  'tabindex',
] as const;

/** A run as HTML (for painting a whole block in one write). */
export function markHtml(text: string, look: RunLook): string {
  const attributes = Object.entries(look.attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<mark class="${escapeHtml(look.className)}"${attributes}>${escapeHtml(text)}</mark>`;
}

export interface AttentionCounts {
  /** block anchor → tag slug → annotations starting there */
  counts: Map<string, Map<string, number>>;
  /** the largest count, for the bars' scale (at least 1) */
  max: number;
}

/** Counts for the attention bars, set up once per set of records: every filter change then
 * recounts them over flat arrays (block and tag numbers), without the map per block that
 * counting the shown records afresh built (2–6 ms of a toggle's click at 10,000, profiled). */
export function attentionTally(
  records: readonly HighlightRecord[],
): (shown: ReadonlySet<string> | null) => AttentionCounts {
  const blocks: string[] = [];
  const slugs: string[] = [];
  const blockIndex = new Map<string, number>();
  const tagIndex = new Map<string, number>();
  const numberOf = (index: Map<string, number>, list: string[], key: string) => {
    let n = index.get(key);
    if (n === undefined) {
      n = list.push(key) - 1;
      index.set(key, n);
    }
    return n;
  };
  const blockOf = new Int32Array(records.length);
  const firstTag = new Int32Array(records.length + 1);
  const tagNumbers: number[] = [];
  records.forEach((r, i) => {
    blockOf[i] = numberOf(blockIndex, blocks, r.start.block);
    firstTag[i] = tagNumbers.length;
    for (const slug of r.tags) tagNumbers.push(numberOf(tagIndex, slugs, slug));
  });
  firstTag[records.length] = tagNumbers.length;
  const tagOf = Int32Array.from(tagNumbers);
  return (shown) => {
    const width = slugs.length;
    const grid = new Int32Array(blocks.length * width);
    let max = 1;
    for (let i = 0; i < records.length; i++) {
      if (shown && !shown.has(records[i].id)) continue;
      for (let k = firstTag[i]; k < firstTag[i + 1]; k++) {
        const n = ++grid[blockOf[i] * width + tagOf[k]];
        if (n > max) max = n;
      }
    }
    const counts = new Map<string, Map<string, number>>();
    for (let b = 0; b < blocks.length; b++) {
      let perTag: Map<string, number> | undefined;
      for (let t = 0; t < width; t++) {
        const n = grid[b * width + t];
        if (n > 0) (perTag ??= new Map()).set(slugs[t], n);
      }
      if (perTag) counts.set(blocks[b], perTag);
    }
    return { counts, max };
  };
}

/** Annotations per tag starting in each block, for the attention bars; `max` for their scale. */
export function attentionCounts(shown: Iterable<HighlightRecord>): AttentionCounts {
  return attentionTally([...shown])(null);
}

/** A paragraph's attention bars: sized by count, each labelled with the tag's name and number
 * (colour is not the only signal) through CSS generated content, so the article's text stays
 * the blocks' text; the whole is described once for assistive technology and as a tooltip. */
export function attentionHtml(
  counts: Map<string, number> | undefined,
  tags: readonly { slug: string; name: string }[],
  max: number,
): string {
  if (!counts) return '';
  const rows = tags.filter((t) => (counts.get(t.slug) ?? 0) > 0);
  if (rows.length === 0) return '';
  const description = escapeHtml(
    rows
      .map((t) => {
        const n = counts.get(t.slug)!;
        return `${t.name}: ${n} annotation${n === 1 ? '' : 's'}`;
      })
      .join(', '),
  );
  const bars = rows
    .map((t) => {
      const n = counts.get(t.slug)!;
      const slug = escapeHtml(t.slug);
      const width = Math.max(8, Math.round((n / max) * 40));
      return (
        `<span class="attention-row tag-swatch-bar" data-tag="${slug}">` +
        `<span class="attention-bar tag-swatch" data-tag="${slug}" style="width:${width}px;padding:0"></span>` +
        `<span class="attention-total" data-label="${escapeHtml(`${t.name} ${n}`)}" aria-hidden="true"></span></span>`
      );
    })
    .join('');
  return `<div class="attention" role="img" aria-label="Attention: ${description}" title="${description}">${bars}</div>`;
}
