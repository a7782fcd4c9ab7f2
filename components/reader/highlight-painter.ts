// Draws highlights into the static article HTML, outside React (docs/adr/0010-highlights-painted-outside-react.md):
// each block is segmented by ALL the annotations (lib/segments) and painted with one
// innerHTML write; a filter change then only rewrites the attributes of existing <mark>s
// (the look's classes, counts, ids, tags, labels), never the DOM's structure; only the
// classes are styled, so a run whose look stays is not restyled
// (docs/adr/0025-highlight-looks-as-classes.md); a change to the
// annotations repaints only the blocks whose runs changed. The draft (the passage being
// annotated) is a CSS Custom Highlight, so it never moves the reader's selection
// (draft-highlight.ts); each block's margin follows the same filters (margin-painter.ts).
// A filter change restyles the blocks on screen at once and the others in idle slices
// right after (docs/adr/0018-filter-toggle-on-screen-first.md); Tab, a click and "Show in
// text" settle them all first, and <article> is aria-busy until they are.
import type { DocumentIndex } from '@/lib/anchoring/types';
import { focusedOffset, refocusAt, whenIdle } from './idle-and-focus';
import { escapeHtml } from '@/lib/reader/article-html';
import {
  markHtml,
  RUN_ATTRIBUTES,
  runLook,
  type HighlightRecord,
  type RunLook,
} from '@/lib/reader/highlight-runs';
import { highlightsByBlock } from '@/lib/segments/highlights-by-block';
import { segmentBlock, type Highlight } from '@/lib/segments/segment-block';
import { selectPoints } from './dom-selection';
import { clearDraftHighlight, paintDraftHighlight, readArticleSelection, type Span } from './draft-highlight';
import { MarginPainter, type BlockMargin } from './margin-painter';

/** an idle slice runs by then even on a busy page */
const IDLE_TIMEOUT_MS = 100;
/** script time of one idle slice when the page is never idle (a frame's worth of the rest) */
const SLICE_MS = 12;

interface Run {
  ids: string[];
  text: string;
  el: Element;
  look: RunLook;
  /** the shown set the look was made for */
  styledWith: ReadonlySet<string>;
}

interface BlockPaint {
  el: HTMLElement;
  margin: BlockMargin;
  text: string;
  /** what the runs were cut from: repaint when it changes */
  key: string;
  runs: Run[];
}

export class HighlightPainter {
  private readonly blocks = new Map<string, BlockPaint>();
  private readonly runs = new WeakMap<Element, Run>();
  private readonly tagNames: Map<string, string>;
  private records: readonly HighlightRecord[] = [];
  private byId = new Map<string, HighlightRecord>();
  private shown: ReadonlySet<string> = new Set();
  private draft: Span | null = null;
  /** a selection may exist: set by `selectionchange`, so that a repaint with none asks nothing */
  private selectionSeen = false;
  private readonly onSelectionChange = () => {
    this.selectionSeen = true;
  };
  /** blocks whose look is behind `shown` (a filter change not yet drawn there) */
  private readonly pending = new Set<BlockPaint>();
  /** blocks on screen (all of them where IntersectionObserver is missing) */
  private readonly onScreen = new Set<BlockPaint>();
  private readonly observer: IntersectionObserver | null = null;
  private idle: { cancel: () => void } | null = null;
  private readonly margin: MarginPainter;

  constructor(
    private readonly article: HTMLElement,
    private readonly index: DocumentIndex,
    private readonly readerId: string,
    private readonly tags: readonly { slug: string; name: string }[],
  ) {
    this.tagNames = new Map(tags.map((t) => [t.slug, t.name]));
    for (const el of article.querySelectorAll<HTMLElement>('[data-anchor]')) {
      const section = el.closest('section');
      this.blocks.set(el.dataset.anchor!, {
        el,
        margin: {
          anchor: el.dataset.anchor!,
          aside: section?.querySelector<HTMLElement>('.block-aside') ?? null,
          label: section?.getAttribute('aria-label') ?? '',
          html: '',
        },
        text: el.textContent ?? '',
        key: '',
        runs: [],
      });
    }
    this.margin = new MarginPainter(index, tags, () => [...this.blocks.values()].map((b) => b.margin));
    document.addEventListener('selectionchange', this.onSelectionChange);
    if (typeof IntersectionObserver === 'undefined') {
      for (const block of this.blocks.values()) this.onScreen.add(block);
      return;
    }
    // The block's <section>: it is what skips rendering off screen (reader.css).
    const boxOf = (b: BlockPaint): Element => b.el.closest('section') ?? b.el;
    const byElement = new Map([...this.blocks.values()].map((b) => [boxOf(b), b]));
    this.observer = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const block = byElement.get(entry.target)!;
        if (!entry.isIntersecting) {
          this.onScreen.delete(block);
          continue;
        }
        this.onScreen.add(block);
        // Scrolled to before its idle slice: drawn now.
        if (this.pending.has(block)) this.settle(block);
      }
      this.markBusy();
    });
    for (const box of byElement.keys()) this.observer.observe(box);
  }

  /** Draws `records`, showing those in `shown`. Cheap when only `shown` changed. */
  update(records: readonly HighlightRecord[], shown: ReadonlySet<string>) {
    const recordsChanged = records !== this.records;
    if (!recordsChanged && shown === this.shown) return;
    this.records = records;
    this.shown = shown;
    this.margin.update(records, shown);
    if (recordsChanged) {
      this.byId = new Map(records.map((r) => [r.id, r]));
      this.pending.clear();
      this.repaintChangedBlocks();
      for (const block of this.blocks.values()) this.margin.paint(block.margin);
    } else {
      // Only attributes change: the blocks on screen now, in this frame; the rest after it.
      for (const block of this.blocks.values()) this.pending.add(block);
      for (const block of this.onScreen) this.settle(block);
      this.scheduleIdle();
    }
    this.markBusy();
  }

  /** Draws every block still behind the filters, now: before the keyboard moves focus, a
   * click is read or a highlight is looked up. */
  flush() {
    for (const block of this.pending) this.settle(block);
    this.markBusy();
  }

  /** The shown annotations under a highlight element, or null if it is not one of ours. */
  idsAt(element: Element): string[] | null {
    const run = this.runs.get(element);
    return run ? run.ids.filter((id) => this.shown.has(id)) : null;
  }

  /** Shows per-paragraph agreement beside the attention bars, linking to `href` (the
   * disagreement view), or with null removes it. */
  setAgreementLink(href: string | null) {
    this.margin.setAgreementLink(href);
  }

  /** Shows (or, with null, removes) the draft's passage without touching the DOM. */
  setDraft(span: Span | null) {
    this.draft = span;
    paintDraftHighlight(this.article, this.draft);
  }

  dispose() {
    document.removeEventListener('selectionchange', this.onSelectionChange);
    clearDraftHighlight();
    this.observer?.disconnect();
    this.margin.dispose();
    this.idle?.cancel();
    this.idle = null;
  }

  private settle(block: BlockPaint) {
    this.pending.delete(block);
    this.restyleBlock(block, false);
    this.margin.paint(block.margin);
  }

  /** Settles the pending blocks a few at a time while the page is idle (each slice's style
   * and layout are then small too). */
  private scheduleIdle() {
    if (this.idle || this.pending.size === 0) return;
    const work = (deadline?: IdleDeadline) => {
      this.idle = null;
      // The idle time left, but at least a slice's worth when the page is never idle.
      const until = performance.now() + Math.max(deadline?.timeRemaining() ?? 0, SLICE_MS);
      for (const block of this.pending) {
        this.settle(block);
        if (performance.now() >= until) break;
      }
      this.markBusy();
      this.scheduleIdle();
    };
    this.idle = whenIdle(work, IDLE_TIMEOUT_MS);
  }

  /** aria-busy while some blocks are behind the filters (assistive technology may wait). */
  private markBusy() {
    const busy = this.pending.size > 0;
    if (busy === (this.article.getAttribute('aria-busy') === 'true')) return;
    if (busy) this.article.setAttribute('aria-busy', 'true');
    else this.article.removeAttribute('aria-busy');
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
    paintDraftHighlight(this.article, this.draft);
  }

  private keyOf(list: Highlight[]): string {
    let key = '';
    for (const h of list) {
      const r = this.byId.get(h.id)!;
      key += `${h.id}:${h.start}-${h.end}:${r.tags.join(',')}:${r.local ?? ''}:${r.author.name}|`;
    }
    return key;
  }

  /** Whether the filters show or hide any of `run`'s annotations differently from when its
   * look was made (no key strings: that was most of a toggle's garbage). */
  private shownChanged(run: Run): boolean {
    const before = run.styledWith;
    if (before === this.shown) return false;
    for (const id of run.ids) if (before.has(id) !== this.shown.has(id)) return true;
    return false;
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
    const styledWith = this.shown;
    for (const segment of segmentBlock(block.text, list)) {
      if (segment.ids.length === 0) {
        html += escapeHtml(segment.text);
        continue;
      }
      const look = this.lookFor(segment.ids, segment.text);
      html += markHtml(segment.text, look);
      runs.push({ ids: segment.ids, text: segment.text, look, styledWith });
    }
    const isRun = (el: Element) => this.runs.has(el);
    const focused = focusedOffset(block.el, isRun);
    block.el.innerHTML = html;
    const marks = block.el.children;
    block.runs = runs.map((run, i) => ({ ...run, el: marks[i] }));
    for (const run of block.runs) this.runs.set(run.el, run);
    if (focused !== null) refocusAt(block.el, focused, isRun);
  }

  /** Attribute writes only, and only those that differ. Unless `force` (the annotations
   * changed), a run whose shown annotations are the same keeps its look. */
  private restyleBlock(block: BlockPaint, force: boolean) {
    for (const run of block.runs) {
      if (!force && !this.shownChanged(run)) {
        run.styledWith = this.shown;
        continue;
      }
      run.styledWith = this.shown;
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

  /** The reader's selection in the article as text points, to put back after a repaint. */
  private saveSelection(): Span | null {
    // The Selection API brings style and layout up to date first: on the first paint, right
    // after hydration, that was a whole-page layout (~0.4 s at 10,000 annotations, profiled),
    // thrown away by the innerHTML writes that follow. Without a `selectionchange` since the
    // painter started there is nothing to put back (a selection made before hydration opens
    // no toolbar either).
    if (!this.selectionSeen) return null;
    const span = readArticleSelection(this.article);
    if (span !== 'none') return span;
    this.selectionSeen = false;
    return null;
  }
}
