// For pages that embed the viewer in an iframe: include this file once
//   <script src="https://YOUR-HOST/ccht-chart/dist/embed-host.js" defer></script>
// and every <iframe data-ccht-chart> grows to the height of its chart. No inline script needed.
window.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "ccht-chart:height" || !Number.isFinite(data.height)) return;
  for (const frame of document.querySelectorAll("iframe[data-ccht-chart]")) {
    if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(data.height)}px`;
  }
});
