import { describe, expect, it } from 'vitest';
import { bandBaseCss, bandImage, tagPatternCss, type UnderlinePattern } from './tag-patterns';

const PATTERNS: UnderlinePattern[] = ['solid', 'dotted', 'dashed', 'wavy', 'double'];

describe('tag patterns', () => {
  it('gives every underline style its own band shape, whatever the colour', () => {
    const shapes = PATTERNS.map((p) => bandImage(p, '#123456').replaceAll('#123456', 'C'));
    expect(new Set(shapes).size).toBe(PATTERNS.length);
  });

  it('draws a tag that is not the first of its run as a band in its own slot', () => {
    const css = tagPatternCss([
      { slug: 'claim', color: '#b45309', underline: 'solid' },
      { slug: 'evidence', color: '#047857', underline: 'dashed' },
      { slug: 'framing', color: '#7c3aed', underline: 'wavy' },
    ]);
    expect(css).toContain('.hl.u-framing{--hl:#7c3aed;--hl-bg:#7c3aed22;text-decoration-style:wavy}');
    expect(css).toContain(`.hl.b-framing{--band-2:${bandImage('wavy', '#7c3aed')}}`);
    expect(css).toContain('--band-1:repeating-linear-gradient(90deg, #047857 0 8px');
    // a wavy tag stays wavy as the second tag (it used to turn into a dashed border)
    expect(css).not.toContain('dashed #7c3aed');
    // runs are styled by their classes only: a filter that changes a run's count, ids or
    // labels but not its tags restyles nothing (no rule reads a run's attributes)
    expect(css).not.toMatch(/\.hl\[/);
  });

  it('leaves out tags whose slug or colour could break the stylesheet', () => {
    const css = tagPatternCss([
      { slug: 'x"]{}', color: '#000000', underline: 'solid' },
      { slug: 'ok', color: 'red;}', underline: 'solid' },
    ]);
    expect(css).toBe('');
  });

  it('stacks the bands from the bottom, one slot each', () => {
    const base = bandBaseCss();
    expect(base).toContain('background-image:var(--band-0, none),var(--band-1, none)');
    // no reset of the variables: it would outrank the per-tag rules
    expect(base).not.toContain('--band-0:none');
    expect(base).toContain('0 calc(100% - 0px),0 calc(100% - 4px)');
  });
});
