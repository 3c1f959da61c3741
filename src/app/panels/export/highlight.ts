/**
 * Syntax highlighting for the export preview, loaded on first use: Prism and the grammars of the
 * files an export holds (HCL, YAML, Markdown, JSON). Prism's output escapes the source text, so a
 * hostile name in a generated file stays text in the preview.
 */
import type PrismDefault from 'prismjs';

type PrismModule = typeof PrismDefault;

let loading: Promise<PrismModule> | undefined;

function loadPrism(): Promise<PrismModule> {
  loading ??= (async () => {
    const prism = (await import('prismjs')).default;
    // The grammars register themselves on the global Prism that the core module sets.
    await Promise.all([import('prismjs/components/prism-hcl'), import('prismjs/components/prism-yaml'), import('prismjs/components/prism-json')]);
    await import('prismjs/components/prism-markdown');
    return prism;
  })();
  return loading;
}

export function languageOf(path: string): 'hcl' | 'yaml' | 'markdown' | 'json' | 'plain' {
  if (path.endsWith('.tf')) return 'hcl';
  if (path.endsWith('.yaml') || path.endsWith('.yml')) return 'yaml';
  if (path.endsWith('.md')) return 'markdown';
  if (path.endsWith('.json')) return 'json';
  return 'plain';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** HTML of the highlighted file (escaped text with Prism's token spans). */
export async function highlight(path: string, contents: string): Promise<string> {
  const language = languageOf(path);
  if (language === 'plain') return escapeHtml(contents);
  const prism = await loadPrism();
  const grammar = prism.languages[language];
  return grammar ? prism.highlight(contents, grammar, language) : escapeHtml(contents);
}
