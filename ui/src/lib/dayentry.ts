// The day form is a DayEntry (generated from journal::entry): text where the user types, read
// by the core on save. The UI only needs to tell whether the form changed; everything the
// form means (amounts, times, durations, validation) is the core's.
import type { DayEntry } from "./bindings/DayEntry";

/** The form reduced to what it says: unrated entries dropped, typed numbers and times trimmed
 *  (the core reads " 1.5 " as 1.5). Notes stay exactly as typed. Two forms with the same key
 *  are the same day to the core (checked against tests/vectors/day_entries.json). */
export function entryKey(e: DayEntry): string {
  const rated = <T>(m: { [key in number]?: T | null }) =>
    Object.entries(m)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => Number(a) - Number(b));
  return JSON.stringify({
    ...e,
    doses: e.doses.map((d) =>
      d.status === "taken"
        ? { ...d, amount: d.amount.trim(), time: d.time.trim(), reason: "" }
        : { status: d.status, time: d.time.trim(), reason: d.reason },
    ),
    scores: rated(e.scores),
    sideEffects: rated(e.sideEffects),
    bedtime: e.bedtime.trim(),
    wake: e.wake.trim(),
    awakenings: e.awakenings.trim(),
    // A reading row left empty records nothing (the core skips it).
    readings: e.readings
      .filter((r) => r.value.trim() || r.time.trim())
      .map((r) => ({ ...r, value: r.value.trim(), time: r.time.trim() })),
    intakes: e.intakes.map((i) => ({ ...i, time: i.time.trim(), amount: i.amount.trim() })),
  });
}

/** A deep copy (of plain data or a Svelte state proxy), so editing the form never changes
 *  the view it came from. */
export function copyEntry(e: DayEntry): DayEntry {
  return JSON.parse(JSON.stringify(e)) as DayEntry;
}
