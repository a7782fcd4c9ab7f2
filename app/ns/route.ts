import { vocabularyDocument } from '@/lib/w3c/vocabulary';

// The "mg:" namespace of W3C exports, as a JSON-LD context document (public, like any
// vocabulary: it names terms, it holds no one's data).

const headers = {
  'content-type': 'application/ld+json',
  'cache-control': 'public, max-age=3600',
  'access-control-allow-origin': '*',
  allow: 'GET, HEAD, OPTIONS',
};

function baseUrlOf(request: Request): string {
  return process.env.BETTER_AUTH_URL ?? new URL(request.url).origin;
}

export function GET(request: Request): Response {
  return new Response(JSON.stringify(vocabularyDocument(baseUrlOf(request)), null, 2), { headers });
}

export function HEAD(): Response {
  return new Response(null, { headers });
}

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers });
}
