// Locking an encrypted journal (src-tauri/src/commands/lock.rs): whether the unlock screen
// shows, locking by hand (Ctrl+L, the tray, the session locking) or after an idle time, and
// what is kept meanwhile. Before the journal locks, the day's draft is written; the views are
// then unmounted, so nothing of the journal stays on the page. When something else is
// unsaved (a form a draft does not keep, or a draft that could not be written), the views stay
// mounted under the unlock screen, hidden and inert, and come back as they were.
import { api } from "./api";
import { keepDrafts, unsavedEdits } from "./router.svelte";

export const lock = $state<{
  /** The open journal is encrypted (so it can be locked). */
  encrypted: boolean;
  /** The unlock screen shows. */
  locked: boolean;
  /** While locked, the views stay mounted (hidden): they hold unsaved edits. */
  keepViews: boolean;
  /** Idle minutes before locking by itself; null: never. */
  autoLockMinutes: number | null;
}>({ encrypted: false, locked: false, keepViews: false, autoLockMinutes: null });

/** Said beside every export of an encrypted journal. */
export const PLAIN_EXPORT =
  "Your journal is encrypted, but this export is not: it is an ordinary file, readable by anyone who can open it where you save it.";

let locking: Promise<void> | null = null;

/** Locks now, once the day's draft is written. Does nothing for a journal that is not encrypted. */
export function lockNow(): Promise<void> {
  if (!lock.encrypted || lock.locked) return Promise.resolve();
  locking ??= (async () => {
    try {
      const kept = await keepDrafts();
      const keepViews = !kept || unsavedEdits() !== null;
      if (await api.lockJournal()) shown(keepViews);
    } finally {
      locking = null;
    }
  })();
  return locking;
}

/** The journal was found locked without the page locking it (the shell did, or a command
 *  answered "locked"): the views stay, since their edits were not written. `keepViews` false:
 *  locked from the start, nothing on the page yet. */
export function lockedElsewhere(keepViews = true): void {
  if (lock.locked) return;
  shown(keepViews);
}

function shown(keepViews: boolean): void {
  lock.keepViews = keepViews;
  lock.locked = true;
}

/** The journal was unlocked. */
export function unlocked(): void {
  lock.locked = false;
  lock.keepViews = false;
}

/** How often the idle time is checked. */
const IDLE_CHECK_MS = 5000;

/**
 * Locks after `lock.autoLockMinutes` without a key press, click, scroll or pointer move in the
 * window. Returns the function that stops watching. `now` is for tests.
 */
export function watchIdle(target: Window = window, now: () => number = Date.now): () => void {
  let last = now();
  const active = () => (last = now());
  const events = ["keydown", "pointerdown", "pointermove", "wheel"] as const;
  for (const e of events) target.addEventListener(e, active, { passive: true, capture: true });
  const timer = setInterval(() => {
    const minutes = lock.autoLockMinutes;
    if (minutes === null || !lock.encrypted || lock.locked) {
      last = now();
      return;
    }
    if (now() - last >= minutes * 60_000) void lockNow().catch(() => undefined);
  }, IDLE_CHECK_MS);
  return () => {
    clearInterval(timer);
    for (const e of events) target.removeEventListener(e, active, { capture: true });
  };
}
