import { describe, expect, it } from "vitest";
import { decimalMark, localNumbers } from "./numbers";

describe("decimalMark", () => {
  it.each([
    ["en-US", "."],
    ["en-GB", "."],
    ["de-DE", ","],
  ])("%s: %s", (locale, mark) => {
    expect(decimalMark(locale)).toBe(mark);
  });
});

describe("localNumbers", () => {
  it("writes decimal points in the locale's mark", () => {
    expect(localNumbers("1.5 mg", "de-DE")).toBe("1,5 mg");
    expect(localNumbers("5.5 (3–7.25)", "de-DE")).toBe("5,5 (3–7,25)");
    expect(localNumbers("day 3 at 1.5 mg (since 2026-03-11)", "de-DE")).toBe("day 3 at 1,5 mg (since 2026-03-11)");
    expect(localNumbers("+0.5", "de-DE")).toBe("+0,5");
  });
  it("leaves text with points as they are in locales that use them", () => {
    expect(localNumbers("1.5 mg", "en-US")).toBe("1.5 mg");
    expect(localNumbers("1.5 mg", "en-GB")).toBe("1.5 mg");
  });
  it("leaves numbers without a point, and runs that are not one decimal number", () => {
    expect(localNumbers("3 mg", "de-DE")).toBe("3 mg");
    expect(localNumbers("version 1.2.3", "de-DE")).toBe("version 1.2.3");
    expect(localNumbers("21:00", "de-DE")).toBe("21:00");
    expect(localNumbers("end.", "de-DE")).toBe("end.");
  });
});
