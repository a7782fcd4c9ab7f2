// Draws highlights into the static article HTML, outside React (docs/adr/0010-highlights-painted-outside-react.md):
// each block is segmented by ALL the annotations (lib/segments) and painted with one
// innerHTML write; a filter change then only rewrites the attributes of existing <mark>s
// (`hl` ↔ `hl-off`, counts, ids, tags, labels), never the DOM's structure; a change to the
// annotations repaints only the blocks whose runs changed. The draft (the passage being
// annotated) is a CSS Custom Highlight, so it never moves the reader's selection.
import type { DocumentIndex, TextPoint } from '@/lib/anchoring/types';
import { agreementOfRecords } from '@/lib/arguments/paragraph-agreement';
import { agreementMarkerHtml } from '@/lib/reader/agreement-marker';
import { escapeHtml } from '@/lib/reader/article-html';
import {
  attentionCounts,
  attentionHtml,
  markHtml,
  RUN_ATTRIBUTES,
  runLook,
  type HighlightRecord,
  type RunLook,
} from '@/lib/reader/highlight-runs';
import { highlightsByBlock } from '@/lib/segments/highlights-by-block';
import { segmentBlock, type Highlight } from '@/lib/segments/segment-block';
import { domFromPoint, pointFromDom, selectPoints } from './dom-selection';

const DRAFT_HIGHLIGHT = 'marginalia-draft';

interface Run {
  ids: string[];
  text: string;
  el: Element;
  look: RunLook;
  /** the shown ids the look was made for */
  shownKey: string;
}

interface BlockPaint {
  el: HTMLElement;
  aside: HTMLElement | null;
  /** the block's label ("¶4"), for the agreement marker's words */
  label: string;
  text: string;
  /** what the runs were cut from: repaint when it changes */
  key: string;
  runs: Run[];
  asideHtml: string;
}

type Span = { start: TextPoint; end: TextPoint };

export class HighlightPainter {
  private readonly blocks = new Map<string, BlockPaint>();
  private readonly runs = new WeakMap<Element, Run>();
  private readonly tagNames: Map<string, string>;
  private records: readonly HighlightRecord[] = [];
  private byId = new Map<string, HighlightRecord>();
  private shown: ReadonlySet<string> = new Set();
  private draft: Span | null = null;
  /** where the margin's agreement markers link (null: no markers) */
  private agreementHref: string | null = null;
  /** a selection may exist: set by `selectionchange`, so that a repaint with none asks nothing */
  private selectionSeen = false;
  private readonly onSelectionChange = () => {
    this.selectionSeen = true;
  };

  constructor(
    private readonly article: HTMLElement,
    private readonly index: DocumentIndex,
    private readonly readerId: string,
    private readonly tags: readonly { slug: string; name: string }[],
  ) {
    this.tagNames = new Map(tags.map((t) => [t.slug, t.name]));
    for (const el of article.querySelectorAll<HTMLElement>('[data-anchor]')) {
      this.blocks.set(el.dataset.anchor!, {
        el,
        aside: el.closest('section')?.querySelector<HTMLElement>('.block-aside') ?? null,
        label: el.closest('section')?.getAttribute('aria-label') ?? '',
        text: el.textContent ?? '',
        key: '',
        runs: [],
        asideHtml: '',
      });
    }
    document.addEventListener('selectionchange', this.onSelectionChange);
  }

  /** Draws `records`, showing those in `shown`. Cheap when only `shown` changed. */
  update(records: readonly HighlightRecord[], shown: ReadonlySet<string>) {
    const recordsChanged = records !== this.records;
    if (!recordsChanged && shown === this.shown) return;
    this.records = records;
    this.shown = shown;
    if (recordsChanged) {
      this.byId = new Map(records.map((r) => [r.id, r]));
      this.repaintChangedBlocks();
    } else {
      for (const block of this.blocks.values()) this.restyleBlock(block, false);
    }
    this.paintAttention();
  }

  /** The shown annotations under a highlight element, or null if it is not one of ours. */
  idsAt(element: Element): string[] | null {
    const run = this.runs.get(element);
    return run ? run.ids.filter((id) => this.shown.has(id)) : null;
  }

  /** Shows per-paragraph agreement beside the attention bars, linking to `href` (the
   * disagreement view), or with null removes it. */
  setAgreementLink(href: string | null) {
    if (href === this.agreementHref) return;
    this.agreementHref = href;
    this.paintAttention();
  }

  /** Shows (or, with null, removes) the draft's passage without touching the DOM. */
  setDraft(span: Span | null) {
    this.draft = span;
    this.paintDraft();
  }

  dispose() {
    document.removeEventListener('selectionchange', this.onSelectionChange);
    if (typeof CSS !== 'undefined' && CSS.highlights) CSS.highlights.delete(DRAFT_HIGHLIGHT);
  }

  private repaintChangedBlocks() {
    const pieces = highlightsByBlock(
      this.index,
      this.records.map((r) => ({ id: r.id, target: { start: r.start, end: r.end } })),
    );
    let selection: Span | null | undefined;
    for (const [anchor, block] of this.blocks) {
      const list = pieces.get(anchor) ?? [];
      const key = this.keyOf(list);
      if (key === block.key) {
        this.restyleBlock(block, true);
        continue;
      }
      selection ??= this.saveSelection();
      block.key = key;
      this.paintBlock(block, list);
    }
    if (selection === undefined) return;
    if (selection) selectPoints(this.article, selection.start, selection.end);
    this.paintDraft();
  }

  private keyOf(list: Highlight[]): string {
    let key = '';
    for (const h of list) {
      const r = this.byId.get(h.id)!;
      key += `${h.id}:${h.start}-${h.end}:${r.tags.join(',')}:${r.local ?? ''}:${r.author.name}|`;
    }
    return key;
  }

  private shownKeyOf(ids: string[]): string {
    let key = '';
    for (const id of ids) if (this.shown.has(id)) key += `${id} `;
    return key;
  }

  private lookFor(ids: string[], text: string): RunLook {
    const shown: HighlightRecord[] = [];
    for (const id of ids) if (this.shown.has(id)) shown.push(this.byId.get(id)!);
    return runLook(text, shown, this.readerId, this.tagNames);
  }

  /** One innerHTML write for the whole block; the runs keep their <mark> elements after. */
  private paintBlock(block: BlockPaint, list: Highlight[]) {
    let html = '';
    const runs: Omit<Run, 'el'>[] = [];
    for (const segment of segmentBlock(block.text, list)) {
      if (segment.ids.length === 0) {
        html += escapeHtml(segment.text);
        continue;
      }
      const look = this.lookFor(segment.ids, segment.text);
      html += markHtml(segment.text, look);
      runs.push({ ids: segment.ids, text: segment.text, look, shownKey: this.shownKeyOf(segment.ids) });
    }
    block.el.innerHTML = html;
    const marks = block.el.children;
    block.runs = runs.map((run, i) => ({ ...run, el: marks[i] }));
    for (const run of block.runs) this.runs.set(run.el, run);
  }

  /** Attribute writes only, and only those that differ. Unless `force` (the annotations
   * changed), a run whose shown annotations are the same keeps its look. */
  private restyleBlock(block: BlockPaint, force: boolean) {
    for (const run of block.runs) {
      const shownKey = this.shownKeyOf(run.ids);
      if (!force && shownKey === run.shownKey) continue;
      run.shownKey = shownKey;
      const next = this.lookFor(run.ids, run.text);
      const prev = run.look;
      if (next.className !== prev.className) run.el.className = next.className;
      for (const name of RUN_ATTRIBUTES) {
        const value = next.attributes[name];
        if (value === prev.attributes[name]) continue;
        if (value === undefined) run.el.removeAttribute(name);
        else run.el.setAttribute(name, value);
      }
      run.look = next;
    }
  }

  private paintAttention() {
    const shown = this.records.filter((r) => this.shown.has(r.id));
    const { counts, max } = attentionCounts(shown);
    // Readers' agreement on the passages they share (lib/arguments/paragraph-agreement.ts).
    const href = this.agreementHref;
    const agreement = href ? agreementOfRecords(this.index, shown) : null;
    for (const [anchor, block] of this.blocks) {
      let html = attentionHtml(counts.get(anchor), this.tags, max);
      if (agreement) html += agreementMarkerHtml(block.label, agreement.get(anchor), href!);
      if (html === block.asideHtml || !block.aside) continue;
      block.asideHtml = html;
      block.aside.innerHTML = html;
    }
  }

  /** The reader's selection in the article as text points, to put back after a repaint. */
  private saveSelection(): Span | null {
    // The Selection API brings style and layout up to date first: on the first paint, right
    // after hydration, that was a whole-page layout (~0.4 s at 10,000 annotations, profiled),
    // thrown away by the innerHTML writes that follow. Without a `selectionchange` since the
    // painter started there is nothing to put back (a selection made before hydration opens
    // no toolbar either).
    if (!this.selectionSeen) return null;
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      this.selectionSeen = false;
      return null;
    }
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(this.article)) return null;
    const start = pointFromDom(this.article, range.startContainer, range.startOffset);
    const end = pointFromDom(this.article, range.endContainer, range.endOffset);
    return typeof start === 'string' || typeof end === 'string' ? null : { start, end };
  }

  private paintDraft() {
    if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight === 'undefined') return;
    const a = this.draft && domFromPoint(this.article, this.draft.start);
    const b = this.draft && domFromPoint(this.article, this.draft.end);
    if (!a || !b) {
      CSS.highlights.delete(DRAFT_HIGHLIGHT);
      return;
    }
    const range = document.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    CSS.highlights.set(DRAFT_HIGHLIGHT, new Highlight(range));
  }
}
