import { updateAnnotationSchema, annotationParamsSchema as params } from '@/lib/annotations/schemas';
import { JSON_BODY_MAX_BYTES } from '@/lib/limits';
import { withReader } from '@/lib/server/api';
import { getAnnotation, updateAnnotation } from '@/lib/server/dal/annotations';
import {
  ANNOTATION_ALLOW_HEADER,
  annotationHeaders,
  headOf,
  optionsFor,
  readAnnotation,
  removeAnnotation,
  replaceAnnotation,
  withCors,
} from '@/lib/server/w3c-handlers';

// This address is also the annotation's IRI in W3C exports and protocol containers: it
// answers the W3C annotation to `Accept: application/ld+json` and takes a W3C PUT
// (docs/api.md, "W3C Web Annotation Protocol").

export const GET = withCors(
  withReader({ params }, async ({ reader, params, request }) =>
    readAnnotation(reader, params.id, request, async () => ({
      annotation: await getAnnotation(reader, params.id),
    })),
  ),
);

export const HEAD = headOf(GET);

export const OPTIONS = optionsFor(ANNOTATION_ALLOW_HEADER, annotationHeaders(ANNOTATION_ALLOW_HEADER));

export const PATCH = withReader(
  { params, body: updateAnnotationSchema },
  async ({ reader, params, body }) => ({
    annotation: await updateAnnotation(reader, params.id, body),
  }),
);

/** W3C Web Annotation Protocol §5.2: replace with a W3C annotation, If-Match required. */
export const PUT = withCors(
  withReader({ params, rawBody: true, maxBodyBytes: JSON_BODY_MAX_BYTES }, ({ reader, params, request }) =>
    replaceAnnotation(reader, params.id, request),
  ),
);

export const DELETE = withCors(
  withReader({ params }, ({ reader, params, request }) => removeAnnotation(reader, params.id, request)),
);
