// Short messages at the bottom of the window, optionally with one action (Undo).
export type Toast = { id: number; text: string; action?: { label: string; run: () => void } };

let next = 1;
export const toasts = $state<{ list: Toast[] }>({ list: [] });

export function toast(text: string, action?: Toast["action"], ms = 8000): void {
  const t: Toast = { id: next++, text, action };
  toasts.list.push(t);
  setTimeout(() => dismiss(t.id), ms);
}

export function dismiss(id: number): void {
  toasts.list = toasts.list.filter((t) => t.id !== id);
}
