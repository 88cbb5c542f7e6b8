/**
 * `text.slice(start, end)` that does not keep `text` alive, for words kept in long-lived caches
 * (the token caches of the actor registry and the gazetteer scan). V8 makes a slice of 13 or more
 * code units a view into the whole string (a SlicedString), so a cached word would pin the report
 * it first came from; slicing a concatenation instead makes it a view into a flattened string of
 * the word's own size.
 */
export function detachedSlice(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.length < 13 ? raw : ` ${raw}`.slice(1);
}
