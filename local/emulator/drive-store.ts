/**
 * Drive as the emulator keeps it: files and folders by id. Google Docs and Forms keep their
 * content here as models; persistence turns them into .docx and .form.json files.
 */
export const MIME = {
  folder: 'application/vnd.google-apps.folder',
  document: 'application/vnd.google-apps.document',
  form: 'application/vnd.google-apps.form',
  spreadsheet: 'application/vnd.google-apps.spreadsheet',
} as const;

/** The content of a file that is not a Google type (a CSV, a .docx kept as is): its bytes, 0..255. */
export interface StoredBytes {
  bytes: number[];
}

export function isStoredBytes(content: unknown): content is StoredBytes {
  return typeof content === 'object' && content !== null && Array.isArray((content as StoredBytes).bytes);
}

export interface DriveEntry {
  id: string;
  name: string;
  mimeType: string;
  /** Folder ids; empty = the root ("Мой диск"). */
  parents: string[];
  created: Date;
  trashed: boolean;
  /** DocumentModel for Docs, FormModel for Forms, StoredBytes for uploaded files, undefined for folders. */
  content?: unknown;
}

export class DriveStore {
  readonly entries = new Map<string, DriveEntry>();
  readonly rootId = 'root';

  add(entry: DriveEntry): DriveEntry {
    this.entries.set(entry.id, entry);
    return entry;
  }

  get(id: string): DriveEntry | undefined {
    return this.entries.get(id);
  }

  byMime(mimeType: string): DriveEntry[] {
    return [...this.entries.values()].filter((e) => e.mimeType === mimeType && !e.trashed);
  }

  children(folderId: string): DriveEntry[] {
    return [...this.entries.values()].filter((e) => !e.trashed && (folderId === this.rootId ? e.parents.length === 0 : e.parents.includes(folderId)));
  }

  /** Folder path of an entry as names from the root, for the on-disk layout. */
  folderPath(entry: DriveEntry): string[] {
    const path: string[] = [];
    let parent = entry.parents[0];
    const seen = new Set<string>();
    while (parent && parent !== this.rootId && !seen.has(parent)) {
      seen.add(parent);
      const folder = this.entries.get(parent);
      if (!folder) break;
      path.unshift(folder.name);
      parent = folder.parents[0];
    }
    return path;
  }
}
