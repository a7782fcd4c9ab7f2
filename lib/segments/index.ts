export { segmentBlock, type Highlight, type Segment } from './segment-block';
export { highlightsByBlock, type AnchoredRange } from './highlights-by-block';
