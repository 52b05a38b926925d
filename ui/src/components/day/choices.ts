// The choices the day form's chip groups offer. Exhaustive over the generated enums, so a new
// severity or vividness is a build error here until it has a label.
import type { Severity } from "../../lib/bindings/Severity";
import type { Vividness } from "../../lib/bindings/Vividness";

type Choice<T> = { value: T | null; label: string; aria?: string };

const unset = (label: string) => ({ value: null, label });

export const SCORES: Choice<number>[] = [
  unset("not rated"),
  ...Array.from({ length: 11 }, (_, n) => ({ value: n, label: String(n) })),
];

const QUALITY_WORDS = ["very poor", "poor", "fair", "good", "very good"];
export const QUALITY: Choice<number>[] = [
  unset("not rated"),
  ...QUALITY_WORDS.map((w, i) => ({ value: i + 1, label: String(i + 1), aria: `${i + 1}, ${w}` })),
];

const VIVIDNESS: Record<Vividness, string> = { none: "none", some: "some", very: "very" };
export const VIVID: Choice<Vividness>[] = [
  unset("not recorded"),
  ...(Object.entries(VIVIDNESS) as [Vividness, string][]).map(([value, label]) => ({ value, label })),
];

export const NIGHTMARE: Choice<boolean>[] = [
  unset("not recorded"),
  { value: false, label: "no" },
  { value: true, label: "yes" },
];

const SEVERITY: Record<Severity, string> = { none: "none", mild: "mild", moderate: "moderate", severe: "severe" };
export const SEVERITIES: Choice<Severity>[] = [
  unset("not recorded"),
  ...(Object.entries(SEVERITY) as [Severity, string][]).map(([value, label]) => ({ value, label })),
];
