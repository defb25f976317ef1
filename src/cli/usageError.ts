/** A problem with the command line itself: one line to the officer, exit 2. */
export class UsageError extends Error {}

/** The input formats the CLI reads, for the messages that ask for an input. */
export const INPUT_FORMATS = '.xlsx, .xls, .ods, .csv hoặc .txt';
