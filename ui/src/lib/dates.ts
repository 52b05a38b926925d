// Calendar dates as "YYYY-MM-DD" strings in local time (what the journal stores).

const pad = (n: number) => String(n).padStart(2, "0");

export function iso(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function today(): string {
  return iso(new Date());
}

export function parse(s: string): Date {
  const [y, m, d] = s.split("-").map(Number);
  return new Date(y, m - 1, d, 12);
}

export function addDays(s: string, n: number): string {
  const d = parse(s);
  d.setDate(d.getDate() + n);
  return iso(d);
}

export function isValid(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && iso(parse(s)) === s;
}

export function longDate(s: string): string {
  return parse(s).toLocaleDateString(undefined, { weekday: "long", year: "numeric", month: "long", day: "numeric", calendar: "gregory" });
}

export function shortDate(s: string): string {
  return parse(s).toLocaleDateString(undefined, { weekday: "short", month: "short", day: "numeric", year: "numeric", calendar: "gregory" });
}

export function monthLabel(year: number, month0: number): string {
  return new Date(year, month0, 1).toLocaleDateString(undefined, { month: "long", year: "numeric", calendar: "gregory" });
}

/** "28 Nov 2025" in the user's locale, without the weekday, for narrow tables. */
export function mediumDate(s: string): string {
  return parse(s).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric", calendar: "gregory" });
}

/** How many days month `month` (1–12) of `year` has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(year, month, 0, 12).getDate();
}

/** The same day `n` months later (earlier when negative), or that month's last day when it is shorter. */
export function addMonths(s: string, n: number): string {
  const [y, m, d] = s.split("-").map(Number);
  const first = new Date(y, m - 1 + n, 1, 12);
  first.setDate(Math.min(d, daysInMonth(first.getFullYear(), first.getMonth() + 1)));
  return iso(first);
}

/** `s` moved into `min`…`max` (either may be missing or empty). */
export function clampDate(s: string, min?: string, max?: string): string {
  if (min && s < min) return min;
  if (max && s > max) return max;
  return s;
}
