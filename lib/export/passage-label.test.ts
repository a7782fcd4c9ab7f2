import { describe, expect, it } from 'vitest';
import { passageLabel } from './passage-label';

describe('passageLabel', () => {
  it('names one block by its label', () => {
    expect(passageLabel('¶7', '¶7')).toBe('¶7');
    expect(passageLabel('Title', 'Title')).toBe('Title');
  });

  it('names a passage across numbered blocks of one kind as a range', () => {
    expect(passageLabel('¶1', '¶2')).toBe('¶1–2');
    expect(passageLabel('¶9', '¶12')).toBe('¶9–12');
    expect(passageLabel('Caption 1', 'Caption 2')).toBe('Caption 1–2');
  });

  it('names both ends when the kinds differ', () => {
    expect(passageLabel('Heading', '¶3')).toBe('Heading – ¶3');
    expect(passageLabel('¶4', 'Caption 1')).toBe('¶4 – Caption 1');
  });
});
