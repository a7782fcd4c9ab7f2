import { signUpViaApi } from './support/session';
import { expect, test } from './support/test';

const ANNO = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

test('[ACCOUNT] a reader creates an API token, a protocol client lists and annotates with it, and revoking it locks the client out', async ({
  page,
  playwright,
}) => {
  await signUpViaApi(page, 'Tess');
  await page.goto('/account');
  await page.getByLabel('Token name').fill('Annotation client');
  await page.getByRole('button', { name: 'Create token' }).click();
  const secret = await page.getByRole('textbox', { name: 'New token' }).inputValue();
  expect(secret).toMatch(/^mgt_/);
  const tokens = page.getByRole('list', { name: 'API tokens' }).getByRole('listitem');
  await expect(tokens).toHaveCount(1);
  await expect(tokens.first()).toContainText('Annotation client');
  await expect(tokens.first()).toContainText(secret.slice(0, 12));

  // A client of its own: no cookies, another origin, only the token.
  const client = await playwright.request.newContext({
    baseURL: new URL(page.url()).origin,
    extraHTTPHeaders: { authorization: `Bearer ${secret}`, origin: 'https://client.example' },
  });
  const noSlash = await client.get('/api/v1/w3c/documents/face-time', { maxRedirects: 0 });
  expect(noSlash.status()).toBe(308);
  const containerPath = new URL(noSlash.headers()['location'], page.url()).pathname;
  expect(containerPath).toBe('/api/v1/w3c/documents/face-time/');

  const listed = await client.get(containerPath, { headers: { accept: ANNO } });
  expect(listed.status(), await listed.text()).toBe(200);
  expect(listed.headers()['content-type']).toContain('application/ld+json');
  expect(listed.headers()['link']).toContain('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"');
  const container = await listed.json();
  expect(container.type).toEqual(['BasicContainer', 'AnnotationCollection']);
  expect(listed.headers()['content-location']).toBe(container.id);

  const article = await (await client.get('/api/v1/documents/face-time')).json();
  const paragraph = article.blocks.find((b: { kind: string; text: string }) => b.kind === 'PARAGRAPH');
  const created = await client.post(containerPath, {
    headers: { 'content-type': ANNO },
    data: {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      body: { type: 'TextualBody', value: 'evidence', purpose: 'tagging' },
      target: {
        source: new URL('/documents/face-time', page.url()).href,
        selector: { type: 'TextQuoteSelector', exact: paragraph.text.slice(0, 24) },
      },
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const again = await (await client.get(containerPath)).json();
  expect(again.total).toBe(container.total + 1);
  // The new annotation's IRI is under the container, and it dereferences there.
  const iri = created.headers()['location'];
  expect(iri.startsWith(container.id)).toBe(true);
  const read = await client.get(new URL(iri).pathname, { headers: { accept: ANNO } });
  expect(read.status()).toBe(200);
  expect((await read.json()).id).toBe(iri);
  expect((await client.delete(new URL(iri).pathname)).status()).toBe(204);
  expect((await (await client.get(containerPath)).json()).total).toBe(container.total);

  await page.getByRole('button', { name: 'Revoke the token Annotation client' }).click();
  await expect(page.getByText('The token “Annotation client” is revoked.')).toBeVisible();
  await expect(tokens).toHaveCount(0);
  const refused = await client.get(containerPath);
  expect(refused.status()).toBe(401);
  await client.dispose();
});
