import { CallLog } from './calls';
import { DriveStore } from './drive-store';
import { IdSource } from './ids';
import { SpreadsheetModel } from './sheets/model';

export interface TriggerRecord {
  uid: string;
  handler: string;
  /** ScriptApp.EventType name: ON_OPEN, ON_EDIT, ON_FORM_SUBMIT, CLOCK, ... */
  eventType: string;
  /** SPREADSHEET, FORMS or CLOCK. */
  source: string;
  sourceId: string;
  /** A time-driven trigger's schedule as the builder set it: every N days / hours, at an hour, in a zone. */
  clock?: { everyDays?: number; everyHours?: number; atHour?: number; timeZone?: string };
}

export interface MailRecord {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  cc?: string;
  bcc?: string;
}

export interface UiEvent {
  kind: 'menu' | 'alert' | 'toast' | 'sidebar' | 'dialog' | 'prompt';
  title?: string;
  text?: string;
  /** For menus: the items as [caption, functionName] pairs; separators as ['', '']. */
  items?: Array<[string, string]>;
  html?: string;
  width?: number;
  height?: number;
  /** For alerts and prompts: the script held a lock while the dialog was open (it blocks everyone waiting for that lock). */
  heldLock?: boolean;
}

export interface Quotas {
  mailRecipientsPerDay: number;
  documentsPerDay: number;
  triggersPerUserPerScript: number;
}

export type PropertyStoreName = 'script' | 'document' | 'user';

/**
 * Everything one Apps Script project sees: the bound spreadsheet, Drive, properties, triggers,
 * mail sent, and what the Ui showed. Fakes are views over this state; persistence saves it.
 */
export class Workspace {
  readonly calls = new CallLog();
  readonly ids: IdSource;
  readonly drive = new DriveStore();
  readonly properties: Record<PropertyStoreName, Map<string, string>> = {
    script: new Map(),
    document: new Map(),
    user: new Map(),
  };
  readonly cache = new Map<string, { value: string; expires: number }>();
  triggers: TriggerRecord[] = [];
  readonly mail: MailRecord[] = [];
  readonly ui: UiEvent[] = [];
  readonly logs: string[] = [];
  readonly quotas: Quotas = { mailRecipientsPerDay: 100, documentsPerDay: 250, triggersPerUserPerScript: 20 };
  mailRecipientsToday = 0;
  documentsToday = 0;
  /** The manifest's time zone (script zone); the spreadsheet has its own. */
  scriptTimeZone = 'Europe/Moscow';
  /** The spreadsheet's owner, the curator: always allowed to edit protected ranges. */
  userEmail = 'kurator@cdt-hibiny.ru';
  /** The spreadsheet's other editors (file sharing), listed by protections that still mirror the file. */
  fileEditors: string[] = [];
  /** Who runs the script now (another editor of the file); null = the owner. */
  activeUser: string | null = null;
  /** Session.getActiveUser().getEmail() is '' when a domain policy hides it (Class User reference). */
  activeUserEmailHidden = false;
  /** LockService.getDocumentLock() returns null, as Google does outside a containing document. */
  documentLockUnavailable = false;
  /** Alerts and prompts shown while the script held a lock: Google suspends the script until the dialog closes. */
  alertsUnderLock = 0;
  /** Time seen by the sandbox; tests and the demo year move it forward. */
  now: () => Date = () => new Date();
  /** Answer given to Ui.alert/prompt with buttons (the curator's click), by default the first button. */
  answerDialog: (title: string, text: string, buttons: string[]) => string = (_t, _x, buttons) => buttons[0] ?? 'OK';
  /** Another process holding the document/script lock, to test contention. */
  readonly heldLocks = new Set<string>();
  /** Locks taken by the running execution; released when it ends, as Apps Script does. */
  readonly executionLocks = new Set<string>();
  /** False while a trigger runs: there is no Ui to show anything in. */
  uiAvailable = true;
  /** The built sidebars and dialogs (dist/<Name>.html) that HtmlService can serve. */
  readonly htmlFiles = new Map<string, string>();
  spreadsheet: SpreadsheetModel;

  get owner(): string {
    return this.userEmail;
  }

  /** The user the script runs as (active = effective for menus, sidebars and dialogs). */
  get currentUser(): string {
    return this.activeUser ?? this.userEmail;
  }

  constructor(options: { seed?: string; timeZone?: string; locale?: string; name?: string } = {}) {
    this.ids = new IdSource(options.seed);
    this.spreadsheet = new SpreadsheetModel({
      id: this.ids.next('1'),
      name: options.name ?? 'Наставничество',
      timeZone: options.timeZone ?? 'Europe/Moscow',
      locale: options.locale ?? 'ru_RU',
    });
  }
}
