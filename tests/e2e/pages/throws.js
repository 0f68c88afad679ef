// Loaded by viewer.test.mjs to raise an uncaught error from a page script of its own.
throw new Error("uncaught");
