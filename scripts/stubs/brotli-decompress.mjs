// fontkit decodes WOFF2 fonts with brotli (885 kB unminified). The command line only ever gives PDFKit
// the TrueType DejaVu fonts it ships, so the bundle leaves brotli out (scripts/build-cli.mjs aliases it
// here), and a WOFF2 font, which it never loads, is refused by name rather than misread.
export default function decompress() {
  throw new Error('WOFF2 fonts are not supported by the Ninesmith command line: give it a TrueType (.ttf) font');
}
