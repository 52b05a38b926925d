import { describe, expect, it } from "vitest";
import { shortcutsFor } from "./shortcuts";

describe("shortcutsFor", () => {
  it("lists the view's keys, then a date field's where the view has one, then the global ones", () => {
    expect(shortcutsFor("day").map((g) => g.title)).toEqual(["Day", "In a date field", "Anywhere"]);
    expect(shortcutsFor("supply").map((g) => g.title)).toEqual(["In a date field", "Anywhere"]);
    expect(shortcutsFor("search").map((g) => g.title)).toEqual(["Search", "Anywhere"]);
    expect(shortcutsFor("history").map((g) => g.title)).toEqual(["Anywhere"]);
  });
});
