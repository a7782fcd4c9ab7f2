// The margin's agreement marker, beside a paragraph's attention bars: a link to the
// disagreement view whose visible sign ("≈2/3") is CSS generated content from `data-label`,
// so the article's text stays the blocks' text (docs/adr/0015); its words are the aria-label
// and title. The figure comes from lib/arguments/paragraph-agreement.ts.
import {
  agreementSign,
  describeBlockAgreement,
  type BlockAgreement,
} from '@/lib/arguments/paragraph-agreement';
import { escapeHtml } from './article-html';

/** "all", "some" or "none": the marker's style (its sign says the same without colour). */
export function agreementLevel(a: BlockAgreement): 'all' | 'some' | 'none' {
  return a.agreeing === a.pairs ? 'all' : a.agreeing === 0 ? 'none' : 'some';
}

/** The marker for one block ('' when no two readers share a passage there). */
export function agreementMarkerHtml(
  label: string,
  agreement: BlockAgreement | undefined,
  href: string,
): string {
  if (!agreement || agreement.pairs === 0) return '';
  const description = describeBlockAgreement(label, agreement);
  return (
    `<a class="agreement-marker" href="${escapeHtml(href)}" data-agreement="${agreementLevel(agreement)}"` +
    ` data-label="${escapeHtml(agreementSign(agreement))}" title="${escapeHtml(description)}"` +
    ` aria-label="${escapeHtml(`${description}. Where readers disagree`)}"></a>`
  );
}
