/**
 * The window comes back where it was: bounds and maximized state kept in a
 * small JSON file beside the library, put back on a display that still
 * exists. Pure functions plus injected file access, tested without Electron.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const defaultSize = { width: 1280, height: 820 };
const MIN = { width: 720, height: 480 };

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

export function readWindowState(path: string): WindowState | null {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as { bounds?: unknown; maximized?: unknown };
    if (!isRect(data.bounds)) return null;
    return { bounds: data.bounds, maximized: data.maximized === true };
  } catch {
    return null; // first run, or a damaged file: default placement
  }
}

export function writeWindowState(path: string, state: WindowState): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, path);
}

/**
 * The saved bounds if at least a 100×100 corner of them is on one of
 * `displays` (work areas), shrunk to fit it; otherwise null (let the OS place it).
 */
export function placeOnDisplays(saved: Rect, displays: readonly Rect[]): Rect | null {
  for (const d of displays) {
    const overlapW = Math.min(saved.x + saved.width, d.x + d.width) - Math.max(saved.x, d.x);
    const overlapH = Math.min(saved.y + saved.height, d.y + d.height) - Math.max(saved.y, d.y);
    if (overlapW >= 100 && overlapH >= 100) {
      const width = Math.max(MIN.width, Math.min(saved.width, d.width));
      const height = Math.max(MIN.height, Math.min(saved.height, d.height));
      const x = Math.min(Math.max(saved.x, d.x), d.x + d.width - Math.min(width, d.width));
      const y = Math.min(Math.max(saved.y, d.y), d.y + d.height - Math.min(height, d.height));
      return { x, y, width, height };
    }
  }
  return null;
}
