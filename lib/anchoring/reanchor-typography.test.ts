import { describe, expect, it } from 'vitest';
import { buildDocumentIndex, quoteBetween } from './document-text';
import { editBlock, numberBlocks, replaceOnce, targetIn, textsOf } from './fixtures/edit-helpers';
import { loadFaceTimeBlocks } from './fixtures/face-time-blocks';
import { normalizeForMatching } from './normalize-text';
import { reanchorAll, reanchorTarget } from './reanchor';
import type { BlockText, Target } from './types';

// Typographic edits (quote styles, NBSP, whitespace) and bulk re-anchoring on the sample article.
const original = loadFaceTimeBlocks();
const originalIndex = buildDocumentIndex(original);

const straighten = (blocks: BlockText[]) =>
  blocks.map((b) => ({ ...b, text: b.text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"') }));

function reanchorOne(oldBlocks: BlockText[], target: Target, newBlocks: BlockText[]) {
  const newIndex = buildDocumentIndex(newBlocks);
  const result = reanchorTarget(buildDocumentIndex(oldBlocks), target, newIndex);
  const quote = result.target ? quoteBetween(newIndex, result.target.start, result.target.end) : null;
  return { ...result, quote };
}

describe('reanchorTarget across typographic changes', () => {
  it('curly quotes replaced by straight ones', () => {
    const target = targetIn(originalIndex, 'p-14', 'framing China’s “excessive reactions”');
    const result = reanchorOne(original, target, straighten(original));
    expect(result).toMatchObject({
      status: 'REANCHORED',
      strategy: 'quote-in-block',
      quote: 'framing China\'s "excessive reactions"',
    });
    expect(result.target!.start).toEqual(target.start);
    expect(result.target!.end).toEqual(target.end);
  });

  it('straight quotes replaced by curly ones', () => {
    const straight = straighten(original);
    const target = targetIn(buildDocumentIndex(straight), 'p-17', "'Dialogue is Futile'");
    const result = reanchorOne(straight, target, original);
    expect(result).toMatchObject({ status: 'REANCHORED', quote: '‘Dialogue is Futile’' });
    expect(result.target!.start).toEqual({ block: 'p-17', offset: 0 });
  });

  it('a non-breaking space replaced by a plain space', () => {
    const withNbsp = editBlock(original, 'p-3', (t) =>
      replaceOnce(t, 'Colonel Wu Qian', 'Colonel Wu\u00a0Qian'),
    );
    const target = targetIn(buildDocumentIndex(withNbsp), 'p-3', 'Colonel Wu\u00a0Qian, spokesperson');
    const result = reanchorOne(withNbsp, target, original);
    expect(result).toMatchObject({
      status: 'REANCHORED',
      strategy: 'quote-in-block',
      quote: 'Colonel Wu Qian, spokesperson',
    });
    expect(result.target!.start).toEqual(target.start);
  });

  it('a stray NBSP at the end of a heading line removed', () => {
    expect(original[17].text.startsWith('‘Dialogue is Futile’\u00a0\nThanks')).toBe(true);
    const target = targetIn(originalIndex, 'p-17', 'Futile’\u00a0\nThanks to a series');
    const cleaned = editBlock(original, 'p-17', (t) => t.replace('\u00a0\n', '\n'));
    const result = reanchorOne(original, target, cleaned);
    expect(result).toMatchObject({ status: 'REANCHORED', quote: 'Futile’\nThanks to a series' });
    expect(result.target!.start).toEqual(target.start);
    expect(result.target!.end.offset).toBe(target.end.offset - 1);
  });

  it('text reflowed with line breaks and double spaces', () => {
    const quote =
      'could somewhat accept each other’s power spheres in Europe, today, China and the US have yet';
    const target = targetIn(originalIndex, 'p-12', quote);
    const reflowed = editBlock(original, 'p-12', (t) =>
      replaceOnce(
        replaceOnce(t, 'in Europe, today,', 'in Europe,\ntoday,'),
        'power spheres',
        'power  spheres',
      ),
    );
    const result = reanchorOne(original, target, reflowed);
    expect(result).toMatchObject({
      status: 'REANCHORED',
      strategy: 'quote-in-block',
      quote: 'could somewhat accept each other’s power  spheres in Europe,\ntoday, China and the US have yet',
    });
  });

  it('whitespace tidied before a quote only shifts it', () => {
    const target = targetIn(originalIndex, 'p-18', 'Many critics in the US');
    const spaced = editBlock(original, 'p-18', (t) => t.replace(/\. /g, '.  '));
    const result = reanchorOne(original, target, spaced);
    const expectedOffset = spaced[18].text.indexOf('Many critics in the US');
    expect(result).toMatchObject({ status: 'REANCHORED', quote: 'Many critics in the US' });
    expect(result.target!.start.offset).toBe(expectedOffset);
  });

  it('a quote with an emoji beside a fixed typo never comes back with half an emoji', () => {
    const old = [{ anchor: 'p-1', text: 'We met 🙂 at the confrence in Fiji 🌴 last year.' }];
    const fixed = [{ anchor: 'p-1', text: 'We met 🙂 at the conference in Fiji 🌴 last year.' }];
    const oldIndex = buildDocumentIndex(old);
    const target = targetIn(oldIndex, 'p-1', '🙂 at the confrence in Fiji 🌴');
    const result = reanchorOne(old, target, fixed);
    expect(result).toMatchObject({
      status: 'REANCHORED',
      strategy: 'fuzzy',
      quote: '🙂 at the conference in Fiji 🌴',
    });
  });
});

describe('reanchorTarget edge cases', () => {
  it('orphans an empty quote and anything against an empty new version', () => {
    const target = targetIn(originalIndex, 'p-3', 'Fiji');
    expect(reanchorTarget(originalIndex, { ...target, exact: '' }, originalIndex).status).toBe('ORPHANED');
    expect(reanchorTarget(originalIndex, target, buildDocumentIndex([])).status).toBe('ORPHANED');
  });

  it('finds a target whose block is unknown to the old version by its quote', () => {
    const target = {
      ...targetIn(originalIndex, 'p-3', 'offline engagement'),
      start: { block: 'gone', offset: 0 },
      end: { block: 'gone', offset: 18 },
    };
    const result = reanchorOne(original, target, original);
    expect(result).toMatchObject({
      status: 'REANCHORED',
      strategy: 'quote-in-document',
      quote: 'offline engagement',
    });
  });

  it('matches a short quote approximately only where its surroundings still agree', () => {
    const target = targetIn(originalIndex, 'p-3', 'Fiji');
    const renamed = editBlock(original, 'p-3', (t) => replaceOnce(t, 'in Fiji.', 'in Fuji.'));
    expect(reanchorOne(original, target, renamed)).toMatchObject({
      status: 'REANCHORED',
      strategy: 'fuzzy',
      quote: 'Fuji',
    });
    const rewritten = editBlock(original, 'p-3', (t) =>
      replaceOnce(
        t,
        'met with representatives of the US military in Fiji.',
        'met in Fuji last week, without giving details.',
      ),
    );
    expect(reanchorOne(original, target, rewritten).status).toBe('ORPHANED');
  });

  it('drops a stray character typed at the start of a quote instead of taking the space before it', () => {
    const withTypo = editBlock(original, 'p-25', (t) => replaceOnce(t, 'and resentment', 'and xresentment'));
    const target = targetIn(buildDocumentIndex(withTypo), 'p-25', 'xresentment toward US intentions.');
    const result = reanchorOne(withTypo, target, original);
    expect(result).toMatchObject({
      status: 'REANCHORED',
      strategy: 'fuzzy',
      quote: 'resentment toward US intentions.',
    });
  });

  it('follows a long quote whose middle was edited (head and tail matching)', () => {
    const long = original[22].text.slice(21, 600); // "However, we must be aware … "
    const target = targetIn(originalIndex, 'p-22', long);
    const edited = editBlock(original, 'p-22', (t) =>
      replaceOnce(t, 'even more twists and greater risks', 'even more twists and risks'),
    );
    const result = reanchorOne(original, target, edited);
    expect(result.status).toBe('REANCHORED');
    expect(result.strategy).toBe('fuzzy');
    expect(result.quote).toBe(
      replaceOnce(long, 'even more twists and greater risks', 'even more twists and risks'),
    );
  });
});

describe('reanchorAll', () => {
  const sentences = (blocks: BlockText[]) => {
    const index = buildDocumentIndex(blocks);
    return blocks.flatMap((b) =>
      (b.text.match(/[^.!?]+[.!?]?/g) ?? [])
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
        .map((s) => targetIn(index, b.anchor, s)),
    );
  };
  const fold = (s: string) => normalizeForMatching(s).text;

  it('re-anchors every sentence after a new paragraph at the top and a quote-style change', () => {
    const targets = sentences(original);
    expect(targets.length).toBeGreaterThan(70);
    const texts = textsOf(straighten(original));
    texts.splice(1, 0, 'Editor’s note: this article was updated.');
    const newBlocks = numberBlocks(texts);
    const newIndex = buildDocumentIndex(newBlocks);
    const results = reanchorAll(original, newBlocks, targets);
    expect(results).toHaveLength(targets.length);
    results.forEach((result, i) => {
      expect(result.status).toBe(targets[i].start.block === 'title' ? 'ANCHORED' : 'REANCHORED');
      expect(fold(quoteBetween(newIndex, result.target!.start, result.target!.end))).toBe(
        fold(targets[i].exact),
      );
      const oldBlock = originalIndex.indexByAnchor.get(targets[i].start.block)!;
      expect(result.target!.start.block).toBe(oldBlock === 0 ? 'title' : newBlocks[oldBlock + 1].anchor);
    });
  });

  it('anchors every sentence of an unchanged article in place', () => {
    const targets = sentences(original);
    const results = reanchorAll(original, original, targets);
    results.forEach((result, i) =>
      expect(result).toEqual({ status: 'ANCHORED', strategy: 'same-position', target: targets[i] }),
    );
  });
});
