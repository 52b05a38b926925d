import { firstData } from "./lib/startup";
import { mount } from "svelte";
import App from "./App.svelte";
import "./app.css";

// If the UI itself fails, say so in the window rather than leaving it blank.
function showFatal(message: string): void {
  const p = document.createElement("pre");
  p.setAttribute("role", "alert");
  p.dataset.testid = "ui-error";
  p.textContent = `LDN Journal could not show this screen. Your journal was not changed.\n\n${message}`;
  document.body.prepend(p);
}
window.addEventListener("error", (e) => showFatal(`${e.message}\n${e.error?.stack ?? ""}`));
window.addEventListener("unhandledrejection", (e) => showFatal(String(e.reason?.stack ?? JSON.stringify(e.reason))));

const target = document.getElementById("app");
if (!target) throw new Error("missing #app");
// A slow or stuck journal still gets the window drawn, with its own message, within a second.
void firstData(1000).then(() => {
  mount(App, { target });
  performance.mark("ldn:mounted");
});
