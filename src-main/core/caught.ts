// What a caught error says: `catch` gives `unknown` (anything can be thrown), so its message and its
// Node or SQLite error code (ENOENT, SQLITE_CONSTRAINT_…) are read here, checked, instead of cast at each catch.

/** The error's message (the thrown value in words when it is not an Error). */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The error's code, e.g. "ENOENT" or "SQLITE_CONSTRAINT_FOREIGNKEY"; '' when it has none. */
export function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : '';
}
