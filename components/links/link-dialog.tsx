'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { AnnotationView } from '@/lib/annotations/types';
import { messageFor } from '@/lib/client/api';
import { LINK_NOTE_MAX } from '@/lib/limits';
import { relationName, relationsFor } from '@/lib/links/relation-options';
import type { LinkView, RelationView } from '@/lib/links/schemas';
import { labelBlocks } from '@/lib/reader/block-labels';
import { VisibilitySelect } from '@/components/annotations/visibility-select';
import { ModalDialog } from '@/components/export/modal-dialog';
import { linksApi } from './links-api';
import { LINK_TO_EVENT, type LinkFrom, type OpenRequest } from './link-button';
import { linkKeys, useDocumentLinks } from './use-link-counts';
import '@/components/export/export.css';
import './links.css';

// "Link to…": link an annotation to another one the reader sees (this evidence supports that
// claim). The button sits on an annotation's card (./link-button.tsx); the dialog is mounted
// once per page by <LinkDialogHost> (in the reader's toolbar), so that it outlives the
// popover the card sits in, which closes when the dialog takes the focus.

type From = LinkFrom;

export function LinkDialogHost() {
  const [open, setOpen] = useState<OpenRequest | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const onOpen = (event: Event) => {
      const detail = (event as CustomEvent<OpenRequest>).detail;
      opener.current = detail.opener;
      setOpen(detail);
    };
    window.addEventListener(LINK_TO_EVENT, onOpen);
    return () => window.removeEventListener(LINK_TO_EVENT, onOpen);
  }, []);
  const close = () => {
    // The card's popover may have closed meanwhile: focus its highlight instead.
    if (open && !opener.current?.isConnected)
      opener.current = document.querySelector<HTMLElement>(`mark[data-ids~="${CSS.escape(open.from.id)}"]`);
    setOpen(null);
  };
  return (
    <ModalDialog open={open !== null} onClose={close} title="Link this passage to…" returnFocus={opener}>
      {open && <LinkForm key={open.from.id} from={open.from} groups={open.groups} />}
    </ModalDialog>
  );
}

const NO_LINKS: LinkView[] = [];
const NO_RELATIONS: RelationView[] = [];

const shorten = (text: string, max = 110) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

function LinkForm({ from, groups }: { from: From; groups: { id: string; name: string }[] }) {
  const [candidates, setCandidates] = useState<AnnotationView[] | null>(null);
  const [labels, setLabels] = useState(new Map<string, string>());
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [groupId, setGroupId] = useState<string | null>(from.group?.id ?? null);
  const [relation, setRelation] = useState('supports');
  const [note, setNote] = useState('');
  const [said, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  // The links come from the page's cache, which the live stream keeps current (use-link-counts.ts).
  const client = useQueryClient();
  const linked = useDocumentLinks(from.documentId);
  const links = linked.data?.links ?? NO_LINKS;
  const relations = linked.data?.relations ?? NO_RELATIONS;
  /** shows a change at once, then reloads from the server */
  const updateLinks = (change: (current: LinkView[]) => LinkView[]) => {
    const key = linkKeys.document(from.documentId);
    client.setQueryData<{ links: LinkView[]; relations: RelationView[] }>(key, (data) =>
      data ? { ...data, links: change(data.links) } : data,
    );
    void client.invalidateQueries({ queryKey: key });
  };
  useEffect(() => {
    let live = true;
    linksApi.candidates(from.documentId).then(
      (found) => {
        if (!live) return;
        setLabels(labelBlocks(found.blocks));
        setCandidates(found.annotations.filter((a) => a.id !== from.id && a.status !== 'ORPHANED'));
      },
      (error) => live && setStatus({ error: true, text: messageFor(error) }),
    );
    return () => {
      live = false;
    };
  }, [from.documentId, from.id]);
  const status = said ?? (linked.error ? { error: true, text: messageFor(linked.error) } : null);

  const options = relationsFor(relations, groupId);
  const labelOf = (a: Pick<AnnotationView, 'target'>) => labels.get(a.target.start.block) ?? '';
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (candidates ?? []).filter((a) => {
    const haystack = [labelOf(a), a.target.exact, a.noteText, a.author.name, ...a.tags]
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const byId = new Map((candidates ?? []).map((a) => [a.id, a]));
  const mine = links.filter((l) => l.fromId === from.id || l.toId === from.id);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!chosen) {
      setStatus({ error: true, text: 'Choose the annotation to link to.' });
      return;
    }
    setBusy(true);
    setStatus(null);
    try {
      const { link } = await linksApi.create(from.documentId, {
        fromId: from.id,
        toId: chosen,
        relation,
        note,
        groupId,
      });
      updateLinks((current) => [...current.filter((l) => l.id !== link.id), link]);
      const target = byId.get(chosen);
      setStatus({
        error: false,
        text: `Linked: this passage ${relationName(relations, relation, groupId).toLowerCase()} ${target ? labelOf(target) : 'the chosen passage'}.`,
      });
      setNote('');
    } catch (error) {
      setStatus({ error: true, text: messageFor(error) });
    } finally {
      setBusy(false);
    }
  }

  async function remove(link: LinkView) {
    try {
      await linksApi.remove(link.id);
      updateLinks((current) => current.filter((l) => l.id !== link.id));
      setStatus({ error: false, text: 'Link removed.' });
    } catch (error) {
      setStatus({ error: true, text: messageFor(error) });
    }
  }

  return (
    <form className="link-form" onSubmit={submit}>
      <p className="link-from">
        <span className="muted">From </span>“{shorten(from.target.exact, 90)}”
      </p>
      <label className="link-field">
        <span>Find an annotation</span>
        <input
          type="search"
          value={query}
          data-autofocus
          maxLength={200}
          placeholder="¶ number, words of the passage or note, reader, tag"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            // Enter picks the first match and moves to the list, instead of submitting.
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (shown[0]) {
              setChosen(shown[0].id);
              e.currentTarget.form?.querySelector<HTMLInputElement>(`input[value="${shown[0].id}"]`)?.focus();
            }
          }}
        />
      </label>
      <fieldset className="link-candidates">
        <legend>Link to (in document order)</legend>
        {candidates === null ? (
          <p className="muted">Loading the annotations…</p>
        ) : shown.length === 0 ? (
          <p className="muted">No annotation matches.</p>
        ) : (
          <ul>
            {shown.map((a) => (
              <li key={a.id}>
                <label>
                  <input
                    type="radio"
                    name="link-target"
                    value={a.id}
                    checked={chosen === a.id}
                    onChange={() => setChosen(a.id)}
                  />
                  <span className="link-candidate">
                    <strong>{labelOf(a)}</strong> · {a.tags.join(', ')} · {a.author.name}
                    <span className="link-quote">“{shorten(a.target.exact)}”</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="link-row">
        <label className="link-field">
          <span>Relation</span>
          <select value={relation} onChange={(e) => setRelation(e.target.value)}>
            {options.map((r) => (
              <option key={r.id} value={r.slug}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <VisibilitySelect className="link-field" value={groupId} groups={groups} onChange={setGroupId} />
      </div>
      <label className="link-field">
        <span>Note (optional)</span>
        <textarea value={note} maxLength={LINK_NOTE_MAX} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="card-actions">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          Link
        </button>
      </div>
      {status && (
        <p className={status.error ? 'form-error' : 'muted'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
      {mine.length > 0 && (
        <section aria-label="Links of this passage" className="link-existing">
          <h3>Links of this passage</h3>
          <ul>
            {mine.map((l) => {
              const outgoing = l.fromId === from.id;
              const other = byId.get(outgoing ? l.toId : l.fromId);
              const name = relationName(relations, l.relation, l.group?.id ?? null).toLowerCase();
              return (
                <li key={l.id}>
                  {outgoing
                    ? `This passage ${name} `
                    : `${other ? labelOf(other) : 'A passage'} ${name} this passage `}
                  {outgoing && other ? `${labelOf(other)} “${shorten(other.target.exact, 60)}”` : ''}
                  <span className="muted">
                    {' '}
                    ({l.author.name}, {l.group ? l.group.name : 'private'})
                  </span>
                  {l.can.delete && (
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      onClick={() => remove(l)}
                    >
                      Remove
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </form>
  );
}
