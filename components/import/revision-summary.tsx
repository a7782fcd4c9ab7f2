import Link from 'next/link';

export interface RevisionOutcome {
  version: { number: number };
  summary: { anchored: number; reanchored: number; orphaned: number };
}

const annotations = (n: number) => `${n} ${n === 1 ? 'annotation' : 'annotations'}`;

/** What the upload did to the annotations, in sentences. */
export function RevisionSummary({ outcome, slug }: { outcome: RevisionOutcome; slug: string }) {
  const { version, summary } = outcome;
  const total = summary.anchored + summary.reanchored + summary.orphaned;
  return (
    <section className="import-summary" role="status" aria-labelledby="revision-summary-title">
      <h2 id="revision-summary-title">Version {version.number} is now current</h2>
      {total === 0 ? (
        <p>There were no annotations you can see to move.</p>
      ) : (
        <ul>
          <li>
            <strong>{annotations(summary.anchored)}</strong> stayed in place
          </li>
          <li>
            <strong>{annotations(summary.reanchored)}</strong> moved with{' '}
            {summary.reanchored === 1 ? 'its' : 'their'} text: worth a look
          </li>
          <li>
            <strong>{annotations(summary.orphaned)}</strong> orphaned:{' '}
            {summary.orphaned === 1
              ? 'its text is gone. It is kept, listed as an orphan, and can be re-attached by selecting new text.'
              : 'their text is gone. They are kept, listed as orphans, and can be re-attached by selecting new text.'}
          </li>
        </ul>
      )}
      <p className="muted">Counts cover the annotations you can see; everyone’s annotations were moved.</p>
      <Link className="button button-primary" href={`/documents/${slug}`}>
        Read version {version.number}
      </Link>
    </section>
  );
}
