// One real request per operation of the OpenAPI document, for tests/integration/contract.test.ts:
// a small world (two readers in a group, an annotation, a reply, a tag, an imported article)
// and a probe for each `method path`.
import { POST as authRoute } from '@/app/api/auth/[...all]/route';
import { DELETE as deleteAccount, GET as accountHoldings } from '@/app/api/v1/account/route';
import { GET as exportMine } from '@/app/api/v1/account/annotations/route';
import { GET as listTokens, POST as createToken } from '@/app/api/v1/account/tokens/route';
import { DELETE as revokeToken } from '@/app/api/v1/account/tokens/[id]/route';
import { GET as getReplyIri } from '@/app/api/v1/annotations/[id]/replies/[replyId]/route';
import { GET as getContainer, POST as postToContainer } from '@/app/api/v1/w3c/documents/[id]/route';
import {
  GET as getGroupContainer,
  POST as postToGroupContainer,
} from '@/app/api/v1/w3c/documents/[id]/groups/[groupId]/route';
import {
  DELETE as deleteAnnotation,
  GET as getAnnotation,
  PATCH as patchAnnotation,
  PUT as putAnnotation,
} from '@/app/api/v1/annotations/[id]/route';
import { POST as hideAnnotation } from '@/app/api/v1/annotations/[id]/hide/route';
import { GET as listReplies, POST as createReply } from '@/app/api/v1/annotations/[id]/replies/route';
import { GET as listDocuments, POST as importArticle } from '@/app/api/v1/documents/route';
import {
  DELETE as deleteDocument,
  GET as getDocument,
  PATCH as patchDocument,
} from '@/app/api/v1/documents/[id]/route';
import { GET as getLibrary } from '@/app/api/v1/library/route';
import { GET as listReadings, POST as addReading } from '@/app/api/v1/groups/[id]/readings/route';
import {
  DELETE as removeReading,
  PATCH as patchReading,
} from '@/app/api/v1/groups/[id]/readings/[documentId]/route';
import {
  GET as listAnnotations,
  POST as createAnnotation,
} from '@/app/api/v1/documents/[id]/annotations/route';
import { GET as listHighlights } from '@/app/api/v1/documents/[id]/highlights/route';
import { POST as importAnnotations } from '@/app/api/v1/documents/[id]/annotations/import/route';
import { GET as events } from '@/app/api/v1/documents/[id]/events/route';
import { GET as exportAnnotations } from '@/app/api/v1/documents/[id]/export/route';
import { GET as listVersions, POST as reviseDocument } from '@/app/api/v1/documents/[id]/versions/route';
import { GET as listGroups, POST as createGroup } from '@/app/api/v1/groups/route';
import { GET as getGroup, PATCH as patchGroup } from '@/app/api/v1/groups/[id]/route';
import { DELETE as revokeInvite, POST as newInvite } from '@/app/api/v1/groups/[id]/invite/route';
import {
  DELETE as removeMember,
  PATCH as patchMember,
} from '@/app/api/v1/groups/[id]/members/[userId]/route';
import { GET as listTags, POST as createTag } from '@/app/api/v1/groups/[id]/tags/route';
import { PATCH as patchTag } from '@/app/api/v1/groups/[id]/tags/[tagId]/route';
import { POST as joinGroup } from '@/app/api/v1/groups/join/route';
import { GET as openApi } from '@/app/api/v1/openapi.json/route';
import { DELETE as deleteReply, PATCH as patchReply } from '@/app/api/v1/replies/[id]/route';
import { POST as hideReply } from '@/app/api/v1/replies/[id]/hide/route';
import { linkProbes } from './contract-probes-links';
import { w3cProbes } from './contract-probes-w3c';
import { BASE, call, signUp, type CallOptions, type TestUser } from '../support/api';
import { paragraphs, sampleDocument, targetFor } from './export-fixtures';

type Handler = Parameters<typeof call>[0];
export type Answer = { status: number; json: unknown; contentType: string };

export async function hit(handler: Handler, method: string, options: CallOptions = {}): Promise<Answer> {
  const res = await call(handler, method, '/x', options);
  return { status: res.status, json: res.json, contentType: res.headers.get('content-type') ?? '' };
}

/** The event stream never ends by itself: read its head, then hang up. */
async function openEvents(user: TestUser): Promise<Answer> {
  const abort = new AbortController();
  const request = new Request(new URL('/api/v1/documents/face-time/events', BASE), {
    headers: { cookie: user.cookie },
    signal: abort.signal,
  });
  const response = await events(request, { params: Promise.resolve({ id: 'face-time' }) });
  abort.abort();
  await response.body?.cancel().catch(() => undefined);
  return { status: response.status, json: null, contentType: response.headers.get('content-type') ?? '' };
}

/** better-auth's own endpoints, through the app's catch-all route as a browser would call them. */
async function authCall(path: string, body: unknown): Promise<Answer> {
  const response = await authRoute(
    new Request(new URL(path, BASE), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE },
      body: JSON.stringify(body),
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    json: text ? JSON.parse(text) : null,
    contentType: response.headers.get('content-type') ?? '',
  };
}

const article = (title: string) =>
  `${title}\n\nA first paragraph about close reading, long enough to be a paragraph.\n\nA second paragraph that carries the argument further.`;

/** Everything the probes need: two readers in one group, an annotation, a reply, a tag. */
export async function world() {
  const ada = await signUp('Ada');
  const bob = await signUp('Bob');
  const sample = await sampleDocument();
  const para = sample.blocks.find((b) => b.kind === 'PARAGRAPH')!;
  const target = targetFor(sample.blocks, para.anchor, para.text.slice(0, 30));
  const group = (await hit(createGroup, 'POST', { user: ada, body: { name: 'Contract seminar' } })).json as {
    group: { id: string; inviteCode: string };
  };
  const groupId = group.group.id;
  await hit(joinGroup, 'POST', { user: bob, body: { code: group.group.inviteCode } });
  const annotate = async (user: TestUser) => {
    const res = await hit(createAnnotation, 'POST', {
      user,
      params: { id: 'face-time' },
      body: { target, tags: ['claim'], note: paragraphs('A note'), groupId },
    });
    return (res.json as { annotation: { id: string; rev: number } }).annotation;
  };
  const reply = async (user: TestUser, annotationId: string) => {
    const res = await hit(createReply, 'POST', {
      user,
      params: { id: annotationId },
      body: { body: paragraphs('A reply') },
    });
    return (res.json as { reply: { id: string } }).reply;
  };
  const bobs = await annotate(bob);
  const bobsReply = await reply(bob, bobs.id);
  const tag = (
    await hit(createTag, 'POST', {
      user: ada,
      params: { id: groupId },
      body: { name: 'Counter', color: '#1d4ed8' },
    })
  ).json as { tag: { id: string } };
  const imported = (await hit(importArticle, 'POST', { user: ada, body: { text: article('Contract') } }))
    .json as { document: { id: string; slug: string } };
  await hit(addReading, 'POST', {
    user: ada,
    params: { id: groupId },
    body: { documentId: imported.document.id },
  });
  return {
    ada,
    bob,
    target,
    groupId,
    annotate,
    reply,
    bobs,
    bobsReply,
    tagId: tag.tag.id,
    slug: imported.document.slug,
    importedId: imported.document.id,
  };
}

export type World = Awaited<ReturnType<typeof world>>;

/** A W3C Web Annotation on the world's passage, as a protocol client would post it. */
function w3cAnnotation(w: World) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    body: { type: 'TextualBody', value: 'evidence', purpose: 'tagging' },
    target: {
      source: `${BASE}/documents/face-time`,
      selector: { type: 'TextQuoteSelector', exact: w.target.exact },
    },
  };
}

/** A W3C replacement, with the If-Match of the annotation as it was read. */
async function replaceW3c(w: World): Promise<Answer> {
  const own = await w.annotate(w.ada);
  const read = await call(getAnnotation, 'GET', '/x', {
    user: w.ada,
    params: { id: own.id },
    headers: { accept: 'application/ld+json' },
  });
  const res = await call(putAnnotation, 'PUT', '/x', {
    user: w.ada,
    params: { id: own.id },
    body: read.json,
    headers: { 'if-match': read.headers.get('etag') ?? '', 'content-type': 'application/ld+json' },
  });
  return { status: res.status, json: res.json, contentType: res.headers.get('content-type') ?? '' };
}

/** One real request per operation, keyed `method path` as in the OpenAPI document. */
export const probes: Record<string, (w: World) => Promise<Answer>> = {
  'post /api/auth/sign-up/email': () =>
    authCall('/api/auth/sign-up/email', {
      name: 'Cy',
      email: `cy-${Date.now()}@example.org`,
      password: 'correct horse battery',
    }),
  'post /api/auth/sign-in/email': (w) =>
    authCall('/api/auth/sign-in/email', { email: w.ada.email, password: 'correct horse battery' }),
  'get /api/v1/documents': (w) => hit(listDocuments, 'GET', { user: w.ada }),
  'post /api/v1/documents': (w) =>
    hit(importArticle, 'POST', { user: w.ada, body: { text: article('Another article') } }),
  'get /api/v1/documents/{id}': (w) => hit(getDocument, 'GET', { user: w.ada, params: { id: 'face-time' } }),
  'patch /api/v1/documents/{id}': (w) =>
    hit(patchDocument, 'PATCH', { user: w.ada, params: { id: w.slug }, body: { archived: false } }),
  'delete /api/v1/documents/{id}': async (w) => {
    const own = (await hit(importArticle, 'POST', { user: w.ada, body: { text: article('Short-lived') } }))
      .json as { document: { id: string } };
    return hit(deleteDocument, 'DELETE', { user: w.ada, params: { id: own.document.id } });
  },
  'get /api/v1/library': (w) => hit(getLibrary, 'GET', { user: w.bob, query: { sort: 'title' } }),
  'get /api/v1/documents/{id}/versions': (w) =>
    hit(listVersions, 'GET', { user: w.ada, params: { id: 'face-time' } }),
  'post /api/v1/documents/{id}/versions': (w) =>
    hit(reviseDocument, 'POST', {
      user: w.ada,
      params: { id: w.slug },
      body: { text: article('Contract').replace('argument', 'argument, revised,') },
    }),
  'get /api/v1/documents/{id}/annotations': (w) =>
    hit(listAnnotations, 'GET', { user: w.ada, params: { id: 'face-time' } }),
  'get /api/v1/documents/{id}/highlights': (w) =>
    hit(listHighlights, 'GET', { user: w.ada, params: { id: 'face-time' } }),
  'post /api/v1/documents/{id}/annotations': (w) =>
    hit(createAnnotation, 'POST', {
      user: w.ada,
      params: { id: 'face-time' },
      body: { target: w.target, tags: ['evidence'], note: paragraphs('Mine') },
    }),
  'get /api/v1/annotations/{id}': (w) =>
    hit(getAnnotation, 'GET', { user: w.ada, params: { id: w.bobs.id } }),
  'patch /api/v1/annotations/{id}': async (w) => {
    const own = await w.annotate(w.ada);
    return hit(patchAnnotation, 'PATCH', {
      user: w.ada,
      params: { id: own.id },
      body: { rev: own.rev, note: paragraphs('Edited') },
    });
  },
  'delete /api/v1/annotations/{id}': async (w) => {
    const own = await w.annotate(w.ada);
    return hit(deleteAnnotation, 'DELETE', { user: w.ada, params: { id: own.id } });
  },
  'post /api/v1/annotations/{id}/hide': (w) =>
    hit(hideAnnotation, 'POST', { user: w.ada, params: { id: w.bobs.id }, body: { hidden: true } }),
  'get /api/v1/annotations/{id}/replies': (w) =>
    hit(listReplies, 'GET', { user: w.bob, params: { id: w.bobs.id } }),
  'post /api/v1/annotations/{id}/replies': (w) =>
    hit(createReply, 'POST', { user: w.ada, params: { id: w.bobs.id }, body: { body: paragraphs('Yes') } }),
  'patch /api/v1/replies/{id}': (w) =>
    hit(patchReply, 'PATCH', {
      user: w.bob,
      params: { id: w.bobsReply.id },
      body: { body: paragraphs('Edited reply') },
    }),
  'delete /api/v1/replies/{id}': async (w) => {
    const own = await w.reply(w.bob, w.bobs.id);
    return hit(deleteReply, 'DELETE', { user: w.bob, params: { id: own.id } });
  },
  'post /api/v1/replies/{id}/hide': (w) =>
    hit(hideReply, 'POST', { user: w.ada, params: { id: w.bobsReply.id }, body: { hidden: true } }),
  'get /api/v1/account': (w) => hit(accountHoldings, 'GET', { user: w.bob }),
  'delete /api/v1/account': async () =>
    hit(deleteAccount, 'DELETE', { user: await signUp('Leaver'), body: { mode: 'anonymise' } }),
  'get /api/v1/account/annotations': (w) => hit(exportMine, 'GET', { user: w.bob }),
  'get /api/v1/account/tokens': (w) => hit(listTokens, 'GET', { user: w.bob }),
  'post /api/v1/account/tokens': (w) => hit(createToken, 'POST', { user: w.bob, body: { name: 'A script' } }),
  'delete /api/v1/account/tokens/{id}': async (w) => {
    const made = (await hit(createToken, 'POST', { user: w.bob, body: { name: 'Short-lived' } })).json as {
      token: { id: string };
    };
    return hit(revokeToken, 'DELETE', { user: w.bob, params: { id: made.token.id } });
  },
  'put /api/v1/annotations/{id}': (w) => replaceW3c(w),
  'get /api/v1/annotations/{id}/replies/{replyId}': (w) =>
    hit(getReplyIri, 'GET', { user: w.bob, params: { id: w.bobs.id, replyId: w.bobsReply.id } }),
  'get /api/v1/w3c/documents/{id}/': (w) =>
    hit(getContainer, 'GET', { user: w.ada, params: { id: 'face-time' } }),
  'post /api/v1/w3c/documents/{id}/': (w) =>
    hit(postToContainer, 'POST', { user: w.ada, params: { id: 'face-time' }, body: w3cAnnotation(w) }),
  'get /api/v1/w3c/documents/{id}/groups/{groupId}/': (w) =>
    hit(getGroupContainer, 'GET', { user: w.bob, params: { id: 'face-time', groupId: w.groupId } }),
  'post /api/v1/w3c/documents/{id}/groups/{groupId}/': (w) =>
    hit(postToGroupContainer, 'POST', {
      user: w.bob,
      params: { id: 'face-time', groupId: w.groupId },
      body: w3cAnnotation(w),
    }),
  'get /api/v1/groups': (w) => hit(listGroups, 'GET', { user: w.bob }),
  'post /api/v1/groups': (w) => hit(createGroup, 'POST', { user: w.bob, body: { name: 'Second seminar' } }),
  'post /api/v1/groups/join': async (w) => {
    const invite = await hit(newInvite, 'POST', { user: w.ada, params: { id: w.groupId } });
    const carol = await signUp('Carol');
    return hit(joinGroup, 'POST', {
      user: carol,
      body: { code: (invite.json as { inviteCode: string }).inviteCode },
    });
  },
  'get /api/v1/groups/{id}': (w) => hit(getGroup, 'GET', { user: w.ada, params: { id: w.groupId } }),
  'patch /api/v1/groups/{id}': (w) =>
    hit(patchGroup, 'PATCH', { user: w.ada, params: { id: w.groupId }, body: { revealAfter: 0 } }),
  'post /api/v1/groups/{id}/invite': (w) =>
    hit(newInvite, 'POST', { user: w.ada, params: { id: w.groupId } }),
  'delete /api/v1/groups/{id}/invite': async (w) => {
    const own = (await hit(createGroup, 'POST', { user: w.ada, body: { name: 'Closed seminar' } })).json as {
      group: { id: string };
    };
    return hit(revokeInvite, 'DELETE', { user: w.ada, params: { id: own.group.id } });
  },
  'patch /api/v1/groups/{id}/members/{userId}': (w) =>
    hit(patchMember, 'PATCH', {
      user: w.ada,
      params: { id: w.groupId, userId: w.bob.id },
      body: { role: 'MEMBER' },
    }),
  'delete /api/v1/groups/{id}/members/{userId}': async (w) => {
    const dan = await signUp('Dan');
    const invite = await hit(newInvite, 'POST', { user: w.ada, params: { id: w.groupId } });
    await hit(joinGroup, 'POST', {
      user: dan,
      body: { code: (invite.json as { inviteCode: string }).inviteCode },
    });
    return hit(removeMember, 'DELETE', { user: dan, params: { id: w.groupId, userId: dan.id } });
  },
  'get /api/v1/groups/{id}/readings': (w) =>
    hit(listReadings, 'GET', { user: w.bob, params: { id: w.groupId } }),
  'post /api/v1/groups/{id}/readings': (w) =>
    hit(addReading, 'POST', { user: w.ada, params: { id: w.groupId }, body: { documentId: 'face-time' } }),
  'patch /api/v1/groups/{id}/readings/{documentId}': (w) =>
    hit(patchReading, 'PATCH', {
      user: w.ada,
      params: { id: w.groupId, documentId: w.importedId },
      body: { position: 0, dueDate: '2027-01-15' },
    }),
  'delete /api/v1/groups/{id}/readings/{documentId}': async (w) => {
    const own = (await hit(importArticle, 'POST', { user: w.ada, body: { text: article('Dropped') } }))
      .json as { document: { id: string } };
    await hit(addReading, 'POST', {
      user: w.ada,
      params: { id: w.groupId },
      body: { documentId: own.document.id },
    });
    return hit(removeReading, 'DELETE', {
      user: w.ada,
      params: { id: w.groupId, documentId: own.document.id },
    });
  },
  'get /api/v1/groups/{id}/tags': (w) => hit(listTags, 'GET', { user: w.bob, params: { id: w.groupId } }),
  'post /api/v1/groups/{id}/tags': (w) =>
    hit(createTag, 'POST', {
      user: w.ada,
      params: { id: w.groupId },
      body: { name: 'Method', color: '#b45309', underline: 'dotted' },
    }),
  'patch /api/v1/groups/{id}/tags/{tagId}': (w) =>
    hit(patchTag, 'PATCH', {
      user: w.ada,
      params: { id: w.groupId, tagId: w.tagId },
      body: { underline: 'wavy' },
    }),
  'get /api/v1/documents/{id}/export': (w) =>
    hit(exportAnnotations, 'GET', { user: w.ada, params: { id: 'face-time' }, query: { format: 'jsonld' } }),
  'post /api/v1/documents/{id}/annotations/import': (w) =>
    hit(importAnnotations, 'POST', {
      user: w.ada,
      params: { id: 'face-time' },
      body: {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        id: 'urn:contract:1',
        type: 'Annotation',
        target: { source: 'x:y', selector: { type: 'TextQuoteSelector', exact: w.target.exact } },
      },
    }),
  'get /api/v1/documents/{id}/events': (w) => openEvents(w.ada),
  'get /api/v1/openapi.json': async () => {
    const res = await openApi();
    return { status: res.status, json: await res.json(), contentType: res.headers.get('content-type') ?? '' };
  },
  ...linkProbes,
  ...w3cProbes,
};
