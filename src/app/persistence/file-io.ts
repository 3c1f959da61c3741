import { READ_LIMITS, decodeDesignBytes, formatOfFileName, serializeDesign, type Design, type DesignProblem, type TextFormat } from '../../model';
import { loadDesign } from '../../catalog';

/** Reading and writing design files in the browser: a picked or dropped file in, a download out. */

export type FileReadResult = { ok: true; design: Design; notes: string[] } | { ok: false; problems: DesignProblem[] };

const ACCEPTED = /\.(ya?ml|json)$/i;

/**
 * Reads a design file, refusing a huge one by its size before reading a byte of it. Bytes are
 * decoded as the command line decodes them (decodeDesignBytes): UTF-8, or UTF-16 with a byte order mark.
 */
export async function readDesignFile(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>): Promise<FileReadResult> {
  if (file.size > READ_LIMITS.maxCharacters) {
    const megabytes = (READ_LIMITS.maxCharacters / 1024 / 1024).toFixed(0);
    return {
      ok: false,
      problems: [{ path: [], code: 'too-large', message: `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(1)} MB, larger than the ${megabytes} MB a design file may be; refused without reading it` }],
    };
  }
  if (!ACCEPTED.test(file.name) && file.name.includes('.')) {
    return { ok: false, problems: [{ path: [], code: 'syntax', message: `"${file.name}" is not a design file: expected .yaml, .yml or .json` }] };
  }
  const decoded = decodeDesignBytes(new Uint8Array(await file.arrayBuffer()));
  if (!decoded.ok) return { ok: false, problems: decoded.problems };
  const result = loadDesign(decoded.text, { format: formatOfFileName(file.name), fileName: file.name });
  return result.ok ? { ok: true, design: result.design, notes: result.notes } : { ok: false, problems: result.problems };
}

/** `Client portal, single region` -> `client-portal-single-region.ninesmith.yaml` */
export function designFileName(design: Pick<Design, 'name'>, format: TextFormat): string {
  const stem =
    design.name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'design';
  return `${stem}.ninesmith.${format === 'json' ? 'json' : 'yaml'}`;
}

/** The design file's text as exported: the canonical serialization. */
export function exportText(design: Design, format: TextFormat): string {
  return serializeDesign(design, format);
}

/** Offers text as a file download. */
export function downloadText(fileName: string, text: string, mime: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }));
}

/** Offers a file download: a design, a diagram, an export's zip. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
