import { containerParamsSchema } from '@/lib/w3c/schemas';
import { containerRoute } from '@/lib/server/w3c-handlers';

// A document's W3C Web Annotation Protocol container: /api/v1/w3c/documents/{id}/ (with the
// slash; proxy.ts redirects the address without it). docs/api.md, "W3C Web Annotation Protocol".
const route = containerRoute(containerParamsSchema);
export const GET = route.GET;
export const HEAD = route.HEAD;
export const POST = route.POST;
export const OPTIONS = route.OPTIONS;
