// Marginalia's own JSON-LD terms, the "mg:" prefix of its W3C exports: a context document
// (so `mg:startBlock` etc. expand to IRIs that dereference here) that also describes each
// term, served at `${baseUrl}/ns` (app/ns/route.ts).

const TERMS: { name: string; comment: string; type?: string }[] = [
  {
    name: 'documentVersion',
    comment: 'The number of the document version the target is anchored in.',
    type: 'xsd:integer',
  },
  { name: 'startBlock', comment: 'Anchor of the block where the quote starts (e.g. "p-7").' },
  {
    name: 'startOffset',
    comment: 'Start offset in that block’s text, in UTF-16 code units.',
    type: 'xsd:integer',
  },
  { name: 'endBlock', comment: 'Anchor of the block where the quote ends.' },
  {
    name: 'endOffset',
    comment: 'End offset in that block’s text, in UTF-16 code units.',
    type: 'xsd:integer',
  },
  { name: 'visibility', comment: '"private" (its author only) or "group" (shared with one seminar).' },
  { name: 'group', comment: 'The seminar the annotation is shared with: its IRI and name.', type: '@id' },
  { name: 'anchorStatus', comment: 'ANCHORED, REANCHORED (placed again after a revision) or ORPHANED.' },
  {
    name: 'hidden',
    comment: 'True when a facilitator hid the reply; its text is withheld.',
    type: 'xsd:boolean',
  },
];

export function vocabularyDocument(baseUrl: string): Record<string, unknown> {
  const ns = `${baseUrl.replace(/\/+$/, '')}/ns#`;
  const context: Record<string, unknown> = {
    mg: ns,
    xsd: 'http://www.w3.org/2001/XMLSchema#',
    rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
    rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  };
  for (const term of TERMS)
    context[`mg:${term.name}`] = term.type
      ? { '@id': `mg:${term.name}`, '@type': term.type }
      : { '@id': `mg:${term.name}` };
  return {
    '@context': context,
    '@id': ns.slice(0, -1),
    'rdfs:label': 'Marginalia annotation terms',
    '@graph': TERMS.map((term) => ({
      '@id': `mg:${term.name}`,
      '@type': 'rdf:Property',
      'rdfs:label': term.name,
      'rdfs:comment': term.comment,
    })),
  };
}
