// The first screen's data, asked for as soon as the scripts run: main.ts imports this module
// before the app and mounts the app once the answers are in (see `firstData`).
import { api } from "./api";
import type { AppInfo } from "./bindings/AppInfo";
import type { DayView } from "./bindings/DayView";
import { today } from "./dates";

// Start-up marks ("ldn:…") show in the page's performance timeline (`TIMELINE=1 scripts/figures`).
performance.mark("ldn:script");

const firstDate = today();
let firstDay: Promise<DayView> | null = api.openDay(firstDate);
let firstInfo: Promise<AppInfo> | null = api.appInfo();
// Whoever takes a promise handles its failure; until then it must not count as unhandled.
firstDay.then(() => performance.mark("ldn:day-data")).catch(() => undefined);
firstInfo.catch(() => undefined);

/** Settles when the first screen's data has arrived (or failed), or after `limitMs`. Mounting
 * then lays out and paints the day form once, instead of an empty shell first and the whole
 * form again a few tens of milliseconds later (measured with scripts/figures). */
export function firstData(limitMs: number): Promise<unknown> {
  const both = Promise.allSettled([firstDay, firstInfo]);
  return Promise.race([both, new Promise((resolve) => setTimeout(resolve, limitMs))]);
}

/** The day view of `date`: the early answer the first time it is today, else a new call. */
export function openDay(date: string): Promise<DayView> {
  const early = date === firstDate ? firstDay : null;
  firstDay = null;
  return early ?? api.openDay(date);
}

/** The app's info: the early answer the first time, else a new call. */
export function appInfo(): Promise<AppInfo> {
  const early = firstInfo;
  firstInfo = null;
  return early ?? api.appInfo();
}

/** Drops the early answers (refused: the journal is locked), so the views ask again. */
export function forget(): void {
  firstDay?.catch(() => undefined);
  firstDay = null;
}
