// Copying a section of the day form from the last logged day, for the buttons and for Alt+C.
import { asIpcError } from "../../lib/api";
import type { CopyPart } from "../../lib/bindings/CopyPart";
import { longDate } from "../../lib/dates";
import type { DayForm } from "../../lib/dayform.svelte";
import { toast } from "../../lib/toast.svelte";

/** Copies `part` (named `what` in the message) into `form`, and says what it did. */
export async function copySection(form: DayForm, part: CopyPart, what: string): Promise<void> {
  try {
    const from = await form.copyFromLast(part);
    toast(from ? `Copied the ${what} of ${longDate(from)}. Not saved yet.` : "No earlier day is logged to copy from.");
  } catch (e) {
    toast(`Could not copy: ${asIpcError(e).message}`);
  }
}
