import { describe, expect, it } from "vitest";
import { addDays, addMonths, clampDate, daysInMonth, isValid, iso, parse } from "./dates";

describe("the test zone", () => {
  it("is one where a day started at 01:00 (so the DST cases below mean something)", () => {
    // Brazil's clocks went from 00:00 to 01:00 on 2018-11-04.
    expect(new Date(2018, 10, 4, 0, 0).getHours()).toBe(1);
  });
});

describe("iso", () => {
  it("pads month and day", () => {
    expect(iso(new Date(2025, 0, 5, 12))).toBe("2025-01-05");
  });
  it("uses the local date, not UTC", () => {
    // 23:30 in São Paulo (UTC-3) is already the next day in UTC.
    const late = new Date(2025, 2, 31, 23, 30);
    expect(late.toISOString().slice(0, 10)).toBe("2025-04-01");
    expect(iso(late)).toBe("2025-03-31");
  });
  it("writes four-digit years", () => {
    expect(iso(new Date(2025, 11, 31, 12))).toBe("2025-12-31");
  });
});

describe("parse", () => {
  it("round-trips through iso", () => {
    for (const s of ["2024-02-29", "2018-11-04", "2019-02-16", "1999-12-31", "2025-07-01"]) {
      expect(iso(parse(s))).toBe(s);
    }
  });
});

describe("addDays", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-01"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-01-01", -1, "2024-12-31"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2025-05-15", 0, "2025-05-15"],
    ["2025-01-01", 365, "2026-01-01"],
    ["2024-01-01", 366, "2025-01-01"],
    ["2025-03-10", -40, "2025-01-29"],
  ])("%s %+d → %s", (from, n, to) => {
    expect(addDays(from, n)).toBe(to);
  });

  it("crosses a day that began at 01:00 (DST started at midnight)", () => {
    expect(addDays("2018-11-03", 1)).toBe("2018-11-04");
    expect(addDays("2018-11-04", 1)).toBe("2018-11-05");
    expect(addDays("2018-11-05", -1)).toBe("2018-11-04");
    expect(addDays("2018-11-04", -1)).toBe("2018-11-03");
  });

  it("crosses a day with 25 hours (DST ended at midnight)", () => {
    expect(addDays("2019-02-16", 1)).toBe("2019-02-17");
    expect(addDays("2019-02-17", -1)).toBe("2019-02-16");
  });

  it("steps one day at a time through a whole year, DST changes included", () => {
    let d = "2018-01-01";
    for (let i = 0; i < 365; i++) {
      const next = addDays(d, 1);
      expect(addDays(next, -1)).toBe(d);
      expect(next > d).toBe(true);
      d = next;
    }
    expect(d).toBe("2019-01-01");
  });
});

describe("isValid", () => {
  it.each(["2025-01-01", "2024-02-29", "2025-12-31", "2018-11-04", "2000-02-29"])("accepts %s", (s) => {
    expect(isValid(s)).toBe(true);
  });
  it.each([
    "2025-02-29", // not a leap year
    "2025-02-30",
    "1900-02-29", // century, not a leap year
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "2025-01-00",
    "2025-1-01",
    "2025-01-1",
    "25-01-01",
    "2025/01/01",
    " 2025-01-01",
    "2025-01-01T00:00",
    "",
    "today",
  ])("rejects %j", (s) => {
    expect(isValid(s)).toBe(false);
  });
});

describe("daysInMonth", () => {
  it.each([
    [2025, 1, 31],
    [2025, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 4, 30],
    [2025, 12, 31],
  ])("%i-%i has %i days", (y, m, n) => {
    expect(daysInMonth(y, m)).toBe(n);
  });
});

describe("addMonths", () => {
  it.each([
    ["2025-01-15", 1, "2025-02-15"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2025-12-10", 1, "2026-01-10"],
    ["2025-01-10", -1, "2024-12-10"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2018-10-04", 1, "2018-11-04"], // the day that began at 01:00
  ])("%s %+d → %s", (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });
});

describe("clampDate", () => {
  it("keeps a date inside the bounds and moves one outside to the nearest", () => {
    expect(clampDate("2025-03-10", "2025-03-01", "2025-03-31")).toBe("2025-03-10");
    expect(clampDate("2025-02-10", "2025-03-01", "2025-03-31")).toBe("2025-03-01");
    expect(clampDate("2025-04-10", "2025-03-01", "2025-03-31")).toBe("2025-03-31");
    expect(clampDate("2025-04-10", "", undefined)).toBe("2025-04-10");
  });
});
