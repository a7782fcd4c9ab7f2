// What an import tells the reader besides its counts: one sentence per thing worth
// knowing, in the order a reader would want to act on them.

export interface WarningFacts {
  defaultTag: string;
  groupId: string | null;
  imported: number;
  orphaned: number;
  defaulted: number;
  unknownTags: Set<string>;
  foreign: { count: number; example: string };
  withoutId: number;
}

const SHOWN_TAGS = 20;

export function importWarnings(f: WarningFacts): string[] {
  const warnings: string[] = [];
  const one = (n: number) => n === 1;
  if (f.defaulted > 0)
    warnings.push(
      `${f.defaulted} ${one(f.defaulted) ? 'annotation had' : 'annotations had'} no tag Marginalia knows and ${one(f.defaulted) ? 'was' : 'were'} tagged “${f.defaultTag}”.`,
    );
  if (f.unknownTags.size > 0)
    warnings.push(
      `Tags not found in ${f.groupId ? 'this group' : 'the default tags'} were left out: ${[...f.unknownTags].slice(0, SHOWN_TAGS).join(', ')}${f.unknownTags.size > SHOWN_TAGS ? ', …' : ''}.`,
    );
  const foreign = f.foreign.count;
  if (foreign > 0)
    warnings.push(
      `${foreign} ${one(foreign) ? 'annotation was' : 'annotations were'} made on another page (e.g. ${f.foreign.example}); ${one(foreign) ? 'it was' : 'they were'} placed by the quoted text.`,
    );
  if (f.orphaned > 0)
    warnings.push(
      `${f.orphaned} ${one(f.orphaned) ? 'quote was' : 'quotes were'} not found in this document: listed as orphans, ready to re-attach.`,
    );
  if (f.withoutId > 0)
    warnings.push(
      `${f.withoutId} ${one(f.withoutId) ? 'annotation has' : 'annotations have'} no id in the file: importing it again would add ${one(f.withoutId) ? 'it' : 'them'} again.`,
    );
  if (!f.groupId && f.imported > 0)
    warnings.push('The imported annotations are private: only you can see them.');
  return warnings;
}
