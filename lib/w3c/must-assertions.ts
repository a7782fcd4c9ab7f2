// The W3C Web Annotation test suite's "must" assertions (annotations/annotationMusts.test),
// in the suite's order. Bundled as JSON imports (lib/w3c/schemas/), so the
// validator needs no copy of the suite beside the project.
// Regenerate by listing annotationMusts.test again if the suite is updated.

import m00 from './schemas/annotations/3.1-annotationContextValidated.json';
import m01 from './schemas/annotations/3.1-annotationIdValidated.json';
import m02 from './schemas/annotations/3.1-annotationTypeValidated.json';
import m03 from './schemas/annotations/3.1-targetKeyFound.json';
import m04 from './schemas/annotations/3.2-targetObjectsRecognized.json';
import m05 from './schemas/annotations/3.2.5-notBodyBodyValue.json';
import m06 from './schemas/annotations/3.2-bodyObjectsRecognized.json';
import m07 from './schemas/annotations/3.2.5-bodyValueValidated.json';
import m08 from './schemas/annotations/3.3.1-annotationCreatedValidated.json';
import m09 from './schemas/annotations/3.3.1-annotationModifiedValidated.json';
import m10 from './schemas/annotations/3.3.1-annotationGeneratedValidated.json';
import m11 from './schemas/annotations/3.3.6-annotationRightsValidated.json';
import m12 from './schemas/annotations/3.3.7-annotationCanonicalValidated.json';
import m13 from './schemas/annotations/3.3.7-annotationViaValidated.json';
import m14 from './schemas/annotations/bodiesTargets/3.2.1-bodyTextDirectionValidated.json';
import m15 from './schemas/annotations/bodiesTargets/3.3.1-bodyCreatedValidated.json';
import m16 from './schemas/annotations/bodiesTargets/3.3.1-bodyModifiedValidated.json';
import m17 from './schemas/annotations/bodiesTargets/3.3.6-bodyRightsValidated.json';
import m18 from './schemas/annotations/bodiesTargets/3.3.7-bodyCanonicalValidated.json';
import m19 from './schemas/annotations/bodiesTargets/3.3.7-bodyViaValidated.json';
import m20 from './schemas/annotations/bodiesTargets/3.2.7-bodyEWRNoItems.json';
import m21 from './schemas/annotations/bodiesTargets/3.3.5-bodyEWRNoPurpose.json';
import m22 from './schemas/annotations/bodiesTargets/3.2.4-bodyChoiceSetNoValue.json';
import m23 from './schemas/annotations/bodiesTargets/4-bodyChoiceSetNoSource.json';
import m24 from './schemas/annotations/bodiesTargets/3.3.5-bodyChoiceSetNoPurpose.json';
import m25 from './schemas/annotations/bodiesTargets/3.2.7-bodyEmbeddedTextualNoItems.json';
import m26 from './schemas/annotations/bodiesTargets/4-bodyEmbeddedTextualNoSource.json';
import m27 from './schemas/annotations/bodiesTargets/3.2.7-bodySpecificResourceNoItems.json';
import m28 from './schemas/annotations/bodiesTargets/4-bodySpecificResourceNoValue.json';
import m29 from './schemas/annotations/bodiesTargets/3.2.1-targTextDirectionValidated.json';
import m30 from './schemas/annotations/bodiesTargets/3.3.1-targCreatedValidated.json';
import m31 from './schemas/annotations/bodiesTargets/3.3.1-targModifiedValidated.json';
import m32 from './schemas/annotations/bodiesTargets/3.3.6-targRightsValidated.json';
import m33 from './schemas/annotations/bodiesTargets/3.3.7-targCanonicalValidated.json';
import m34 from './schemas/annotations/bodiesTargets/3.3.7-targViaValidated.json';
import m35 from './schemas/annotations/bodiesTargets/3.2.7-targEWRNoItems.json';
import m36 from './schemas/annotations/bodiesTargets/3.3.5-targEWRNoPurpose.json';
import m37 from './schemas/annotations/bodiesTargets/3.2.4-targChoiceSetNoValue.json';
import m38 from './schemas/annotations/bodiesTargets/4-targChoiceSetNoSource.json';
import m39 from './schemas/annotations/bodiesTargets/3.3.5-targChoiceSetNoPurpose.json';
import m40 from './schemas/annotations/bodiesTargets/3.2.7-targSpecificResourceNoItems.json';
import m41 from './schemas/annotations/bodiesTargets/4-targSpecificResourceNoValue.json';
import m42 from './schemas/annotations/bodiesTargets/3.2.4-targNoTypeTextualBody.json';
import m43 from './schemas/annotations/specificResource/4.2-selectorValidIfPresent.json';
import m44 from './schemas/annotations/specificResource/4.3-stateValidIfPresent.json';
import m45 from './schemas/annotations/specificResource/4.3.3-refinedByValidated.json';
import m46 from './schemas/annotations/specificResource/4.4-styleClassValidIfPresent.json';
import m47 from './schemas/annotations/specificResource/4.2-fragmentCssXPathSelectorValid.json';
import m48 from './schemas/annotations/specificResource/4.2.4-textQuoteSelectorValid.json';
import m49 from './schemas/annotations/specificResource/4.2-TextDataPositionSelectorValid.json';
import m50 from './schemas/annotations/specificResource/4.2.7-svgSelectorValid.json';
import m51 from './schemas/annotations/specificResource/4.2.8-rangeSelectorValid.json';
import m52 from './schemas/annotations/specificResource/4.3.1-timeStateValid.json';
import m53 from './schemas/annotations/specificResource/4.3.2-httpRequestStateValid.json';

export const MUST_ASSERTION_FILES: readonly string[] = [
  'annotations/3.1-annotationContextValidated.json',
  'annotations/3.1-annotationIdValidated.json',
  'annotations/3.1-annotationTypeValidated.json',
  'annotations/3.1-targetKeyFound.json',
  'annotations/3.2-targetObjectsRecognized.json',
  'annotations/3.2.5-notBodyBodyValue.json',
  'annotations/3.2-bodyObjectsRecognized.json',
  'annotations/3.2.5-bodyValueValidated.json',
  'annotations/3.3.1-annotationCreatedValidated.json',
  'annotations/3.3.1-annotationModifiedValidated.json',
  'annotations/3.3.1-annotationGeneratedValidated.json',
  'annotations/3.3.6-annotationRightsValidated.json',
  'annotations/3.3.7-annotationCanonicalValidated.json',
  'annotations/3.3.7-annotationViaValidated.json',
  'annotations/bodiesTargets/3.2.1-bodyTextDirectionValidated.json',
  'annotations/bodiesTargets/3.3.1-bodyCreatedValidated.json',
  'annotations/bodiesTargets/3.3.1-bodyModifiedValidated.json',
  'annotations/bodiesTargets/3.3.6-bodyRightsValidated.json',
  'annotations/bodiesTargets/3.3.7-bodyCanonicalValidated.json',
  'annotations/bodiesTargets/3.3.7-bodyViaValidated.json',
  'annotations/bodiesTargets/3.2.7-bodyEWRNoItems.json',
  'annotations/bodiesTargets/3.3.5-bodyEWRNoPurpose.json',
  'annotations/bodiesTargets/3.2.4-bodyChoiceSetNoValue.json',
  'annotations/bodiesTargets/4-bodyChoiceSetNoSource.json',
  'annotations/bodiesTargets/3.3.5-bodyChoiceSetNoPurpose.json',
  'annotations/bodiesTargets/3.2.7-bodyEmbeddedTextualNoItems.json',
  'annotations/bodiesTargets/4-bodyEmbeddedTextualNoSource.json',
  'annotations/bodiesTargets/3.2.7-bodySpecificResourceNoItems.json',
  'annotations/bodiesTargets/4-bodySpecificResourceNoValue.json',
  'annotations/bodiesTargets/3.2.1-targTextDirectionValidated.json',
  'annotations/bodiesTargets/3.3.1-targCreatedValidated.json',
  'annotations/bodiesTargets/3.3.1-targModifiedValidated.json',
  'annotations/bodiesTargets/3.3.6-targRightsValidated.json',
  'annotations/bodiesTargets/3.3.7-targCanonicalValidated.json',
  'annotations/bodiesTargets/3.3.7-targViaValidated.json',
  'annotations/bodiesTargets/3.2.7-targEWRNoItems.json',
  'annotations/bodiesTargets/3.3.5-targEWRNoPurpose.json',
  'annotations/bodiesTargets/3.2.4-targChoiceSetNoValue.json',
  'annotations/bodiesTargets/4-targChoiceSetNoSource.json',
  'annotations/bodiesTargets/3.3.5-targChoiceSetNoPurpose.json',
  'annotations/bodiesTargets/3.2.7-targSpecificResourceNoItems.json',
  'annotations/bodiesTargets/4-targSpecificResourceNoValue.json',
  'annotations/bodiesTargets/3.2.4-targNoTypeTextualBody.json',
  'annotations/specificResource/4.2-selectorValidIfPresent.json',
  'annotations/specificResource/4.3-stateValidIfPresent.json',
  'annotations/specificResource/4.3.3-refinedByValidated.json',
  'annotations/specificResource/4.4-styleClassValidIfPresent.json',
  'annotations/specificResource/4.2-fragmentCssXPathSelectorValid.json',
  'annotations/specificResource/4.2.4-textQuoteSelectorValid.json',
  'annotations/specificResource/4.2-TextDataPositionSelectorValid.json',
  'annotations/specificResource/4.2.7-svgSelectorValid.json',
  'annotations/specificResource/4.2.8-rangeSelectorValid.json',
  'annotations/specificResource/4.3.1-timeStateValid.json',
  'annotations/specificResource/4.3.2-httpRequestStateValid.json',
];

export const MUST_ASSERTION_SCHEMAS: readonly object[] = [
  m00,
  m01,
  m02,
  m03,
  m04,
  m05,
  m06,
  m07,
  m08,
  m09,
  m10,
  m11,
  m12,
  m13,
  m14,
  m15,
  m16,
  m17,
  m18,
  m19,
  m20,
  m21,
  m22,
  m23,
  m24,
  m25,
  m26,
  m27,
  m28,
  m29,
  m30,
  m31,
  m32,
  m33,
  m34,
  m35,
  m36,
  m37,
  m38,
  m39,
  m40,
  m41,
  m42,
  m43,
  m44,
  m45,
  m46,
  m47,
  m48,
  m49,
  m50,
  m51,
  m52,
  m53,
];
