import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './support/test';
import { apiJson, signUpViaApi } from './support/session';

type Block = { anchor: string; kind: string; text: string };

async function annotateViaApi(page: Page, block: Block, quote: string, tags: string[], note: string) {
  const offset = block.text.indexOf(quote);
  const res = await apiJson(page.request, 'POST', '/api/v1/documents/face-time/annotations', {
    target: {
      start: { block: block.anchor, offset },
      end: { block: block.anchor, offset: offset + quote.length },
      exact: quote,
    },
    tags,
    note: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: note }] }] },
  });
  expect(res.status).toBe(201);
}

test('[EXPORT] a reader exports tagged passages as CSV and JSON-LD, then imports the JSON-LD file back: already here', async ({
  page,
}) => {
  await signUpViaApi(page, 'Exporter');
  const { json } = await apiJson(page.request, 'GET', '/api/v1/documents/face-time');
  const paragraphs = (json.blocks as Block[]).filter((b) => b.kind === 'PARAGRAPH');
  const claimQuote = paragraphs[0].text.split(' ').slice(0, 6).join(' ');
  const evidenceQuote = paragraphs[2].text.split(' ').slice(2, 9).join(' ');
  await annotateViaApi(page, paragraphs[0], claimQuote, ['claim'], '=A claim, "quoted", worth checking');
  await annotateViaApi(page, paragraphs[2], evidenceQuote, ['evidence'], 'The evidence for it');

  await page.goto('/documents/face-time');
  const exportButton = page.getByRole('button', { name: 'Export', exact: true });
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /CSV/ })).toBeChecked();
  await expect(dialog.getByText('2 annotations')).toBeVisible();
  await expect(dialog.getByRole('listitem').filter({ hasText: claimQuote })).toBeVisible();

  const csvDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await csvDownload;
  // The file is named after the document, the filter (none here) and the day.
  const csvName = csv.suggestedFilename();
  expect(csvName).toMatch(/^face-time-\d{4}-\d\d-\d\d\.csv$/);
  const csvText = readFileSync((await csv.path())!, 'utf8');
  expect(csvText).toContain(claimQuote);
  expect(csvText).toContain(`"'=A claim, ""quoted"", worth checking"`);
  await expect(dialog.getByRole('status')).toContainText(`Saved ${csvName}`);

  // Only the evidence, as W3C JSON-LD.
  await dialog.getByRole('radio', { name: /W3C JSON-LD/ }).check();
  await dialog.getByRole('checkbox', { name: 'Claim' }).uncheck();
  await expect(dialog.getByText('1 annotation', { exact: true })).toBeVisible();
  const jsonDownload = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download W3C JSON-LD' }).click();
  const jsonld = await jsonDownload;
  expect(jsonld.suggestedFilename()).toMatch(/^face-time-evidence-framing-\d{4}-\d\d-\d\d\.jsonld$/);
  const jsonPath = (await jsonld.path())!;
  const collection = JSON.parse(readFileSync(jsonPath, 'utf8'));
  expect(collection.type).toBe('AnnotationCollection');
  expect(collection.first.items).toHaveLength(1);
  expect(collection.first.items[0].target.selector[0].refinedBy.exact).toBe(evidenceQuote);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(exportButton).toBeFocused();

  // The exported file, imported back into the same document: its annotation is already here.
  await page.getByRole('button', { name: 'Import annotations' }).click();
  const importDialog = page.getByRole('dialog', { name: 'Import annotations' });
  await importDialog.getByLabel('File').setInputFiles(jsonPath);
  await importDialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = importDialog.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('0 annotations imported');
  await expect(report).toContainText('1 item already here: left as they were');
  await expect(report.getByRole('group').filter({ hasText: 'Already here (1)' })).toContainText(
    "it is this server's own annotation, still in this document",
  );
  await importDialog.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Import annotations' })).toBeFocused();
});
