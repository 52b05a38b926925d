import { describe, expect, it } from "vitest";
import vectors from "../../../crates/journal/tests/vectors/day_entries.json";
import type { DayEntry } from "./bindings/DayEntry";
import { copyEntry, entryKey } from "./dayentry";

// The same forms the core's tests read (crates/journal/tests/integration/vectors.rs): where the
// UI counts two forms as unchanged, the core must read them as the same day.
const cases = vectors.cases as unknown as { name: string; entry: DayEntry; same: DayEntry[] }[];

describe("entryKey", () => {
  it.each(cases.filter((c) => c.same.length > 0))("counts the core's equivalent forms as unchanged: $name", (c) => {
    for (const same of c.same) expect(entryKey(same)).toBe(entryKey(c.entry));
  });

  it("sees every edit the core would read differently", () => {
    const base = cases[0].entry;
    const edits: ((e: DayEntry) => void)[] = [
      (e) => (e.doses[0].amount = "1.25"),
      (e) => (e.doses[0].status = "missed"),
      (e) => (e.doses[1].reason = "asleep early"),
      (e) => (e.scores[1] = 8),
      (e) => (e.scores[9] = 0),
      (e) => (e.sideEffects[5] = "none"),
      (e) => (e.notes = "fine "),
      (e) => (e.dreamNotes = ""),
      (e) => (e.awakenings = "3"),
      (e) => (e.nightmare = null),
      (e) => e.doses.pop(),
    ];
    const keys = new Set([entryKey(base)]);
    for (const edit of edits) {
      const e = copyEntry(base);
      edit(e);
      keys.add(entryKey(e));
    }
    expect(keys.size).toBe(edits.length + 1);
  });

  it("ignores what a row holds that the core does not read", () => {
    const e = copyEntry(cases[0].entry);
    e.doses[1].amount = "half-typed";
    e.doses[1].formulation = "cream";
    expect(entryKey(e)).toBe(entryKey(cases[0].entry));
  });
});

describe("copyEntry", () => {
  it("copies deeply", () => {
    const e = copyEntry(cases[0].entry);
    e.doses[0].amount = "9";
    e.scores[1] = 0;
    expect(cases[0].entry.doses[0].amount).toBe("1.5");
    expect(cases[0].entry.scores[1]).toBe(7);
  });
});
