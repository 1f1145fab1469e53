/**
 * A one-line progress bar with count and ETA on stderr, drawn only on a
 * terminal so that logs and pipes stay clean.
 */
export interface ProgressBar {
  update(done: number, total: number | null, label?: string): void;
  done(): void;
}

interface BarStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 60) return `${Math.ceil(s)}s`;
  return `${Math.floor(s / 60)}m${String(Math.ceil(s % 60)).padStart(2, '0')}s`;
}

export function createProgressBar(stream: BarStream, now: () => number = Date.now): ProgressBar {
  const started = now();
  let drawn = false;
  return {
    update(done, total, label = '') {
      if (!stream.isTTY) return;
      const width = 24;
      const fraction = total ? Math.min(1, done / total) : 0;
      const filled = Math.round(fraction * width);
      const elapsed = (now() - started) / 1000;
      const eta = total && done > 0 ? formatSeconds((elapsed / done) * (total - done)) : '?';
      const count = total === null ? `${done}` : `${done}/${total}`;
      const rate = elapsed > 0.5 ? ` ${(done / elapsed).toFixed(done / elapsed >= 10 ? 0 : 1)}/s` : '';
      const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${count}${rate} ETA ${eta} ${label}`;
      const columns = stream.columns ?? 80;
      stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
