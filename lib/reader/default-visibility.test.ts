import { describe, expect, it } from 'vitest';
import { pickDefaultVisibility } from './default-visibility';

const groups = [{ id: 'g1' }, { id: 'g2' }];

describe('pickDefaultVisibility', () => {
  it('takes the seminar the reader came from', () => {
    expect(pickDefaultVisibility({ contextGroup: 'g2', groups, lastChoice: 'g1' })).toBe('g2');
  });

  it('ignores a context group the reader is not in', () => {
    expect(pickDefaultVisibility({ contextGroup: 'gx', groups, lastChoice: 'g1' })).toBe('g1');
  });

  it("takes the reader's only seminar", () => {
    expect(pickDefaultVisibility({ groups: [{ id: 'g1' }], lastChoice: '' })).toBe('g1');
  });

  it('otherwise keeps the last choice on this document, if still a member', () => {
    expect(pickDefaultVisibility({ groups, lastChoice: 'g2' })).toBe('g2');
    expect(pickDefaultVisibility({ groups, lastChoice: 'gone' })).toBeNull();
    expect(pickDefaultVisibility({ groups, lastChoice: '' })).toBeNull();
  });

  it('is private for a reader in no seminar', () => {
    expect(pickDefaultVisibility({ contextGroup: 'g1', groups: [], lastChoice: null })).toBeNull();
  });
});
