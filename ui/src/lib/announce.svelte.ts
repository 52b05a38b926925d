// One polite live region (in App.svelte) for changes a screen reader would not hear otherwise,
// such as a score chosen by typing a digit while focus moves on to the next question.

export const announcement = $state<{ text: string }>({ text: "" });

export function announce(text: string): void {
  // Clearing first makes the same sentence twice in a row be read again.
  announcement.text = "";
  queueMicrotask(() => (announcement.text = text));
}
