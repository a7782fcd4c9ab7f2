'use client';
// Where a floating panel (the run popover) goes: next to its passage, flipped above it near
// the bottom of the screen, shifted to stay inside the window, never over the sticky
// header, and following scrolling and resizing. @floating-ui does the measuring.
import { autoUpdate, flip, offset, shift, size, useFloating, type VirtualElement } from '@floating-ui/react';
import { useLayoutEffect, useState } from 'react';

const GAP = 8;
const EDGE = 8;

/** The sticky header's bottom edge: the popover keeps below it. */
function headerBottom(): number {
  const header = document.querySelector('.site-header');
  return header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
}

export function useFloatingPlace(anchor: Element | VirtualElement, enabled: boolean) {
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setTop(headerBottom());
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  const padding = { top: top + EDGE, right: EDGE, bottom: EDGE, left: EDGE };
  const floating = useFloating({
    strategy: 'fixed',
    placement: 'bottom-start',
    open: enabled,
    whileElementsMounted: enabled ? autoUpdate : undefined,
    middleware: enabled
      ? [
          offset(GAP),
          flip({ padding, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
          shift({ padding, crossAxis: true }),
          size({
            padding,
            apply({ availableHeight, availableWidth, elements }) {
              elements.floating.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
              elements.floating.style.maxWidth = `${Math.max(240, Math.floor(availableWidth))}px`;
            },
          }),
        ]
      : [],
  });
  // A highlight element, or anything that can say where it is (a virtual element).
  const { setPositionReference } = floating.refs;
  useLayoutEffect(() => setPositionReference(anchor), [anchor, setPositionReference]);
  return floating;
}
