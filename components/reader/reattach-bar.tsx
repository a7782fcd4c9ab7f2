'use client';
import { useState } from 'react';
import type { Target } from '@/lib/anchoring/types';
import type { LocalAnnotation } from './use-annotations';

/** Re-attaching an orphan: the reader selects new text, then confirms here. */
export function ReattachBar({
  annotation,
  target,
  onDone,
  onCancel,
}: {
  annotation: LocalAnnotation;
  target: Target | null;
  onDone: (target: Target) => Promise<void>;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="notice reattach-bar" role="region" aria-label="Re-attach an orphaned annotation">
      <p>
        Re-attaching “{annotation.target.exact.slice(0, 120)}”.{' '}
        {target ? (
          <>New passage: “{target.exact.slice(0, 120)}”.</>
        ) : (
          'Select the new passage in the article.'
        )}
      </p>
      <button
        type="button"
        className="button button-primary button-small"
        disabled={!target}
        onClick={async () => {
          try {
            await onDone(target!);
          } catch (e) {
            setError((e as Error).message);
          }
        }}
      >
        Re-attach here
      </button>{' '}
      <button type="button" className="button button-small" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
