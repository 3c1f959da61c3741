import { useQueries, useQuery } from '@tanstack/react-query';
import type { Design } from '../../model';
import { getLibrary, useLibraryStatus } from '../persistence/session';
import { loadTemplates } from '../shell/templates';
import { useModel, useStore } from '../store';

/**
 * What the compare view can put side by side: the open design, the designs saved in the library
 * and the reference templates. A choice is a key: `open`, `library:<id>`, `template:<id>`.
 */
export const OPEN_DESIGN = 'open';

export interface Choice {
  key: string;
  label: string;
  group: 'Open design' | 'Library' | 'Templates';
}

export type ChoiceDesign = { status: 'ready'; design: Design } | { status: 'loading' } | { status: 'error'; message: string };

export function useTemplates() {
  return useQuery({ queryKey: ['templates'], queryFn: loadTemplates, staleTime: Infinity });
}

function useLibraryEntries() {
  const revision = useLibraryStatus((state) => state.revision);
  return useQuery({ queryKey: ['library-entries', revision], queryFn: () => getLibrary().list(), placeholderData: (previous) => previous });
}

/** Every choice, the open design first, then the library (newest first), then the templates. */
export function useChoices(): Choice[] {
  const name = useStore((state) => state.model.name);
  const openId = useStore((state) => state.designId);
  const templates = useTemplates();
  const entries = useLibraryEntries();
  const choices: Choice[] = [{ key: OPEN_DESIGN, label: `${name} (open)`, group: 'Open design' }];
  // The open design's own library entry is the "open" choice, with its unsaved edits.
  for (const entry of entries.data ?? []) if (entry.deletedAt === undefined && entry.id !== openId) choices.push({ key: `library:${entry.id}`, label: entry.name, group: 'Library' });
  for (const template of templates.data ?? []) choices.push({ key: `template:${template.id}`, label: template.design.name, group: 'Templates' });
  return choices;
}

/** The designs behind the chosen keys, in the same order; library designs load from IndexedDB once per revision. */
export function useChosenDesigns(keys: readonly string[]): ChoiceDesign[] {
  const model = useModel();
  const revision = useLibraryStatus((state) => state.revision);
  const templates = useTemplates();
  const libraryIds = keys.filter((key) => key.startsWith('library:')).map((key) => key.slice('library:'.length));
  const loaded = useQueries({
    queries: libraryIds.map((id) => ({
      queryKey: ['library-design', id, revision],
      queryFn: async () => {
        const result = await getLibrary().load(id);
        if (!result) throw new Error('no longer in the library');
        if (!result.ok) throw new Error(`cannot be read: ${result.problems[0]?.message ?? 'invalid'}`);
        return result.design;
      },
      staleTime: Infinity,
    })),
  });
  return keys.map((key): ChoiceDesign => {
    if (key === OPEN_DESIGN) return { status: 'ready', design: model };
    if (key.startsWith('template:')) {
      if (templates.error) return { status: 'error', message: templates.error.message };
      const template = templates.data?.find((t) => `template:${t.id}` === key);
      return template ? { status: 'ready', design: template.design } : templates.data ? { status: 'error', message: 'no such template' } : { status: 'loading' };
    }
    const query = loaded[libraryIds.indexOf(key.slice('library:'.length))];
    if (!query || query.isPending) return { status: 'loading' };
    if (query.error) return { status: 'error', message: query.error.message };
    return { status: 'ready', design: query.data! };
  });
}
