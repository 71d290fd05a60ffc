import { loadSettings } from './settings';

const FOLDER_PROPERTY = 'programmeFolder';
const FOLDER_MIME = 'application/vnd.google-apps.folder';

/** The advanced Drive service (v3), declared in the manifest; absent means it was not enabled. */
function drive(): NonNullable<typeof Drive> {
  if (typeof Drive === 'undefined' || !Drive) throw new Error('Расширенная служба Drive не подключена (appsscript.json → enabledAdvancedServices).');
  return Drive;
}

/**
 * The programme's Drive folder, created once with the advanced Drive service: under the drive.file
 * scope the add-on sees only files it made, and this needs no access to the rest of the Drive.
 */
export function programmeFolderId(): string {
  const props = PropertiesService.getDocumentProperties();
  const known = props.getProperty(FOLDER_PROPERTY);
  if (known) {
    try {
      const folder = drive().Files!.get(known, { fields: 'id,trashed' }) as { id?: string; trashed?: boolean };
      if (folder.id && !folder.trashed) return folder.id;
    } catch (_error) {
      // Deleted by hand: a new one is made below.
    }
  }
  const { settings } = loadSettings(SpreadsheetApp.getActive());
  const year = String(settings.academicYear || '').trim();
  const name = `Наставничество — ${settings.orgShortName}${year ? ` — ${year}` : ''}`;
  const created = drive().Files!.create({ name, mimeType: FOLDER_MIME });
  props.setProperty(FOLDER_PROPERTY, created.id!);
  return created.id!;
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
    drive().Files!.update({}, fileId, null as unknown as GoogleAppsScript.Base.Blob, { addParents: folderId, removeParents: parents.join(',') });
    return true;
  } catch (error) {
    console.warn(`Файл ${fileId} не перемещён в папку программы: ${(error as { message?: string })?.message ?? String(error)}`);
    return false;
  }
}
