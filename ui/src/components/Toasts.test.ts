// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { flushSync, mount, tick, unmount } from "svelte";
import Toasts from "./Toasts.svelte";
import { toast, toasts } from "../lib/toast.svelte";

let app: ReturnType<typeof mount>;
const unhandled = vi.fn();

beforeEach(() => {
  toasts.list = [];
  window.addEventListener("unhandledrejection", unhandled);
  process.on("unhandledRejection", unhandled);
  app = mount(Toasts, { target: document.body });
});
afterEach(() => {
  unmount(app);
  window.removeEventListener("unhandledrejection", unhandled);
  process.off("unhandledRejection", unhandled);
  unhandled.mockClear();
});

const shown = () => [...document.querySelectorAll('[data-testid="toast"] span')].map((s) => s.textContent);
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  await tick();
};

describe("Toasts", () => {
  it("shows each toast and its action", () => {
    toast("Question deleted.", { label: "Undo", run: () => {} });
    flushSync();
    expect(shown()).toEqual(["Question deleted."]);
    expect(document.querySelector('[data-testid="toast-undo"]')?.textContent).toBe("Undo");
  });

  it("a failing Undo shows an error toast, not an unhandled rejection", async () => {
    toast("Day deleted.", { label: "Undo", run: async () => Promise.reject({ kind: "retry", message: "the journal is busy" }) });
    flushSync();
    document.querySelector<HTMLButtonElement>('[data-testid="toast-undo"]')!.click();
    await settle();
    expect(shown()).toEqual(["Could not undo: the journal is busy"]);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
