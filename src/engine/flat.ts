/**
 * The text as one string. A string joined from pieces (a template literal) stays a tree of its
 * pieces until something reads it, four or five objects where one would do. An analysis keeps tens
 * of thousands of messages, ids and titles, and the garbage collector copies every object it keeps
 * at least twice: reading one character here makes the engine (V8) copy the pieces into one string
 * at once, which is what any later read (sorting, rendering, JSON) would do anyway.
 */
export function flat(text: string): string {
  // The character is read for its effect; a comparison keeps the read from being dropped.
  return text.charCodeAt(0) === -1 ? '' : text;
}
