// Typed wrappers over the shell's commands (src-tauri/src/commands). The UI talks to the
// journal only through these; every type comes from ./bindings (generated from Rust).
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./bindings/AppInfo";
import type { BackupInfo } from "./bindings/BackupInfo";
import type { Backups } from "./bindings/Backups";
import type { BackupSource } from "./bindings/BackupSource";
import type { Catalog } from "./bindings/Catalog";
import type { ChosenBackup } from "./bindings/ChosenBackup";
import type { DailyBackup } from "./bindings/DailyBackup";
import type { CatalogItem } from "./bindings/CatalogItem";
import type { DateRange } from "./bindings/DateRange";
import type { Day } from "./bindings/Day";
import type { DaySummary } from "./bindings/DaySummary";
import type { DayView } from "./bindings/DayView";
import type { FhirRequest } from "./bindings/FhirRequest";
import type { IpcError } from "./bindings/IpcError";
import type { PdfRequest } from "./bindings/PdfRequest";
import type { PdfSaved } from "./bindings/PdfSaved";
import type { Question } from "./bindings/Question";
import type { RegimenPeriod } from "./bindings/RegimenPeriod";
import type { StarterSet } from "./bindings/StarterSet";
import type { StarterSetInfo } from "./bindings/StarterSetInfo";
import type { StoredDay } from "./bindings/StoredDay";
import type { Trends } from "./bindings/Trends";
import type { TrendsRequest } from "./bindings/TrendsRequest";

/** Anything thrown by a command, as an IpcError (a non-IPC failure becomes an internal one). */
export function asIpcError(e: unknown): IpcError {
  if (e && typeof e === "object" && "kind" in e && "message" in e) {
    const o = e as IpcError;
    return { ...o, fields: o.fields ?? [] };
  }
  return { kind: "internal", message: String(e), fields: [] };
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw asIpcError(e);
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  openDay: (date: string) => call<DayView>("open_day", { date }),
  /** `revision`: the one the form was opened at (null: the day was not logged then). */
  saveDay: (day: Day, revision: number | null) => call<StoredDay>("save_day", { day, revision }),
  /** `opened`: the revision the form was opened at, kept with the draft. */
  saveDraft: (day: Day, form: string, opened: number | null) => call<null>("save_draft", { day, form, opened }),
  discardDraft: (date: string) => call<null>("discard_draft", { date }),
  deleteDay: (date: string) => call<Day | null>("delete_day", { date }),
  history: (range: DateRange) => call<DaySummary[]>("history", { range }),
  /** Opens the save dialog (in Rust); null when the user cancelled it. */
  exportPdf: (request: PdfRequest) => call<PdfSaved | null>("export_pdf", { request }),
  openPdf: () => call<null>("open_pdf"),
  regimen: () => call<RegimenPeriod[]>("regimen"),
  saveRegimenPeriod: (period: RegimenPeriod) => call<RegimenPeriod>("save_regimen_period", { period }),
  deleteRegimenPeriod: (id: number) => call<null>("delete_regimen_period", { id }),
  questions: () => call<Question[]>("questions"),
  saveQuestion: (question: Question) => call<Question>("save_question", { question }),
  deleteQuestion: (id: number) => call<null>("delete_question", { id }),
  catalog: (catalog: Catalog) => call<CatalogItem[]>("catalog", { catalog }),
  addCatalogItem: (catalog: Catalog, name: string, description = "") =>
    call<CatalogItem>("add_catalog_item", { catalog, name, description }),
  updateCatalogItem: (catalog: Catalog, item: CatalogItem) => call<CatalogItem>("update_catalog_item", { catalog, item }),
  reorderCatalog: (catalog: Catalog, ids: number[]) => call<CatalogItem[]>("reorder_catalog", { catalog, ids }),
  starterSets: () => call<StarterSetInfo[]>("starter_sets"),
  addStarterSet: (set: StarterSet) => call<CatalogItem[]>("add_starter_set", { set }),
  finishWelcome: (set: StarterSet | null) => call<null>("finish_welcome", { set }),
  deleteEverything: (confirmation: string) => call<null>("delete_everything", { confirmation }),
  trends: (request: TrendsRequest) => call<Trends>("trends", { request }),
  backups: () => call<Backups>("backups"),
  dailyBackup: () => call<DailyBackup>("daily_backup"),
  backUpNow: () => call<BackupInfo>("back_up_now"),
  /** A listed backup by its file name, or a file picked in the open dialog (null: cancelled). */
  chooseBackup: (source: BackupSource) => call<ChosenBackup | null>("choose_backup", { source }),
  restoreBackup: (token: number, days: number) => call<BackupInfo>("restore_backup", { token, days }),
  /** Opens the save dialog (in Rust); false when the user cancelled it. */
  exportFhir: (request: FhirRequest) => call<boolean>("export_fhir", { request }),
};

/** Field path → message, for showing validation errors beside their fields. */
export function fieldErrors(e: IpcError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of e.fields) out[f.field] ??= f.message;
  return out;
}
