import Ajv from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import annotationsDefs from './schemas/definitions/annotations.json';
import bodyTargetDefs from './schemas/definitions/bodyTarget.json';
import choiceSetDefs from './schemas/definitions/choiceSet.json';
import collectionsDefs from './schemas/definitions/collections.json';
import idDefs from './schemas/definitions/id.json';
import otherPropertiesDefs from './schemas/definitions/otherProperties.json';
import specificResourceDefs from './schemas/definitions/specificResource.json';
import { MUST_ASSERTION_FILES, MUST_ASSERTION_SCHEMAS } from './must-assertions';
import { isDateTime, isUri } from './formats';

export interface MustFailure {
  /** The assertion's name, e.g. "3.1-annotationIdValidated". */
  assertion: string;
  /** The suite's own error message for it, without its "ERROR: " prefix. */
  message: string;
}

export interface MustCheckResult {
  ok: boolean;
  failures: MustFailure[];
}

interface CompiledAssertion {
  assertion: string;
  message: string;
  validate: ValidateFunction;
}

let suiteAjv: Ajv | null = null;
let compiled: CompiledAssertion[] | null = null;

function getSuiteAjv(): Ajv {
  if (suiteAjv) return suiteAjv;
  const ajv = new Ajv({ allErrors: false, strict: false, validateSchema: false });
  // The suite's assertion files carry harness metadata next to the schema keywords.
  ajv.addVocabulary(['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage']);
  ajv.addFormat('uri', isUri);
  ajv.addFormat('date-time', isDateTime);
  for (const defs of [
    annotationsDefs,
    bodyTargetDefs,
    choiceSetDefs,
    collectionsDefs,
    idDefs,
    otherPropertiesDefs,
    specificResourceDefs,
  ]) {
    ajv.addSchema(defs as object);
  }
  suiteAjv = ajv;
  return ajv;
}

// Compiling ~54 schemas takes a noticeable moment; do it once, on first use.
function compileAssertions(): CompiledAssertion[] {
  if (compiled) return compiled;
  const ajv = getSuiteAjv();
  compiled = MUST_ASSERTION_SCHEMAS.map((schema, i) => {
    const s = schema as { errorMessage?: string; title?: string };
    const file = MUST_ASSERTION_FILES[i];
    return {
      assertion: file.slice(file.lastIndexOf('/') + 1).replace(/\.json$/, ''),
      message: (s.errorMessage ?? s.title ?? file).replace(/^ERROR:\s*/, ''),
      validate: ajv.compile(schema),
    };
  });
  return compiled;
}

/** Names of the "must" assertions this validator checks, in the suite's order. */
export function listMustAssertions(): string[] {
  return compileAssertions().map((a) => a.assertion);
}

/**
 * Runs every "must" assertion of the W3C Web Annotation test suite (annotationMusts.test)
 * against one annotation, as the suite's harness does: each assertion is expected "valid",
 * and every one that is not is reported (failAndContinue).
 */
export function checkAnnotationMusts(anno: unknown): MustCheckResult {
  const failures: MustFailure[] = [];
  for (const { assertion, message, validate } of compileAssertions()) {
    if (!validate(anno)) failures.push({ assertion, message });
  }
  return { ok: failures.length === 0, failures };
}

const COLLECTION_CHECKS = [
  'annotationCollectionTypeValueFound',
  'labelDefinition',
  'totalDefinition',
  'firstValidIfPresent',
  'firstRequiredIfTotalMoreThanZero',
];
const PAGE_CHECKS = [
  'annotationPageTypeValueFound',
  'partOfValidIfPresent',
  'startIndexDefinition',
  'itemsFound',
];

/**
 * Checks an AnnotationCollection, and its embedded first page, against the suite's
 * collection definitions (collections.json; the suite has no "must" test file for them).
 */
export function checkCollectionDefinitions(collection: unknown): MustCheckResult {
  const ajv = getSuiteAjv();
  const failures: MustFailure[] = [];
  const run = (names: string[], value: unknown) => {
    for (const name of names) {
      const validate = ajv.getSchema(`collections.json#/definitions/${name}`);
      if (!validate || !validate(value))
        failures.push({ assertion: name, message: `fails collections.json#/definitions/${name}` });
    }
  };
  run(COLLECTION_CHECKS, collection);
  const first = (collection as { first?: unknown } | null)?.first;
  if (typeof first === 'object' && first !== null) run(PAGE_CHECKS, first);
  return { ok: failures.length === 0, failures };
}
