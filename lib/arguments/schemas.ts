// The argument and disagreement views as the API returns them (built by the pure modules
// beside this file from what the reader sees).
import { z } from 'zod';
import { linkViewSchema, relationViewSchema } from '@/lib/links/schemas';

const passageRef = {
  id: z.uuid(),
  tags: z.array(z.string()),
  exact: z.string(),
  paragraph: z.number().int().nullable().describe('¶ number of the paragraph it starts in'),
  anchor: z.string().describe('block anchor, for /documents/{slug}#{anchor}'),
};

const argumentAnnotationSchema = z.object({ ...passageRef, authorName: z.string() });
const keptLinkSchema = z.object({
  id: z.uuid(),
  fromId: z.uuid(),
  toId: z.uuid(),
  relation: z.string(),
  note: z.string(),
  inCycle: z.boolean().describe('the link lies on a cycle (A supports B supports A)'),
});
const linkedItemSchema = z.object({ link: keptLinkSchema, annotation: argumentAnnotationSchema });

export const argumentPageSchema = z
  .object({
    document: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
    view: z.object({
      claims: z.array(
        z.object({
          claim: argumentAnnotationSchema,
          incoming: z.object({
            supports: z.array(linkedItemSchema),
            contradicts: z.array(linkedItemSchema),
            frames: z.array(linkedItemSchema),
            qualifies: z.array(linkedItemSchema),
            other: z.array(linkedItemSchema),
          }),
          outgoing: z.array(linkedItemSchema),
        }),
      ),
      unlinkedEvidence: z.array(argumentAnnotationSchema),
      nodes: z.array(argumentAnnotationSchema).describe('claims and link ends, in document order'),
      unsupportedClaims: z.array(argumentAnnotationSchema),
      links: z.array(keptLinkSchema),
      dropped: z.array(z.object({ linkId: z.uuid(), reason: z.enum(['self-link', 'end-not-visible']) })),
    }),
    relations: z.array(relationViewSchema),
    links: z.array(linkViewSchema),
  })
  .meta({ id: 'ArgumentView' });

const readingSchema = z.object({
  ...passageRef,
  readerId: z.string(),
  readerName: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  note: z.string().describe('the note as plain text ("" when hidden from you)'),
});

export const disagreementPageSchema = z
  .object({
    document: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }),
    disagreements: z.array(
      z.object({
        start: z.number().int(),
        end: z.number().int(),
        readings: z.array(readingSchema),
        tagCounts: z.array(z.object({ tag: z.string(), readers: z.number().int() })),
        split: z.number().describe('0 when all agree; 1 − share of the most given tag'),
        paragraph: z.number().int().nullable(),
        anchor: z.string(),
      }),
    ),
    sharedPassages: z.number().int(),
    agreement: z.object({
      alpha: z.number().nullable().describe('Krippendorff’s alpha (nominal) over the shared passages'),
      observed: z.number().nullable().describe('share of pairs of readers who gave a passage the same tag'),
      units: z.number().int(),
      values: z.number().int(),
      raters: z.number().int(),
    }),
    threshold: z
      .number()
      .describe('overlap (share of the shorter highlight) for two highlights to be one passage'),
  })
  .meta({ id: 'Disagreements' });
