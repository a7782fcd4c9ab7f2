import { buildOpenApiDocument } from '@/lib/openapi/document';

let cached: string | null = null;

/** Public, like any API description: it holds no data, only the shapes of the API. The
 * server entry is the address readers use when one is configured, else this origin. */
export async function GET(): Promise<Response> {
  cached ??= JSON.stringify(buildOpenApiDocument({ serverUrl: process.env.BETTER_AUTH_URL }), null, 2);
  return new Response(cached, {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
}
