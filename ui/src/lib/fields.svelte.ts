// The validation errors of one form, keyed by the core's field paths (`text`, `doses[0].amount`),
// and which of those paths have a field on screen. Each `Field` registers its path; an error
// whose path no field registered is `unplaced`, and `ErrorSummary` lists those, so an error the
// core reports is always shown somewhere (never only in a field that is not there).
import { getContext, setContext, untrack } from "svelte";
import { asIpcError, fieldErrors } from "./api";
import type { IpcError } from "./bindings/IpcError";

const KEY = Symbol("form-errors");
let forms = 0;

/** A field path as a fragment of an element id (`doses[0].amount` → `doses_0__amount`). */
export function idPart(path: string): string {
  return path.replace(/[^a-zA-Z0-9_-]/g, "_");
}

export class FormErrors {
  /** Prefix of the ids of this form's fields and messages, unique in the document. */
  readonly id: string;
  /** Field path → message. Assign to show a new set (an empty object clears them). */
  errors = $state<Record<string, string>>({});
  /** How many mounted fields show each path. */
  #placed = $state<Record<string, number>>({});
  /** The errors no mounted field shows, in the core's order: `[path, message]`. */
  readonly unplaced: [string, string][] = $derived(Object.entries(this.errors).filter(([p]) => !this.#placed[p]));
  #summary: HTMLElement | null = null;

  constructor(id?: string) {
    this.id = id ?? `form${++forms}`;
  }

  /** The message for `path`, if any. */
  message(path: string): string | undefined {
    return this.errors[path];
  }

  /** Shows the field errors of a failed command (none when it names no field); returns it as an IpcError. */
  fail(e: unknown): IpcError {
    const err = asIpcError(e);
    this.errors = fieldErrors(err);
    return err;
  }

  clear(): void {
    this.errors = {};
  }

  /** A field shows `path` from now on; call the returned function when it goes. */
  register(path: string): () => void {
    untrack(() => (this.#placed[path] = (this.#placed[path] ?? 0) + 1));
    let done = false;
    return () => {
      if (done) return;
      done = true;
      untrack(() => {
        const n = (this.#placed[path] ?? 1) - 1;
        if (n > 0) this.#placed[path] = n;
        else delete this.#placed[path];
      });
    };
  }

  /** Whether a mounted field shows `path`. */
  placed(path: string): boolean {
    return !!this.#placed[path];
  }

  /** The id of the control of `path` (what a `<label for>` names). */
  controlId(path: string): string {
    return `${this.id}-${idPart(path)}`;
  }

  /** The id of the message of `path` (what the control's `aria-describedby` names). */
  messageId(path: string): string {
    return `err-${this.id}-${idPart(path)}`;
  }

  /** ErrorSummary registers its element, where `focusFirst` goes when no field shows an error. */
  setSummary(el: HTMLElement | null): void {
    this.#summary = el;
  }

  /**
   * Moves focus to the first control in error, in document order; failing that (the errors
   * are all unplaced) to the summary. Returns whether it focused something.
   */
  focusFirst(doc: Document = document): boolean {
    let first: HTMLElement | null = null;
    for (const path of Object.keys(this.errors)) {
      if (!this.placed(path)) continue;
      const el = doc.getElementById(this.controlId(path));
      if (el && (!first || first.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)) first = el;
    }
    const target = first ?? (this.unplaced.length > 0 ? this.#summary : null);
    target?.focus();
    return !!target;
  }
}

/** Gives the components below (each `Field`, `ErrorSummary`) this form's errors. Call in a component's script. */
export function provideErrors(form: FormErrors = new FormErrors()): FormErrors {
  setContext(KEY, form);
  return form;
}

/** The errors `provideErrors` gave the component tree, if any. Call in a component's script. */
export function inheritedErrors(): FormErrors | undefined {
  return getContext<FormErrors | undefined>(KEY);
}

/** `form`, or else `inherited`; a Field outside any form is a mistake, and says so. */
export function formOf(form: FormErrors | undefined, inherited: FormErrors | undefined): FormErrors {
  const f = form ?? inherited;
  if (!f) throw new Error("a Field or ErrorSummary needs a form: provideErrors() above it, or its form prop");
  return f;
}
