// Client-side filters of the reader: the highlights and the review panel follow them
// without a round trip. Pure, so that it is unit-tested and shared.
export interface ReaderFilters {
  tags: string[];
  readers: string[];
  mine: 'all' | 'mine' | 'others';
  group: 'all' | 'private' | string;
  q: string;
}

export const NO_FILTERS: ReaderFilters = { tags: [], readers: [], mine: 'all', group: 'all', q: '' };

export interface FilterableAnnotation {
  tags: string[];
  author: { id: string };
  group: { id: string } | null;
  target: { exact: string };
  noteText: string;
}

function fold(text: string) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .toLowerCase();
}

export function matchesFilters(a: FilterableAnnotation, filters: ReaderFilters, readerId: string): boolean {
  if (filters.tags.length > 0 && !a.tags.some((t) => filters.tags.includes(t))) return false;
  if (filters.readers.length > 0 && !filters.readers.includes(a.author.id)) return false;
  if (filters.mine === 'mine' && a.author.id !== readerId) return false;
  if (filters.mine === 'others' && a.author.id === readerId) return false;
  if (filters.group === 'private' && a.group !== null) return false;
  if (filters.group !== 'all' && filters.group !== 'private' && a.group?.id !== filters.group) return false;
  if (filters.q.trim()) {
    const haystack = fold(`${a.target.exact}\n${a.noteText}`);
    if (
      !fold(filters.q)
        .trim()
        .split(/\s+/)
        .every((word) => haystack.includes(word))
    )
      return false;
  }
  return true;
}

/** The same filters as API query parameters (for exports and the server-side list). */
export function filtersToQuery(filters: ReaderFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const tag of filters.tags) params.append('tag', tag);
  for (const reader of filters.readers) params.append('reader', reader);
  if (filters.mine !== 'all') params.set('mine', filters.mine);
  if (filters.group !== 'all') params.set('group', filters.group);
  if (filters.q.trim()) params.set('q', filters.q.trim());
  return params;
}
