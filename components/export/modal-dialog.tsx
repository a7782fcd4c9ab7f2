'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal built on the native <dialog>: the page behind is inert, Tab stays inside,
 * Escape closes, and focus goes back to `returnFocus` (the button that opened it).
 */
export function ModalDialog({
  open,
  onClose,
  title,
  returnFocus,
  children,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  returnFocus?: React.RefObject<HTMLElement | null>;
  children: ReactNode;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Start where the work is (e.g. the chosen format), not on the close button.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) {
      dialog.close();
      returnFocus?.current?.focus();
    }
  }, [open, returnFocus]);

  return (
    // The click handler only closes on a backdrop click, a mouse convenience: keyboard
    // users have Escape (onCancel) and the Close button, so no key handler is missing.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      className={`export-dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React state close it, so that focus returns the same way as "Cancel".
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose(); // a click on the backdrop
      }}
    >
      <div className="export-dialog-body">
        <header className="export-dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={onClose}
            aria-label="Close"
          >
            ×
          </button>
        </header>
        {open ? children : null}
      </div>
    </dialog>
  );
}
