import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { serializeDesign, type Design, type DesignProblem } from '../../model';
import { loadDesign } from '../../catalog';
import { SHARE_PARAM, isShareFragment } from './share-fragment';

/**
 * A design shared as a link: the canonical JSON, deflated and base64url-encoded into the URL
 * fragment (`#design=...`). The fragment never reaches a server, so a shared design stays
 * between the people who hold the link. Opening one imports it as a new library entry.
 */
export { SHARE_PARAM, isShareFragment };

export const SHARE_LIMITS = {
  /**
   * Characters of the fragment. Chromium accepts URLs of 2 MB, but chat tools and mail clients cut
   * far shorter links, so links above this are refused when made and when opened.
   */
  maxFragmentCharacters: 1_000_000,
  /** Bytes of JSON after inflating: stops a small link that inflates to gigabytes. */
  maxInflatedBytes: 8 * 1024 * 1024,
} as const;

export type ShareDecodeResult = { ok: true; design: Design } | { ok: false; problems: DesignProblem[] };
export type ShareEncodeResult = { ok: true; fragment: string } | { ok: false; message: string };

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** `#design=<payload>` for a design, or why it cannot be shared as a link. */
export function encodeShareFragment(design: Design): ShareEncodeResult {
  const json = serializeDesign(design, 'json');
  const payload = toBase64Url(deflateSync(strToU8(json), { level: 9 }));
  const fragment = `#${SHARE_PARAM}=${payload}`;
  if (fragment.length > SHARE_LIMITS.maxFragmentCharacters) {
    return {
      ok: false,
      message: `the link would be ${fragment.length.toLocaleString('en-US')} characters, more than the ${SHARE_LIMITS.maxFragmentCharacters.toLocaleString('en-US')} a link can carry; export the file and share that instead`,
    };
  }
  return { ok: true, fragment };
}

/** The full link: the page's address without query or fragment, plus the design's fragment. */
export function shareLink(pageUrl: string, design: Design): ShareEncodeResult & { url?: string } {
  const encoded = encodeShareFragment(design);
  if (!encoded.ok) return encoded;
  const url = new URL(pageUrl);
  url.search = '';
  url.hash = '';
  return { ...encoded, url: `${url.toString().replace(/#$/, '')}${encoded.fragment}` };
}

/** Compressed bytes fed to the inflater at a time: deflate expands at most about 1,032:1, so one step yields at most about 1 MB. */
const INFLATE_STEP = 1024;

/**
 * Inflates step by step and stops as soon as the output passes `limit`, so a link that would
 * inflate to gigabytes costs only as much work as the limit, not as the whole stream.
 */
function inflateBounded(bytes: Uint8Array, limit: number): Uint8Array | 'too-large' | 'damaged' {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    chunks.push(chunk);
    size += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let offset = 0; offset < bytes.length && size <= limit; offset += INFLATE_STEP) {
      const end = Math.min(offset + INFLATE_STEP, bytes.length);
      inflater.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch {
    return 'damaged';
  }
  if (size > limit) return 'too-large';
  if (!ended) return 'damaged';
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const problem = (code: DesignProblem['code'], message: string): ShareDecodeResult => ({ ok: false, problems: [{ path: [], code, message }] });

/**
 * Reads a shared design from a location hash, with the same validation as a file import.
 * Refuses oversized, truncated or tampered links with a message, never throws.
 */
export function decodeShareFragment(hash: string): ShareDecodeResult {
  if (!isShareFragment(hash)) return problem('not-an-object', 'the link does not carry a design (expected #design=...)');
  if (hash.length > SHARE_LIMITS.maxFragmentCharacters) {
    return problem('too-large', `the link is ${hash.length.toLocaleString('en-US')} characters long, more than the ${SHARE_LIMITS.maxFragmentCharacters.toLocaleString('en-US')} accepted; refused`);
  }
  const bytes = fromBase64Url(hash.slice(SHARE_PARAM.length + 2));
  if (!bytes || bytes.length === 0) return problem('syntax', 'the link is damaged: its design part is not valid base64url (was it cut short when copied?)');
  const inflated = inflateBounded(bytes, SHARE_LIMITS.maxInflatedBytes);
  if (inflated === 'damaged') return problem('syntax', 'the link is damaged: its design part does not decompress (was it cut short when copied?)');
  if (inflated === 'too-large') {
    return problem('too-large', `the link expands to more than ${SHARE_LIMITS.maxInflatedBytes / 1024 / 1024} MB; a design is far smaller, refused`);
  }
  let text: string;
  try {
    text = strFromU8(inflated);
  } catch {
    return problem('syntax', 'the link is damaged: its design is not text');
  }
  const result = loadDesign(text, { format: 'json', fileName: 'shared link' });
  return result.ok ? { ok: true, design: result.design } : { ok: false, problems: result.problems };
}
