// Typed wrappers over the shell's commands (src-tauri/src/commands). The UI talks to the
// journal only through these; every type comes from ./bindings (generated from Rust).
import { invoke } from "@tauri-apps/api/core";
import type { AppInfo } from "./bindings/AppInfo";
import type { BackupInfo } from "./bindings/BackupInfo";
import type { Backups } from "./bindings/Backups";
import type { BackupSource } from "./bindings/BackupSource";
import type { Catalog } from "./bindings/Catalog";
import type { CopiedDay } from "./bindings/CopiedDay";
import type { CopyPart } from "./bindings/CopyPart";
import type { CatalogItemUpdate } from "./bindings/CatalogItemUpdate";
import type { CatalogOrder } from "./bindings/CatalogOrder";
import type { ChosenBackup } from "./bindings/ChosenBackup";
import type { DailyBackup } from "./bindings/DailyBackup";
import type { CatalogItem } from "./bindings/CatalogItem";
import type { DateRange } from "./bindings/DateRange";
import type { DesktopInfo } from "./bindings/DesktopInfo";
import type { DesktopUpdate } from "./bindings/DesktopUpdate";
import type { DayEntry } from "./bindings/DayEntry";
import type { DaySummary } from "./bindings/DaySummary";
import type { DayView } from "./bindings/DayView";
import type { DoseChange } from "./bindings/DoseChange";
import type { Event } from "./bindings/Event";
import type { Measure } from "./bindings/Measure";
import type { Medication } from "./bindings/Medication";
import type { FhirRequest } from "./bindings/FhirRequest";
import type { IpcError } from "./bindings/IpcError";
import type { NewCatalogItem } from "./bindings/NewCatalogItem";
import type { PassphraseChange } from "./bindings/PassphraseChange";
import type { PdfRequest } from "./bindings/PdfRequest";
import type { PdfSaved } from "./bindings/PdfSaved";
import type { Question } from "./bindings/Question";
import type { RememberRequest } from "./bindings/RememberRequest";
import type { RestoreRequest } from "./bindings/RestoreRequest";
import type { PeriodEntry } from "./bindings/PeriodEntry";
import type { PeriodView } from "./bindings/PeriodView";
import type { StarterSet } from "./bindings/StarterSet";
import type { StarterSetInfo } from "./bindings/StarterSetInfo";
import type { SavedDay } from "./bindings/SavedDay";
import type { SaveDay } from "./bindings/SaveDay";
import type { SaveDraft } from "./bindings/SaveDraft";
import type { SleepQuery } from "./bindings/SleepQuery";
import type { DoseAmount } from "./bindings/DoseAmount";
import type { DoseQuery } from "./bindings/DoseQuery";
import type { FillEntry } from "./bindings/FillEntry";
import type { SearchHit } from "./bindings/SearchHit";
import type { Supply } from "./bindings/Supply";
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

let onLocked: (() => void) | null = null;

/** Runs `f` whenever a command finds the journal locked (the app then shows its unlock screen). */
export function whenLocked(f: () => void): void {
  onLocked = f;
}

async function call<T>(cmd: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    const err = asIpcError(e);
    if (err.kind === "locked") onLocked?.();
    throw err;
  }
}

export const api = {
  appInfo: () => call<AppInfo>("app_info"),
  openDay: (date: string) => call<DayView>("open_day", { date }),
  /** `revision`: the one the form was opened at (null: the day was not logged then). */
  saveDay: (request: SaveDay) => call<SavedDay>("save_day", { request }),
  /** `opened`: the revision the form was opened at, kept with the draft. */
  saveDraft: (request: SaveDraft) => call<null>("save_draft", { request }),
  discardDraft: (date: string) => call<null>("discard_draft", { date }),
  /** Deletes the day; its form comes back, for undo. */
  deleteDay: (date: string) => call<DayEntry | null>("delete_day", { date }),
  /** "7 h 5 min" for the typed bedtime and wake time (null: not both, or not a time). */
  sleepDuration: (query: SleepQuery) => call<string | null>("sleep_duration", { query }),
  /** What a dose row's amount comes to when it is a count of a fill's unit ("1.5 mL"). */
  doseAmount: (query: DoseQuery) => call<DoseAmount>("dose_amount", { query }),
  /** The form with `part` as the last logged day had it (never a note); null: none earlier. */
  copyFromLast: (entry: DayEntry, part: CopyPart) => call<CopiedDay | null>("copy_from_last", { entry, part }),
  supply: () => call<Supply>("supply"),
  saveFill: (fill: FillEntry) => call<FillEntry>("save_fill", { fill }),
  deleteFill: (id: number) => call<FillEntry>("delete_fill", { id }),
  history: (range: DateRange) => call<DaySummary[]>("history", { range }),
  /** The notes, reasons and questions matching `text`, newest first. */
  search: (text: string) => call<SearchHit[]>("search", { text }),
  /** Opens the save dialog (in Rust); null when the user cancelled it. */
  exportPdf: (request: PdfRequest) => call<PdfSaved | null>("export_pdf", { request }),
  openPdf: () => call<null>("open_pdf"),
  regimen: () => call<PeriodView[]>("regimen"),
  saveRegimenPeriod: (period: PeriodEntry) => call<PeriodEntry>("save_regimen_period", { period }),
  deleteRegimenPeriod: (id: number) => call<null>("delete_regimen_period", { id }),
  medications: () => call<Medication[]>("medications"),
  saveMedication: (medication: Medication) => call<Medication>("save_medication", { medication }),
  /** Ends the entry the day before `from` and starts the next at the new dose. */
  changeMedicationDose: (request: DoseChange) => call<Medication>("change_medication_dose", { request }),
  deleteMedication: (id: number) => call<Medication>("delete_medication", { id }),
  events: () => call<Event[]>("events"),
  saveEvent: (event: Event) => call<Event>("save_event", { event }),
  deleteEvent: (id: number) => call<Event>("delete_event", { id }),
  measures: () => call<Measure[]>("measures"),
  saveMeasure: (measure: Measure) => call<Measure>("save_measure", { measure }),
  measureTemplates: () => call<Measure[]>("measure_templates"),
  questions: () => call<Question[]>("questions"),
  saveQuestion: (question: Question) => call<Question>("save_question", { question }),
  deleteQuestion: (id: number) => call<null>("delete_question", { id }),
  catalog: (catalog: Catalog) => call<CatalogItem[]>("catalog", { catalog }),
  addCatalogItem: (catalog: Catalog, name: string, description = "") =>
    call<CatalogItem>("add_catalog_item", { request: { catalog, name, description } satisfies NewCatalogItem }),
  updateCatalogItem: (catalog: Catalog, item: CatalogItem) =>
    call<CatalogItem>("update_catalog_item", { request: { catalog, item } satisfies CatalogItemUpdate }),
  reorderCatalog: (catalog: Catalog, ids: number[]) =>
    call<CatalogItem[]>("reorder_catalog", { request: { catalog, ids } satisfies CatalogOrder }),
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
  restoreBackup: (token: number, days: number) => call<BackupInfo>("restore_backup", { request: { token, days } satisfies RestoreRequest }),
  /** Opens the save dialog (in Rust); false when the user cancelled it. */
  exportFhir: (request: FhirRequest) => call<boolean>("export_fhir", { request }),
  desktopSettings: () => call<DesktopInfo>("desktop_settings"),
  saveDesktopSettings: (request: DesktopUpdate) => call<DesktopInfo>("save_desktop_settings", { request }),
  /** Opens the save dialog (in Rust); the path written, or null when the user cancelled it. */
  saveReminderCalendar: (remindAt: string) => call<string | null>("save_reminder_calendar", { remindAt }),
  /** Closes the window as its close button does (hidden while "keep running" is on). */
  closeWindow: () => call<null>("close_window"),
  /** Tells the shell the page is handling its quit request; `show` brings the window forward. */
  holdQuit: (show: boolean) => call<null>("hold_quit", { show }),
  quitApp: () => call<null>("quit_app"),
  /** Opens the locked journal; a wrong passphrase is an error at the field "passphrase". */
  unlock: (passphrase: string) => call<null>("unlock", { passphrase }),
  /** Locks an encrypted journal now (false: it is not encrypted). Write drafts first. */
  lockJournal: () => call<boolean>("lock_journal"),
  encryptJournal: (request: PassphraseChange) => call<null>("encrypt_journal", { request }),
  changePassphrase: (request: PassphraseChange) => call<null>("change_passphrase", { request }),
  decryptJournal: (current: string) => call<null>("decrypt_journal", { current }),
  /** At start-up: unlocks with the passphrase remembered in the keyring (false: none, or it failed). */
  unlockRemembered: () => call<boolean>("unlock_remembered"),
  passphraseRemembered: () => call<boolean>("passphrase_remembered"),
  /** Remembers the passphrase in the keyring (`current` must open the journal), or forgets it. */
  rememberPassphrase: (request: RememberRequest) => call<boolean>("remember_passphrase", { request }),
  /** The idle minutes before an encrypted journal locks; null: never. */
  saveAutoLock: (minutes: number | null) => call<DesktopInfo>("save_auto_lock", { minutes }),
};

/** Field path → message, for showing validation errors beside their fields. */
export function fieldErrors(e: IpcError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of e.fields) out[f.field] ??= f.message;
  return out;
}
