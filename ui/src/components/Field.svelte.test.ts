// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { flushSync, mount, unmount } from "svelte";
import FieldForm from "./fixtures/FieldForm.svelte";
import { FormErrors } from "../lib/fields.svelte";

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = "";
});

function show(props: { form: FormErrors; extra?: boolean }) {
  const p = $state(props);
  app = mount(FieldForm, { target: document.body, props: p });
  flushSync();
  return p;
}
const q = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe("Field", () => {
  it("labels its control, input, select and textarea alike", () => {
    const form = new FormErrors();
    show({ form });
    for (const id of ["name", "kind", "notes"]) {
      const control = q(id)!;
      const label = document.querySelector(`label[for="${control.id}"]`);
      expect(label?.textContent, id).toBeTruthy();
      expect(control.getAttribute("aria-invalid")).toBeNull();
      expect(control.getAttribute("aria-describedby")).toBeNull();
    }
  });

  it("shows its error, marks the control invalid and points at the message", () => {
    const form = new FormErrors();
    show({ form });
    form.errors = { notes: "At most 10,000 characters." };
    flushSync();
    const notes = q("notes")!;
    expect(notes.getAttribute("aria-invalid")).toBe("true");
    const msg = document.getElementById(notes.getAttribute("aria-describedby")!);
    expect(msg?.textContent).toBe("At most 10,000 characters.");
    expect(msg?.dataset.testid).toBe("field-error-notes");
    expect(q("name")!.getAttribute("aria-invalid")).toBeNull();
    form.clear();
    flushSync();
    expect(q("field-error-notes")).toBeNull();
    expect(notes.getAttribute("aria-invalid")).toBeNull();
  });

  it("an error for a field not on screen is listed by the summary, and moves to the field when it shows", () => {
    const form = new FormErrors();
    const props = show({ form });
    form.errors = { "doses[0].amount": "Enter the amount in mg.", date: "Not a date." };
    flushSync();
    const summary = () => [...document.querySelectorAll(".error-summary li")].map((li) => (li as HTMLElement).dataset.testid);
    expect(summary()).toEqual(["field-error-doses[0].amount", "field-error-date"]);

    props.extra = true;
    flushSync();
    expect(summary()).toEqual(["field-error-date"]);
    expect(q("amount-error")?.textContent).toBe("Enter the amount in mg.");

    props.extra = false;
    flushSync();
    expect(summary()).toEqual(["field-error-doses[0].amount", "field-error-date"]);
  });

  it("shows no summary when every error has its field", () => {
    const form = new FormErrors();
    show({ form });
    form.errors = { name: "Give it a name." };
    flushSync();
    expect(document.querySelector(".error-summary")).toBeNull();
  });

  it("focusFirst focuses the first field in error in the page's order, else the summary", () => {
    const form = new FormErrors();
    show({ form });
    form.errors = { notes: "Too long.", kind: "Choose one." };
    flushSync();
    expect(form.focusFirst()).toBe(true);
    expect(document.activeElement).toBe(q("kind"));

    form.errors = { date: "Not a date." };
    flushSync();
    expect(form.focusFirst()).toBe(true);
    expect(document.activeElement?.classList.contains("error-summary")).toBe(true);

    form.clear();
    flushSync();
    expect(form.focusFirst()).toBe(false);
  });
});
