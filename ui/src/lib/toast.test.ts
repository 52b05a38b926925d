import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FAILED_MS, dismiss, runAction, toast, toasts } from "./toast.svelte";

beforeEach(() => {
  vi.useFakeTimers();
  toasts.list = [];
});
afterEach(() => {
  vi.useRealTimers();
});

const texts = () => toasts.list.map((t) => t.text);

describe("toast", () => {
  it("shows messages in order and gives each its own id", () => {
    const a = toast("one");
    const b = toast("two");
    expect(texts()).toEqual(["one", "two"]);
    expect(a).not.toBe(b);
  });

  it("goes after its time, not before", () => {
    toast("saved", undefined, 1000);
    vi.advanceTimersByTime(999);
    expect(texts()).toEqual(["saved"]);
    vi.advanceTimersByTime(1);
    expect(texts()).toEqual([]);
  });

  it("dismiss removes only that toast", () => {
    const a = toast("one");
    toast("two");
    dismiss(a);
    expect(texts()).toEqual(["two"]);
    dismiss(a); // twice is harmless, as when the timer fires after a click
    expect(texts()).toEqual(["two"]);
  });
});

describe("runAction", () => {
  it("runs the action once and removes its toast", async () => {
    const run = vi.fn();
    toast("Question deleted.", { label: "Undo", run });
    const t = toasts.list[0];
    await runAction(t);
    expect(texts()).toEqual([]);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("removes the toast before an async action finishes, so it cannot be clicked twice", async () => {
    let finish!: () => void;
    const run = vi.fn(() => new Promise<void>((r) => (finish = r)));
    toast("Day deleted.", { label: "Undo", run });
    const done = runAction(toasts.list[0]);
    expect(texts()).toEqual([]);
    finish();
    await done;
    expect(run).toHaveBeenCalledTimes(1);
    expect(texts()).toEqual([]);
  });

  it("reports a rejected action as a toast with the journal's message, and offers it again", async () => {
    const run = vi.fn((): Promise<void> => Promise.reject({ kind: "retry", message: "the journal is busy in another program" }));
    toast("Question deleted.", { label: "Undo", run });
    await expect(runAction(toasts.list[0])).resolves.toBeUndefined();
    expect(texts()).toEqual(["Could not undo: the journal is busy in another program"]);
    const retry = toasts.list[0];
    expect(retry.action?.label).toBe("Undo");

    // The retry works once the journal is free again.
    run.mockImplementationOnce(() => Promise.resolve());
    await runAction(retry);
    expect(run).toHaveBeenCalledTimes(2);
    expect(texts()).toEqual([]);
  });

  it("reports an action that throws synchronously too", async () => {
    toast("x", {
      label: "Open",
      run: () => {
        throw new Error("no such file");
      },
    });
    await runAction(toasts.list[0]);
    expect(texts()).toHaveLength(1);
    expect(texts()[0]).toMatch(/^Could not open: .*no such file/);
  });

  it("keeps the failure on screen longer than an ordinary toast", async () => {
    toast("x", { label: "Undo", run: () => Promise.reject(new Error("busy")) }, 1000);
    await runAction(toasts.list[0]);
    vi.advanceTimersByTime(FAILED_MS - 1);
    expect(texts()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(texts()).toEqual([]);
  });
});
