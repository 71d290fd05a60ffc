import { QuestionnaireContext, questionnaires } from '../core/questionnaires/definitions';
import { QuestionDef, QuestionnaireDef } from '../core/questionnaires/types';
import { normalizeHeader } from '../core/workbook/headers';
import { RU } from '../core/strings';
import { runAction } from './curator';
import { escapeHtml } from './html';
import { loadForms, loadSettings } from './settings';
import { moveToProgrammeFolder } from './drive';

type Form = GoogleAppsScript.Forms.Form;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Publishing arrived in Apps Script in 2026 and may be missing from older runtimes and typings. */
interface Publishable {
  setPublished(published: boolean): void;
  isPublished(): boolean;
}

const PROPERTY = 'questionnaires';

/** What document properties keep of each questionnaire (ids are what matter; links for the curator). */
export interface StoredForm {
  id: string;
  url?: string;
  editUrl?: string;
  sheet?: string;
}

export function storedForms(): Record<string, StoredForm> {
  const raw = PropertiesService.getDocumentProperties().getProperty(PROPERTY);
  try {
    return raw ? (JSON.parse(raw) as Record<string, StoredForm>) : {};
  } catch (_error) {
    return {};
  }
}

function addItem(form: Form, q: QuestionDef): void {
  switch (q.type) {
    case 'TEXT':
      form.addTextItem().setTitle(q.title).setHelpText(q.help ?? '').setRequired(q.required);
      return;
    case 'PARAGRAPH_TEXT':
      form.addParagraphTextItem().setTitle(q.title).setHelpText(q.help ?? '').setRequired(q.required);
      return;
    case 'MULTIPLE_CHOICE':
      form.addMultipleChoiceItem().setTitle(q.title).setHelpText(q.help ?? '').setChoiceValues([...(q.choices ?? [])]).showOtherOption(!!q.otherOption).setRequired(q.required);
      return;
    case 'CHECKBOX':
      form.addCheckboxItem().setTitle(q.title).setHelpText(q.help ?? '').setChoiceValues([...(q.choices ?? [])]).showOtherOption(!!q.otherOption).setRequired(q.required);
      return;
    case 'LIST':
      form.addListItem().setTitle(q.title).setHelpText(q.help ?? '').setChoiceValues([...(q.choices ?? [])]).setRequired(q.required);
      return;
    case 'CHECKBOX_GRID':
      form.addCheckboxGridItem().setTitle(q.title).setHelpText(q.help ?? '').setRows([...(q.rows ?? [])]).setColumns([...(q.columns ?? [])]).setRequired(q.required);
      return;
    case 'SCALE':
      form.addScaleItem().setTitle(q.title).setHelpText(q.help ?? '').setBounds(1, 10).setRequired(q.required);
      return;
    case 'DATE':
      form.addDateItem().setTitle(q.title).setHelpText(q.help ?? '').setRequired(q.required);
      return;
  }
}

/** Choice lists come from the workbook (forms of mentoring): keep the form's lists current. */
function refreshChoices(item: GoogleAppsScript.Forms.Item, q: QuestionDef): boolean {
  const wanted = [...(q.choices ?? [])];
  if (!wanted.length) return false;
  const typed =
    q.type === 'MULTIPLE_CHOICE' ? item.asMultipleChoiceItem() : q.type === 'CHECKBOX' ? item.asCheckboxItem() : q.type === 'LIST' ? item.asListItem() : null;
  if (!typed) return false;
  const current = typed.getChoices().map((c) => c.getValue());
  if (current.join('\n') === wanted.join('\n')) return false;
  typed.setChoiceValues(wanted);
  return true;
}

function publish(form: Form): void {
  const candidate = form as unknown as Partial<Publishable>;
  if ('setPublished' in form && typeof candidate.setPublished === 'function' && typeof candidate.isPublished === 'function') {
    if (!candidate.isPublished()) candidate.setPublished(true);
  }
  if (!form.isAcceptingResponses()) form.setAcceptingResponses(true);
}

/** getDestinationId throws when the form has no destination; that only means «not linked». */
function destinationOf(form: Form): string | null {
  try {
    return form.getDestinationId();
  } catch (_error) {
    return null;
  }
}

function openForm(id: string | undefined): Form | null {
  if (!id) return null;
  try {
    return FormApp.openById(id);
  } catch (_error) {
    // Deleted or no longer shared: it will be created again.
    return null;
  }
}

export interface FormReport {
  key: string;
  title: string;
  url: string;
  editUrl: string;
  sheet: string;
  action: 'создана' | 'восстановлена' | 'в порядке';
}

/** The response sheet Google linked to the form, found by the form's id in the sheet's form URL. */
export function responseSheetOf(ss: Spreadsheet, formId: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheets().find((s) => (s.getFormUrl() ?? '').includes(formId)) ?? null;
}

function ensureForm(ss: Spreadsheet, def: QuestionnaireDef, stored: StoredForm | undefined): { form: Form; action: FormReport['action'] } {
  let form = openForm(stored?.id);
  let action: FormReport['action'] = 'в порядке';
  if (!form) {
    form = FormApp.create(def.title);
    // create(title) names only the Drive file; respondents see the form's own title, empty until set.
    form.setTitle(def.title);
    form.setDescription(def.description).setConfirmationMessage(def.confirmation).setCollectEmail(false).setLimitOneResponsePerUser(false);
    for (const q of def.questions) addItem(form, q);
    action = 'создана';
    moveToProgrammeFolder(form.getId());
  } else {
    const byTitle = new Map(form.getItems().map((item) => [normalizeHeader(item.getTitle()), item]));
    for (const q of def.questions) {
      const item = byTitle.get(normalizeHeader(q.title));
      if (!item) {
        addItem(form, q);
        action = 'восстановлена';
      } else if (refreshChoices(item, q)) action = 'восстановлена';
    }
  }
  if (destinationOf(form) !== ss.getId()) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    if (action === 'в порядке') action = 'восстановлена';
  }
  publish(form);
  return { form, action };
}

export function questionnaireContext(ss: Spreadsheet): QuestionnaireContext {
  const { settings } = loadSettings(ss);
  const forms = loadForms(ss).filter((f) => f.active).map((f) => f.name);
  return { forms, pseudonymous: settings.pseudonymousMode === true };
}

function createQuestionnairesNow(): { message: string; forms: FormReport[] } {
  const ss = SpreadsheetApp.getActive();
  const ctx = questionnaireContext(ss);
  const defs = questionnaires(ctx);
  const stored = storedForms();
  const reports: FormReport[] = [];
  for (const def of Object.values(defs)) {
    const { form, action } = ensureForm(ss, def, stored[def.key]);
    const sheet = responseSheetOf(ss, form.getId());
    const report: FormReport = { key: def.key, title: def.title, url: form.getPublishedUrl(), editUrl: form.getEditUrl(), sheet: sheet?.getName() ?? '', action };
    stored[def.key] = { id: form.getId(), url: report.url, editUrl: report.editUrl, sheet: report.sheet };
    reports.push(report);
  }
  PropertiesService.getDocumentProperties().setProperty(PROPERTY, JSON.stringify(stored));
  showLinks(reports);
  const created = reports.filter((r) => r.action === 'создана').length;
  const repaired = reports.filter((r) => r.action === 'восстановлена').length;
  return { message: RU.questionnaires.summary(created, repaired, reports.length), forms: reports };
}

function showLinks(reports: FormReport[]): void {
  const rows = reports
    .map(
      (r) =>
        `<li><b>${escapeHtml(r.title)}</b> (${escapeHtml(r.action)})<br>` +
        `для участников: <a href="${escapeHtml(r.url)}" target="_blank">${escapeHtml(r.url)}</a><br>` +
        `редактировать: <a href="${escapeHtml(r.editUrl)}" target="_blank">открыть форму</a>` +
        (r.sheet ? `; ответы на листе «${escapeHtml(r.sheet)}»` : '') +
        '</li>',
    )
    .join('');
  const html = `<div style="font:14px Arial,sans-serif"><p>${escapeHtml(RU.questionnaires.linksIntro)}</p><ul>${rows}</ul></div>`;
  try {
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(560).setHeight(380), RU.questionnaires.dialogTitle);
  } catch (_error) {
    // No Ui (run from a trigger or the local runner without one): the result carries the links.
  }
}

/** Menu «Создать анкеты»: the questionnaires as Google Forms linked to this spreadsheet. */
export function createQuestionnaires() {
  return runAction(RU.action.questionnaires, createQuestionnairesNow);
}
