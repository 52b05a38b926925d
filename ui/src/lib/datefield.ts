// The text of a date field: a "YYYY-MM-DD" date in the locale's numeric short form
// ("03.12.2026" in de-DE, "03/12/2026" in en-GB, "12/03/2026" in en-US) and back. `locale`
// undefined is the user's, as everywhere in the UI; the tests pass one.
import { daysInMonth, isValid, parse } from "./dates";

export type DatePart = "day" | "month" | "year";
/** The locale's order of the parts, and the pattern a placeholder shows ("DD.MM.YYYY"). */
export type DatePattern = { order: DatePart[]; placeholder: string; literals: string };
/** What the user typed: a date ("" when empty), or why it is not one. */
export type ParsedDate = { ok: true; value: string } | { ok: false; error: string };

// Latin digits whatever the locale's own: the field parses and the keyboard types those. And
// the Gregorian calendar whatever the locale's default (th-TH is Buddhist, fa-IR Persian): the
// text is read back as a Gregorian date.
const OPTIONS: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  numberingSystem: "latn",
  calendar: "gregory",
};
const TOKENS: Record<DatePart, string> = { day: "DD", month: "MM", year: "YYYY" };
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
// Direction marks (ar, he) would make the text uneditable by hand; they carry no meaning here.
const BIDI = /[\u200e\u200f\u061c]/g;

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale?: string): Intl.DateTimeFormat {
  const key = locale ?? "";
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, OPTIONS)));
  return f;
}

function isPart(type: string): type is DatePart {
  return type === "day" || type === "month" || type === "year";
}

export function datePattern(locale?: string): DatePattern {
  const order: DatePart[] = [];
  let placeholder = "";
  let literals = "";
  for (const p of formatter(locale).formatToParts(new Date(2026, 11, 3, 12))) {
    if (isPart(p.type)) {
      order.push(p.type);
      placeholder += TOKENS[p.type];
    } else if (p.type === "literal") {
      const text = p.value.replace(BIDI, "");
      placeholder += text;
      literals += text;
    }
  }
  // A locale without the three numeric parts (none known) falls back to ISO.
  if (order.length !== 3 || new Set(order).size !== 3) return { order: ["year", "month", "day"], placeholder: "YYYY-MM-DD", literals: "-" };
  return { order, placeholder: placeholder.trim(), literals };
}

/** `value` ("YYYY-MM-DD") as the locale writes it; any other text as it is. */
export function formatDate(value: string, locale?: string): string {
  if (!isValid(value)) return value;
  return formatter(locale)
    .formatToParts(parse(value))
    .map((p) => (isPart(p.type) || p.type === "literal" ? p.value.replace(BIDI, "") : ""))
    .join("")
    .trim();
}

const escape = (s: string) => s.replace(/[\\\]^-]/g, "\\$&");
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Reads what the user typed, in the locale's order: day and month of one or two digits, a
 * four-digit year, separated by `.`, `/`, `-`, spaces or the locale's own separators. An ISO
 * "YYYY-MM-DD" is read in any locale (the end-to-end tests and pasted dates use it).
 */
export function parseDate(text: string, locale?: string): ParsedDate {
  const t = text.replace(BIDI, "").trim();
  if (t === "") return { ok: true, value: "" };
  const pattern = datePattern(locale);
  const iso = ISO.exec(t);
  if (iso) return check(Number(iso[1]), Number(iso[2]), Number(iso[3]), locale);

  const sep = `[./\\s${escape(pattern.literals.replace(/\s/g, ""))}-]+`;
  // Trailing separators too: "2026. 12. 03." (hu), "03.12.2026 г." (bg).
  const parts = t.replace(new RegExp(`${sep}$`), "").split(new RegExp(sep));
  const wrong: ParsedDate = { ok: false, error: `Enter the date as ${pattern.placeholder}.` };
  if (parts.length !== 3 || !parts.every((p) => /^\d+$/.test(p))) return wrong;
  const by = Object.fromEntries(pattern.order.map((part, i) => [part, parts[i]])) as Record<DatePart, string>;
  if (by.day.length > 2 || by.month.length > 2) return wrong;
  if (by.year.length !== 4) return { ok: false, error: `Enter the year with four digits (${pattern.placeholder}).` };
  return check(Number(by.year), Number(by.month), Number(by.day), locale);
}

function check(year: number, month: number, day: number, locale?: string): ParsedDate {
  // Before 1000 the Date arithmetic of lib/dates.ts does not hold (years 0–99 are 19xx).
  if (year < 1000) return { ok: false, error: "Enter a year from 1000 on." };
  if (month < 1 || month > 12) return { ok: false, error: `There is no month ${month}: months go from 1 to 12.` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    const name = new Date(year, month - 1, 1, 12).toLocaleDateString(locale, { month: "long", year: "numeric", calendar: "gregory" });
    return { ok: false, error: day < 1 ? "There is no day 0." : `${name} has only ${last} days.` };
  }
  return { ok: true, value: `${year}-${pad(month)}-${pad(day)}` };
}

/** Why `value` is outside `min`…`max` (either may be missing or empty), if it is. */
export function outOfRange(value: string, min?: string, max?: string, locale?: string): string | undefined {
  if (!value) return undefined;
  if (min && value < min) return `Enter ${formatDate(min, locale)} or later.`;
  if (max && value > max) return `Enter ${formatDate(max, locale)} or earlier.`;
  return undefined;
}
