// Who a new note is shared with before the reader chooses: the seminar in context. A
// student who came from a seminar's page writes for that seminar; one in a single seminar
// writes for it; otherwise the last choice on this document stands; else only the reader.

export function pickDefaultVisibility(opts: {
  /** the `?group=` the reader came from, if they are a member */
  contextGroup?: string | null;
  groups: { id: string }[];
  /** the choice saved last on this document: a group id, '' for private, null for none */
  lastChoice: string | null;
}): string | null {
  const { contextGroup, groups, lastChoice } = opts;
  const member = (id: string | null | undefined) => !!id && groups.some((g) => g.id === id);
  if (member(contextGroup)) return contextGroup!;
  if (groups.length === 1) return groups[0].id;
  if (member(lastChoice)) return lastChoice;
  return null;
}
