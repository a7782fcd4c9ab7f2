// The argument view as a second table of the CSV export, after the annotations and one blank
// record: one row per link as a spreadsheet reads it left to right ("Claim ¶3 … | supported
// by | ¶7 …"), claims in document order, then the discussion prompts (evidence no one has
// linked, claims nothing supports) as rows of their own. A sheet can filter or sort it like
// the annotations above; the same sentences as the Markdown section (argument-markdown.ts).
import { csvRecord } from '@/lib/export/csv';
import {
  RELATION_ROLES,
  type ArgumentAnnotation,
  type ArgumentView,
  type LinkedItem,
} from './build-argument-view';

export const ARGUMENT_CSV_COLUMNS = [
  'argument',
  'claim paragraph',
  'claim quote',
  'claim author',
  'relation',
  'paragraph',
  'quote',
  'tags',
  'author',
  'link note',
];

const INCOMING: Record<(typeof RELATION_ROLES)[number], string> = {
  supports: 'supported by',
  contradicts: 'contradicted by',
  frames: 'framed by',
  qualifies: 'qualified by',
};

const label = (a: Pick<ArgumentAnnotation, 'paragraph'>) =>
  a.paragraph === null ? 'Outside the paragraphs' : `¶${a.paragraph}`;

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

function passageCells(a: ArgumentAnnotation): string[] {
  return [label(a), flat(a.exact), a.tags.join('; '), a.authorName];
}

/** The section ('' when the export holds no link): a blank record, a header, the rows. */
export function argumentCsv(
  view: ArgumentView,
  relationName: (slug: string) => string = (slug) => slug,
): string {
  if (view.links.length === 0) return '';
  const records = ['\r\n', csvRecord(ARGUMENT_CSV_COLUMNS)];
  const row = (
    kind: string,
    claim: ArgumentAnnotation | null,
    relation: string,
    other: string[],
    note = '',
  ) =>
    records.push(
      csvRecord([
        kind,
        ...(claim ? [label(claim), flat(claim.exact), claim.authorName] : ['', '', '']),
        relation,
        ...other,
        flat(note),
      ]),
    );
  const item = (claim: ArgumentAnnotation, relation: string, { link, annotation }: LinkedItem) =>
    row('claim', claim, relation, passageCells(annotation), link.note);
  for (const entry of view.claims) {
    const before = records.length;
    for (const role of RELATION_ROLES)
      for (const i of entry.incoming[role]) item(entry.claim, INCOMING[role], i);
    for (const i of entry.incoming.other) item(entry.claim, `${relationName(i.link.relation)} (from)`, i);
    // a link to another claim is that claim's row already: each link once
    for (const i of entry.outgoing)
      if (!i.annotation.tags.includes('claim')) item(entry.claim, relationName(i.link.relation), i);
    if (records.length === before) row('claim', entry.claim, 'nothing linked yet', ['', '', '', '']);
  }
  for (const a of view.unlinkedEvidence) row('evidence no one has linked', null, '', passageCells(a));
  for (const a of view.unsupportedClaims) row('claim nothing supports', a, '', ['', '', '', '']);
  return records.join('');
}
