// Which screen is shown, and which day the day view is on. No URL routing is needed inside
// the desktop window; views ask before leaving when they hold unsaved work.
import { today } from "./dates";

export type Route = "day" | "history" | "trends" | "regimen" | "questions" | "settings";

export const nav = $state<{ route: Route; date: string }>({ route: "day", date: today() });

export function openDay(date: string): void {
  nav.date = date;
  nav.route = "day";
}
