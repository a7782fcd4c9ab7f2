import { describe, expect, it } from 'vitest';
import { contrastWithWhite, sameTagName, slugifyTagName, tagHighlightStyle } from './tag-style';

describe('group tag names', () => {
  it('derives a readable slug that the annotation API accepts', () => {
    expect(slugifyTagName('Counter-argument (weak)')).toBe('counter-argument-weak');
    expect(slugifyTagName('  Évidence forte ')).toBe('evidence-forte');
    expect(slugifyTagName('Question?')).toBe('question');
    expect(slugifyTagName('x'.repeat(60))).toHaveLength(40);
  });

  it('gives names without Latin letters a stable slug of their own', () => {
    const a = slugifyTagName('论点');
    expect(a).toMatch(/^tag-[a-z0-9]{7}$/);
    expect(slugifyTagName('论点')).toBe(a);
    expect(slugifyTagName('证据')).not.toBe(a);
  });

  it('sees the same name written differently as a duplicate', () => {
    expect(sameTagName('Key  point', ' key point')).toBe(true);
    expect(sameTagName('Key point', 'Key points')).toBe(false);
  });
});

describe('tag highlight style', () => {
  it('underlines in the tag colour with the chosen style over a light tint', () => {
    expect(tagHighlightStyle('#b45309', 'wavy')).toMatchObject({
      backgroundColor: '#b4530926',
      textDecoration: 'underline wavy #b45309',
    });
    expect(tagHighlightStyle('#047857', 'double').textDecorationThickness).toBe('3px');
  });

  it('measures how visible a colour is on the white page', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 0);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#b45309')).toBeGreaterThan(3);
    expect(contrastWithWhite('#fde047')).toBeLessThan(3);
  });
});
