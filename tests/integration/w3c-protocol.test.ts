// The W3C Web Annotation Protocol conformance suite (https://www.w3.org/TR/annotation-protocol/),
// point by point, against the real route handlers: every assertion is named after the section
// it checks and counted (the summary is printed at the end). Authorization, tokens, CORS and
// bad input follow the app's own rules (docs/api.md, "W3C Web Annotation Protocol").
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as revokeToken } from '@/app/api/v1/account/tokens/[id]/route';
import { POST as createToken } from '@/app/api/v1/account/tokens/route';
import * as annotationRoute from '@/app/api/v1/annotations/[id]/route';
import * as replyAlias from '@/app/api/v1/annotations/[id]/replies/[replyId]/route';
import * as containedAnnotation from '@/app/api/v1/w3c/documents/[id]/[annotationId]/route';
import * as replyRoute from '@/app/api/v1/w3c/documents/[id]/[annotationId]/replies/[replyId]/route';
import * as documentContainer from '@/app/api/v1/w3c/documents/[id]/route';
import * as groupContainer from '@/app/api/v1/w3c/documents/[id]/groups/[groupId]/route';
import { GET as vocabulary } from '@/app/ns/route';
import { GET as creator } from '@/app/users/[id]/route';
import { db } from '@/lib/server/db';
import { CONTAINER_PAGE_SIZE } from '@/lib/w3c/protocol';
import { proxy } from '@/proxy';
import { BASE, call, signUp, type TestUser } from '../support/api';
import {
  ANNO_ACCEPT,
  contextOf,
  hasLink,
  listHeader,
  send,
  spec,
  summary,
  type Exchange,
} from '../support/protocol-spec';
import { addReply, makeGroup, sampleDocument } from './export-fixtures';

const LDP = 'http://www.w3.org/ns/ldp#';
const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const PREFER_MINIMAL = `return=representation; include="${LDP}PreferMinimalContainer"`;
const PREFER_IRIS = 'return=representation; include="http://www.w3.org/ns/oa#PreferContainedIRIs"';
const PREFER_DESCRIPTIONS =
  'return=representation; include="http://www.w3.org/ns/oa#PreferContainedDescriptions"';

let ada: TestUser; // facilitator of the seminar, writes through the protocol
let bob: TestUser; // member of the seminar
let eve: TestUser; // in no seminar
let doc: Awaited<ReturnType<typeof sampleDocument>>;
let groupId = '';
let containerUrl = '';
let groupContainerUrl = '';
let quote = '';
let adaToken = '';
let adaTokenId = '';

function annotationBody(exact: string, extra: Record<string, unknown> = {}) {
  return {
    '@context': ANNO,
    type: 'Annotation',
    motivation: 'commenting',
    body: [
      { type: 'TextualBody', value: 'A note from a protocol client', purpose: 'commenting' },
      { type: 'TextualBody', value: 'evidence', purpose: 'tagging' },
    ],
    target: {
      source: `${BASE}/documents/face-time`,
      selector: { type: 'TextQuoteSelector', exact },
    },
    ...extra,
  };
}

const container = (url: string, method: string, options: Parameters<typeof send>[3] = {}) =>
  send(documentContainer[method as 'GET'] as Parameters<typeof send>[0], method, url, {
    params: { id: doc.id },
    ...options,
  });

/** An annotation at its IRI, under the document's container. */
const annotation = (url: string, method: string, options: Parameters<typeof send>[3] = {}) =>
  send(containedAnnotation[method as 'GET'] as Parameters<typeof send>[0], method, url, {
    params: { id: url.split('/').at(-2)!, annotationId: url.split('/').pop()! },
    ...options,
  });

/** The app's own address of an annotation, an alias of its IRI. */
const alias = (id: string, method: string, options: Parameters<typeof send>[3] = {}) =>
  send(
    annotationRoute[method as 'GET'] as Parameters<typeof send>[0],
    method,
    `${BASE}/api/v1/annotations/${id}`,
    {
      params: { id },
      ...options,
    },
  );
const idOf = (iri: string) => iri.split('/').pop()!;

async function post(user: TestUser, body: unknown, headers: Record<string, string> = {}): Promise<Exchange> {
  return container(containerUrl, 'POST', { user, body, headers });
}

beforeAll(async () => {
  [ada, bob, eve] = await Promise.all([signUp('Ada'), signUp('Bob'), signUp('Eve')]);
  groupId = (await makeGroup('Protocol seminar', ada, [bob])).id;
  doc = await sampleDocument();
  containerUrl = `${BASE}/api/v1/w3c/documents/${doc.id}/`;
  groupContainerUrl = `${containerUrl}groups/${groupId}/`;
  const paragraph = doc.blocks.find((b) => b.kind === 'PARAGRAPH' && b.text.length > 60)!;
  quote = paragraph.text.slice(10, 50);
  const token = await call(createToken, 'POST', '/api/v1/account/tokens', {
    user: ada,
    body: { name: 'protocol client' },
  });
  expect(token.status, token.text).toBe(201);
  adaToken = token.json.secret;
  adaTokenId = token.json.token.id;
});

afterAll(() => {
  console.log(summary());
});

describe('W3C Web Annotation Protocol', () => {
  let created: Exchange;
  let iri = '';

  it('§5.1 creates annotations with POST to a container', async () => {
    created = await post(
      ada,
      annotationBody(quote, {
        id: 'https://elsewhere.example/annotations/1',
        canonical: 'urn:uuid:dbfb1861-0ecf-41ad-be94-a584e5c4f1df',
      }),
    );
    iri = created.headers.get('location') ?? '';
    spec('§5.1 MUST respond with 201 Created', created.status === 201, created.text);
    spec('§5.1 MUST give the new IRI in Location', iri.startsWith(containerUrl), iri);
    spec(
      '§5.1 the new IRI is under the container (its IRI plus a local part)',
      /^[0-9a-f-]{36}$/.test(iri.slice(containerUrl.length)),
      iri,
    );
    spec('§5.1 MUST assign an IRI in id (the Location)', created.json.id === iri, created.json.id);
    spec(
      '§5.1 the client id SHOULD be copied to via',
      created.json.via === 'https://elsewhere.example/annotations/1',
    );
    spec(
      '§5.1 canonical MUST be maintained without change',
      created.json.canonical === 'urn:uuid:dbfb1861-0ecf-41ad-be94-a584e5c4f1df',
    );
    spec('§5.1 the response carries an ETag', /^"[^"]+"$/.test(created.headers.get('etag') ?? ''));
    spec(
      '§5.1 the annotation keeps its body and target',
      JSON.stringify(created.json.body).includes('evidence') &&
        JSON.stringify(created.json.target).includes(quote),
    );
    const bad = await post(ada, 'this is not JSON');
    spec('§5.1 a body that is not JSON is refused (400)', bad.status === 400, bad.status);
    const notAnnotation = await post(ada, { type: 'Person', name: 'x' });
    spec('§5.1 a body that is not an annotation is refused (400)', notAnnotation.status === 400);
    const elsewhere = await post(ada, annotationBody('words that are not in this document at all'));
    spec('§5.1 a target not in the document is refused (400)', elsewhere.status === 400);
    const turtle = await post(ada, annotationBody(quote), { 'content-type': 'text/turtle' });
    spec('§5.1 an unsupported media type is refused (415)', turtle.status === 415, turtle.status);
    const array = await post(ada, [annotationBody(quote)]);
    spec('§5.1 an array is refused (400)', array.status === 400);
  });

  it('§4 answers GET, HEAD and OPTIONS on an annotation', async () => {
    const got = await annotation(iri, 'GET', { user: ada, headers: { accept: ANNO_ACCEPT } });
    spec('§4 MUST support GET', got.status === 200, got.text);
    spec(
      '§4 MUST have a Content-Type of application/ld+json with the anno profile',
      /^application\/ld\+json;\s*profile="http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/.test(
        got.headers.get('content-type') ?? '',
      ),
    );
    spec('§4 MUST have Link ldp#Resource rel="type"', hasLink(got.headers, `${LDP}Resource`, 'type'));
    spec('§4 MUST have an ETag', Boolean(got.headers.get('etag')));
    spec('§4 MUST have Vary: Accept', listHeader(got.headers, 'vary').includes('accept'));
    const allow = listHeader(got.headers, 'allow');
    spec(
      '§4 Allow lists GET, HEAD, OPTIONS',
      ['get', 'head', 'options'].every((m) => allow.includes(m)),
    );
    spec('§4 Allow lists PUT and DELETE', allow.includes('put') && allow.includes('delete'));
    spec('§4 the body uses the anno context', contextOf(got.json).includes(ANNO));
    spec(
      '§4 the body is an Annotation with its own IRI as id',
      got.json.type === 'Annotation' && got.json.id === iri,
    );
    spec('§4 the ETag is the one POST gave', got.headers.get('etag') === created.headers.get('etag'));
    const head = await annotation(iri, 'HEAD', { user: ada, headers: { accept: ANNO_ACCEPT } });
    spec(
      '§4 MUST support HEAD (no body, same ETag)',
      head.status === 200 && head.text === '' && head.headers.get('etag') === got.headers.get('etag'),
    );
    const options = await annotation(iri, 'OPTIONS');
    spec(
      '§4 MUST support OPTIONS, with Allow',
      options.status < 300 && listHeader(options.headers, 'allow').includes('get'),
    );
    spec('§4 Content-Location is the annotation’s IRI', got.headers.get('content-location') === iri);
    const plainJson = await annotation(iri, 'GET', { user: ada, headers: { accept: 'application/json' } });
    spec(
      '§4 the IRI answers JSON-LD to application/json too',
      plainJson.status === 200 && plainJson.json.id === iri && plainJson.json.type === 'Annotation',
    );
    const aliased = await alias(idOf(iri), 'GET', { user: ada, headers: { accept: ANNO_ACCEPT } });
    spec(
      'the app’s address of an annotation answers the same W3C annotation (an alias)',
      aliased.status === 200 &&
        aliased.json.id === iri &&
        aliased.headers.get('etag') === got.headers.get('etag'),
    );
    spec(
      'the alias names the IRI in Content-Location',
      aliased.headers.get('content-location') === iri,
      aliased.headers.get('content-location'),
    );
    const json = await alias(idOf(iri), 'GET', { user: ada, headers: { accept: 'application/json' } });
    spec(
      '§4 content negotiation: application/json at the app’s address keeps the app JSON',
      json.status === 200 && 'annotation' in json.json,
    );
    spec(
      '§4 content negotiation: each representation has its own ETag',
      json.headers.get('etag') !== got.headers.get('etag'),
    );
    const elsewhere = `${BASE}/api/v1/w3c/documents/00000000-0000-4000-8000-000000000000/${idOf(iri)}`;
    const misplaced = await annotation(elsewhere, 'GET', { user: ada, headers: { accept: ANNO_ACCEPT } });
    spec(
      'an annotation under another document’s container is 404',
      misplaced.status === 404,
      misplaced.status,
    );
    const unknown = await annotation(`${containerUrl}00000000-0000-4000-8000-000000000001`, 'GET', {
      user: ada,
      headers: { accept: ANNO_ACCEPT },
    });
    spec('an unknown annotation under the container is 404', unknown.status === 404, unknown.status);
    const turtle = await annotation(iri, 'GET', { user: ada, headers: { accept: 'text/turtle' } });
    spec('§4 content negotiation: an unavailable format is 406', turtle.status === 406, turtle.status);
    const cached = await annotation(iri, 'GET', {
      user: ada,
      headers: { accept: ANNO_ACCEPT, 'if-none-match': got.headers.get('etag')! },
    });
    spec('§4 a current If-None-Match is 304', cached.status === 304);
  });

  it('§5 describes a container', async () => {
    const got = await container(containerUrl, 'GET', { user: ada });
    spec('§5 the container IRI ends in "/"', containerUrl.endsWith('/') && String(got.json.id).endsWith('/'));
    spec('§5 MUST support GET', got.status === 200, got.text);
    spec(
      '§5 JSON-LD with the anno profile by default',
      (got.headers.get('content-type') ?? '').startsWith(
        'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
      ),
    );
    spec(
      '§5 MUST have Link ldp#BasicContainer rel="type"',
      hasLink(got.headers, `${LDP}BasicContainer`, 'type'),
    );
    spec(
      '§5 Link ldp#constrainedBy the protocol',
      hasLink(got.headers, 'http://www.w3.org/TR/annotation-protocol/', `${LDP}constrainedBy`),
    );
    const allow = listHeader(got.headers, 'allow');
    spec(
      '§5 Allow lists GET, HEAD, OPTIONS, POST',
      ['get', 'head', 'options', 'post'].every((m) => allow.includes(m)),
    );
    spec(
      '§5 Accept-Post names the anno media type',
      (got.headers.get('accept-post') ?? '').includes('application/ld+json'),
    );
    spec(
      '§5 MUST have Vary: Accept (and Prefer)',
      ['accept', 'prefer'].every((v) => listHeader(got.headers, 'vary').includes(v)),
    );
    spec('§5 MUST have an ETag', Boolean(got.headers.get('etag')));
    spec('§5 Content-Location MUST equal id', got.headers.get('content-location') === got.json.id);
    const types = got.json.type as string[];
    spec(
      '§5 type is BasicContainer and AnnotationCollection',
      types.includes('BasicContainer') && types.includes('AnnotationCollection'),
    );
    spec(
      '§5 the contexts are anno and ldp',
      contextOf(got.json).includes(ANNO) && contextOf(got.json).includes('http://www.w3.org/ns/ldp.jsonld'),
    );
    spec('§5 total counts the annotations', got.json.total === 1, got.json.total);
    const first = got.json.first as { items?: { id: string }[] };
    spec('§5 the first page is embedded with full annotations', first?.items?.[0]?.id === iri);
    spec('§5 last names the last page', typeof got.json.last === 'string');
    const head = await container(containerUrl, 'HEAD', { user: ada });
    spec(
      '§5 MUST support HEAD',
      head.status === 200 && head.text === '' && head.headers.get('etag') === got.headers.get('etag'),
    );
    const options = await container(containerUrl, 'OPTIONS');
    spec(
      '§5 MUST support OPTIONS, with Allow',
      options.status < 300 && listHeader(options.headers, 'allow').includes('post'),
    );
    const html = await container(containerUrl, 'GET', { user: ada, headers: { accept: 'text/html' } });
    spec('§5 content negotiation: an unavailable format is 406', html.status === 406, html.status);
  });

  it('§5.2 pages the container as AnnotationPages', async () => {
    // A page and one more, ten at a time (a loaded machine is slow at fifty in a row).
    for (let i = 0; i < CONTAINER_PAGE_SIZE; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, CONTAINER_PAGE_SIZE - i) }, () => post(ada, annotationBody(quote))),
      );
      for (const res of batch) expect(res.status, res.text).toBe(201);
    }
    const total = CONTAINER_PAGE_SIZE + 1;
    const whole = await container(containerUrl, 'GET', { user: ada });
    spec('§5.2 total counts every annotation', whole.json.total === total, whole.json.total);
    const page0 = await container(`${containerUrl}?page=0`, 'GET', {
      user: ada,
      params: { id: doc.id },
      headers: {},
    });
    const lastUrl = String(whole.json.last);
    spec('§5.2 pages are AnnotationPages', page0.json.type === 'AnnotationPage');
    const partOf = page0.json.partOf as { id?: string; total?: number };
    spec('§5.2 MUST link the container with partOf', partOf?.id === whole.json.id && partOf?.total === total);
    spec('§5.2 MUST link the next page (not the last)', typeof page0.json.next === 'string');
    spec('§5.2 MUST NOT have prev on the first page', page0.json.prev === undefined);
    spec('§5.2 startIndex of the first page is 0', page0.json.startIndex === 0);
    spec('§5.2 a page holds at most a page of items', page0.json.items?.length === CONTAINER_PAGE_SIZE);
    spec(
      '§5.2 a page has Content-Location equal to its id',
      page0.headers.get('content-location') === page0.json.id,
    );
    const page1 = await container(String(page0.json.next), 'GET', { user: ada });
    spec('§5.2 the next page is the last', page1.json.id === lastUrl && page1.json.next === undefined);
    spec('§5.2 MUST link the previous page', page1.json.prev === page0.json.id);
    spec('§5.2 startIndex of the next page', page1.json.startIndex === CONTAINER_PAGE_SIZE);
    spec(
      '§5.2 every annotation is on exactly one page',
      (page0.json.items?.length ?? 0) + (page1.json.items?.length ?? 0) === total,
    );
    const beyond = await container(`${containerUrl}?page=99`, 'GET', { user: ada });
    spec('§5.2 a page past the last is 404', beyond.status === 404);
    const bad = await container(`${containerUrl}?page=-1`, 'GET', { user: ada });
    spec('§5.2 a malformed page number is 400', bad.status === 400);
  }, 240_000);

  it('§5.3 honours the Prefer header', async () => {
    const minimal = await container(containerUrl, 'GET', { user: ada, headers: { prefer: PREFER_MINIMAL } });
    spec('§5.3 PreferMinimalContainer: first is only a link', typeof minimal.json.first === 'string');
    spec(
      '§5.3 Preference-Applied says so',
      (minimal.headers.get('preference-applied') ?? '').includes('return=representation'),
    );
    const irisAnswer = await container(containerUrl, 'GET', { user: ada, headers: { prefer: PREFER_IRIS } });
    const items = (irisAnswer.json.first as { items: unknown[] }).items;
    spec(
      '§5.3 PreferContainedIRIs: items are IRIs',
      items.every((i) => typeof i === 'string' && i.startsWith(containerUrl)),
    );
    spec(
      '§5.3 another representation has its own id and Content-Location',
      irisAnswer.json.id !== containerUrl &&
        irisAnswer.headers.get('content-location') === irisAnswer.json.id,
    );
    const descriptions = await container(containerUrl, 'GET', {
      user: ada,
      headers: { prefer: PREFER_DESCRIPTIONS },
    });
    const described = (descriptions.json.first as { items: { type?: string }[] }).items;
    spec(
      '§5.3 PreferContainedDescriptions: items are annotations',
      described.every((i) => i.type === 'Annotation'),
    );
    spec(
      '§5.3 each representation has its own ETag',
      irisAnswer.headers.get('etag') !== descriptions.headers.get('etag'),
    );
    const irisPage = await container(String(irisAnswer.json.last), 'GET', { user: ada });
    spec(
      '§5.3 the pages of the IRIs representation list IRIs',
      (irisPage.json.items ?? []).every((i) => typeof i === 'string'),
    );
  });

  it('§5.2 updates with PUT and If-Match', async () => {
    const current = await annotation(iri, 'GET', { user: ada, headers: { accept: ANNO_ACCEPT } });
    const etag = current.headers.get('etag')!;
    const changed = { ...current.json, body: [{ type: 'TextualBody', value: 'claim', purpose: 'tagging' }] };
    const without = await annotation(iri, 'PUT', { user: ada, body: changed });
    spec('§5.2 an update without If-Match is 428', without.status === 428, without.status);
    const stale = await annotation(iri, 'PUT', {
      user: ada,
      body: changed,
      headers: { 'if-match': '"stale"' },
    });
    spec('§5.2 an update with a stale ETag is 412', stale.status === 412, stale.status);
    const put = await annotation(iri, 'PUT', { user: ada, body: changed, headers: { 'if-match': etag } });
    spec('§5.2 MUST support PUT: 200 with the new annotation', put.status === 200, put.text);
    spec(
      '§5.2 the update is stored',
      JSON.stringify(put.json.body).includes('claim') && !JSON.stringify(put.json.body).includes('evidence'),
    );
    spec('§5.2 the ETag changes', Boolean(put.headers.get('etag')) && put.headers.get('etag') !== etag);
    spec('§5.2 the id stays the same', put.json.id === iri);
    spec(
      '§5.2 canonical and via are kept',
      put.json.canonical === created.json.canonical && put.json.via === created.json.via,
    );
    const replay = await annotation(iri, 'PUT', { user: ada, body: changed, headers: { 'if-match': etag } });
    spec('§5.2 the replaced ETag no longer matches (412)', replay.status === 412);
    const canonical = await annotation(iri, 'PUT', {
      user: ada,
      body: { ...changed, canonical: 'urn:uuid:00000000-0000-4000-8000-000000000000' },
      headers: { 'if-match': put.headers.get('etag')! },
    });
    spec('§5.2 a changed canonical is refused (400)', canonical.status === 400, canonical.status);
    const notMine = await annotation(iri, 'PUT', { user: eve, body: changed, headers: { 'if-match': '*' } });
    spec('§5.2 another reader cannot see it to update it (404)', notMine.status === 404);
  });

  it('§5.3 deletes with DELETE', async () => {
    const victim = await post(ada, annotationBody(quote));
    const url = victim.headers.get('location')!;
    const stale = await annotation(url, 'DELETE', { user: ada, headers: { 'if-match': '"stale"' } });
    spec('§5.3 a delete with a stale If-Match is 412', stale.status === 412);
    const gone = await annotation(url, 'DELETE', {
      user: ada,
      headers: { 'if-match': victim.headers.get('etag')! },
    });
    spec('§5.3 MUST support DELETE: 204', gone.status === 204, gone.status);
    const after = await annotation(url, 'GET', { user: ada, headers: { accept: ANNO_ACCEPT } });
    spec('§5.3 a deleted annotation is 404', after.status === 404);
  });

  it('follows the app’s visibility: not visible is 404, signed out is 401', async () => {
    const shared = await send(groupContainer.POST, 'POST', groupContainerUrl, {
      user: ada,
      params: { id: doc.id, groupId },
      body: annotationBody(quote),
    });
    spec(
      'a POST to a seminar container shares with the seminar',
      shared.status === 201 && (shared.json['mg:group'] as { name?: string })?.name === 'Protocol seminar',
    );
    const sharedIri = shared.headers.get('location')!;
    const asBob = await send(groupContainer.GET, 'GET', groupContainerUrl, {
      user: bob,
      params: { id: doc.id, groupId },
    });
    const bobItems = (asBob.json.first as { items: { id: string }[] }).items.map((i) => i.id);
    spec(
      'a member sees the seminar container with the shared annotation',
      asBob.status === 200 && bobItems.includes(sharedIri),
    );
    spec('a member does not see the author’s private ones there', !bobItems.includes(iri));
    const bobDoc = await container(containerUrl, 'GET', { user: bob });
    spec(
      'a member’s document container holds only what they see',
      bobDoc.json.total === 1,
      bobDoc.json.total,
    );
    const eveGroup = await send(groupContainer.GET, 'GET', groupContainerUrl, {
      user: eve,
      params: { id: doc.id, groupId },
    });
    spec('an outsider gets 404 for the seminar container', eveGroup.status === 404);
    const eveAnno = await annotation(iri, 'GET', { user: eve, headers: { accept: ANNO_ACCEPT } });
    spec('an outsider gets 404 for a private annotation', eveAnno.status === 404);
    const eveDoc = await container(containerUrl, 'GET', { user: eve });
    spec('an outsider’s document container is empty', eveDoc.status === 200 && eveDoc.json.total === 0);
    const anonymous = await container(containerUrl, 'GET');
    spec('a signed-out client gets 401', anonymous.status === 401);
    const missing = await send(documentContainer.GET, 'GET', `${BASE}/api/v1/w3c/documents/no-such-doc/`, {
      user: ada,
      params: { id: 'no-such-doc' },
    });
    spec('an unknown document is 404', missing.status === 404);
  });

  it('dereferences reply and creator ids, and the mg: namespace', async () => {
    const reply = await addReply(idOf(iri), ada, 'A reply, also an annotation');
    const replyUrl = `${iri}/replies/${reply.id}`;
    const params = { id: doc.id, annotationId: idOf(iri), replyId: reply.id };
    const got = await send(replyRoute.GET, 'GET', replyUrl, {
      user: ada,
      params,
      headers: { accept: ANNO_ACCEPT },
    });
    spec(
      'a reply id answers a W3C annotation',
      got.status === 200 && got.json.id === replyUrl && got.json.type === 'Annotation',
    );
    spec(
      'a reply has motivation replying and targets its annotation',
      got.json.motivation === 'replying' && got.json.target === iri,
    );
    spec(
      'a reply has the annotation headers',
      hasLink(got.headers, `${LDP}Resource`, 'type') && Boolean(got.headers.get('etag')),
    );
    const aliasUrl = `${BASE}/api/v1/annotations/${idOf(iri)}/replies/${reply.id}`;
    const viaAlias = await send(replyAlias.GET, 'GET', aliasUrl, {
      user: ada,
      params: { id: idOf(iri), replyId: reply.id },
      headers: { accept: ANNO_ACCEPT },
    });
    spec(
      'a reply’s app address answers the same reply (an alias)',
      viaAlias.status === 200 && viaAlias.json.id === replyUrl,
    );
    const hidden = await send(replyRoute.GET, 'GET', replyUrl, { user: eve, params });
    spec('a reply nobody showed you is 404', hidden.status === 404);
    const creatorIri = (created.json.creator as { id: string }).id;
    const person = await send(creator, 'GET', creatorIri, { user: bob, params: { id: ada.id } });
    spec(
      'a creator id answers a Person with a name',
      person.status === 200 &&
        person.json.type === 'Person' &&
        person.json.name === 'Ada' &&
        person.json.id === creatorIri,
    );
    spec(
      'a creator never shows the email',
      !person.text.includes(ada.email) && !('email' in person.json) && !('mbox' in person.json),
    );
    const stranger = await send(creator, 'GET', creatorIri, { user: eve, params: { id: ada.id } });
    spec('a creator you cannot meet in the app is 404', stranger.status === 404);
    const ns = await vocabulary(new Request(`${BASE}/ns`));
    const nsJson = (await ns.json()) as { '@context': Record<string, unknown> };
    spec(
      'the mg: namespace is a JSON-LD context document at its IRI',
      ns.status === 200 && nsJson['@context'].mg === `${BASE}/ns#`,
    );
    const exported = JSON.stringify(contextOf(created.json));
    spec('annotations name that namespace for mg:', exported.includes(`${BASE}/ns#`));
  });

  it('takes personal tokens and cookies, and answers CORS preflights', async () => {
    const withToken = await container(containerUrl, 'GET', { token: adaToken });
    spec(
      'a bearer token lists the container',
      withToken.status === 200 &&
        withToken.json.total === (await container(containerUrl, 'GET', { user: ada })).json.total,
      [withToken.status, withToken.text.slice(0, 300)],
    );
    const crossSite = await post(ada, annotationBody(quote), {
      origin: 'https://client.example',
      host: '127.0.0.1:3000',
    });
    spec('a cookie request from another origin is refused', crossSite.status === 400);
    const tokenCrossSite = await container(containerUrl, 'POST', {
      token: adaToken,
      body: annotationBody(quote),
      headers: { origin: 'https://client.example' },
    });
    spec('a token request needs no Origin check (201)', tokenCrossSite.status === 201, tokenCrossSite.text);
    spec(
      'CORS headers are on real answers',
      tokenCrossSite.headers.get('access-control-allow-origin') === '*',
    );
    const wrong = await container(containerUrl, 'GET', { token: 'mgt_not-a-real-token' });
    spec('an unknown token is 401', wrong.status === 401);
    const preflight = await container(containerUrl, 'OPTIONS', {
      headers: {
        origin: 'https://client.example',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, if-match, prefer',
      },
    });
    const allowHeaders = listHeader(preflight.headers, 'access-control-allow-headers');
    spec(
      'CORS preflight succeeds without credentials',
      preflight.status < 300 && preflight.headers.get('access-control-allow-origin') === '*',
    );
    spec(
      'CORS allows Authorization, If-Match and Prefer',
      ['authorization', 'if-match', 'prefer'].every((h) => allowHeaders.includes(h)),
    );
    const exposed = listHeader(preflight.headers, 'access-control-expose-headers');
    spec(
      'CORS exposes ETag, Location and Link',
      ['etag', 'location', 'link'].every((h) => exposed.includes(h)),
    );
    spec(
      'CORS allows PUT and DELETE',
      ['put', 'delete'].every((m) =>
        listHeader(preflight.headers, 'access-control-allow-methods').includes(m),
      ),
    );
    const revoked = await call(revokeToken, 'DELETE', `/api/v1/account/tokens/${adaTokenId}`, {
      user: ada,
      params: { id: adaTokenId },
    });
    expect(revoked.status).toBe(204);
    const after = await container(containerUrl, 'GET', { token: adaToken });
    spec('a revoked token is 401 at once', after.status === 401);
    const stored = await db.apiToken.count({ where: { userId: ada.id } });
    spec('a revoked token is gone', stored === 0);
  });

  it('keeps container addresses ending in "/" and no other', async () => {
    // Next's proxy writes 127.0.0.1 as localhost in an absolute Location: compare the path.
    const where = (response: Response) => {
      const location = new URL(response.headers.get('location') ?? '', BASE);
      return `${location.pathname}${location.search}`;
    };
    const noSlash = proxy(new NextRequest(`${BASE}/api/v1/w3c/documents/${doc.id}`));
    spec(
      '§5 a container address without "/" redirects to it (308)',
      noSlash.status === 308 && where(noSlash) === new URL(containerUrl).pathname,
      [noSlash.status, noSlash.headers.get('location')],
    );
    const groupNoSlash = proxy(new NextRequest(groupContainerUrl.slice(0, -1)));
    spec(
      '§5 a seminar container without "/" redirects to it',
      where(groupNoSlash) === new URL(groupContainerUrl).pathname,
      groupNoSlash.headers.get('location'),
    );
    const other = proxy(new NextRequest(`${BASE}/api/v1/documents/?x=1`));
    spec(
      'other addresses lose their trailing "/" as before',
      other.status === 308 && where(other) === '/api/v1/documents?x=1',
      [other.status, other.headers.get('location')],
    );
    const fine = proxy(new NextRequest(containerUrl));
    spec('a container address passes through', fine.status === 200 && !fine.headers.get('location'));
  });

  it('passes every assertion', () => {
    const failed = summary().split('\n').slice(1);
    expect(failed).toEqual([]);
  });

  it('keeps a protocol client’s HTML note formatted, through the editor’s allow-list', async () => {
    const html = await post(
      ada,
      annotationBody(quote, {
        body: [
          {
            type: 'TextualBody',
            format: 'text/html',
            purpose: 'commenting',
            value:
              '<p>A <strong>bold</strong> <a href="https://example.org/x">link</a><script>x()</script></p>',
          },
        ],
      }),
    );
    expect(html.status, html.text).toBe(201);
    const own = await alias(idOf(html.headers.get('location')!), 'GET', { user: ada });
    const note = JSON.stringify((own.json as { annotation: { note: unknown } }).annotation.note);
    expect(note).toContain('"bold"');
    expect(note).toContain('https://example.org/x');
    expect(note).not.toContain('script');
  });
});
