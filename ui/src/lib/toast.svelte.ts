// Short messages at the bottom of the window, optionally with one action (Undo).
import { asIpcError } from "./api";

/** An action offered on a toast. It may be async: `runAction` awaits it and reports a failure. */
export type ToastAction = { label: string; run: () => void | Promise<void> };
export type Toast = { id: number; text: string; action?: ToastAction };

/** How long a toast whose action failed stays (it offers the action again). */
export const FAILED_MS = 20000;

let next = 1;
export const toasts = $state<{ list: Toast[] }>({ list: [] });

/** Shows `text` for `ms` milliseconds; returns the toast's id. */
export function toast(text: string, action?: ToastAction, ms = 8000): number {
  const t: Toast = { id: next++, text, action };
  toasts.list.push(t);
  setTimeout(() => dismiss(t.id), ms);
  return t.id;
}

export function dismiss(id: number): void {
  toasts.list = toasts.list.filter((t) => t.id !== id);
}

/**
 * Runs the action of toast `t` once, the one place an action's failure is caught: the toast
 * goes at once (a second click cannot run it twice), and if the action throws or rejects (the
 * journal busy in another program, say) a new toast says why and offers the action again.
 * Never rejects, so a failed Undo cannot reach `unhandledrejection` and the fatal overlay.
 */
export async function runAction(t: Toast): Promise<void> {
  const action = t.action;
  dismiss(t.id);
  if (!action) return;
  try {
    await action.run();
  } catch (e) {
    toast(`Could not ${action.label.toLowerCase()}: ${asIpcError(e).message}`, action, FAILED_MS);
  }
}
