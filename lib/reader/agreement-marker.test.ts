import { describe, expect, it } from 'vitest';
import { agreementMarkerHtml } from './agreement-marker';

const some = { agreeing: 2, pairs: 3, passages: 1, readers: 3 };

describe('agreementMarkerHtml', () => {
  it('links to the disagreement view with a sign and words, and no text of its own', () => {
    const html = agreementMarkerHtml('¶4', some, '/documents/face-time/disagreement?group=g&x="1"');
    expect(html).toBe(
      '<a class="agreement-marker" href="/documents/face-time/disagreement?group=g&amp;x=&quot;1&quot;"' +
        ' data-agreement="some" data-label="≈2/3" title="¶4: readers agree on 2 of 3 overlapping pairs"' +
        ' aria-label="¶4: readers agree on 2 of 3 overlapping pairs. Where readers disagree"></a>',
    );
    expect(html.replace(/<[^>]*>/g, '')).toBe(''); // the page text stays the blocks' text
  });

  it('marks full agreement and full disagreement apart', () => {
    expect(agreementMarkerHtml('¶1', { ...some, agreeing: 3 }, '/d')).toContain('data-agreement="all"');
    expect(agreementMarkerHtml('¶1', { ...some, agreeing: 0 }, '/d')).toContain('data-label="≠0/3"');
  });

  it('draws nothing where no two readers share a passage', () => {
    expect(agreementMarkerHtml('¶1', undefined, '/d')).toBe('');
    expect(agreementMarkerHtml('¶1', { ...some, agreeing: 0, pairs: 0 }, '/d')).toBe('');
  });
});
