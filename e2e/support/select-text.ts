import type { Page } from '@playwright/test';

/** Screen point at the first character of `text` (edge 'start') or just after its
 * last character (edge 'end') inside block `anchor`, found with a DOM Range. */
export async function pointAtText(
  page: Page,
  anchor: string,
  text: string,
  edge: 'start' | 'end',
  scroll = true,
) {
  const point = await page.evaluate(
    ({ anchor, text, edge, scroll }) => {
      const block = document.querySelector(`[data-anchor="${anchor}"]`)!;
      if (scroll) block.scrollIntoView({ block: 'center', behavior: 'instant' });
      const full = block.textContent ?? '';
      const at = full.indexOf(text);
      if (at < 0) throw new Error(`"${text}" not in ${anchor}`);
      const offset = edge === 'start' ? at : at + text.length - 1;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      let remaining = offset;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (remaining < node.length) {
          const range = document.createRange();
          range.setStart(node, remaining);
          range.setEnd(node, remaining + 1);
          const r = range.getBoundingClientRect();
          return { x: edge === 'start' ? r.left + 1 : r.right - 1, y: r.top + r.height / 2 };
        }
        remaining -= node.length;
      }
      throw new Error('offset out of range');
    },
    { anchor, text, edge, scroll },
  );
  return point;
}

/** A real mouse drag from the start of `from.text` to the end of `to.text`. Both ends
 * are measured before the button goes down, so that nothing scrolls mid-drag. */
export async function dragSelect(
  page: Page,
  from: { anchor: string; text: string },
  to: { anchor: string; text: string },
) {
  await page.evaluate(
    ({ a, b }) => {
      const first = document.querySelector(`[data-anchor="${a}"]`)!.getBoundingClientRect();
      const last = document.querySelector(`[data-anchor="${b}"]`)!.getBoundingClientRect();
      window.scrollBy({ top: (first.top + last.bottom) / 2 - window.innerHeight / 2, behavior: 'instant' });
    },
    { a: from.anchor, b: to.anchor },
  );
  const start = await pointAtText(page, from.anchor, from.text, 'start', false);
  const end = await pointAtText(page, to.anchor, to.text, 'end', false);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 12 });
  await page.mouse.up();
}
