// Added by tests/e2e/server.mjs at the start of every page the end-to-end tests open, before the
// page's own scripts, in every engine (classic WebDriver reports no console messages and no
// downloads). `window.__e2e.problems` collects console errors, uncaught errors, unhandled
// rejections and CSP violations; `window.__e2e.downloads` keeps each file a page hands the reader
// through an `<a download>` of a Blob URL, instead of saving it to disk, for the test to read;
// `window.__e2e.dialogs` counts alert, confirm and prompt calls.
(() => {
  const e2e = { problems: [], downloads: [], taken: 0 };
  window.__e2e = e2e;
  const text = (v) => (v instanceof Error ? v.message : typeof v === "string" ? v : (() => { try { return JSON.stringify(v); } catch { return String(v); } })());

  const error = console.error.bind(console);
  console.error = (...args) => {
    e2e.problems.push(`console: ${args.map(text).join(" ")}`);
    error(...args);
  };
  window.addEventListener("error", (e) => e2e.problems.push(`page error: ${e.message}`));
  window.addEventListener("unhandledrejection", (e) => e2e.problems.push(`page error: ${text(e.reason)}`));
  document.addEventListener("securitypolicyviolation", (e) => e2e.problems.push(`console: CSP violation: ${e.violatedDirective} ${e.blockedURI}`));

  // Dialogs a page opens are counted, not shown: a modal one would stop WebDriver.
  e2e.dialogs = 0;
  for (const name of ["alert", "confirm", "prompt"]) window[name] = () => { e2e.dialogs++; };

  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = (object) => {
    const url = createObjectURL.call(URL, object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  const revokeObjectURL = URL.revokeObjectURL;
  URL.revokeObjectURL = (url) => {
    blobs.delete(url);
    revokeObjectURL.call(URL, url);
  };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (!this.hasAttribute("download") || !this.href.startsWith("blob:")) return click.call(this);
    // What a browser needs to save the file: a live Blob URL, a name, the link in the document.
    if (!blobs.has(this.href)) e2e.problems.push(`download: ${this.href} is not a live Blob URL`);
    else if (!this.download) e2e.problems.push("download: the link names no file");
    else if (!this.isConnected) e2e.problems.push("download: the link is not in the document");
    else e2e.downloads.push({ name: this.download, blob: blobs.get(this.href) });
  };
  /** The next download not yet taken by a test, as { name, base64 }, or null. */
  e2e.takeDownload = async () => {
    const next = e2e.downloads[e2e.taken];
    if (!next) return null;
    e2e.taken++;
    const bytes = new Uint8Array(await next.blob.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { name: next.name, base64: btoa(binary) };
  };
})();
