import wasmUrl from '@cdktf/hcl2json/main.wasm.gz?url';
import { gunzipSync } from 'fflate';
import { hclParser, importTerraform, isGzip, sizeRefusal, type ImportReport, type SourceFile } from '../../../import';
import { notify, setActivePanel } from '../../store';
import { openAsNewDesign } from '../../persistence/session';
import { saveImportReport } from './report-store';

/**
 * Terraform in the browser: the files of a picked or dropped folder (or several .tf files) become
 * a new design in the library, and the import's guesses go to the Import panel. This module is
 * loaded only when Terraform is imported; hcl2json's WebAssembly (1.7 MB) is fetched then.
 */

const parser = hclParser(async () => {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`the HCL parser could not be loaded: ${response.status} ${response.statusText}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // A server may already have undone the gzip (Content-Encoding: gzip); only gunzip real gzip.
  return isGzip(bytes) ? gunzipSync(bytes) : bytes;
});

/** Text files of a Terraform folder; anything else dropped beside them is left out. */
const TERRAFORM_FILE = /\.(tf|tfvars|json)$/i;
/** Folders Terraform itself keeps (provider binaries, downloaded modules) are never read. */
const SKIPPED = /(^|\/)(\.terraform|\.git|node_modules)\//;

export interface PickedFile {
  /** Path relative to the picked or dropped folder (`modules/app/main.tf`), or the file's name. */
  readonly path: string;
  readonly file: Pick<File, 'name' | 'size' | 'text'>;
}

/** The importer's result for the panel, and the id of the new design. */
export async function importTerraformFiles(picked: readonly PickedFile[], name: string): Promise<{ designId: string; report: ImportReport } | undefined> {
  const wanted = picked.filter((entry) => TERRAFORM_FILE.test(entry.path) && !SKIPPED.test(entry.path));
  // Refused before a byte is read: a huge or hostile folder must not fill the tab's memory.
  const tooMuch = sizeRefusal(wanted.map((entry) => ({ path: entry.path, size: entry.file.size })));
  if (tooMuch) {
    notify('error', 'The Terraform was not imported', [`${tooMuch.file}: ${tooMuch.message}`]);
    return undefined;
  }
  const files: SourceFile[] = [];
  for (const entry of wanted) files.push({ path: entry.path, text: await entry.file.text() });
  // A dropped folder gives paths under its own name (`infra/main.tf`): the folder is the root.
  const top = new Set(files.map((file) => file.path.split('/')[0]));
  const single = top.size === 1 && files.every((file) => file.path.includes('/')) ? `${[...top][0]}/` : '';
  const relative = single ? files.map((file) => ({ ...file, path: file.path.slice(single.length) })) : files;
  let result;
  try {
    result = await importTerraform(relative, { parser, name: single ? single.slice(0, -1) : name });
  } catch (error) {
    // The parser could not be loaded or stopped: said, never a silent drop.
    notify('error', 'The Terraform was not imported', [(error as Error).message]);
    return undefined;
  }
  if (!result.ok) {
    notify('error', 'The Terraform was not imported', result.problems.map((problem) => `${problem.file}: ${problem.message}`));
    return undefined;
  }
  const designId = await openAsNewDesign(result.design);
  saveImportReport(designId, result.report);
  setActivePanel('import');
  const guesses = result.report.inferences.length;
  notify('info', `Imported "${result.design.name}" from Terraform`, [
    `${result.design.components.length} components; ${guesses} guess${guesses === 1 ? '' : 'es'} to check in the Import panel.`,
    'Saved as a new design in the library.',
  ]);
  return { designId, report: result.report };
}
