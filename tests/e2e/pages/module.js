// The README's ES module snippet, word for word but for the package path.
import init, { Viewer } from "/pkg/ccht_chart.js";

await init();
const viewer = new Viewer(document.getElementById("ccht"), { view: "metric", metric: "arrests" });
viewer.draw();                          // sizes the canvas height to the chart
viewer.setView({ component: "hsi" });   // a wrong option throws a TypeError naming it
viewer.draw();
document.body.dataset.drawn = "yes";
