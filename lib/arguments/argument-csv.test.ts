import { describe, expect, it } from 'vitest';
import { argumentCsv } from './argument-csv';
import { buildArgumentView, type ArgumentAnnotation } from './build-argument-view';

const a = (id: string, paragraph: number | null, tags: string[], exact: string, authorName = 'Ada') =>
  ({ id, tags, exact, paragraph, anchor: `p-${paragraph}`, authorName }) satisfies ArgumentAnnotation;

describe('argumentCsv', () => {
  it('writes a blank record, a header, one row per link by claim, then the prompts', () => {
    const view = buildArgumentView(
      [
        a('f', 2, ['framing'], 'A frame'),
        a('c', 3, ['claim'], 'Talks, "restart"'),
        a('e', 7, ['evidence', 'claim'], 'Fiji\nmeeting', 'Ben'),
        a('x', 9, ['evidence'], '=SUM(A1)'),
        a('c2', 11, ['claim'], 'Another'),
      ],
      [
        { id: 'l1', fromId: 'e', toId: 'c', relation: 'supports', note: 'the meeting' },
        { id: 'l2', fromId: 'f', toId: 'c', relation: 'frames', note: '' },
        { id: 'l3', fromId: 'c', toId: 'c2', relation: 'echoes', note: '' },
        { id: 'l4', fromId: 'c2', toId: 'x', relation: 'qualifies', note: '' },
      ],
    );
    expect(argumentCsv(view, (s) => (s === 'echoes' ? 'Echoes' : s)).split('\r\n')).toEqual([
      '',
      'argument,claim paragraph,claim quote,claim author,relation,paragraph,quote,tags,author,link note',
      'claim,¶3,"Talks, ""restart""",Ada,supported by,¶7,Fiji meeting,evidence; claim,Ben,the meeting',
      'claim,¶3,"Talks, ""restart""",Ada,framed by,¶2,A frame,framing,Ada,',
      'claim,¶7,Fiji meeting,Ben,nothing linked yet,,,,,',
      'claim,¶11,Another,Ada,Echoes (from),¶3,"Talks, ""restart""",claim,Ada,',
      "claim,¶11,Another,Ada,qualifies,¶9,'=SUM(A1),evidence,Ada,",
      'claim nothing supports,¶7,Fiji meeting,Ben,,,,,,',
      'claim nothing supports,¶11,Another,Ada,,,,,,',
      '',
    ]);
  });

  it('adds nothing to an export without links', () => {
    expect(argumentCsv(buildArgumentView([a('c', 3, ['claim'], 'x')], []))).toBe('');
  });

  it('names a passage outside the paragraphs', () => {
    const view = buildArgumentView(
      [a('t', null, ['claim'], 'Title'), a('e', 4, ['evidence'], 'Fact')],
      [{ id: 'l', fromId: 'e', toId: 't', relation: 'supports', note: '' }],
    );
    expect(argumentCsv(view)).toContain('claim,Outside the paragraphs,Title,Ada,supported by,¶4,Fact');
  });
});
