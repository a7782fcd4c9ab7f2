/** A callback ref that moves focus to an element when it appears. Use it only for elements
 * that appear because of the reader's own action (Edit, Delete, Link), never on page load:
 * that is why `autoFocus` is linted against. */
export function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}
