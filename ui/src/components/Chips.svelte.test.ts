// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import ChipsForm from "./fixtures/ChipsForm.svelte";

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = "";
});

const q = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`)!;
const state = () => q("state").textContent;

/** A key pressed on whatever has the focus, as the browser sends it. */
function press(key: string): void {
  const el = (document.activeElement ?? document.body) as HTMLElement;
  el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
  flushSync();
}

describe("Chips digits", () => {
  it("rates and moves on; 1 then 0 is 10", () => {
    app = mount(ChipsForm, { target: document.body, props: {} });
    flushSync();
    q<HTMLInputElement>("a-unset").focus();
    press("1");
    press("0");
    expect(state()).toBe("10||");
    press("7");
    expect(state()).toBe("10|7|");
    expect(document.activeElement).toBe(q("note"));
  });

  it("a digit after a 1 goes to the next question, also when that is a text field", () => {
    app = mount(ChipsForm, { target: document.body, props: {} });
    flushSync();
    q<HTMLInputElement>("a-unset").focus();
    press("1");
    press("4");
    expect(state()).toBe("1|4|");
    q<HTMLInputElement>("b-4").focus();
    press("1");
    press("5");
    expect(state()).toBe("1|1|5");
    expect(document.activeElement).toBe(q("note"));
  });
});
