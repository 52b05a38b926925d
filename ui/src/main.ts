import "./lib/startup";
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
export default mount(App, { target });
