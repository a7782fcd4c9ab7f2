import { describe, expect, it } from 'vitest';
import { annotationToJsonLd } from '@/lib/export/jsonld';
import type { ExportAnnotation } from '@/lib/export/types';
import { ctx, records, richNote } from '@/tests/fixtures/w3c/export-records';
import {
  CONTAINER_SAMPLES,
  INCORRECT_SAMPLE_FLAWS,
  NOT_JSON_SAMPLE,
  PRE_RECOMMENDATION_SAMPLES,
  listSamples,
  readMustsTestList,
  readSampleText,
} from '@/tests/fixtures/w3c/samples';
import { parseLenientJson } from './lenient-json';
import { checkAnnotationMusts, checkCollectionDefinitions, listMustAssertions } from './validate';

const variants: ExportAnnotation[] = [
  ...records,
  { ...richNote, id: 'aaaaaaaa-0000-4000-8000-000000000001', noteText: '', noteDoc: null, tags: [] },
  {
    ...richNote,
    id: 'aaaaaaaa-0000-4000-8000-000000000002',
    prefix: '',
    suffix: '',
    group: null,
    visibility: 'private',
  },
  {
    ...richNote,
    id: 'aaaaaaaa-0000-4000-8000-000000000003',
    document: { ...richNote.document, slug: 'ünï cödé & more' },
  },
];

describe('checkAnnotationMusts', () => {
  it("checks every assertion listed in the suite's annotationMusts.test", () => {
    const names = readMustsTestList().map((p) => p.slice(p.lastIndexOf('/') + 1).replace(/\.json$/, ''));
    expect(listMustAssertions()).toEqual(names);
    expect(names).toHaveLength(54);
  });

  it('passes every annotation and reply Marginalia exports', () => {
    const exported = variants.flatMap((a) => annotationToJsonLd(a, ctx));
    expect(exported.length).toBeGreaterThan(variants.length);
    for (const anno of exported) {
      expect({ id: anno.id, ...checkAnnotationMusts(anno) }).toEqual({ id: anno.id, ok: true, failures: [] });
    }
  });

  it("passes the suite's correct sample annotations", () => {
    const annotations = listSamples('correct').filter(
      (f) => !CONTAINER_SAMPLES.includes(f) && !PRE_RECOMMENDATION_SAMPLES.includes(f),
    );
    expect(annotations.length).toBeGreaterThanOrEqual(37);
    for (const file of annotations) {
      const result = checkAnnotationMusts(JSON.parse(readSampleText('correct', file)));
      expect({ file, ...result }).toEqual({ file, ok: true, failures: [] });
    }
  });

  it("passes the annotations inside the suite's correct collections and pages, with the inherited @context", () => {
    for (const file of CONTAINER_SAMPLES) {
      const container = JSON.parse(readSampleText('correct', file));
      const page = container.type === 'AnnotationPage' ? container : container.first;
      const items: unknown[] = typeof page === 'object' ? page.items : [];
      for (const item of items) {
        const id = (item as { id: string }).id;
        if (PRE_RECOMMENDATION_SAMPLES.some((f) => id === `http://example.org/${f.replace('.json', '')}`))
          continue;
        expect(
          checkAnnotationMusts({ '@context': container['@context'], ...(item as object) }).failures,
        ).toEqual([]);
      }
    }
    expect(checkCollectionDefinitions(JSON.parse(readSampleText('correct', 'collection1.json'))).ok).toBe(
      true,
    );
  });

  it('rejects the Composite, List and Independents targets that the Recommendation dropped', () => {
    for (const file of PRE_RECOMMENDATION_SAMPLES) {
      const result = checkAnnotationMusts(JSON.parse(readSampleText('correct', file)));
      expect(result.failures.map((f) => f.assertion)).toEqual(['3.2-targetObjectsRecognized']);
    }
  });

  it('fails every incorrect sample, naming the assertion that catches its flaw', () => {
    const files = listSamples('incorrect').filter((f) => f !== NOT_JSON_SAMPLE);
    expect(files.sort()).toEqual(Object.keys(INCORRECT_SAMPLE_FLAWS).sort());
    for (const file of files) {
      const result = checkAnnotationMusts(parseLenientJson(readSampleText('incorrect', file)));
      expect(result.ok).toBe(false);
      expect({ file, flaws: result.failures.map((f) => f.assertion) }).toEqual({
        file,
        flaws: expect.arrayContaining([INCORRECT_SAMPLE_FLAWS[file]]),
      });
      expect(result.failures.every((f) => f.message.length > 20 && !f.message.startsWith('ERROR'))).toBe(
        true,
      );
    }
  });

  it("reports a missing @context with the suite's message", () => {
    const { '@context': _omit, ...noContext } = annotationToJsonLd(richNote, ctx)[0];
    expect(checkAnnotationMusts(noContext).failures).toEqual([
      {
        assertion: '3.1-annotationContextValidated',
        message:
          "Annotation is missing @context key or 'http://www.w3.org/ns/anno.jsonld' is not a value of @context.",
      },
    ]);
  });

  it('rejects non-objects without throwing', () => {
    for (const value of [null, 42, 'text', []]) expect(checkAnnotationMusts(value).ok).toBe(false);
  });
});
