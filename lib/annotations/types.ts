// The annotation types of the API, inferred from the contract in ./schemas.ts.
import type { z } from 'zod';
import type { annotationViewSchema, highlightsSchema, tagViewSchema } from './schemas';

/** An annotation as the API returns it (and the reader's client holds it). */
export type AnnotationView = z.infer<typeof annotationViewSchema>;

export type TagView = z.infer<typeof tagViewSchema>;

/** The reader page's compact highlights payload (columns, see `highlightsSchema`). */
export type Highlights = z.infer<typeof highlightsSchema>;
