'use client';
import { useSyncExternalStore } from 'react';

/** Below this width the toolbar, popover and review panel become bottom sheets (reader.css
 * and review.css use the same number). */
export const SMALL_SCREEN_QUERY = '(max-width: 700px)';

function subscribe(onChange: () => void) {
  const query = window.matchMedia(SMALL_SCREEN_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True on a phone-sized screen; false while rendering on the server. */
export function useSmallScreen(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(SMALL_SCREEN_QUERY).matches,
    () => false,
  );
}
