import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "./api";
import { lock, unlocked, watchIdle } from "./lock.svelte";

// The idle clock alone; locking itself goes through the real shell in the e2e tests
// (tests/tests/app/lock.rs).
describe("watchIdle", () => {
  let now = 0;
  let target: EventTarget;
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
    target = new EventTarget();
    Object.assign(lock, { encrypted: true, locked: false, keepViews: false, autoLockMinutes: 1 });
    vi.spyOn(api, "lockJournal").mockResolvedValue(true);
    stop = watchIdle(target as Window, () => now);
  });

  afterEach(() => {
    stop();
    unlocked();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  async function after(ms: number): Promise<void> {
    now += ms;
    await vi.advanceTimersByTimeAsync(ms);
  }

  it("locks once the chosen minutes pass without a key press or a click", async () => {
    await after(55_000);
    expect(lock.locked).toBe(false);
    await after(10_000);
    expect(lock.locked).toBe(true);
    expect(api.lockJournal).toHaveBeenCalledTimes(1);
  });

  it("counts from the last key press", async () => {
    await after(50_000);
    target.dispatchEvent(new Event("keydown"));
    await after(50_000);
    expect(lock.locked).toBe(false);
    await after(15_000);
    expect(lock.locked).toBe(true);
  });

  it("never locks when off or when the journal is not encrypted", async () => {
    lock.autoLockMinutes = null;
    await after(3_600_000);
    lock.autoLockMinutes = 1;
    lock.encrypted = false;
    await after(3_600_000);
    expect(api.lockJournal).not.toHaveBeenCalled();
  });
});
