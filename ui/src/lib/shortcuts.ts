// Every keyboard shortcut, listed once: the help overlay (`?`) shows these, so a shortcut that
// is not here is one nobody can find.
import type { Route } from "./router.svelte";

export type Shortcut = { keys: string[]; what: string };
export type ShortcutGroup = { title: string; shortcuts: Shortcut[] };

const ANYWHERE: ShortcutGroup = {
  title: "Anywhere",
  shortcuts: [
    { keys: ["Ctrl+K", "Ctrl+F"], what: "Search the journal" },
    { keys: ["?"], what: "Show these shortcuts (outside a text field)" },
    { keys: ["Ctrl+W"], what: "Close the window (LDN Journal keeps running if chosen in Settings)" },
    { keys: ["Ctrl+Q"], what: "Quit LDN Journal (asks first if something is not saved)" },
    { keys: ["Ctrl+L"], what: "Lock the journal now (when it is encrypted)" },
    { keys: ["Esc"], what: "Close a dialog or this list" },
  ],
};

// The keys of a date field (components/DateField.svelte), on the views that have one.
const DATE_FIELDS: ShortcutGroup = {
  title: "In a date field",
  shortcuts: [
    { keys: ["↑", "↓"], what: "The day after or before" },
    { keys: ["Page Up", "Page Down"], what: "A month later or earlier" },
    { keys: ["Alt+↓"], what: "Open the calendar (arrows move, Enter picks, Esc closes)" },
  ],
};
const WITH_DATE_FIELDS: Route[] = ["day", "trends", "regimen", "medications", "supply", "settings"];

const BY_VIEW: Partial<Record<Route, ShortcutGroup>> = {
  day: {
    title: "Day",
    shortcuts: [
      { keys: ["0", "…", "9"], what: "On a score: choose it, and move on to the next question" },
      { keys: ["1 0"], what: "On a 0–10 score: 10 (type the two digits quickly)" },
      { keys: ["Backspace", "-"], what: "On a score: back to “not rated”" },
      { keys: ["←", "→"], what: "On a score: the previous or next choice" },
      { keys: ["Alt+N"], what: "Go to the first question still to answer" },
      { keys: ["Alt+C"], what: "Copy this section from the last logged day (never its notes)" },
      { keys: ["Ctrl+S"], what: "Save the day" },
      { keys: ["Alt+←", "Alt+→"], what: "Previous or next day" },
      { keys: ["Alt+Home"], what: "Today" },
    ],
  },
  search: {
    title: "Search",
    shortcuts: [
      { keys: ["Enter"], what: "In the search field: open the day of the newest match" },
      { keys: ["↓", "↑"], what: "Move through the matches (Enter opens one)" },
    ],
  },
};

/** What the help overlay lists on `route`: that view's shortcuts first, then the global ones. */
export function shortcutsFor(route: Route): ShortcutGroup[] {
  const own = BY_VIEW[route];
  return [...(own ? [own] : []), ...(WITH_DATE_FIELDS.includes(route) ? [DATE_FIELDS] : []), ANYWHERE];
}
