// A browser's file picker or drop gives bytes, not paths: the wizard sends
// them to the core to be staged, then previews and imports by path. Files go
// in several calls so no single request grows too large for the local host.
import { api } from '../../api/client';

export interface PickedFile {
  /** Relative path inside a chosen folder, or the file name. */
  name: string;
  file: File;
}

/** Base64 characters per stage call (the host accepts 16 MB bodies). */
const MAX_CALL_CHARS = 10 * 1024 * 1024;

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** Chosen files in path order, so a folder previews the way it is listed. */
export function pickedFrom(list: FileList | File[]): PickedFile[] {
  return sortPicked(Array.from(list).map((file) => ({ name: file.webkitRelativePath || file.name, file })));
}

function sortPicked(files: PickedFile[]): PickedFile[] {
  return files.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

/** Stages the files and returns their paths, in the order given. */
export async function stageFiles(files: PickedFile[], onProgress?: (done: number, total: number) => void): Promise<string[]> {
  const paths: string[] = [];
  let batch: { name: string; base64: string }[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await api.import.stage({ files: batch });
    paths.push(...result.paths);
    batch = [];
    size = 0;
  };
  for (const [i, f] of files.entries()) {
    const base64 = await toBase64(f.file);
    if (size + base64.length > MAX_CALL_CHARS) await flush();
    batch.push({ name: f.name, base64 });
    size += base64.length;
    onProgress?.(i + 1, files.length);
  }
  await flush();
  return paths;
}

interface FsEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}
interface FsFileEntry extends FsEntry {
  file(ok: (f: File) => void, fail: (e: unknown) => void): void;
}
interface FsDirectoryEntry extends FsEntry {
  createReader(): { readEntries(ok: (entries: FsEntry[]) => void, fail: (e: unknown) => void): void };
}

async function walk(entry: FsEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((ok, fail) => (entry as FsFileEntry).file(ok, fail));
    out.push({ name: entry.fullPath.replace(/^\//, '') || file.name, file });
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as FsDirectoryEntry).createReader();
  // readEntries returns the folder in chunks until it returns none.
  for (;;) {
    const chunk = await new Promise<FsEntry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (chunk.length === 0) break;
    for (const child of chunk) await walk(child, out);
  }
}

/** Files dropped on the drop zone, walking into dropped folders. */
export async function droppedFiles(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(transfer.items)
    .map((item) => (item.kind === 'file' ? (item.webkitGetAsEntry?.() as FsEntry | null) : null))
    .filter((e): e is FsEntry => e !== null);
  if (entries.length === 0) return pickedFrom(transfer.files);
  const out: PickedFile[] = [];
  for (const e of entries) await walk(e, out);
  return sortPicked(out);
}
