import { readDesignDocument, readDesignText, schemaParseOptions, type Design, type DesignProblem, type ReadResult, type TextFormat } from '../model';
import type { z } from 'zod';
import { findKind, ALL_KINDS } from './registry';
import type { ComponentKind } from './types';
import { regionPropPaths } from './props';
import { propsSchema } from './props-schema';

function getPath(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Checks what only the catalog knows: every kind exists, regional kinds have a region and
 * global kinds none, and every prop is declared by the kind, with the right type and range.
 */
export function checkAgainstCatalog(design: Design): DesignProblem[] {
  const problems: DesignProblem[] = [];
  const regionIds = new Set(design.regions.map((region) => region.id));
  const parseOptions = schemaParseOptions(design.components.length);
  // A large design's components are of a few dozen kinds and mostly without props: what a kind's
  // schema says of no props, and where its props name a region, are worked out once a check, not
  // once a component (a zod parse of `{}` for each of 20,000 components was a seventh of reading).
  const withoutProps = new Map<ComponentKind, ReturnType<z.ZodType['safeParse']>>();
  const regionPaths = new Map<ComponentKind, string[][]>();
  design.components.forEach((component, index) => {
    const kind = findKind(component.kind);
    if (!kind) {
      problems.push({
        path: ['components', index, 'kind'],
        code: 'unknown-kind',
        message: `unknown kind "${component.kind}"; expected one of ${ALL_KINDS.map((k) => k.id).join(', ')}`,
      });
      return;
    }
    if (kind.capabilities.placement === 'regional' && component.region === undefined) {
      problems.push({ path: ['components', index, 'region'], code: 'region-required', message: `required: a ${kind.title.toLowerCase()} runs in a region` });
    }
    if (kind.capabilities.placement === 'global' && component.region !== undefined) {
      problems.push({ path: ['components', index, 'region'], code: 'region-required', message: `a ${kind.title.toLowerCase()} is global: it has no region` });
    }
    let parsed: ReturnType<z.ZodType['safeParse']> | undefined;
    if (component.props === undefined) {
      parsed = withoutProps.get(kind);
      if (parsed === undefined) {
        parsed = propsSchema(kind).safeParse({}, parseOptions);
        withoutProps.set(kind, parsed);
      }
    } else {
      parsed = propsSchema(kind).safeParse(component.props, parseOptions);
    }
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const message =
          issue.code === 'unrecognized_keys'
            ? `${kind.title} has no prop${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`
            : issue.message;
        problems.push({
          path: ['components', index, 'props', ...issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment))],
          code: 'invalid-prop',
          message,
        });
      }
      return;
    }
    // Without props no path names anything.
    if (component.props === undefined) return;
    let paths = regionPaths.get(kind);
    if (paths === undefined) {
      paths = regionPropPaths(kind);
      regionPaths.set(kind, paths);
    }
    for (const path of paths) {
      const value = getPath(component.props, path);
      if (typeof value === 'string' && !regionIds.has(value)) {
        problems.push({ path: ['components', index, 'props', ...path], code: 'unknown-reference', message: `no region with id "${value}"` });
      }
    }
  });
  return problems;
}

/** Adds the catalog's problems, also when references are wrong, so a refused file lists every problem at once. */
function withCatalogCheck(result: ReadResult): ReadResult {
  if (!result.ok) {
    if (!result.partial) return result;
    return { ok: false, problems: [...result.problems, ...checkAgainstCatalog(result.partial)] };
  }
  const problems = checkAgainstCatalog(result.design);
  return problems.length > 0 ? { ok: false, problems } : result;
}

/** Reads and fully validates a design file: syntax, format 1, references and the kinds' props. */
export function loadDesign(text: string, options: { format?: TextFormat; fileName?: string } = {}): ReadResult {
  return withCatalogCheck(readDesignText(text, options));
}

/** As loadDesign, for a document that is already plain data (e.g. from IndexedDB or a link). */
export function loadDesignDocument(document: unknown): ReadResult {
  return withCatalogCheck(readDesignDocument(document));
}
