// Generated from journal::view::formulation_name by `cargo test export_bindings`; do not edit.
import type { Formulation } from "./Formulation";

export const FORMULATION_NAMES: Record<Formulation, string> = {
  capsule: "Capsule",
  tablet: "Tablet",
  liquid: "Liquid",
  sublingual_drops: "Sublingual drops",
  cream: "Cream",
  other: "Other",
};
