import Link from 'next/link';

/** On a seminar's page: the argument and the disagreements of each reading, for this seminar. */
export function GroupViews({
  groupId,
  readings,
}: {
  groupId: string;
  readings: { id: string; slug: string; title: string }[];
}) {
  if (readings.length === 0) return <p className="muted">Add a reading first.</p>;
  return (
    <ul aria-label="Arguments and disagreements">
      {readings.map((r) => (
        <li key={r.id}>
          {r.title}: <Link href={`/documents/${r.slug}/argument?group=${groupId}`}>argument</Link> ·{' '}
          <Link href={`/documents/${r.slug}/disagreement?group=${groupId}`}>where readers disagree</Link>
        </li>
      ))}
    </ul>
  );
}
