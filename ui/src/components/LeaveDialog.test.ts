// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import LeaveDialog from "./LeaveDialog.svelte";
import { go, guardLeave, leaving, nav } from "../lib/router.svelte";

let app: ReturnType<typeof mount>;
let remove: () => void;

beforeEach(() => {
  nav.route = "questions";
  remove = guardLeave(() => "Your question is not added yet.");
  app = mount(LeaveDialog, { target: document.body });
});
afterEach(() => {
  unmount(app);
  remove();
});

const q = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe("LeaveDialog", () => {
  it("is absent until a leave is asked, then modal with the guard's sentence", () => {
    expect(q("leave-dialog")).toBeNull();
    void go("history");
    flushSync();
    const d = q("leave-dialog") as HTMLDialogElement;
    expect(d.open).toBe(true);
    expect(d.textContent).toContain("Your question is not added yet.");
  });

  it("Stay keeps the view", async () => {
    const went = go("history");
    flushSync();
    q("leave-stay")!.click();
    expect(await went).toBe(false);
    flushSync();
    expect(nav.route).toBe("questions");
    expect(q("leave-dialog")).toBeNull();
    expect(leaving.question).toBeNull();
  });

  it("Discard leaves", async () => {
    const went = go("history");
    flushSync();
    q("leave-discard")!.click();
    expect(await went).toBe(true);
    flushSync();
    expect(nav.route).toBe("history");
    expect(q("leave-dialog")).toBeNull();
  });
});
