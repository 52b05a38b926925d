// Keyboard entry helpers shared by the views: where focus goes next, and whether a key press
// belongs to a text field (so single-key shortcuts like `?` never eat typed text).

const FOCUSABLE = "input, select, textarea, button, a[href], [tabindex]";

/** Whether `el` takes typed text (a key like `?` or a digit is text there, not a shortcut). */
export function isTextEntry(el: Element | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (!(el instanceof HTMLInputElement)) return false;
  return !["radio", "checkbox", "button", "submit", "reset", "range", "color", "file"].includes(el.type);
}

/** The Tab stop after everything inside `group`, or null at the end. */
export function nextTabStop(group: Element): HTMLElement | null {
  const stops = withCheckedRadios(document);
  return stops.find((el) => !group.contains(el) && (group.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0) ?? null;
}

/** The elements Tab stops at, in order: of a radio group only its checked radio (or its first). */
function withCheckedRadios(root: ParentNode): HTMLElement[] {
  const all = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) =>
      el.tabIndex >= 0 && !(el as HTMLInputElement).disabled && el.getClientRects().length > 0 && !el.closest("[inert]"),
  );
  const seen = new Set<string>();
  const stops: HTMLElement[] = [];
  for (const el of all) {
    if (el instanceof HTMLInputElement && el.type === "radio" && el.name) {
      if (seen.has(el.name)) continue;
      seen.add(el.name);
      const group = all.filter((r): r is HTMLInputElement => r instanceof HTMLInputElement && r.name === el.name);
      stops.push(group.find((r) => r.checked) ?? el);
    } else {
      stops.push(el);
    }
  }
  return stops;
}
