'use client';
import { usePathname } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';

/** The header's links and account on a phone: one "Menu" button that opens them (on a
 * wide screen the button is hidden and they show in a row). Closes on Escape, on a link
 * followed (the path changes) and on a tap elsewhere. */
export function SiteMenu({ children }: { children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState<string | null>(null);
  const pathname = usePathname();
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // A menu opened on another page is closed on this one.
  const shown = open && openedAt === pathname;

  useEffect(() => {
    if (!shown) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [shown]);

  return (
    // Escape closes the menu and returns focus to its button.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      ref={root}
      className={`site-menu${shown ? ' is-open' : ''}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && shown) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="button site-menu-button"
        aria-expanded={shown}
        aria-controls={id}
        onClick={() => {
          setOpen(!shown);
          setOpenedAt(pathname);
        }}
      >
        Menu
      </button>
      <div id={id} className="site-menu-items">
        {children}
      </div>
    </div>
  );
}
