/** A mistake on the command line: exit code 2 and the usage line. */
export class UsageError extends Error {}
