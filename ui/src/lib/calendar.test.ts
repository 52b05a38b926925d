import { describe, expect, it } from "vitest";
import { firstDayOfWeek, leadingDays, monthWeeks, weekEdge, weekdays } from "./calendar";

describe("firstDayOfWeek", () => {
  it.each([
    ["en-US", 7],
    ["en-GB", 1],
    ["de-DE", 1],
    ["fr-FR", 1],
  ])("%s starts weeks on day %i", (locale, day) => {
    expect(firstDayOfWeek(locale)).toBe(day);
  });
  it("falls back to Monday for a tag it cannot read", () => {
    expect(firstDayOfWeek("not a locale")).toBe(1);
  });
  it("uses the locale Intl formats in when the system's language is no tag (LANG=C)", () => {
    const language = Object.getOwnPropertyDescriptor(globalThis, "navigator");
    Object.defineProperty(globalThis, "navigator", { value: { language: "C" }, configurable: true });
    try {
      expect(firstDayOfWeek()).toBe(firstDayOfWeek(Intl.DateTimeFormat().resolvedOptions().locale));
    } finally {
      if (language) Object.defineProperty(globalThis, "navigator", language);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });
});

describe("weekdays", () => {
  it("names the columns in the locale, from its first day", () => {
    expect(weekdays(1, "en-GB").map((d) => d.short)).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    expect(weekdays(7, "en-US").map((d) => d.short)).toEqual(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]);
    expect(weekdays(1, "de-DE")[0]).toEqual({ short: "Mo", long: "Montag" });
  });
});

describe("monthWeeks", () => {
  it("lays out December 2026 (a Tuesday 1st) from Monday", () => {
    const weeks = monthWeeks(2026, 11, 1);
    expect(leadingDays(2026, 11, 1)).toBe(1);
    expect(weeks[0]).toEqual([null, "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(weeks.at(-1)).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", null, null, null]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });
  it("lays out December 2026 from Sunday", () => {
    const weeks = monthWeeks(2026, 11, 7);
    expect(weeks[0].slice(0, 3)).toEqual([null, null, "2026-12-01"]);
  });
  it("has no empty week when the month starts on the first day", () => {
    // February 2021 began on a Monday and had 28 days: four full weeks.
    expect(monthWeeks(2021, 1, 1)).toHaveLength(4);
    expect(monthWeeks(2021, 1, 1).flat().every(Boolean)).toBe(true);
  });
  it("has every day of the month that began at 01:00 (DST, São Paulo)", () => {
    expect(monthWeeks(2018, 10, 1).flat().filter(Boolean)).toHaveLength(30);
  });
});

describe("weekEdge", () => {
  it("finds the first and last day of the week", () => {
    // 2026-12-03 is a Thursday.
    expect(weekEdge("2026-12-03", 1, "start")).toBe("2026-11-30");
    expect(weekEdge("2026-12-03", 1, "end")).toBe("2026-12-06");
    expect(weekEdge("2026-12-03", 7, "start")).toBe("2026-11-29");
    expect(weekEdge("2026-12-03", 7, "end")).toBe("2026-12-05");
    expect(weekEdge("2026-11-30", 1, "start")).toBe("2026-11-30");
  });
});
