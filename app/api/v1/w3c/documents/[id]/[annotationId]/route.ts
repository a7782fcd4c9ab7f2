import { containedAnnotationRoute } from '@/lib/server/w3c-contained-routes';

// An annotation's IRI, under its document's container: /api/v1/w3c/documents/{id}/{annotationId}
// (docs/api.md, "W3C Web Annotation Protocol"). JSON-LD only; PUT with If-Match, DELETE.
const route = containedAnnotationRoute();
export const GET = route.GET;
export const HEAD = route.HEAD;
export const PUT = route.PUT;
export const DELETE = route.DELETE;
export const OPTIONS = route.OPTIONS;
