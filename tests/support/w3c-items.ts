// The parts of exported W3C Web Annotation JSON-LD that the tests read. Exports are
// checked against the W3C suite's schemas separately; these types only say what the
// assertions expect to find, so that reading a parsed export needs no `any`.

export interface W3cBody {
  type?: string;
  purpose?: string;
  value?: string;
  format?: string;
  items?: W3cBody[];
}

export interface W3cSelector {
  type: string;
  start?: number;
  end?: number;
  exact?: string;
  prefix?: string;
  suffix?: string;
  value?: string;
  refinedBy?: W3cSelector;
}

/** An exported annotation: tagging and commenting bodies, a target with selectors. */
export interface W3cAnnotation {
  id: string;
  motivation: string;
  created?: string;
  'mg:hidden'?: boolean;
  'mg:anchorStatus'?: string;
  body?: W3cBody[];
  target: {
    source: string;
    selector: W3cSelector[];
    'mg:startBlock'?: string;
    'mg:startOffset'?: number;
    'mg:endBlock'?: string;
    'mg:endOffset'?: number;
  };
}

/** An exported reply: one Choice body, its target the annotation's IRI. */
export interface W3cReply {
  id: string;
  motivation: 'replying';
  created?: string;
  'mg:hidden'?: boolean;
  body?: W3cBody;
  target: string;
}

export type W3cItem = W3cAnnotation | W3cReply;

export const isReply = (item: W3cItem): item is W3cReply => item.motivation === 'replying';

/** The items of an exported AnnotationCollection (its first page). */
export function collectionItems(jsonText: string): W3cItem[] {
  return JSON.parse(jsonText).first.items;
}
