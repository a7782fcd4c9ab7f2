import Link from 'next/link';

/** "All I can see" or one seminar's reading, for the argument and disagreement views. */
export function SeminarFilter({
  groups,
  current,
}: {
  groups: { id: string; name: string }[];
  current: string | undefined;
}) {
  if (groups.length === 0) return null;
  return (
    <nav aria-label="Seminars" className="view-nav muted">
      Show:{' '}
      <Link href="?" aria-current={current ? undefined : 'page'}>
        everything you can see
      </Link>
      {groups.map((g) => (
        <Link key={g.id} href={`?group=${g.id}`} aria-current={g.id === current ? 'page' : undefined}>
          {g.name}
        </Link>
      ))}
    </nav>
  );
}
