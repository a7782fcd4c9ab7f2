// The margin beside each block, drawn by the highlight painter's side (highlight-painter.ts):
// the attention bar (how many of the shown annotations start there, per tag) and, where the
// reader may open the disagreement view, the paragraph's agreement marker. Both follow the
// filters like the highlights; a margin whose HTML is unchanged is not written.
import type { DocumentIndex } from '@/lib/anchoring/types';
import { agreementOfRecords } from '@/lib/arguments/paragraph-agreement';
import { agreementMarkerHtml } from '@/lib/reader/agreement-marker';
import { attentionHtml, attentionTally, type HighlightRecord } from '@/lib/reader/highlight-runs';
import { whenIdle, whenIdleAfter } from './idle-and-focus';

/** an idle slice runs by then even on a busy page */
const IDLE_TIMEOUT_MS = 100;
/** the first agreement waits this long after the first paint: computed in the first idle
 * period, it ran (40–50 ms at 10,000) between the first click and the frame showing its
 * dialog (profiled, docs/adr/0024-reader-clickable-sooner.md) */
const FIRST_AGREEMENT_DELAY_MS = 1000;

/** One block's margin. */
export interface BlockMargin {
  anchor: string;
  aside: HTMLElement | null;
  /** the block's label ("¶4"), for the agreement marker's words */
  label: string;
  /** what was last written into `aside` */
  html: string;
}

export class MarginPainter {
  private tally = attentionTally([]);
  private attention = this.tally(null);
  private records: readonly HighlightRecord[] = [];
  private shown: ReadonlySet<string> = new Set();
  /** where the agreement markers link (null: no markers) */
  private agreementHref: string | null = null;
  /** per-paragraph agreement of the shown passages, computed while idle (null: none yet) */
  private agreement: ReturnType<typeof agreementOfRecords> | null = null;
  private agreementIdle: { cancel: () => void } | null = null;

  constructor(
    private readonly index: DocumentIndex,
    private readonly tags: readonly { slug: string; name: string }[],
    /** every block's margin, to redraw them all when the agreement is ready */
    private readonly margins: () => Iterable<BlockMargin>,
  ) {}

  /** Follows new records and/or a new shown set; the caller then paints the margins. */
  update(records: readonly HighlightRecord[], shown: ReadonlySet<string>) {
    if (records !== this.records) this.tally = attentionTally(records);
    this.records = records;
    this.shown = shown;
    this.attention = this.tally(shown);
    this.scheduleAgreement();
  }

  /** Shows per-paragraph agreement linking to `href` (the disagreement view), or with null
   * removes it. */
  setAgreementLink(href: string | null) {
    if (href === this.agreementHref) return;
    this.agreementHref = href;
    this.scheduleAgreement();
  }

  /** Writes a margin's HTML if it changed. */
  paint(margin: BlockMargin) {
    const { counts, max } = this.attention;
    let html = attentionHtml(counts.get(margin.anchor), this.tags, max);
    const href = this.agreementHref;
    if (href && this.agreement)
      html += agreementMarkerHtml(margin.label, this.agreement.get(margin.anchor), href);
    if (html === margin.html || !margin.aside) return;
    margin.html = html;
    margin.aside.innerHTML = html;
  }

  dispose() {
    this.agreementIdle?.cancel();
    this.agreementIdle = null;
  }

  private paintAll() {
    for (const margin of this.margins()) this.paint(margin);
  }

  /** Readers' agreement on the passages they share (lib/arguments/paragraph-agreement.ts),
   * over what the filters show like the bars: worked out while the page is idle, so that a
   * filter's frame does not wait for it, then drawn in every margin. */
  private scheduleAgreement() {
    this.agreementIdle?.cancel();
    this.agreementIdle = null;
    if (!this.agreementHref) {
      if (this.agreement) {
        this.agreement = null;
        this.paintAll();
      }
      return;
    }
    const work = () => {
      this.agreementIdle = null;
      this.agreement = agreementOfRecords(
        this.index,
        this.records.filter((r) => this.shown.has(r.id)),
      );
      this.paintAll();
    };
    this.agreementIdle = this.agreement
      ? whenIdle(work, IDLE_TIMEOUT_MS)
      : whenIdleAfter(work, FIRST_AGREEMENT_DELAY_MS, IDLE_TIMEOUT_MS);
  }
}
