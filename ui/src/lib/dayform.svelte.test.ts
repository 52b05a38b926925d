import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DayEntry } from "./bindings/DayEntry";
import type { DayView } from "./bindings/DayView";
import type { IpcError } from "./bindings/IpcError";
import type { SaveDay } from "./bindings/SaveDay";
import type { SaveDraft } from "./bindings/SaveDraft";
import { DayForm, NOT_SAVED, type DayBackend } from "./dayform.svelte";

function entry(date: string, notes = ""): DayEntry {
  return {
    date,
    doses: [{ status: "taken", time: "", amount: "1.5", formulation: "capsule", note: "", reason: "", stored: null }],
    scores: {},
    wellbeing: null,
    bedtime: "",
    wake: "",
    quality: null,
    awakenings: "",
    vivid: null,
    nightmare: null,
    dreamNotes: "",
    sideEffects: {},
    intakes: [],
    readings: [],
    notes,
  };
}

function view(date: string, over: Partial<DayView> = {}): DayView {
  return {
    date,
    logged: false,
    entry: entry(date),
    revision: null,
    draft: null,
    prescribed: null,
    blank_dose: { status: "taken", time: "", amount: "", formulation: "capsule", note: "", reason: "", stored: null },
    symptoms: [],
    side_effects: [],
    as_needed: [],
    measures: [],
    events: [],
    event_kinds: [],
    dose_run: null,
    fills: [],
    ...over,
  };
}

/** A journal in memory that records what the form sends. */
function backend(views: Record<string, DayView>) {
  const sent = { saves: [] as SaveDay[], drafts: [] as SaveDraft[], discarded: [] as string[] };
  let fail: IpcError | null = null;
  let draftFail: IpcError | null = null;
  const b: DayBackend = {
    openDay: async (date) => structuredClone(views[date] ?? view(date)),
    saveDay: async (request) => {
      sent.saves.push(structuredClone(request));
      if (fail) throw fail;
      const revision = (views[request.entry.date]?.revision ?? 0) + 1;
      views[request.entry.date] = view(request.entry.date, { logged: true, entry: request.entry, revision });
      return { entry: request.entry, revision, dose_run: null };
    },
    saveDraft: async (request) => {
      sent.drafts.push(structuredClone(request));
      if (draftFail) throw draftFail;
      return null;
    },
    discardDraft: async (date) => {
      sent.discarded.push(date);
      return null;
    },
    // The last logged day before, as the core would copy it (scores only, for these tests).
    copyFromLast: async (entry) => {
      const last = Object.values(views)
        .filter((v) => v.logged && v.date < entry.date)
        .sort((a, b) => b.date.localeCompare(a.date))[0];
      return last ? { from: last.date, entry: { ...entry, scores: { ...last.entry.scores } } } : null;
    },
  };
  return {
    b,
    sent,
    failWith: (e: IpcError | null) => (fail = e),
    failDraftsWith: (e: IpcError | null) => (draftFail = e),
  };
}

describe("DayForm", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("copies from the last logged day as an unsaved edit, and says when there is none", async () => {
    const views: Record<string, DayView> = {};
    const { b, sent } = backend(views);
    const f = new DayForm(b);
    await f.load("2025-03-02");
    expect(await f.copyFromLast("scores")).toBeNull();
    expect(f.dirty).toBe(false);
    views["2025-03-01"] = view("2025-03-01", { logged: true, revision: 1 });
    views["2025-03-01"].entry.scores = { "7": 4 };
    expect(await f.copyFromLast("scores")).toBe("2025-03-01");
    expect(f.entry!.scores).toEqual({ "7": 4 });
    expect(f.dirty).toBe(true);
    expect(sent.saves).toHaveLength(0);
  });

  it("opens a day unchanged, and is dirty after an edit", async () => {
    const { b } = backend({});
    const f = new DayForm(b);
    await f.load("2025-03-01");
    expect(f.loadedDate).toBe("2025-03-01");
    expect(f.dirty).toBe(false);
    f.entry!.notes = "x";
    expect(f.dirty).toBe(true);
    f.entry!.notes = "";
    expect(f.dirty).toBe(false);
  });

  it("keeps an edit as a draft after the delay, with the revision it was opened at", async () => {
    const { b, sent } = backend({ "2025-03-01": view("2025-03-01", { logged: true, revision: 7 }) });
    const f = new DayForm(b, 400);
    await f.load("2025-03-01");
    f.entry!.doses[0].amount = "1,2 typo";
    f.edited();
    expect(sent.drafts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(sent.drafts).toHaveLength(1);
    expect(sent.drafts[0].opened).toBe(7);
    expect(sent.drafts[0].entry.doses[0].amount).toBe("1,2 typo");
  });

  it("flush writes a pending draft, and says when the changes are kept nowhere", async () => {
    const { b, sent, failDraftsWith } = backend({});
    const f = new DayForm(b, 400);
    await f.load("2025-03-01");
    expect(await f.flush()).toBe(true); // nothing changed
    f.entry!.notes = "typed just before quitting";
    f.edited();
    expect(await f.flush()).toBe(true);
    expect(sent.drafts.at(-1)!.entry.notes).toBe("typed just before quitting");
    failDraftsWith({ kind: "retry", message: "the disk is full", fields: [] });
    f.entry!.notes = "more";
    f.edited();
    expect(await f.flush()).toBe(false);
    expect(await f.flush()).toBe(false); // still kept nowhere
    expect(f.problem).toContain("the disk is full");
    failDraftsWith(null);
    f.edited();
    expect(await f.flush()).toBe(true);
  });

  it("restores a draft, and saving it gives back the revision the draft was opened at", async () => {
    const draft = { entry: entry("2025-03-02", "typed before the crash"), saved_at: "2025-03-02T08:00:00", opened: 3 };
    const { b, sent } = backend({ "2025-03-02": view("2025-03-02", { logged: true, revision: 3, draft }) });
    const f = new DayForm(b);
    await f.load("2025-03-02");
    expect(f.restoredAt).toBe("2025-03-02T08:00:00");
    expect(f.entry!.notes).toBe("typed before the crash");
    expect(f.dirty).toBe(true);
    expect(await f.save()).toBe(true);
    expect(sent.saves[0].revision).toBe(3);
    expect(f.restoredAt).toBeNull();
    expect(f.dirty).toBe(false);
  });

  it("a refused save keeps the edits, shows the errors and keeps a draft", async () => {
    const { b, sent, failWith } = backend({});
    const f = new DayForm(b);
    await f.load("2025-03-03");
    f.entry!.doses[0].amount = "abc";
    failWith({ kind: "invalid", message: "x", fields: [{ field: "doses[0].amount", message: "not an amount" }] });
    expect(await f.save()).toBe(false);
    expect(f.problem).toBe(NOT_SAVED);
    expect(f.fields.errors).toEqual({ "doses[0].amount": "not an amount" });
    expect(f.entry!.doses[0].amount).toBe("abc");
    await vi.runAllTimersAsync();
    expect(sent.drafts.at(-1)?.entry.doses[0].amount).toBe("abc");
  });

  it("a stale save offers both versions; saving mine goes over the current revision", async () => {
    const { b, sent, failWith } = backend({ "2025-03-04": view("2025-03-04", { logged: true, revision: 1 }) });
    const f = new DayForm(b);
    await f.load("2025-03-04");
    f.entry!.notes = "mine";
    failWith({ kind: "stale", message: "this day changed since you opened it", fields: [] });
    expect(await f.save()).toBe(false);
    expect(f.stale).toMatch(/changed since/);
    expect(f.problem).toBeNull();
    failWith(null);
    expect(await f.saveMineOver()).toBe(true);
    expect(sent.saves.at(-1)).toMatchObject({ revision: 1, entry: { notes: "mine" } });
    expect(f.stale).toBeNull();
  });

  it("going back to what is saved drops the draft", async () => {
    const draft = { entry: entry("2025-03-05", "draft"), saved_at: "2025-03-05T08:00:00", opened: null };
    const { b, sent } = backend({ "2025-03-05": view("2025-03-05", { draft }) });
    const f = new DayForm(b);
    await f.load("2025-03-05");
    await f.discardRestored();
    expect(sent.discarded).toEqual(["2025-03-05"]);
    expect(f.entry!.notes).toBe("");
    expect(f.restoredAt).toBeNull();
  });

  it("an answer for a day the user already left is dropped", async () => {
    const { b } = backend({});
    const f = new DayForm(b);
    await f.load("2025-03-06", () => false);
    expect(f.entry).toBeNull();
  });
});
