// Dose amounts typed in mg, converted exactly to integer micrograms (no floats), mirroring
// journal::Micrograms::parse_mg in crates/journal/src/amount.rs.

export type Parsed = { ok: true; ug: number } | { ok: false; message: string };

const MAX_UG = 4_294_967_295; // u32::MAX

export function parseMg(input: string): Parsed {
  const s = input.trim();
  const sep = s.search(/[.,]/);
  const whole = sep < 0 ? s : s.slice(0, sep);
  const frac = sep < 0 ? "" : s.slice(sep + 1);
  const digits = (t: string) => t.length > 0 && /^[0-9]+$/.test(t);
  if (!(digits(whole) || (whole === "" && digits(frac))) || !(frac === "" || digits(frac))) {
    return { ok: false, message: `"${s}" is not an amount in mg (e.g. 1.5)` };
  }
  if (frac.length > 3) {
    return { ok: false, message: `"${s}" has more than 3 decimals; the journal records to 0.001 mg (1 µg)` };
  }
  const w = whole === "" ? 0n : BigInt(whole);
  const f = frac === "" ? 0n : BigInt(frac.padEnd(3, "0"));
  const ug = w * 1000n + f;
  if (ug > BigInt(MAX_UG)) return { ok: false, message: `"${s}" is too large` };
  return { ok: true, ug: Number(ug) };
}

/** 1500 → "1.5", 125 → "0.125", 3000 → "3" (as journal::Micrograms::mg_string). */
export function mgString(ug: number): string {
  const whole = Math.floor(ug / 1000);
  const frac = ug % 1000;
  if (frac === 0) return String(whole);
  return `${whole}.${String(frac).padStart(3, "0").replace(/0+$/, "")}`;
}
