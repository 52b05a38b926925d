// The Trends view's date ranges: presets counted back from today (inclusive), or custom
// dates checked before anything is asked of the journal.
import { addDays, isValid, iso, parse } from "./dates";

export type Preset = "4w" | "3m" | "6m" | "1y" | "all" | "custom";
/** null ends: from the first or to the last logged day. `error`: the custom dates are wrong. */
export type Range = { from: string | null; to: string | null; error?: string };

export const PRESETS: Record<Preset, string> = {
  "4w": "4 weeks",
  "3m": "3 months",
  "6m": "6 months",
  "1y": "1 year",
  all: "All",
  custom: "Custom",
};

/** The day after the same date `n` months before `today`: n months, today included. */
function monthsBack(today: string, n: number): string {
  const d = parse(today);
  d.setMonth(d.getMonth() - n);
  return addDays(iso(d), 1);
}

export function rangeOf(preset: Preset, today: string, customFrom: string, customTo: string): Range {
  switch (preset) {
    case "4w":
      return { from: addDays(today, -27), to: today };
    case "3m":
      return { from: monthsBack(today, 3), to: today };
    case "6m":
      return { from: monthsBack(today, 6), to: today };
    case "1y":
      return { from: monthsBack(today, 12), to: today };
    case "all":
      return { from: null, to: null };
    case "custom":
      if (!isValid(customFrom)) return { from: null, to: null, error: "Enter a start date." };
      if (!isValid(customTo)) return { from: null, to: null, error: "Enter an end date." };
      if (customFrom > customTo) return { from: null, to: null, error: "The end date is before the start date." };
      return { from: customFrom, to: customTo };
  }
}
