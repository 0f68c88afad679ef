// @ts-check

/**
 * The words of what a call threw, for a message a reader sees: the Wasm's errors are Errors (a
 * TypeError naming the field for bad options); anything else is said as it is.
 * @param {unknown} error
 */
export const messageOf = (error) => (error instanceof Error ? error.message : String(error));
