// Export file names say what is in the file: the document, the filter and the day, e.g.
// "face-time-claim-2026-11-30.csv" or "face-time-seminar-a-mine-2026-11-30.md". The route's
// Content-Disposition and the dialog's fallback name both come from here.

export interface ExportNameParts {
  slug: string;
  /** tag slugs of the filter (none: every tag) */
  tags?: readonly string[];
  /** the group filter: a group's name, or "private" */
  group?: string | null;
  mine?: 'mine' | 'others' | null;
  orphaned?: boolean;
  date: Date;
  extension: string;
}

const MAX_PART = 40;

/** Lower-case ASCII words joined by hyphens ("Seminar A, Tuesday" → "seminar-a-tuesday"). */
export function fileNamePart(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_PART)
    .replace(/^-+|-+$/g, '');
}

export function exportFileName(parts: ExportNameParts): string {
  const words = [
    parts.slug,
    ...(parts.tags ?? []),
    parts.group ?? '',
    parts.mine ?? '',
    parts.orphaned ? 'orphans' : '',
  ]
    .map(fileNamePart)
    .filter((part) => part.length > 0);
  return `${[...words, parts.date.toISOString().slice(0, 10)].join('-')}.${parts.extension}`;
}
