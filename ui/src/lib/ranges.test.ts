import { describe, expect, it } from "vitest";
import { rangeOf } from "./ranges";

describe("rangeOf", () => {
  it("counts presets back from today, today included", () => {
    expect(rangeOf("4w", "2025-03-28", "", "")).toEqual({ from: "2025-03-01", to: "2025-03-28" });
    expect(rangeOf("3m", "2025-05-15", "", "")).toEqual({ from: "2025-02-16", to: "2025-05-15" });
    expect(rangeOf("6m", "2025-05-15", "", "")).toEqual({ from: "2024-11-16", to: "2025-05-15" });
    expect(rangeOf("1y", "2024-02-29", "", "")).toEqual({ from: "2023-03-02", to: "2024-02-29" });
    expect(rangeOf("all", "2025-03-28", "", "")).toEqual({ from: null, to: null });
  });

  it("checks custom dates before anything is asked", () => {
    expect(rangeOf("custom", "2025-03-28", "2025-02-30", "2025-03-01").error).toMatch(/start date/);
    expect(rangeOf("custom", "2025-03-28", "2025-03-01", "").error).toMatch(/end date/);
    expect(rangeOf("custom", "2025-03-28", "2025-03-02", "2025-03-01").error).toMatch(/before the start/);
    expect(rangeOf("custom", "2025-03-28", "2025-03-01", "2025-03-01")).toEqual({
      from: "2025-03-01",
      to: "2025-03-01",
    });
  });
});
