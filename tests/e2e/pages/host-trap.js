// Loaded by viewer.test.mjs: a trap in the host page's own code, which the chart must not take for its own.
setTimeout(() => {
  throw new WebAssembly.RuntimeError("the host's");
});
