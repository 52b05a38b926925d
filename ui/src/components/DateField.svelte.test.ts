// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { flushSync, mount, tick, unmount } from "svelte";
import DateForm from "./fixtures/DateForm.svelte";
import { FormErrors } from "../lib/fields.svelte";
import { formatDate } from "../lib/datefield";

// The component uses the default locale; the expectations follow it through formatDate.
let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = "";
});

function show(props: { value?: string; min?: string; max?: string } = {}) {
  const p = $state({ form: new FormErrors("t"), changes: [] as string[], escapes: [] as string[], ...props });
  app = mount(DateForm, { target: document.body, props: p });
  flushSync();
  return p;
}
const q = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector<T>(`[data-testid="${id}"]`);
const field = () => q<HTMLInputElement>("day")!;
const bound = () => q("bound")!.textContent;
const message = () => q("field-error-date")?.textContent?.trim();

/** As the end-to-end tests set a date: the value, then `input` and `change`. */
function setValue(text: string): void {
  const el = field();
  el.value = text;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
  flushSync();
}
function type(text: string): void {
  const el = field();
  el.value = text;
  el.dispatchEvent(new Event("input", { bubbles: true }));
  flushSync();
}
function key(el: HTMLElement, k: string, init: KeyboardEventInit = {}): void {
  el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init }));
  flushSync();
}

describe("DateField", () => {
  it("is a numeric text field showing the date in the locale's form, its label on it", () => {
    show({ value: "2026-12-03" });
    const el = field();
    expect(el.type).toBe("text");
    expect(el.inputMode).toBe("numeric");
    expect(el.getAttribute("autocomplete")).toBe("off");
    expect(el.value).toBe(formatDate("2026-12-03"));
    expect(el.dataset.value).toBe("2026-12-03");
    expect(el.placeholder).toMatch(/DD/);
    expect(document.querySelector(`label[for="${el.id}"]`)?.textContent).toBe("Day");
    // The keys are described to screen readers.
    const described = el.getAttribute("aria-describedby")!.split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described.join(" ")).toMatch(/Page Up/);
  });

  it("takes an ISO date set by a script with input and change", () => {
    const p = show();
    setValue("2025-03-01");
    expect(bound()).toBe("2025-03-01");
    expect(field().value).toBe(formatDate("2025-03-01"));
    expect(p.changes).toEqual(["2025-03-01"]);
    setValue("");
    expect(bound()).toBe("");
    expect(p.changes).toEqual(["2025-03-01", ""]);
  });

  it("reads the locale's form as typed, and writes it back the same", () => {
    show();
    const text = formatDate("2024-02-29");
    type(text);
    expect(bound()).toBe("2024-02-29");
    expect(field().value).toBe(text);
  });

  it("keeps an impossible date as typed and says why at the field once the user is done", () => {
    const p = show({ value: "2025-02-01" });
    type("2025-02-30");
    // While typing, no message yet, and the old date is not kept as if it were still meant.
    expect(message()).toBeUndefined();
    expect(bound()).toBe("2025-02-30");
    field().dispatchEvent(new Event("change", { bubbles: true }));
    flushSync();
    expect(field().value).toBe("2025-02-30");
    expect(message()).toMatch(/has only 28 days/);
    expect(field().getAttribute("aria-invalid")).toBe("true");
    expect(field().getAttribute("aria-describedby")).toContain(q("field-error-date")!.id);
    expect(q("field-error-date")!.getAttribute("role")).toBe("alert");
    expect(p.changes).toEqual([]);

    // Fixing it clears the message as soon as it is a date.
    type("2025-02-28");
    expect(message()).toBeUndefined();
    expect(bound()).toBe("2025-02-28");
  });

  it("settles on Enter (before a form would submit)", () => {
    const p = show();
    type("2025-03-01");
    key(field(), "Enter");
    expect(field().value).toBe(formatDate("2025-03-01"));
    expect(p.changes).toEqual(["2025-03-01"]);
  });

  it("shows the form's error for its path, as a Field does", () => {
    const p = show({ value: "2025-03-01" });
    p.form.errors = { date: "The end date is before the start date." };
    flushSync();
    expect(message()).toBe("The end date is before the start date.");
    expect(field().getAttribute("aria-invalid")).toBe("true");
  });

  it("moves a day with the up and down arrows and a month with Page Up and Page Down", () => {
    const p = show({ value: "2025-01-31" });
    key(field(), "ArrowUp");
    expect(bound()).toBe("2025-02-01");
    key(field(), "ArrowDown");
    key(field(), "ArrowDown");
    expect(bound()).toBe("2025-01-30");
    key(field(), "PageUp");
    expect(bound()).toBe("2025-02-28");
    key(field(), "PageDown");
    expect(bound()).toBe("2025-01-28");
    expect(field().value).toBe(formatDate("2025-01-28"));
    expect(p.changes.at(-1)).toBe("2025-01-28");
    // With a modifier the keys are not the field's (Alt+arrows change the day view's day).
    key(field(), "ArrowUp", { altKey: true });
    expect(bound()).toBe("2025-01-28");
  });

  it("steps from the date typed, not yet settled", () => {
    show({ value: "2025-01-01" });
    type("2025-06-10");
    key(field(), "ArrowUp");
    expect(bound()).toBe("2025-06-11");
  });

  it("keeps to min and max", () => {
    show({ value: "2025-03-30", min: "2025-03-01", max: "2025-03-31" });
    key(field(), "ArrowUp");
    key(field(), "ArrowUp");
    expect(bound()).toBe("2025-03-31");
    key(field(), "PageDown");
    expect(bound()).toBe("2025-03-01");
    setValue("2025-04-02");
    expect(message()).toBe(`Enter ${formatDate("2025-03-31")} or earlier.`);
  });

  it("shows a value changed from outside", () => {
    const p = show({ value: "2025-03-01" });
    type("2025-02-30");
    p.value = "2025-04-01";
    flushSync();
    expect(field().value).toBe(formatDate("2025-04-01"));
    expect(message()).toBeUndefined();
  });
});

describe("DateField's calendar", () => {
  async function openCalendar(): Promise<HTMLElement> {
    q("day-calendar")!.click();
    flushSync();
    await tick();
    return q("day-calendar-popup")!;
  }

  it("opens on the field's date, in a labelled dialog with a grid of the month", async () => {
    show({ value: "2026-12-03" });
    const popup = await openCalendar();
    expect(popup.getAttribute("role")).toBe("dialog");
    expect(popup.getAttribute("aria-label")).toBe("Day: choose a day");
    expect(q("day-calendar")!.getAttribute("aria-expanded")).toBe("true");
    expect(popup.querySelectorAll("th")).toHaveLength(7);
    expect(popup.querySelectorAll("button[data-date]")).toHaveLength(31);
    expect(q("day-calendar-popup-month")!.textContent).toMatch(/2026/);
    const day = q("day-calendar-popup-day-2026-12-03")!;
    expect(document.activeElement).toBe(day);
    expect(day.tabIndex).toBe(0);
    expect(day.getAttribute("aria-label")).toMatch(/2026/);
    expect(day.parentElement!.getAttribute("aria-selected")).toBe("true");
  });

  it("moves with the keys and picks with Enter, then focus is back in the field", async () => {
    const p = show({ value: "2026-12-31" });
    await openCalendar();
    key(document.activeElement as HTMLElement, "ArrowRight");
    await tick();
    // Into January: the grid follows.
    expect(q("day-calendar-popup-month")!.textContent).toMatch(/2027/);
    expect((document.activeElement as HTMLElement).dataset.date).toBe("2027-01-01");
    key(document.activeElement as HTMLElement, "ArrowDown");
    await tick();
    key(document.activeElement as HTMLElement, "PageUp");
    await tick();
    expect((document.activeElement as HTMLElement).dataset.date).toBe("2026-12-08");
    key(document.activeElement as HTMLElement, "Enter");
    await tick();
    expect(bound()).toBe("2026-12-08");
    expect(q("day-calendar-popup")).toBeNull();
    expect(document.activeElement).toBe(field());
    expect(p.changes).toEqual(["2026-12-08"]);
  });

  it("picks a day clicked", async () => {
    show({ value: "2026-12-03" });
    await openCalendar();
    q("day-calendar-popup-day-2026-12-24")!.click();
    flushSync();
    expect(bound()).toBe("2026-12-24");
    expect(q("day-calendar-popup")).toBeNull();
  });

  it("closes on Escape without changing the date, focus back on its button, and the Escape goes no further", async () => {
    const p = show({ value: "2026-12-03" });
    // A dialog around it (Export PDF) or the window (the keyboard help) would close on it.
    let escaped = false;
    const listen = (e: KeyboardEvent) => (escaped ||= e.key === "Escape");
    window.addEventListener("keydown", listen);
    await openCalendar();
    key(document.activeElement as HTMLElement, "ArrowLeft");
    await tick();
    key(document.activeElement as HTMLElement, "Escape");
    await tick();
    expect(q("day-calendar-popup")).toBeNull();
    expect(document.activeElement).toBe(q("day-calendar"));
    expect(bound()).toBe("2026-12-03");
    expect(escaped).toBe(false);
    expect(p.escapes).toEqual([]);
    // Without the calendar open, Escape is the dialog's.
    key(field(), "Escape");
    expect(p.escapes).toEqual(["Escape"]);
    window.removeEventListener("keydown", listen);
  });

  it("closes when its button is pressed again, focus on the button", async () => {
    show({ value: "2026-12-03" });
    await openCalendar();
    q("day-calendar")!.click();
    flushSync();
    await tick();
    expect(q("day-calendar-popup")).toBeNull();
    expect(q("day-calendar")!.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(q("day-calendar"));
  });

  it("closes when the focus leaves it", async () => {
    show({ value: "2026-12-03" });
    await openCalendar();
    field().focus();
    flushSync();
    await tick();
    expect(q("day-calendar-popup")).toBeNull();
  });

  it("opens with Alt+Down from the field, on today when the field is empty", async () => {
    show();
    key(field(), "ArrowDown", { altKey: true });
    await tick();
    expect(q("day-calendar-popup")).not.toBeNull();
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
    expect((document.activeElement as HTMLElement).dataset.date).toBe(iso);
  });

  it("does not offer days outside min and max", async () => {
    show({ value: "2026-12-03", min: "2026-12-02", max: "2026-12-04" });
    await openCalendar();
    expect(q<HTMLButtonElement>("day-calendar-popup-day-2026-12-01")!.disabled).toBe(true);
    expect(q<HTMLButtonElement>("day-calendar-popup-day-2026-12-02")!.disabled).toBe(false);
    key(document.activeElement as HTMLElement, "ArrowDown");
    await tick();
    expect((document.activeElement as HTMLElement).dataset.date).toBe("2026-12-04");
  });
});
