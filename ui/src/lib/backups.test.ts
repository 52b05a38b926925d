import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DailyBackup } from "./bindings/DailyBackup";

const h = vi.hoisted(() => ({
  handler: null as null | ((e: { payload: unknown }) => void),
  daily: vi.fn<() => Promise<unknown>>(),
}));
vi.mock("@tauri-apps/api/event", () => ({
  listen: vi.fn(async (_name: string, handler: (e: { payload: unknown }) => void) => {
    h.handler = handler;
    return () => {};
  }),
}));
vi.mock("./api", () => ({ api: { dailyBackup: h.daily } }));

import { listen } from "@tauri-apps/api/event";
import { DAILY_EVENT, watchDailyBackup } from "./backups";

const failed = (message: string) => ({ state: "failed", message }) as DailyBackup;

beforeEach(() => {
  h.handler = null;
  h.daily.mockReset();
});

describe("watchDailyBackup", () => {
  it("listens to the shell's daily-backup event", async () => {
    h.daily.mockResolvedValue({ state: "running" });
    await watchDailyBackup(() => {});
    expect(listen).toHaveBeenCalledWith(DAILY_EVENT, expect.any(Function));
    expect(DAILY_EVENT).toBe("daily-backup");
  });

  it("reports a failure that happened before it listened, found by the state", async () => {
    h.daily.mockResolvedValue(failed("disk full"));
    const report = vi.fn();
    await watchDailyBackup(report);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0][0]).toContain("disk full");
    expect(report.mock.calls[0][0]).toContain("Your journal is fine");
  });

  it("reports a failure announced later, once, even if announced again", async () => {
    h.daily.mockResolvedValue({ state: "running" });
    const report = vi.fn();
    await watchDailyBackup(report);
    expect(report).not.toHaveBeenCalled();
    h.handler!({ payload: failed("disk full") });
    h.handler!({ payload: failed("disk full") });
    expect(report).toHaveBeenCalledTimes(1);
  });

  it("says nothing of a backup that was made", async () => {
    h.daily.mockResolvedValue({ state: "already_made" });
    const report = vi.fn();
    await watchDailyBackup(report);
    h.handler!({ payload: { state: "made", info: {} } });
    expect(report).not.toHaveBeenCalled();
  });

  it("stays quiet when no journal is open (the app says so elsewhere)", async () => {
    h.daily.mockRejectedValue({ kind: "unavailable", message: "no journal" });
    const report = vi.fn();
    await expect(watchDailyBackup(report)).resolves.toBeUndefined();
    expect(report).not.toHaveBeenCalled();
  });
});
