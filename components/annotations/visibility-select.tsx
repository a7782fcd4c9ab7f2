'use client';

/** "Visible to": private, or one of the reader's seminars. The toolbar, an annotation's edit
 * form and the link dialog ask the same question with it. */
export function VisibilitySelect({
  value,
  groups,
  onChange,
  className,
}: {
  value: string | null;
  groups: { id: string; name: string }[];
  onChange: (groupId: string | null) => void;
  className: string;
}) {
  return (
    <label className={className}>
      <span>Visible to</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">Only me (private)</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </label>
  );
}
