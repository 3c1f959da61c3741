import { edits, emptyDesign, type Design, type TextFormat } from '../../model';
import { currentDocument, notify } from '../store';
import { isShareFragment } from '../persistence/share-fragment';
import { openAsNewDesign } from '../persistence/session';
import { closeDialog, showProblems } from './ui-state';
import type { HandedFile } from './dropped-files';

/** What the toolbar, the drop target and the boot sequence do with files, links and templates. */

/** Reading and writing design files (js-yaml, the validator): loaded when first used, after the first paint. */
const fileIo = () => import('../persistence/file-io');

export async function importFile(file: File): Promise<boolean> {
  const { readDesignFile } = await fileIo();
  const result = await readDesignFile(file);
  if (!result.ok) {
    showProblems(
      `"${file.name}" was not imported`,
      `It has ${result.problems.length === 1 ? 'a problem' : `${result.problems.length} problems`}; the open design is untouched.`,
      result.problems,
    );
    return false;
  }
  await openAsNewDesign(result.design);
  notify('info', `Imported "${result.design.name}"`, result.notes.length > 0 ? result.notes : ['Saved as a new design in the library.']);
  return true;
}

const TERRAFORM = /\.(tf|tfvars)$|\.tf\.json$/i;

/** `terraform show -json` output: a plan or state, not a design file. */
async function isShowJson(file: File): Promise<boolean> {
  if (!/\.json$/i.test(file.name) || file.size > 64 * 1024 * 1024) return false;
  const head = (await file.slice(0, 4096).text()).replace(/\s+/g, '');
  return head.startsWith('{"format_version"') || /"(planned_values|prior_state)":/.test(head);
}

/**
 * Files handed to the page (picked or dropped): Terraform (a folder, .tf files or the JSON of
 * `terraform show -json`) is imported into a new design with its guesses in the Import panel;
 * otherwise the first file is read as a design file.
 */
export async function importFiles(files: readonly HandedFile[]): Promise<boolean> {
  const first = files[0];
  if (!first) return false;
  const terraform = files.some((entry) => TERRAFORM.test(entry.path)) || (files.length === 1 && (await isShowJson(first.file)));
  if (!terraform) return importFile(first.file);
  const { importTerraformFiles } = await import('../panels/import/terraform-import');
  const folder = first.path.includes('/') ? first.path.split('/')[0]! : first.file.name.replace(/\.[^.]+$/, '');
  return (await importTerraformFiles(files, folder)) !== undefined;
}

/** Imports the design a shared link carries; refuses an invalid or oversized one with every problem. */
export async function importShareHash(hash: string): Promise<boolean> {
  if (!isShareFragment(hash)) return false;
  const { decodeShareFragment } = await import('../persistence/share-link');
  const result = decodeShareFragment(hash);
  if (!result.ok) {
    showProblems(
      'The shared link was not opened',
      `It has ${result.problems.length === 1 ? 'a problem' : `${result.problems.length} problems`}; the open design is untouched.`,
      result.problems,
    );
    return false;
  }
  await openAsNewDesign(result.design);
  notify('info', `Opened the shared design "${result.design.name}"`, ['Saved as a new design in your library; your other designs are untouched.']);
  return true;
}

export async function exportDesign(format: TextFormat): Promise<void> {
  const design = currentDocument();
  const { designFileName, downloadText, exportText } = await fileIo();
  downloadText(designFileName(design, format), exportText(design, format), format === 'json' ? 'application/json' : 'application/yaml');
}

export async function startFrom(design: Design): Promise<void> {
  await openAsNewDesign(design);
  closeDialog();
}

/** A blank design: one region with three zones, since almost every component needs a region. */
export function blankDesign(): Design {
  return edits.addProposedRegion(emptyDesign()).design;
}
