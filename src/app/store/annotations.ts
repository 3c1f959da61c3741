import type { NodeAnnotation } from './store';

/**
 * Every component's annotation (findings badge, down in a what-if), kept in buckets by a hash of
 * its id, immutable: a change copies the buckets it touches and shares the others, so publishing an
 * edit's few new badges does not copy a record of every annotated component (5,000 of them at 5,000
 * components, about 3 ms a copy). Read one with `annotationOf`.
 */
export interface NodeAnnotations {
  readonly buckets: readonly Readonly<Record<string, NodeAnnotation>>[];
}

/** A power of two: a bucket of a design of 5,000 annotated components holds about 80. */
const BUCKETS = 64;

function bucketOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (Math.imul(hash, 31) + id.charCodeAt(i)) | 0;
  return hash & (BUCKETS - 1);
}

export const NO_ANNOTATIONS: NodeAnnotations = Object.freeze({ buckets: Object.freeze(Array.from({ length: BUCKETS }, () => Object.freeze({}))) });

export function annotationOf(annotations: NodeAnnotations, id: string): NodeAnnotation | undefined {
  return annotations.buckets[bucketOf(id)]![id];
}

/** Every annotation, in no particular order. */
export function annotationEntries(annotations: NodeAnnotations): [string, NodeAnnotation][] {
  return annotations.buckets.flatMap((bucket) => Object.entries(bucket));
}

/** The annotations with `changes` made: an id mapped to undefined loses its annotation. */
export function withAnnotations(annotations: NodeAnnotations, changes: ReadonlyMap<string, NodeAnnotation | undefined>): NodeAnnotations {
  if (changes.size === 0) return annotations;
  const buckets = annotations.buckets.slice() as Record<string, NodeAnnotation>[];
  const copied = new Set<number>();
  for (const [id, annotation] of changes) {
    const index = bucketOf(id);
    if (buckets[index]![id] === annotation) continue;
    if (!copied.has(index)) {
      buckets[index] = { ...buckets[index] };
      copied.add(index);
    }
    if (annotation) buckets[index]![id] = annotation;
    else delete buckets[index]![id];
  }
  return copied.size === 0 ? annotations : { buckets };
}
