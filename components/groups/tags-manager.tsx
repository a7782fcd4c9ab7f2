'use client';
import { useState } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { UpdateTagInput } from '@/lib/groups/schemas';
import { groupsApi } from '@/lib/client/endpoints';
import { TagForm, type TagDraft } from './tag-form';
import { TagSwatch } from './tag-swatch';
import { useAction } from './use-action';

const NEW_TAG: TagDraft = { name: '', color: '#0f766e', underline: 'solid' };

function TagRow({ tag, groupId, facilitator }: { tag: TagView; groupId: string; facilitator: boolean }) {
  const [editing, setEditing] = useState(false);
  const { busy, error, fields, run } = useAction();
  const patch = (body: UpdateTagInput) => run(() => groupsApi.updateTag(groupId, tag.id, body));

  if (editing) {
    return (
      <li className="groups-tag groups-tag-editing">
        <TagForm
          initial={{ name: tag.name, color: tag.color, underline: tag.underline }}
          submitLabel="Save tag"
          busy={busy}
          error={error}
          fields={fields}
          onCancel={() => setEditing(false)}
          onSubmit={async (draft) => {
            const ok = Boolean(await patch(draft));
            if (ok) setEditing(false);
            return ok;
          }}
        />
      </li>
    );
  }

  return (
    <li className={`groups-tag${tag.retired ? ' groups-tag-retired' : ''}`}>
      <span className="groups-tag-name">{tag.name}</span>
      <TagSwatch name={tag.name} color={tag.color} underline={tag.underline} />
      <span className="muted">
        {tag.underline} · <code>{tag.slug}</code>
        {tag.retired && <strong> · Retired</strong>}
      </span>
      {tag.groupId && facilitator && (
        <span className="groups-actions">
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => setEditing(true)}
          >
            Edit<span className="visually-hidden"> {tag.name}</span>
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => patch({ retired: !tag.retired })}
          >
            {tag.retired ? 'Restore' : 'Retire'}
            <span className="visually-hidden"> {tag.name}</span>
          </button>
        </span>
      )}
      {error && (
        <p role="alert" className="form-error groups-wide">
          {error}
        </p>
      )}
    </li>
  );
}

/** The group's own tags beside the defaults. Retired tags stay on old annotations
 * but are no longer offered for new ones. */
export function TagsManager({
  groupId,
  tags,
  defaults,
  facilitator,
}: {
  groupId: string;
  tags: TagView[];
  defaults: TagView[];
  facilitator: boolean;
}) {
  const { busy, error, fields, run } = useAction();
  return (
    <div className="groups-tags">
      <h3>Default tags</h3>
      <ul className="groups-tag-list" aria-label="Default tags">
        {defaults.map((tag) => (
          <TagRow key={tag.id} tag={tag} groupId={groupId} facilitator={false} />
        ))}
      </ul>
      <h3>This group’s tags</h3>
      {tags.length === 0 ? (
        <p className="empty">{facilitator ? 'No group tags yet. Add one below.' : 'No group tags yet.'}</p>
      ) : (
        <ul className="groups-tag-list" aria-label="Group tags">
          {tags.map((tag) => (
            <TagRow key={tag.id} tag={tag} groupId={groupId} facilitator={facilitator} />
          ))}
        </ul>
      )}
      {facilitator && (
        <section className="groups-card" aria-labelledby="groups-add-tag">
          <h3 id="groups-add-tag">Add a tag</h3>
          <TagForm
            initial={NEW_TAG}
            submitLabel="Add tag"
            busy={busy}
            error={error}
            fields={fields}
            onSubmit={async (draft) => Boolean(await run(() => groupsApi.createTag(groupId, draft)))}
          />
        </section>
      )}
    </div>
  );
}
