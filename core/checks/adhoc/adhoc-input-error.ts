/** A wrong target, file or pattern of an ad-hoc check: the CLI answers with exit status 2. */
export class AdhocInputError extends Error {}
