import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { awkwardCells, records, richNote, unicode } from '@/tests/fixtures/w3c/export-records';
import { CSV_COLUMNS, csvHeader, csvRow, neutraliseFormula } from './csv';

function exportCsv(bom: boolean): string {
  return csvHeader({ bom }) + records.map(csvRow).join('');
}

function readBack(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, relax_column_count: false });
}

describe('CSV export', () => {
  it('reads back with one record per annotation and exactly the columns promised', () => {
    const rows = readBack(exportCsv(false));
    expect(rows).toHaveLength(records.length);
    expect(Object.keys(rows[0])).toEqual(CSV_COLUMNS);
  });

  it('keeps commas, quotes and new lines inside cells, and neutralises formulas', () => {
    const row = readBack(exportCsv(false))[1];
    expect(row).toEqual({
      document: 'Face Time',
      paragraph: '¶7',
      start: 'p-7:10',
      end: `p-7:${10 + awkwardCells.exact.length}`,
      tags: 'evidence; framing',
      quote: "'=SUM(A1:A9)",
      note: `'${awkwardCells.noteText}`,
      author: "'@mallory",
      group: '',
      visibility: 'private',
      status: 'ANCHORED',
      created: '2025-02-01T09:00:00.000Z',
      updated: '2025-02-01T09:15:00.000Z',
      replies: '0',
      thread: '',
    });
  });

  it('writes the group name, the note with its links, and the replies', () => {
    const row = readBack(exportCsv(false))[0];
    expect(row.group).toBe('Seminar A, Tuesday');
    expect(row.note).toBe(
      'This is the crux, see the source (https://example.org/source)\n- first point\n- second point',
    );
    expect(row.quote).toBe(richNote.exact);
    expect(row.replies).toBe('2');
    expect(row.thread).toBe(
      'Bob, 2025-02-02: Agreed, strongly\nSecond paragraph.\n\n' +
        'Chen Wei, 2025-02-02 (hidden by a facilitator): Off topic, hidden',
    );
  });

  it('labels a passage across blocks with both paragraph numbers', () => {
    const row = readBack(exportCsv(false))[3];
    expect(row).toMatchObject({ paragraph: '¶7–8', start: 'p-7:120', end: 'p-8:14' });
    expect(row.quote).toBe('end of seven.\nStart of eight');
  });

  it('marks a reply whose text is withheld', () => {
    const [hidden] = richNote.replies.slice(1);
    const row = csvRow({ ...richNote, replies: [{ ...hidden, bodyText: '', bodyDoc: null }] });
    expect(row).toContain('Chen Wei, 2025-02-02: [hidden by a facilitator]');
  });

  it('keeps emoji and CJK intact', () => {
    const row = readBack(exportCsv(false))[2];
    expect(row.quote).toBe(unicode.exact);
    expect(row.note).toBe(unicode.noteText);
    expect(row.status).toBe('REANCHORED');
  });

  it('ends every record with CRLF and quotes cells containing a bare line break (RFC 4180)', () => {
    const row = csvRow({ ...richNote, noteText: 'one\ntwo', noteDoc: null, exact: 'cr\ronly' });
    expect(row.endsWith('\r\n')).toBe(true);
    expect(row).toContain('"one\ntwo"');
    expect(row).toContain('"cr\ronly"');
    expect(csvHeader({ bom: false })).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('starts with a UTF-8 byte order mark only when asked', () => {
    expect(exportCsv(true).startsWith('\uFEFFdocument,')).toBe(true);
    expect(exportCsv(false).startsWith('document,')).toBe(true);
    expect(readBack(exportCsv(true))).toEqual(readBack(exportCsv(false)));
  });
});

describe('neutraliseFormula', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd'])('prefixes %j with an apostrophe', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });

  it.each(['', 'plain', 'a=b', ' =not first', "'already"])('leaves %j alone', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});
