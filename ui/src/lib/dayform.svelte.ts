// The day view's form and its life: open a day (or the draft it left), keep every edit as a
// draft shortly after it is made, save, and settle a save refused because the day changed
// elsewhere. The view renders it; the rules (what the form means, what is valid) are the core's.
import { api, asIpcError } from "./api";
import type { CopyPart } from "./bindings/CopyPart";
import type { DayEntry } from "./bindings/DayEntry";
import type { DayView } from "./bindings/DayView";
import { copyEntry, entryKey } from "./dayentry";
import { FormErrors } from "./fields.svelte";

/** How the form reaches the journal; `api` in the app, a stand-in in unit tests. */
export type DayBackend = {
  openDay: (date: string) => Promise<DayView>;
  saveDay: typeof api.saveDay;
  saveDraft: typeof api.saveDraft;
  discardDraft: typeof api.discardDraft;
  copyFromLast: typeof api.copyFromLast;
};

export const NOT_SAVED = "Nothing was saved yet: please correct the highlighted fields.";

export class DayForm {
  /** The day as opened (saved, or new with the prescribed doses). */
  view = $state<DayView | null>(null);
  /** What the user is editing. */
  entry = $state<DayEntry | null>(null);
  /** The last save's errors by field path; each panel's Field shows its own. */
  readonly fields = new FormErrors("day");
  /** A message for the whole form (nothing saved, a failure to keep the draft ...). */
  problem = $state<string | null>(null);
  /** The day changed elsewhere since it was opened: the message the save was refused with. */
  stale = $state<string | null>(null);
  /** When the edits shown were restored from a draft, the time it was written. */
  restoredAt = $state<string | null>(null);
  saving = $state(false);
  /** The date whose data the form holds (empty until the first load). */
  loadedDate = $state("");

  #baseline = $state("");
  /** The revision of the saved day the form started from (a restored draft keeps its own). */
  #opened: number | null = null;
  #draftStored = false;
  // The last draft write failed: the form holds changes kept nowhere.
  #unkept = false;
  #timer: ReturnType<typeof setTimeout> | null = null;

  readonly key = $derived(this.entry ? entryKey(this.entry) : "");
  readonly dirty = $derived(this.entry !== null && this.key !== this.#baseline);

  constructor(
    private readonly backend: DayBackend,
    private readonly draftDelayMs = 400,
  ) {}

  /**
   * Fills `part` of the form as the last logged day had it, as an unsaved edit (kept as a
   * draft like any other); returns that day's date, or null when no earlier day is logged.
   * An edit made while the journal answered wins: the copy is asked again for the new form.
   */
  async copyFromLast(part: CopyPart): Promise<string | null> {
    for (;;) {
      const entry = this.entry;
      if (!entry) return null;
      const key = this.key;
      const copied = await this.backend.copyFromLast(copyEntry(entry), part);
      if (this.entry?.date !== entry.date) return null;
      if (this.key !== key) continue;
      if (copied) this.entry = copied.entry;
      return copied?.from ?? null;
    }
  }

  /** Opens `date`; `stillWanted` says whether the user is still on it when the answer comes. */
  async load(date: string, stillWanted: () => boolean = () => true): Promise<void> {
    await this.flush();
    this.fields.clear();
    this.problem = null;
    this.stale = null;
    try {
      const v = await this.backend.openDay(date);
      if (!stillWanted()) return;
      this.view = v;
      this.#baseline = entryKey(v.entry);
      if (v.draft) {
        this.entry = copyEntry(v.draft.entry);
        this.restoredAt = v.draft.saved_at;
        this.#opened = v.draft.opened;
        this.#draftStored = true;
      } else {
        this.entry = copyEntry(v.entry);
        this.restoredAt = null;
        this.#opened = v.revision;
        this.#draftStored = false;
      }
      this.loadedDate = date;
    } catch (e) {
      this.problem = asIpcError(e).message;
    }
  }

  /** Called after every edit: keeps a draft shortly after it, or drops the draft once the form
   *  is back to what is saved. */
  edited(): void {
    if (!this.entry || this.entry.date !== this.loadedDate) return;
    this.#cancelTimer();
    if (this.dirty) this.#timer = setTimeout(() => void this.writeDraft(), this.draftDelayMs);
    else if (this.#draftStored) void this.#dropDraft();
  }

  /** Keeps the form's unsaved changes as a draft; false when they could not be kept. */
  async writeDraft(): Promise<boolean> {
    this.#timer = null;
    if (!this.entry || !this.dirty) return true;
    try {
      await this.backend.saveDraft({ entry: copyEntry(this.entry), opened: this.#opened });
      this.#draftStored = true;
      this.#unkept = false;
      return true;
    } catch (e) {
      this.problem = `Your unsaved changes could not be kept as a draft: ${asIpcError(e).message}`;
      this.#unkept = true;
      return false;
    }
  }

  /** Writes a pending draft now (leaving the view, closing the window, changing the day).
   *  False when the form holds changes that are neither saved nor kept as a draft. */
  async flush(): Promise<boolean> {
    if (this.#timer) {
      this.#cancelTimer();
      return this.writeDraft();
    }
    return !this.dirty || !this.#unkept;
  }

  /** Saves the form. `over`: the revision to save over (the user chose to replace a version
   *  saved elsewhere) instead of the one the form was opened at. True when it was saved. */
  async save(over?: { revision: number | null }): Promise<boolean> {
    if (!this.entry || this.saving) return false;
    this.#cancelTimer();
    this.problem = null;
    this.saving = true;
    try {
      const saved = await this.backend.saveDay({
        entry: copyEntry(this.entry),
        revision: over ? over.revision : this.#opened,
      });
      this.#opened = saved.revision;
      if (this.view) {
        this.view.entry = saved.entry;
        this.view.revision = saved.revision;
        this.view.logged = true;
        this.view.dose_run = saved.dose_run;
      }
      this.#baseline = entryKey(saved.entry);
      this.entry = copyEntry(saved.entry);
      this.fields.clear();
      this.stale = null;
      this.restoredAt = null;
      this.#draftStored = false;
      return true;
    } catch (e) {
      const err = this.fields.fail(e);
      if (err.kind === "stale") this.stale = err.message;
      else this.problem = err.kind === "invalid" ? NOT_SAVED : err.message;
      void this.writeDraft();
      return false;
    } finally {
      this.saving = false;
    }
  }

  /** Saves the form over the version saved elsewhere, once the user chose to. */
  async saveMineOver(): Promise<boolean> {
    if (!this.view) return false;
    try {
      const current = await this.backend.openDay(this.view.date);
      return await this.save({ revision: current.revision });
    } catch (e) {
      this.problem = asIpcError(e).message;
      return false;
    }
  }

  /** Drops the edits and shows the day as saved elsewhere. */
  async loadTheirs(): Promise<void> {
    if (!this.view) return;
    this.#cancelTimer();
    await this.#dropDraft();
    await this.load(this.view.date);
  }

  /** Drops the restored draft and shows the day as saved (or new). */
  async discardRestored(): Promise<void> {
    if (!this.view) return;
    this.#cancelTimer();
    await this.#dropDraft();
    this.entry = copyEntry(this.view.entry);
    this.#opened = this.view.revision;
    this.restoredAt = null;
    this.fields.clear();
  }

  #cancelTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  async #dropDraft(): Promise<void> {
    if (!this.entry) return;
    try {
      await this.backend.discardDraft(this.entry.date);
      this.#draftStored = false;
    } catch {
      // The draft stays; it is offered again next time.
    }
  }
}
