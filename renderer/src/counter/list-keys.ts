import type { TargetedKeyboardEvent } from 'preact';

/**
 * Keyboard navigation of a list of rows (the queue, my cases, the back office's list): each row
 * is one tab stop's worth of focus, ArrowUp/ArrowDown/Home/End move it, Enter opens the row.
 * Rows carry `data-row`; the handler goes on the list's container.
 */
export function listKeys(open: (row: HTMLElement) => void): (event: TargetedKeyboardEvent<HTMLElement>) => void {
  return (event) => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-row]');
    if (!row || row !== target) return;
    const rows = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-row]')];
    const at = rows.indexOf(row);
    const moveTo: Record<string, number | undefined> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 };
    if (event.key === 'Enter') {
      event.preventDefault();
      open(row);
      return;
    }
    const next = moveTo[event.key];
    if (next === undefined) return;
    event.preventDefault();
    rows[Math.max(0, Math.min(rows.length - 1, next))]?.focus();
  };
}
