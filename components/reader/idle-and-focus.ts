// Two small DOM helpers of the highlight painter (highlight-painter.ts).

/** Runs `work` when the page is idle (at the latest after `timeoutMs`); cancellable. */
export function whenIdle(work: (deadline?: IdleDeadline) => void, timeoutMs: number): { cancel: () => void } {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: timeoutMs });
    return { cancel: () => cancelIdleCallback(id) };
  }
  const id = setTimeout(work);
  return { cancel: () => clearTimeout(id) };
}

/** Runs `work` when the page is idle once `delayMs` have passed (at the latest `timeoutMs`
 * after that); cancellable. */
export function whenIdleAfter(work: () => void, delayMs: number, timeoutMs: number): { cancel: () => void } {
  let idle: { cancel: () => void } | null = null;
  const timer = setTimeout(() => {
    idle = whenIdle(work, timeoutMs);
  }, delayMs);
  return {
    cancel: () => {
      clearTimeout(timer);
      idle?.cancel();
    },
  };
}

/** Where in `block`'s text the focused child starts, when `isRun` says it is a highlight of
 * the block: a repaint (a save confirmed, a note arriving) replaces the marks, and a keyboard
 * reader's focus must not fall back to the page. */
export function focusedOffset(block: HTMLElement, isRun: (el: Element) => boolean): number | null {
  const active = document.activeElement;
  if (!active || active.parentElement !== block || !isRun(active)) return null;
  let offset = 0;
  for (let node = block.firstChild; node && node !== active; node = node.nextSibling)
    offset += node.textContent?.length ?? 0;
  return offset;
}

/** Focuses the focusable highlight now at `offset`, or the block when none is there any more. */
export function refocusAt(block: HTMLElement, offset: number, isRun: (el: Element) => boolean) {
  let at = 0;
  for (let node = block.firstChild; node; node = node.nextSibling) {
    at += node.textContent?.length ?? 0;
    if (offset >= at) continue;
    if (node instanceof HTMLElement && isRun(node) && node.tabIndex >= 0)
      return node.focus({ preventScroll: true });
    break;
  }
  block.focus({ preventScroll: true });
}
