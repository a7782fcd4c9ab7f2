'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

/** The review panel as a bottom sheet on a narrow screen: opened from a button, focus
 * moves in without scrolling the article, Escape or × closes it and focus returns to the
 * button. On a wide screen the panel is always there and this state is unused. */
export function useReviewDrawer() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    if (open) panelRef.current?.focus({ preventScroll: true });
  }, [open]);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus({ preventScroll: true });
  }, []);
  const toggle = useCallback(() => setOpen((o) => !o), []);

  return { open, close, toggle, buttonRef, panelRef };
}
