/**
 * Files and folders dropped anywhere on the window are imported. In Electron
 * the preload gives each dropped item its real path (`pathForFile`), so the
 * core reads files and walks folders itself, as File > Import does; in a
 * browser (the web host) there are no paths: files travel as uploads, and a
 * dropped folder is walked here through the File System entries API.
 * Keyboard users have the Import button; the overlay only says where to drop.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import { IMPORT_ACCEPT } from '../import/uploadFiles';

export type DroppedImport = { kind: 'paths'; paths: string[] } | { kind: 'files'; files: File[] };

interface DropZoneProps {
  /** While an import runs, a drop is refused (the overlay still says why nothing happens). */
  disabled: boolean;
  onImport(dropped: DroppedImport): void;
  /** A drop that carried no file (text, a link, or a folder the browser could not read). */
  onNothing(): void;
}

function carriesFiles(event: DragEvent): boolean {
  return [...(event.dataTransfer?.types ?? [])].includes('Files');
}

function readAllEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries hands back at most ~100 entries a call; an empty batch is the end.
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

const importable = new Set(IMPORT_ACCEPT.split(','));
/** Inside a folder, like the core's folder walk, only files an importer reads (and never hidden ones); a file dropped by itself always goes. */
function wanted(name: string): boolean {
  if (name.startsWith('.')) return false;
  const dot = name.lastIndexOf('.');
  return dot > 0 && importable.has(name.slice(dot).toLowerCase());
}

/** Every file under the dropped entries, folders walked depth-first. */
async function filesOf(entries: FileSystemEntry[]): Promise<File[]> {
  const files: File[] = [];
  const stack = [...entries].reverse().map((entry) => ({ entry, nested: false }));
  while (stack.length > 0) {
    const { entry, nested } = stack.pop()!;
    if (entry.isFile) {
      if (nested && !wanted(entry.name)) continue;
      files.push(await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)));
    } else if (entry.isDirectory && !(nested && entry.name.startsWith('.'))) {
      const children = await readAllEntries((entry as FileSystemDirectoryEntry).createReader());
      children.sort((a, b) => b.name.localeCompare(a.name));
      stack.push(...children.map((child) => ({ entry: child, nested: true })));
    }
  }
  return files;
}

/**
 * What a drop holds, read while the event lasts (a DataTransfer is emptied
 * when its event ends): real paths in Electron, else files and folder entries.
 */
function readDrop(data: DataTransfer): { paths: string[] | null; files: File[]; entries: FileSystemEntry[] | null } {
  const files = [...data.files];
  const bridge = window.mizan;
  const paths = bridge && files.length > 0 ? files.map((file) => bridge.pathForFile(file)) : null;
  if (paths && paths.every((path) => path !== '')) return { paths, files, entries: null };
  const entries = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  // Synthetic drops (and some browsers) give no entries: the plain files are all there is.
  const usable = entries.length > 0 && entries.every((entry) => entry !== null);
  return {
    paths: null,
    files,
    entries: usable && entries.some((entry) => entry!.isDirectory) ? (entries as FileSystemEntry[]) : null,
  };
}

export function DropZone({ disabled, onImport, onNothing }: DropZoneProps) {
  const { w } = useI18n();
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them, the window is left at zero.
  const depth = useRef(0);
  const latest = useRef({ disabled, onImport, onNothing });
  latest.current = { disabled, onImport, onNothing };

  useEffect(() => {
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without preventDefault the browser would open the file in place of the app.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = latest.current.disabled ? 'none' : 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event) || !event.dataTransfer) return;
      event.preventDefault();
      depth.current = 0;
      setDragging(false);
      if (latest.current.disabled) return;
      const { paths, files, entries } = readDrop(event.dataTransfer);
      if (paths) return latest.current.onImport({ kind: 'paths', paths });
      void (entries ? filesOf(entries) : Promise.resolve(files)).then(
        (found) =>
          found.length > 0 ? latest.current.onImport({ kind: 'files', files: found }) : latest.current.onNothing(),
        () => latest.current.onNothing(),
      );
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" role="status" aria-live="polite" data-testid="drop-overlay">
      <div className="drop-overlay-card">
        <p>{w.dropFilesOrFolders}</p>
        {/* Secondary to the card's bold line. */}
        <p className="muted" style={{ fontWeight: 400, fontSize: '0.875em' }}>
          {w.dropKeyboardHint}
        </p>
      </div>
    </div>
  );
}
