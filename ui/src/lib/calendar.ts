// A month as a calendar shows it, in the user's locale: the first day of the week, the
// weekday names, the weeks. Weekdays are numbered as Intl numbers them: 1 Monday … 7 Sunday.
import { daysInMonth, iso } from "./dates";

type WeekInfo = { firstDay: number };
// `getWeekInfo()` is the standard; WebKit and older engines have the `weekInfo` getter.
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** The user's locale: the system's language, or (when that is no language tag, as "C" is) the one Intl formats in. */
function defaultLocales(): string[] {
  const system = typeof navigator !== "undefined" ? navigator.language : "";
  return [system, Intl.DateTimeFormat().resolvedOptions().locale].filter(Boolean);
}

function weekStart(tag: string): number | undefined {
  try {
    const l = new Intl.Locale(tag) as LocaleWithWeek;
    const day = l.getWeekInfo?.().firstDay ?? l.weekInfo?.firstDay;
    if (day && day >= 1 && day <= 7) return day;
    return l.maximize().region === "US" ? 7 : 1;
  } catch {
    return undefined; // not a language tag
  }
}

/** The locale's first day of the week; without week data, Monday (Sunday in the US). */
export function firstDayOfWeek(locale?: string): number {
  for (const tag of locale === undefined ? defaultLocales() : [locale]) {
    const day = weekStart(tag);
    if (day !== undefined) return day;
  }
  return 1;
}

/** 1 (Monday) … 7 (Sunday) of a JavaScript `getDay()` (0 is Sunday). */
const weekday = (jsDay: number) => (jsDay === 0 ? 7 : jsDay);

export type Weekday = { short: string; long: string };

/** The weekday names in the order of the calendar's columns. */
export function weekdays(firstDay: number, locale?: string): Weekday[] {
  return Array.from({ length: 7 }, (_, i) => {
    // 2024-01-01 was a Monday.
    const d = new Date(2024, 0, ((firstDay - 1 + i) % 7) + 1, 12);
    return {
      short: d.toLocaleDateString(locale, { weekday: "short" }),
      long: d.toLocaleDateString(locale, { weekday: "long" }),
    };
  });
}

/** How many empty cells come before the 1st of the month in a week starting on `firstDay`. */
export function leadingDays(year: number, month0: number, firstDay: number): number {
  return (weekday(new Date(year, month0, 1, 12).getDay()) - firstDay + 7) % 7;
}

/** The month's weeks, rows of 7 dates ("YYYY-MM-DD"), null for the days of the months around it. */
export function monthWeeks(year: number, month0: number, firstDay: number): (string | null)[][] {
  const cells: (string | null)[] = Array.from({ length: leadingDays(year, month0, firstDay) }, () => null);
  for (let d = 1; d <= daysInMonth(year, month0 + 1); d++) cells.push(iso(new Date(year, month0, d, 12)));
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** The first or the last day of the week of `date`, in weeks starting on `firstDay`. */
export function weekEdge(date: string, firstDay: number, edge: "start" | "end"): string {
  const [y, m, d] = date.split("-").map(Number);
  const day = new Date(y, m - 1, d, 12);
  const back = (weekday(day.getDay()) - firstDay + 7) % 7;
  day.setDate(d - back + (edge === "end" ? 6 : 0));
  return iso(day);
}
