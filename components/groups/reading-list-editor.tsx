'use client';
import Link from 'next/link';
import { useId, useState } from 'react';
import { readingsApi } from '@/lib/client/endpoints';
import type { GroupDocumentView } from '@/lib/groups/types';
import { formatDueDate } from '@/lib/library/due-date';
import { useAction } from './use-action';

type Candidate = { id: string; title: string };

/** The seminar's reading list; facilitators add, reorder (buttons, so the keyboard works),
 * date and remove readings. */
export function ReadingListEditor({
  groupId,
  readings,
  facilitator,
  candidates,
}: {
  groupId: string;
  readings: GroupDocumentView[];
  facilitator: boolean;
  candidates: Candidate[];
}) {
  const { busy, error, run } = useAction();
  return (
    <div className="reading-list-editor">
      {readings.length === 0 ? (
        <p className="empty">
          {facilitator
            ? 'No readings yet. Add an article below: members see what is on this list.'
            : 'No readings yet.'}
        </p>
      ) : (
        <ol className="groups-documents" aria-label="Reading list">
          {readings.map((reading, index) => (
            <li key={reading.id} className="reading-item">
              <Link href={`/documents/${reading.slug}?group=${groupId}`}>{reading.title}</Link>
              <span className="muted">
                {reading.dueDate && <> · due {formatDueDate(reading.dueDate)}</>} · {reading.annotationCount}{' '}
                {reading.annotationCount === 1 ? 'annotation' : 'annotations'} shared with the group
              </span>
              {facilitator && (
                <div className="reading-controls">
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy || index === 0}
                    aria-label={`Move ${reading.title} up`}
                    onClick={() =>
                      run(() => readingsApi.update(groupId, reading.id, { position: index - 1 }))
                    }
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy || index === readings.length - 1}
                    aria-label={`Move ${reading.title} down`}
                    onClick={() =>
                      run(() => readingsApi.update(groupId, reading.id, { position: index + 1 }))
                    }
                  >
                    ↓ Down
                  </button>
                  <DueDateForm
                    key={reading.dueDate ?? ''}
                    title={reading.title}
                    dueDate={reading.dueDate}
                    busy={busy}
                    onSave={(dueDate) => run(() => readingsApi.update(groupId, reading.id, { dueDate }))}
                  />
                  <button
                    type="button"
                    className="button button-small button-danger"
                    disabled={busy}
                    aria-label={`Remove ${reading.title} from the reading list`}
                    onClick={() => run(() => readingsApi.remove(groupId, reading.id))}
                  >
                    Remove
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      {facilitator && <AddReadingForm groupId={groupId} candidates={candidates} busy={busy} run={run} />}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}

function DueDateForm(props: {
  title: string;
  dueDate: string | null;
  busy: boolean;
  onSave: (dueDate: string | null) => void;
}) {
  const [value, setValue] = useState(props.dueDate ?? '');
  return (
    <form
      className="reading-due"
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave(value === '' ? null : value);
      }}
    >
      <label>
        <span className="visually-hidden">Due date for {props.title}</span>
        <input type="date" value={value} onChange={(event) => setValue(event.target.value)} />
      </label>
      <button
        type="submit"
        className="button button-small"
        disabled={props.busy || value === (props.dueDate ?? '')}
        aria-label={`Save the due date of ${props.title}`}
      >
        Save date
      </button>
    </form>
  );
}

function AddReadingForm(props: {
  groupId: string;
  candidates: Candidate[];
  busy: boolean;
  run: ReturnType<typeof useAction>['run'];
}) {
  const id = useId();
  const [documentId, setDocumentId] = useState('');
  const [dueDate, setDueDate] = useState('');
  if (props.candidates.length === 0)
    return <p className="muted">Every article you can see is on the list. Import one to add it.</p>;
  return (
    <form
      className="reading-add"
      aria-labelledby={`${id}-title`}
      onSubmit={async (event) => {
        event.preventDefault();
        if (!documentId) return;
        const done = await props.run(() =>
          readingsApi.add(props.groupId, { documentId, dueDate: dueDate === '' ? null : dueDate }),
        );
        if (done) {
          setDocumentId('');
          setDueDate('');
        }
      }}
    >
      <h3 id={`${id}-title`}>Add a reading</h3>
      <label>
        Article
        <select required value={documentId} onChange={(event) => setDocumentId(event.target.value)}>
          <option value="">Choose an article…</option>
          {props.candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Due date (optional)
        <input type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} />
      </label>
      <button type="submit" className="button" disabled={props.busy || documentId === ''}>
        Add to reading list
      </button>
    </form>
  );
}
