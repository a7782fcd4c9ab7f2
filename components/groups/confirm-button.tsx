'use client';
import { focusOnMount } from '@/components/focus-on-mount';
import { useState, type ReactNode } from 'react';

/** A destructive button that asks once, inline, before acting (no browser dialog). */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  disabled,
}: {
  children: ReactNode;
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button-small button-danger"
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {children}
      </button>
    );
  }
  return (
    <span className="groups-confirm" role="group" aria-label={question}>
      <span className="groups-confirm-question">{question}</span>
      <button
        type="button"
        className="button button-small button-danger"
        disabled={disabled}
        ref={focusOnMount}
        onClick={async () => {
          await onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="button button-small" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
