import { buildOpenApiDocument } from '@/lib/openapi/document';

let cached: string | null = null;

/** Public, like any API description: it holds no data, only the shapes of the API. */
export async function GET(): Promise<Response> {
  cached ??= JSON.stringify(buildOpenApiDocument(), null, 2);
  return new Response(cached, {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
}
