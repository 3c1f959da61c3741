import { ALL_KINDS, LAYERS, type ComponentKind, type Layer } from '../../catalog';
import { PROVIDERS, type Provider } from '../../model';

/** What a palette search looks through: title, id, description, keywords, and every provider's service names. */
function haystackOf(kind: ComponentKind): string {
  return [kind.title, kind.id, kind.description, ...kind.keywords, ...PROVIDERS.flatMap((p) => kind.services[p])].join(' ').toLowerCase();
}

const haystacks = new Map<string, string>(ALL_KINDS.map((kind) => [kind.id, haystackOf(kind)]));

/** Every word of the query appears somewhere in what the kind is called or described as. */
export function kindMatches(kind: ComponentKind, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = haystacks.get(kind.id) ?? haystackOf(kind);
  return words.every((word) => haystack.includes(word));
}

/** The provider's name for a kind ("AWS Lambda" for a serverless function on AWS), when it has a service of that kind. */
export function serviceName(kind: ComponentKind, provider: Provider): string | undefined {
  return kind.services[provider][0];
}

/** The kinds a query finds, grouped by layer in the palette's order; empty groups left out. */
export function paletteGroups(query: string, kinds: readonly ComponentKind[] = ALL_KINDS): { layer: Layer; kinds: ComponentKind[] }[] {
  return LAYERS.map((layer) => ({ layer, kinds: kinds.filter((k) => k.layer === layer && kindMatches(k, query)) })).filter((g) => g.kinds.length > 0);
}
