// Numbers the core writes with a decimal point ("1.5 mg", "5.5 (3–7)"), shown with the
// locale's decimal mark ("1,5 mg" in de-DE). Only for text shown, never for what an input
// holds (the core reads "1,5" and "1.5" alike, and the text typed stays as typed).

const marks = new Map<string, string>();

/** The locale's decimal mark: "." in en-US, "," in de-DE. */
export function decimalMark(locale?: string): string {
  const key = locale ?? "";
  let mark = marks.get(key);
  if (mark === undefined) {
    mark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
    marks.set(key, mark);
  }
  return mark;
}

// A number with a decimal point, not part of a longer run of digits and marks ("1.2.3").
const DECIMAL = /(^|[^\d.,])(\d+)\.(\d+)(?![\d.,])/g;

/** `text` with each decimal point of a number in the locale's decimal mark. */
export function localNumbers(text: string, locale?: string): string {
  const mark = decimalMark(locale);
  return mark === "." ? text : text.replace(DECIMAL, (_, before: string, whole: string, part: string) => `${before}${whole}${mark}${part}`);
}
