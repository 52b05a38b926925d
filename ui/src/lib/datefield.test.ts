import { describe, expect, it } from "vitest";
import { datePattern, formatDate, outOfRange, parseDate } from "./datefield";

const ok = (value: string) => ({ ok: true, value });

describe("datePattern", () => {
  it.each([
    ["en-US", ["month", "day", "year"], "MM/DD/YYYY"],
    ["en-GB", ["day", "month", "year"], "DD/MM/YYYY"],
    ["de-DE", ["day", "month", "year"], "DD.MM.YYYY"],
    ["ja-JP", ["year", "month", "day"], "YYYY/MM/DD"],
  ])("%s: %j, %s", (locale, order, placeholder) => {
    expect(datePattern(locale)).toMatchObject({ order, placeholder });
  });
});

describe("formatDate", () => {
  it.each([
    ["en-US", "12/03/2026"],
    ["en-GB", "03/12/2026"],
    ["de-DE", "03.12.2026"],
    ["nl-NL", "03-12-2026"],
  ])("%s writes 2026-12-03 as %s", (locale, text) => {
    expect(formatDate("2026-12-03", locale)).toBe(text);
  });
  it("writes Latin digits without direction marks, so the text can be typed back", () => {
    expect(formatDate("2026-12-03", "ar-EG")).toBe("03/12/2026");
    expect(parseDate(formatDate("2026-12-03", "ar-EG"), "ar-EG")).toEqual(ok("2026-12-03"));
  });
  it("leaves empty and non-dates as they are", () => {
    expect(formatDate("", "de-DE")).toBe("");
    expect(formatDate("31.02.2025", "de-DE")).toBe("31.02.2025");
  });
});

describe("parseDate", () => {
  it.each([
    // [locale, typed, date]
    ["en-US", "12/03/2026", "2026-12-03"],
    ["en-US", "3/1/2025", "2025-03-01"],
    ["en-US", "3-1-2025", "2025-03-01"],
    ["en-US", "3.1.2025", "2025-03-01"],
    ["en-US", "3 1 2025", "2025-03-01"],
    ["en-GB", "03/12/2026", "2026-12-03"],
    ["en-GB", "3/1/2025", "2025-01-03"],
    ["en-GB", "3.1.2025", "2025-01-03"],
    ["de-DE", "03.12.2026", "2026-12-03"],
    ["de-DE", "3.1.2025", "2025-01-03"],
    ["de-DE", " 3. 1. 2025 ", "2025-01-03"],
    ["de-DE", "3/1/2025", "2025-01-03"],
    ["de-DE", "29.2.2024", "2024-02-29"],
    ["hu-HU", "2026. 12. 03.", "2026-12-03"],
    ["ja-JP", "2026/12/3", "2026-12-03"],
  ])("%s reads %j as %s", (locale, typed, date) => {
    expect(parseDate(typed, locale)).toEqual(ok(date));
  });

  it.each(["en-US", "en-GB", "de-DE", "nl-NL"])("%s reads an ISO date too", (locale) => {
    expect(parseDate("2025-03-01", locale)).toEqual(ok("2025-03-01"));
    expect(parseDate("2024-02-29", locale)).toEqual(ok("2024-02-29"));
  });

  it("reads every date it writes, in each locale", () => {
    // th-TH and fa-IR default to other calendars: the field writes and reads Gregorian dates.
    for (const locale of ["en-US", "en-GB", "de-DE", "fr-FR", "nl-NL", "hu-HU", "ja-JP", "fr-CA", "bg-BG", "th-TH", "fa-IR"]) {
      for (const date of ["2025-01-05", "2024-02-29", "2026-12-31"]) {
        expect(parseDate(formatDate(date, locale), locale), `${locale} ${date}`).toEqual(ok(date));
      }
    }
  });

  it("reads an empty field as no date", () => {
    expect(parseDate("", "de-DE")).toEqual(ok(""));
    expect(parseDate("   ", "en-US")).toEqual(ok(""));
  });

  it("says what is wrong with an impossible date", () => {
    expect(parseDate("30.02.2025", "de-DE")).toEqual({ ok: false, error: "Februar 2025 has only 28 days." });
    expect(parseDate("02/30/2025", "en-US")).toEqual({ ok: false, error: "February 2025 has only 28 days." });
    expect(parseDate("29/02/2025", "en-GB")).toEqual({ ok: false, error: "February 2025 has only 28 days." });
    expect(parseDate("31/04/2025", "en-GB")).toEqual({ ok: false, error: "April 2025 has only 30 days." });
    expect(parseDate("2025-02-30", "en-GB")).toEqual({ ok: false, error: "February 2025 has only 28 days." });
    expect(parseDate("01.13.2025", "de-DE")).toEqual({ ok: false, error: "There is no month 13: months go from 1 to 12." });
    expect(parseDate("13/01/2025", "en-US")).toEqual({ ok: false, error: "There is no month 13: months go from 1 to 12." });
    expect(parseDate("00.01.2025", "de-DE")).toEqual({ ok: false, error: "There is no day 0." });
  });

  it("asks for the locale's pattern when the text is not a date", () => {
    expect(parseDate("tomorrow", "de-DE")).toEqual({ ok: false, error: "Enter the date as DD.MM.YYYY." });
    expect(parseDate("3.1", "de-DE")).toEqual({ ok: false, error: "Enter the date as DD.MM.YYYY." });
    expect(parseDate("1/2/3/2025", "en-US")).toEqual({ ok: false, error: "Enter the date as MM/DD/YYYY." });
    expect(parseDate("003/01/2025", "en-GB")).toEqual({ ok: false, error: "Enter the date as DD/MM/YYYY." });
    expect(parseDate("3,1,2025", "en-GB")).toEqual({ ok: false, error: "Enter the date as DD/MM/YYYY." });
    // In day-first order an ISO-looking text with the year last is not ISO.
    expect(parseDate("2025/03/01", "en-GB").ok).toBe(false);
  });

  it("wants four-digit years", () => {
    expect(parseDate("3.1.25", "de-DE")).toEqual({ ok: false, error: "Enter the year with four digits (DD.MM.YYYY)." });
    expect(parseDate("1/3/25", "en-US")).toEqual({ ok: false, error: "Enter the year with four digits (MM/DD/YYYY)." });
    expect(parseDate("3.1.0025", "de-DE")).toEqual({ ok: false, error: "Enter a year from 1000 on." });
  });
});

describe("outOfRange", () => {
  it("names the bound in the locale's form", () => {
    expect(outOfRange("2025-02-28", "2025-03-01", undefined, "de-DE")).toBe("Enter 01.03.2025 or later.");
    expect(outOfRange("2025-04-01", undefined, "2025-03-31", "en-US")).toBe("Enter 03/31/2025 or earlier.");
    expect(outOfRange("2025-03-10", "2025-03-01", "2025-03-31", "en-GB")).toBeUndefined();
    expect(outOfRange("", "2025-03-01", "2025-03-31", "en-GB")).toBeUndefined();
  });
});
