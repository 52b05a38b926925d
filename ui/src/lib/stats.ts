// Plain formatting of the period statistics (journal::summary): numbers, differences and
// durations exactly as the PDF shows them. Differences are arithmetic only, never verdicts.

/** 5 → "5", 4.5 → "4.5", −1.5 → "−1.5" (with a real minus sign). */
export function num(v: number): string {
  const r = Math.round(v * 10) / 10;
  const s = Number.isInteger(r) ? String(Math.abs(r)) : Math.abs(r).toFixed(1);
  return r < 0 ? `\u2212${s}` : s;
}

/** The difference from the period before: "+1", "−0.5", "0"; empty when there is none. */
export function change(v: number | null): string {
  if (v === null) return "";
  if (Math.round(v * 10) === 0) return "0";
  return v > 0 ? `+${num(v)}` : num(v);
}

/** Minutes as "7 h 30 min". */
export function hm(minutes: number): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const r = m % 60;
  if (h === 0) return `${r} min`;
  return r === 0 ? `${h} h` : `${h} h ${r} min`;
}

/** A share (0–1) as a whole percentage. */
export function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}
