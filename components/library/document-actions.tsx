'use client';
import { ConfirmButton } from '@/components/groups/confirm-button';
import { useAction } from '@/components/groups/use-action';
import { libraryApi } from '@/lib/client/endpoints';
import type { LibraryDocument } from '@/lib/library/schemas';

/** What will be lost, said before deleting. */
function deletionQuestion(doc: LibraryDocument): string {
  const notes =
    doc.yourAnnotations === 0
      ? 'It has no annotations.'
      : `Your ${doc.yourAnnotations} ${doc.yourAnnotations === 1 ? 'annotation' : 'annotations'} on it will be deleted too.`;
  return `Delete “${doc.title}” and all its versions? ${notes} This cannot be undone.`;
}

/** The owner's archive, restore and delete on a library card. */
export function DocumentActions({ doc }: { doc: LibraryDocument }) {
  const { busy, error, run } = useAction();
  return (
    <div className="library-actions">
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        aria-label={`${doc.archived ? 'Restore' : 'Archive'} ${doc.title}`}
        onClick={() => run(() => libraryApi.update(doc.id, { archived: !doc.archived }))}
      >
        {doc.archived ? 'Restore' : 'Archive'}
      </button>
      {doc.othersAnnotated ? (
        <span className="muted">Others have annotated it, so it can be archived but not deleted.</span>
      ) : (
        <ConfirmButton
          question={deletionQuestion(doc)}
          confirmLabel="Delete for good"
          disabled={busy}
          onConfirm={async () => {
            await run(() => libraryApi.remove(doc.id));
          }}
        >
          Delete
        </ConfirmButton>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
