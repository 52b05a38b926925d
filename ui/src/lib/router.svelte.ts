// Which screen is shown, and which day the day view is on. No URL routing is needed inside
// the desktop window. Views with unsaved edits register a leave guard; `go` asks the user
// (components/LeaveDialog.svelte) before leaving them. The day view needs none: it keeps its
// edits as a draft.
import { today } from "./dates";

export type Route =
  | "day"
  | "history"
  | "trends"
  | "regimen"
  | "medications"
  | "supply"
  | "questions"
  | "settings"
  | "search";

export const nav = $state<{ route: Route; date: string }>({ route: "day", date: today() });

/** What a view would lose if the user left now, as a sentence, or null when nothing. */
export type LeaveGuard = () => string | null;

const guards = new Set<LeaveGuard>();

/**
 * Registers `guard` while a view is shown; returns the function that removes it, so a view
 * writes `$effect(() => guardLeave(() => ...))` and the guard goes when the view does.
 */
export function guardLeave(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => guards.delete(guard);
}

/** The first registered guard's sentence, or null when leaving loses nothing. */
export function unsavedEdits(): string | null {
  for (const g of guards) {
    const q = g();
    if (q) return q;
  }
  return null;
}

/** The question on screen while the user decides whether to leave (null: none asked). */
export const leaving = $state<{ question: string | null }>({ question: null });
let decide: ((leave: boolean) => void) | null = null;

/**
 * Goes to `route` (the day view to `date`, if given), first asking whether to leave when a
 * view has unsaved edits. Resolves true when it went, false when the user stayed.
 */
export async function go(route: Route, date?: string): Promise<boolean> {
  if (route === nav.route && (date === undefined || date === nav.date)) return true;
  const question = route === nav.route ? null : unsavedEdits();
  if (question) {
    decide?.(false); // a second click while asking replaces the first request
    leaving.question = question;
    const leave = await new Promise<boolean>((resolve) => (decide = resolve));
    if (!leave) return false;
  }
  if (date !== undefined) nav.date = date;
  nav.route = route;
  return true;
}

/** The user's answer to the question in `leaving`: leave (dropping the edits) or stay. */
export function answerLeave(leave: boolean): void {
  const d = decide;
  if (!d) return;
  decide = null;
  leaving.question = null;
  d(leave);
}

/** Shows the day view on `date`. */
export function openDay(date: string): Promise<boolean> {
  return go("day", date);
}
