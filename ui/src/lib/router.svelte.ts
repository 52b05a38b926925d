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

/** The question on screen while the user decides whether to leave the view or quit the app
 *  (null: none asked). */
export const leaving = $state<{ question: string | null; quitting: boolean }>({ question: null, quitting: false });
let decide: ((leave: boolean) => void) | null = null;

/** Shows `question` (components/LeaveDialog.svelte); true when the user chose to leave. */
function ask(question: string, quitting: boolean): Promise<boolean> {
  decide?.(false); // a second request while asking replaces the first
  leaving.question = question;
  leaving.quitting = quitting;
  return new Promise<boolean>((resolve) => (decide = resolve));
}

// Work to finish before the app quits: the day view writes its pending draft. Each says
// whether everything it holds is kept.
const beforeQuit = new Set<() => Promise<boolean>>();

/** Registers `finish` to run before the app quits; returns the function that removes it. */
export function finishBeforeQuit(finish: () => Promise<boolean>): () => void {
  beforeQuit.add(finish);
  return () => beforeQuit.delete(finish);
}

/** Writes the pending drafts (before quitting or locking); false when one could not be kept. */
export async function keepDrafts(): Promise<boolean> {
  const kept = await Promise.all([...beforeQuit].map((finish) => finish()));
  return !kept.includes(false);
}

/**
 * Whether the app may quit now: pending drafts are written first, then the user is asked
 * about unsaved edits a draft does not keep. `asking` runs just before the question shows.
 */
export async function mayQuit(asking: () => Promise<unknown> = async () => {}): Promise<boolean> {
  const question = !(await keepDrafts())
    ? "The day's changes could not be kept as a draft (see the message on the day)."
    : unsavedEdits();
  if (!question) return true;
  await asking();
  return ask(question, true);
}

/**
 * Goes to `route` (the day view to `date`, if given), first asking whether to leave when a
 * view has unsaved edits. Resolves true when it went, false when the user stayed.
 */
export async function go(route: Route, date?: string): Promise<boolean> {
  if (route === nav.route && (date === undefined || date === nav.date)) return true;
  const question = route === nav.route ? null : unsavedEdits();
  if (question && !(await ask(question, false))) return false;
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
