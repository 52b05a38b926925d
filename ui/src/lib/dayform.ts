// The day view's editable form: strings where the user types (amounts, times, counts), so
// invalid input is kept as typed; converted to a journal Day for saving and drafts.
import type { Day } from "./bindings/Day";
import type { Dose } from "./bindings/Dose";
import type { Formulation } from "./bindings/Formulation";
import type { RegimenPeriod } from "./bindings/RegimenPeriod";
import type { Severity } from "./bindings/Severity";
import type { Vividness } from "./bindings/Vividness";
import { mgString, parseMg } from "./mg";

export type DoseForm = {
  status: "taken" | "missed";
  time: string;
  amount: string;
  formulation: Formulation;
  note: string;
  reason: string;
};

export type DayForm = {
  date: string;
  doses: DoseForm[];
  /** symptom id → score; absent or null = not rated */
  scores: Record<number, number | null>;
  wellbeing: number | null;
  bedtime: string;
  wake: string;
  quality: number | null;
  awakenings: string;
  vivid: Vividness | null;
  nightmare: boolean | null;
  dreamNotes: string;
  /** side-effect id → severity; absent or null = not recorded */
  sideEffects: Record<number, Severity | null>;
  notes: string;
};

export function emptyDose(formulation: Formulation = "capsule"): DoseForm {
  return { status: "taken", time: "", amount: "", formulation, note: "", reason: "" };
}

export function fromDay(d: Day): DayForm {
  const scores: Record<number, number | null> = {};
  for (const s of d.scores) scores[s.symptom] = s.value;
  const sideEffects: Record<number, Severity | null> = {};
  for (const s of d.side_effects) sideEffects[s.side_effect] = s.severity;
  return {
    date: d.date,
    doses: d.doses.map((x) =>
      x.status === "taken"
        ? {
            status: "taken",
            time: x.time ?? "",
            amount: x.amount > 0 ? mgString(x.amount) : "",
            formulation: x.formulation,
            note: x.note,
            reason: "",
          }
        : { status: "missed", time: x.time ?? "", amount: "", formulation: "capsule", note: "", reason: x.reason },
    ),
    scores,
    wellbeing: d.wellbeing,
    bedtime: d.sleep.bedtime ?? "",
    wake: d.sleep.wake ?? "",
    quality: d.sleep.quality,
    awakenings: d.sleep.awakenings === null ? "" : String(d.sleep.awakenings),
    vivid: d.dreams.vivid,
    nightmare: d.dreams.nightmare,
    dreamNotes: d.dreams.notes,
    sideEffects,
    notes: d.notes,
  };
}

/** A new day: the doses prefilled from the prescribed regimen, everything else unrecorded. */
export function newDay(date: string, prescribed: RegimenPeriod | null): DayForm {
  const form = fromDay({
    date,
    doses: [],
    scores: [],
    wellbeing: null,
    sleep: { bedtime: null, wake: null, quality: null, awakenings: null },
    dreams: { vivid: null, nightmare: null, notes: "" },
    side_effects: [],
    notes: "",
  });
  if (prescribed) {
    form.doses = prescribed.doses.map((d) => ({
      ...emptyDose(prescribed.formulation),
      amount: mgString(d.amount),
      time: d.time ?? "",
    }));
  }
  return form;
}

export type Converted = { day: Day; errors: Record<string, string> };

/**
 * The form as a Day. Fields that do not parse are reported under the core's field paths
 * (`doses[0].amount`, `sleep.awakenings`) and left out of the Day (amount 0), so a draft can
 * still be written; the core validates everything else on save.
 */
export function toDay(f: DayForm): Converted {
  const errors: Record<string, string> = {};
  const doses: Dose[] = f.doses.map((d, i) => {
    const time = d.time.trim() === "" ? null : d.time;
    if (d.status === "missed") return { status: "missed", time, reason: d.reason };
    let amount = 0;
    if (d.amount.trim() === "") {
      errors[`doses[${i}].amount`] = "enter the amount taken in mg, or mark the dose missed";
    } else {
      const p = parseMg(d.amount);
      if (p.ok) amount = p.ug;
      else errors[`doses[${i}].amount`] = p.message;
    }
    return { status: "taken", time, amount, formulation: d.formulation, note: d.note };
  });
  let awakenings: number | null = null;
  const a = f.awakenings.trim();
  if (a !== "") {
    if (/^\d+$/.test(a) && Number(a) <= 65535) awakenings = Number(a);
    else errors["sleep.awakenings"] = `awakenings must be a whole number, got "${a}"`;
  }
  const scores = Object.entries(f.scores)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ({ symptom: Number(k), value: v as number }))
    .sort((x, y) => x.symptom - y.symptom);
  const side_effects = Object.entries(f.sideEffects)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ({ side_effect: Number(k), severity: v as Severity }))
    .sort((x, y) => x.side_effect - y.side_effect);
  return {
    day: {
      date: f.date,
      doses,
      scores,
      wellbeing: f.wellbeing,
      sleep: {
        bedtime: f.bedtime.trim() === "" ? null : f.bedtime,
        wake: f.wake.trim() === "" ? null : f.wake,
        quality: f.quality,
        awakenings,
      },
      dreams: { vivid: f.vivid, nightmare: f.nightmare, notes: f.dreamNotes },
      side_effects,
      notes: f.notes,
    },
    errors,
  };
}

/** A stable text of the form, to tell whether it changed. */
/** The form as a draft keeps it: everything as typed, so text that does not parse survives. */
export function formText(f: DayForm): string {
  return JSON.stringify(f);
}

/** The form a draft kept for `date`, or null when its text is not one (another version wrote
 *  it, or it is damaged): the caller then falls back to the draft's day. */
export function formFromText(text: string | null, date: string): DayForm | null {
  let f: unknown;
  try {
    f = text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
  return isDayForm(f) && f.date === date ? f : null;
}

const isStr = (v: unknown): v is string => typeof v === "string";
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumOrNull = (v: unknown) => v === null || typeof v === "number";

function isDoseForm(v: unknown): v is DoseForm {
  return (
    isObj(v) &&
    (v.status === "taken" || v.status === "missed") &&
    [v.time, v.amount, v.note, v.reason].every(isStr) &&
    FORMULATIONS.some((x) => x.value === v.formulation)
  );
}

function isDayForm(v: unknown): v is DayForm {
  return (
    isObj(v) &&
    [v.date, v.bedtime, v.wake, v.awakenings, v.dreamNotes, v.notes].every(isStr) &&
    Array.isArray(v.doses) &&
    v.doses.every(isDoseForm) &&
    isObj(v.scores) &&
    Object.values(v.scores).every(isNumOrNull) &&
    isObj(v.sideEffects) &&
    Object.values(v.sideEffects).every((s) => s === null || isStr(s)) &&
    [v.wellbeing, v.quality].every(isNumOrNull) &&
    (v.vivid === null || isStr(v.vivid)) &&
    (v.nightmare === null || typeof v.nightmare === "boolean")
  );
}

/** What the form says, for "unsaved changes": the day it makes plus the typed text of fields
 *  that may not parse yet (so typing there is a change, and is kept as a draft). */
export function fingerprint(f: DayForm): string {
  const { day } = toDay(f);
  const raw = [...f.doses.flatMap((d) => [d.amount, d.time]), f.bedtime, f.wake, f.awakenings].map((s) => s.trim());
  return JSON.stringify({ day, raw });
}

export const FORMULATIONS: { value: Formulation; label: string }[] = [
  { value: "capsule", label: "Capsule" },
  { value: "tablet", label: "Tablet" },
  { value: "liquid", label: "Liquid" },
  { value: "sublingual_drops", label: "Sublingual drops" },
  { value: "cream", label: "Cream" },
  { value: "other", label: "Other" },
];
