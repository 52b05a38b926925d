// The automatic daily backup as the UI sees it: the shell's event when it is over, and one
// report of a failure (components/Backups.svelte shows the details in Settings).
import { listen } from "@tauri-apps/api/event";
import { api } from "./api";
import type { DailyBackup } from "./bindings/DailyBackup";

/** The shell's event when the automatic backup is over (src-tauri/src/commands/backup.rs). */
export const DAILY_EVENT = "daily-backup";

/** Reports a failed automatic backup once (it runs in the background after start-up). */
export async function watchDailyBackup(report: (message: string) => void): Promise<void> {
  let reported = false;
  const once = (m: string) => {
    if (!reported) report(`The automatic backup failed: ${m}. Your journal is fine; you can back up from Settings.`);
    reported = true;
  };
  await listen<DailyBackup>(DAILY_EVENT, (e) => {
    if (e.payload.state === "failed") once(e.payload.message);
  });
  try {
    const daily = await api.dailyBackup();
    if (daily.state === "failed") once(daily.message);
  } catch {
    // No journal open: the app shows that elsewhere.
  }
}
