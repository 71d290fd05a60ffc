import { strict } from '../calls';
import type { TriggerRecord, Workspace } from '../workspace';

type ScriptApp = GoogleAppsScript.Script.ScriptApp;
type Trigger = GoogleAppsScript.Script.Trigger;

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' } as const;
export const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED' } as const;
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' } as const;
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const;

export const TRIGGER_ERRORS = {
  tooMany: 'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  unknownHandler: (name: string) => `Script function not found: ${name}`,
};

class FakeTrigger implements Pick<Trigger, 'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'> {
  constructor(readonly record: TriggerRecord) {}
  getUniqueId(): string {
    return this.record.uid;
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return this.record.sourceId;
  }
}

function idOf(source: unknown): string {
  if (typeof source === 'string') return source;
  const s = source as { getId?: () => string };
  if (s && typeof s.getId === 'function') return s.getId();
  throw new Error('Invalid argument: source');
}

/** One builder for every trigger kind; the chosen methods decide the record. */
class FakeTriggerBuilder {
  private source = 'CLOCK';
  private sourceId = '';
  private eventType = 'CLOCK';
  private clock: NonNullable<TriggerRecord['clock']> = {};
  constructor(
    private readonly ws: Workspace,
    private readonly handler: string,
  ) {}

  forSpreadsheet(key: unknown): this {
    this.source = TriggerSource.SPREADSHEETS;
    this.sourceId = idOf(key);
    return this;
  }
  forForm(key: unknown): this {
    this.source = TriggerSource.FORMS;
    this.sourceId = idOf(key);
    return this;
  }
  forDocument(key: unknown): this {
    this.source = TriggerSource.DOCUMENTS;
    this.sourceId = idOf(key);
    return this;
  }
  /**
   * An add-on's time-driven trigger belongs to the document it was created in (Google: one trigger
   * of each type per user per document), so getUserTriggers(spreadsheet) lists it there.
   */
  timeBased(): this {
    this.source = TriggerSource.CLOCK;
    this.eventType = EventType.CLOCK;
    this.sourceId = this.ws.spreadsheet.id;
    return this;
  }
  onFormSubmit(): this {
    this.eventType = EventType.ON_FORM_SUBMIT;
    return this;
  }
  onOpen(): this {
    this.eventType = EventType.ON_OPEN;
    return this;
  }
  onEdit(): this {
    this.eventType = EventType.ON_EDIT;
    return this;
  }
  onChange(): this {
    this.eventType = EventType.ON_CHANGE;
    return this;
  }
  everyHours(n: number): this {
    this.clock.everyHours = n;
    return this;
  }
  everyDays(n: number): this {
    this.clock.everyDays = n;
    return this;
  }
  everyWeeks(_n: number): this {
    return this;
  }
  atHour(hour: number): this {
    this.clock.atHour = hour;
    return this;
  }
  nearMinute(_minute: number): this {
    return this;
  }
  onWeekDay(_day: unknown): this {
    return this;
  }
  inTimezone(tz: string): this {
    this.clock.timeZone = tz;
    return this;
  }
  create(): Trigger {
    if (this.ws.triggers.length >= this.ws.quotas.triggersPerUserPerScript) throw new Error(TRIGGER_ERRORS.tooMany);
    const record: TriggerRecord = {
      uid: String(1e9 + this.ws.triggers.length * 7919 + this.ws.ids.state),
      handler: this.handler,
      eventType: this.eventType,
      source: this.source,
      sourceId: this.sourceId,
      ...(this.eventType === EventType.CLOCK ? { clock: { ...this.clock } } : {}),
    };
    this.ws.ids.next();
    this.ws.triggers.push(record);
    return strict('Trigger', new FakeTrigger(record), this.ws.calls) as unknown as Trigger;
  }
}

type ScriptAppApi = Pick<
  ScriptApp,
  'AuthMode' | 'EventType' | 'TriggerSource' | 'AuthorizationStatus' | 'newTrigger' | 'getUserTriggers' | 'getProjectTriggers' | 'deleteTrigger' | 'getAuthorizationInfo' | 'getScriptId'
>;

class FakeScriptApp implements ScriptAppApi {
  readonly AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly EventType = EventType as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly TriggerSource = TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  readonly AuthorizationStatus = AuthorizationStatus as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus;

  constructor(private readonly ws: Workspace) {}

  private wrap(record: TriggerRecord): Trigger {
    return strict('Trigger', new FakeTrigger(record), this.ws.calls) as unknown as Trigger;
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return strict('TriggerBuilder', new FakeTriggerBuilder(this.ws, functionName), this.ws.calls) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }
  getUserTriggers(source: unknown): Trigger[] {
    const id = idOf(source);
    return this.ws.triggers.filter((t) => t.sourceId === id).map((t) => this.wrap(t));
  }
  getProjectTriggers(): Trigger[] {
    return this.ws.triggers.map((t) => this.wrap(t));
  }
  deleteTrigger(trigger: Trigger): void {
    const uid = trigger.getUniqueId();
    this.ws.triggers = this.ws.triggers.filter((t) => t.uid !== uid);
  }
  getAuthorizationInfo(_authMode: unknown): GoogleAppsScript.Script.AuthorizationInfo {
    return {
      getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED as unknown as GoogleAppsScript.Script.AuthorizationStatus,
      getAuthorizationUrl: () => null,
      getAuthorizedScopes: () => [],
    } as unknown as GoogleAppsScript.Script.AuthorizationInfo;
  }
  getScriptId(): string {
    return 'local-script';
  }
}

export function createScriptApp(ws: Workspace): ScriptApp {
  return strict('ScriptApp', new FakeScriptApp(ws), ws.calls) as unknown as ScriptApp;
}
