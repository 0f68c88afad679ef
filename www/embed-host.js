// @ts-check
// For pages that embed the viewer in an iframe: include this file once
//   <script src="https://YOUR-HOST/ccht-chart/dist/embed-host.js" defer></script>
// and every <iframe data-ccht-chart> grows to the height of its chart. No inline script needed.
window.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.type !== "ccht-chart:height" || !Number.isFinite(data.height)) return;
  for (const frame of /** @type {NodeListOf<HTMLIFrameElement>} */ (document.querySelectorAll("iframe[data-ccht-chart]"))) {
    if (frame.contentWindow !== event.source) continue;
    // The embedded page reports its content height. Under `box-sizing: border-box` (the US Web
    // Design System sets it on every element) an iframe's height includes its own border and
    // padding, 2 px inset each side by default: add them, or the page scrolls inside the frame.
    const style = getComputedStyle(frame);
    const frameBox = style.boxSizing === "border-box"
      ? /** @type {const} */ (["borderTopWidth", "borderBottomWidth", "paddingTop", "paddingBottom"]).reduce((sum, side) => sum + (parseFloat(style[side]) || 0), 0)
      : 0;
    frame.style.height = `${Math.ceil(data.height + frameBox)}px`;
  }
});
