// A fresh id for one long call (import.run, an export), chosen here so that
// task.cancel can name that very call: the core stops it even if the cancel
// arrives before the call has started (src-main/core/tasks.ts).
let counter = 0;

export function newTaskId(): string {
  counter += 1;
  // Unique within the window's life; the random part keeps two windows apart.
  return `${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 10)}`;
}
