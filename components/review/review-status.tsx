/** The line over the review list: a loading state until the list can show, how many
 * annotations the filters let through, and what to do when there is nothing to show. */
export function ReviewStatus({
  tab,
  loading,
  shown,
  total,
  orphans,
  filtered,
  onClearFilters,
}: {
  tab: 'annotations' | 'orphans';
  loading: boolean;
  shown: number;
  total: number;
  orphans: number;
  filtered: boolean;
  onClearFilters: () => void;
}) {
  if (loading)
    return (
      <p className="review-count" role="status">
        Loading annotations…
      </p>
    );
  if (tab === 'orphans')
    return (
      <p className="review-count" aria-live="polite">
        {orphans} annotation{orphans === 1 ? '' : 's'} lost their text in a revision. Select new text and
        re-attach, or delete.
      </p>
    );
  if (total === 0)
    return (
      <div className="review-empty" aria-live="polite">
        <p className="review-empty-title">No annotations yet.</p>
        <p>
          Select any passage to add a note. Pick a tag (keys 1, 2, 3), write why it matters, and choose who
          sees it.
        </p>
      </div>
    );
  if (shown === 0)
    return (
      <div className="review-empty" aria-live="polite">
        <p className="review-empty-title">No annotations match these filters.</p>
        <button type="button" className="button button-small" onClick={onClearFilters}>
          Clear filters
        </button>
      </div>
    );
  return (
    <p className="review-count" aria-live="polite">
      {shown === total
        ? `${total} annotation${total === 1 ? '' : 's'}`
        : `${shown} of ${total} annotations match`}
      {filtered && shown !== total && (
        <>
          {' '}
          <button type="button" className="button-link" onClick={onClearFilters}>
            Clear filters
          </button>
        </>
      )}
    </p>
  );
}
