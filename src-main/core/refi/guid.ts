// How REFI-QDA guids compare: written with or without braces, in any case.
// Its own module so the codebook's exchange and the code groups can share it
// without importing each other.

/** A REFI-QDA guid as written, without braces and in lower case (how references to it compare). */
export function bareGuid(guid: unknown): string {
  return String(guid ?? '').trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
}
