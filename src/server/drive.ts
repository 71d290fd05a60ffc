import { loadSettings } from './settings';

const FOLDER_PROPERTY = 'programmeFolder';
const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** The advanced Drive service (v3), declared in the manifest; absent means it was not enabled. */
export function drive(): NonNullable<typeof Drive> {
  if (typeof Drive === 'undefined' || !Drive) throw new Error('Расширенная служба Drive не подключена (appsscript.json → enabledAdvancedServices).');
  return Drive;
}

/** Drive's answer for an id that is gone or no longer ours (the only case that means «make a new one»). */
export function isNotFound(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && /not found|404/i.test(message);
}

/**
 * Ids of the files this add-on made with that exact name and type, not in the trash (under the
 * drive.file scope Drive lists only those). Empty when Drive cannot say: callers then create.
 */
export function filesNamed(name: string, mimeType: string, parent?: string): string[] {
  try {
    const quoted = name.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    const within = parent ? ` and '${parent}' in parents` : '';
    const list = drive().Files!.list({ q: `name = '${quoted}' and mimeType = '${mimeType}' and trashed = false${within}`, fields: 'files(id)', pageSize: 20 });
    return (list.files ?? []).map((f) => f.id ?? '').filter((id) => id !== '');
  } catch (_error) {
    return [];
  }
}

/**
 * The programme's Drive folder, created once with the advanced Drive service: under the drive.file
 * scope the add-on sees only files it made, and this needs no access to the rest of the Drive.
 * A folder made by a run that failed before recording it is found again by its name.
 */
export function programmeFolderId(): string {
  const props = PropertiesService.getDocumentProperties();
  const known = props.getProperty(FOLDER_PROPERTY);
  if (known) {
    try {
      const folder = drive().Files!.get(known, { fields: 'id,trashed' }) as { id?: string; trashed?: boolean };
      if (folder.id && !folder.trashed) return folder.id;
    } catch (error) {
      // Deleted by hand: a new one is made below. Any other failure is not a reason for a second folder.
      if (!isNotFound(error)) throw error;
    }
  }
  const { settings } = loadSettings(SpreadsheetApp.getActive());
  const year = String(settings.academicYear || '').trim();
  const name = `Наставничество — ${settings.orgShortName}${year ? ` — ${year}` : ''}`;
  const id = filesNamed(name, FOLDER_MIME)[0] ?? drive().Files!.create({ name, mimeType: FOLDER_MIME }).id!;
  props.setProperty(FOLDER_PROPERTY, id);
  return id;
}

/**
 * Puts a file the add-on created into the programme folder (forms, orders, справки). Tidiness, not
 * substance: if Drive refuses, the file stays where it was made and the operation goes on.
 */
export function moveToProgrammeFolder(fileId: string): boolean {
  try {
    const folderId = programmeFolderId();
    const file = drive().Files!.get(fileId, { fields: 'parents' }) as { parents?: string[] };
    if ((file.parents ?? []).includes(folderId)) return true;
    const parents = (file.parents ?? []).filter((p) => p !== folderId);
    // An empty removeParents is not a list of parents: leave it out rather than send ''.
    const move: { addParents: string; removeParents?: string } = { addParents: folderId };
    if (parents.length) move.removeParents = parents.join(',');
    drive().Files!.update({}, fileId, null as unknown as GoogleAppsScript.Base.Blob, move);
    return true;
  } catch (error) {
    console.warn(`Файл ${fileId} не перемещён в папку программы: ${(error as { message?: string })?.message ?? String(error)}`);
    return false;
  }
}
