import { expect, type Page } from '@playwright/test';
import { apiJson } from './session';

export function noteOf(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/** Annotates the first occurrence of `quote` in block `anchor` of the sample article
 * through the API, as the page's signed-in reader; returns the annotation id. */
export async function annotateQuote(
  page: Page,
  anchor: string,
  quote: string,
  body: { tags: string[]; note: string; groupId: string | null },
) {
  const doc = await apiJson(page.request, 'GET', '/api/v1/documents/face-time');
  const text: string = doc.json.blocks.find((b: { anchor: string }) => b.anchor === anchor).text;
  const offset = text.indexOf(quote);
  expect(offset, `"${quote}" in ${anchor}`).toBeGreaterThanOrEqual(0);
  const created = await apiJson(page.request, 'POST', '/api/v1/documents/face-time/annotations', {
    target: {
      start: { block: anchor, offset },
      end: { block: anchor, offset: offset + quote.length },
      exact: quote,
    },
    tags: body.tags,
    note: noteOf(body.note),
    groupId: body.groupId,
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json.annotation.id as string;
}
