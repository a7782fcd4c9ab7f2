'use client';
import { useId } from 'react';
import type { TagView } from '@/lib/annotations/types';
import type { ExportFormat } from '@/lib/openapi/transfer-schemas';
import type { ReaderFilters } from '@/lib/reader/filter-annotations';

export const FORMATS: { value: ExportFormat; label: string; hint: string; extension: string }[] = [
  { value: 'csv', label: 'CSV', hint: 'a row per annotation, for spreadsheets', extension: 'csv' },
  {
    value: 'markdown',
    label: 'Markdown',
    hint: 'quotes and notes grouped by tag, for reading and sharing',
    extension: 'md',
  },
  {
    value: 'jsonld',
    label: 'W3C JSON-LD',
    hint: 'Web Annotations, for other annotation tools or a later import',
    extension: 'jsonld',
  },
];

/** The export's format, and the byte order mark Excel needs for CSV. */
export function FormatFields({
  format,
  bom,
  onFormat,
  onBom,
}: {
  format: ExportFormat;
  bom: boolean;
  onFormat: (format: ExportFormat) => void;
  onBom: (bom: boolean) => void;
}) {
  return (
    <fieldset className="export-fieldset">
      <legend>Format</legend>
      {FORMATS.map((f) => (
        <div key={f.value}>
          <label className="export-choice">
            <input
              type="radio"
              name="format"
              value={f.value}
              checked={format === f.value}
              onChange={() => onFormat(f.value)}
              data-autofocus={format === f.value ? '' : undefined}
            />
            <span className="export-format">
              {f.label} <span className="muted">— {f.hint}</span>
            </span>
          </label>
          {f.value === 'csv' && format === 'csv' && (
            <label className="export-choice export-indent">
              <input type="checkbox" checked={bom} onChange={(e) => onBom(e.target.checked)} />
              <span>For Excel: add a byte order mark, so that accents and other scripts show correctly</span>
            </label>
          )}
        </div>
      ))}
    </fieldset>
  );
}

export interface ExportSelection {
  /** every active tag's slug that is ticked */
  chosenTags: string[];
  mine: ReaderFilters['mine'];
  group: string;
  q: string;
  readers: string[];
}

/** Which annotations go into the file: tags, whose, shared with, containing text, readers. */
export function SelectionFields({
  value,
  onChange,
  activeTags,
  groups,
}: {
  value: ExportSelection;
  onChange: (change: Partial<ExportSelection>) => void;
  activeTags: TagView[];
  groups: { id: string; name: string }[];
}) {
  const ids = { tags: useId(), whose: useId(), group: useId(), q: useId() };
  const slugs = [...new Set(activeTags.map((t) => t.slug))];
  const toggleTag = (slug: string) =>
    onChange({
      chosenTags: value.chosenTags.includes(slug)
        ? value.chosenTags.filter((t) => t !== slug)
        : slugs.filter((s) => s === slug || value.chosenTags.includes(s)),
    });
  return (
    <fieldset className="export-fieldset">
      <legend>Which annotations</legend>
      <div role="group" aria-labelledby={ids.tags} className="export-tags">
        <span id={ids.tags} className="export-label">
          Tags
        </span>
        {activeTags.map((tag) => (
          <label
            key={tag.id}
            className="export-choice export-tag"
            style={{ '--tag-color': tag.color } as React.CSSProperties}
          >
            <input
              type="checkbox"
              checked={value.chosenTags.includes(tag.slug)}
              onChange={() => toggleTag(tag.slug)}
            />
            <span className={`export-swatch export-underline-${tag.underline}`}>{tag.name}</span>
          </label>
        ))}
      </div>
      <div className="export-row">
        <label className="field" htmlFor={ids.whose}>
          <span>Whose</span>
          <select
            id={ids.whose}
            value={value.mine}
            onChange={(e) => onChange({ mine: e.target.value as ReaderFilters['mine'] })}
          >
            <option value="all">Everyone’s I can see</option>
            <option value="mine">Only mine</option>
            <option value="others">Only others’</option>
          </select>
        </label>
        <label className="field" htmlFor={ids.group}>
          <span>Shared with</span>
          <select id={ids.group} value={value.group} onChange={(e) => onChange({ group: e.target.value })}>
            <option value="all">Any group, and private</option>
            <option value="private">Private only</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="field" htmlFor={ids.q}>
        <span>Containing text</span>
        <input
          id={ids.q}
          type="search"
          value={value.q}
          onChange={(e) => onChange({ q: e.target.value })}
          maxLength={200}
          placeholder="in the quote or the note"
        />
      </label>
      {value.readers.length > 0 && (
        <p className="export-note">
          Only{' '}
          {value.readers.length === 1 ? 'one selected reader' : `${value.readers.length} selected readers`}.{' '}
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => onChange({ readers: [] })}
          >
            Include every reader
          </button>
        </p>
      )}
    </fieldset>
  );
}
