'use client';
import { focusOnMount } from '@/components/focus-on-mount';
import { useId, useState, type FormEvent } from 'react';
import { GROUP_NAME_MAX } from '@/lib/groups/schemas';
import { groupsApi } from '@/lib/client/endpoints';
import { useAction } from './use-action';

/** The group's title; facilitators can rename it in place. */
export function GroupNameEditor({
  groupId,
  name,
  canEdit,
}: {
  groupId: string;
  name: string;
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const { busy, error, run } = useAction();
  const id = useId();

  if (!editing) {
    return (
      <div className="groups-title">
        <h1>{name}</h1>
        {canEdit && (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setDraft(name);
              setEditing(true);
            }}
          >
            Rename<span className="visually-hidden"> group</span>
          </button>
        )}
      </div>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(() => groupsApi.update(groupId, { name: draft }), {
      field: 'name',
    });
    if (ok) setEditing(false);
  }

  return (
    <form className="groups-title groups-inline-form" onSubmit={submit} noValidate>
      <h1 className="visually-hidden">{name}</h1>
      <label className="field">
        <span>Group name</span>
        <input
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          maxLength={GROUP_NAME_MAX * 2}
          ref={focusOnMount}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </label>
      <button type="submit" className="button button-primary button-small" disabled={busy}>
        Save name
      </button>
      <button type="button" className="button button-small" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {error && (
        <p id={`${id}-error`} role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
