import { QuestionnaireContext, questionnaires } from '../core/questionnaires/definitions';
import { QuestionDef, QuestionnaireDef, SectionDef } from '../core/questionnaires/types';
import { ProgrammeDetails, roughDate, textHash } from '../core/questionnaires/texts';
import { FORM_NOTES } from '../core/questionnaires/notes';
import { normalizeHeader } from '../core/workbook/headers';
import { RU } from '../core/strings';
import { CuratorError, runAction } from './curator';
import { escapeHtml } from './html';
import { loadForms, loadNameOverrides, loadSettings } from './settings';
import { filesNamed, moveToProgrammeFolder } from './drive';
import { uniqueChoices } from '../core/questionnaires/choices';
import { loadTable } from './tables';
import { approvedUnitIds } from '../core/intake/meetings';

const FORM_MIME = 'application/vnd.google-apps.form';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const PROPERTY = 'questionnaires';

/** What document properties keep of each questionnaire (ids are what matter; links for the curator). */
export interface StoredForm {
  id: string;
  url?: string;
  editUrl?: string;
  sheet?: string;
  /** Form item id of each question, by question key: import reads answers by item, not by header. */
  items?: Record<string, number>;
  /**
   * False from FormApp.create until every setting, item, the link and publishing are done: a re-run
   * then re-applies everything instead of trusting what it finds. Absent (older records) = done.
   */
  complete?: boolean;
  /** False until the form is in the programme folder; absent (older records) = leave it where it is. */
  inFolder?: boolean;
  /** Whether Google confirmed the form is published (isPublished), as last checked. */
  published?: boolean;
  /** Whether anyone with the link may answer (no sign-in to the school's domain); null = unknown. */
  openToAll?: boolean | null;
  /** Page-break item id of each section, by section key. */
  pages?: Record<string, number>;
  /**
   * Fingerprints of the description and confirmation this add-on last wrote: a text that no longer
   * matches was edited by the curator and is left alone. Absent (older records) = the texts are ours.
   */
  written?: { description: string; confirmation: string };
}

/**
 * The first five questionnaires share one property; every later one has its own: a property holds
 * at most 9 KB, and twelve forms' records with their item ids do not fit in one.
 */
const SHARED: readonly string[] = ['mentee', 'mentor', 'thirdParty', 'preference', 'meeting'];
const OWN_PREFIX = `${PROPERTY}.`;

function parseRecord(raw: string | null | undefined): Record<string, unknown> | null {
  try {
    const parsed = raw ? (JSON.parse(raw) as unknown) : null;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch (_error) {
    return null;
  }
}

export function storedForms(): Record<string, StoredForm> {
  const all = PropertiesService.getDocumentProperties().getProperties();
  const out = { ...((parseRecord(all[PROPERTY]) ?? {}) as Record<string, StoredForm>) };
  for (const [name, raw] of Object.entries(all)) {
    if (!name.startsWith(OWN_PREFIX)) continue;
    const record = parseRecord(raw);
    if (record) out[name.slice(OWN_PREFIX.length)] = record as unknown as StoredForm;
  }
  return out;
}

function saveStored(stored: Record<string, StoredForm>): void {
  const shared: Record<string, StoredForm> = {};
  const own: Record<string, string> = {};
  for (const [key, record] of Object.entries(stored)) {
    if (SHARED.includes(key)) shared[key] = record;
    else own[`${OWN_PREFIX}${key}`] = JSON.stringify(record);
  }
  // One call: the records never disagree with each other after a failure.
  PropertiesService.getDocumentProperties().setProperties({ [PROPERTY]: JSON.stringify(shared), ...own });
}

/**
 * A member of an Apps Script host object, or null. `typeof` is the reliable test there (`in` is
 * not), and reading a member may itself throw (the local workspace refuses unknown members).
 */
function method(target: object, name: string): ((...args: unknown[]) => unknown) | null {
  try {
    const value = (target as Record<string, unknown>)[name];
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown) : null;
  } catch (_error) {
    return null;
  }
}

/** The choice values to write: trimmed, without blanks and repeats (Forms refuses both). */
export function choiceValues(q: QuestionDef): string[] {
  return uniqueChoices(q.choices ?? []);
}

function hasChoices(q: QuestionDef): boolean {
  return q.type === 'MULTIPLE_CHOICE' || q.type === 'CHECKBOX' || q.type === 'LIST';
}

/** Questions that would need choices and have none: nothing is created until the curator adds them. */
function emptyChoiceProblems(defs: QuestionnaireDef[]): string[] {
  const out: string[] = [];
  for (const def of defs) for (const q of def.questions) if (hasChoices(q) && !choiceValues(q).length) out.push(RU.questionnaires.emptyChoices(def.title, q.title));
  return out;
}

type Typed =
  | { type: 'TEXT'; item: GoogleAppsScript.Forms.TextItem }
  | { type: 'PARAGRAPH_TEXT'; item: GoogleAppsScript.Forms.ParagraphTextItem }
  | { type: 'MULTIPLE_CHOICE'; item: GoogleAppsScript.Forms.MultipleChoiceItem }
  | { type: 'CHECKBOX'; item: GoogleAppsScript.Forms.CheckboxItem }
  | { type: 'LIST'; item: GoogleAppsScript.Forms.ListItem }
  | { type: 'CHECKBOX_GRID'; item: GoogleAppsScript.Forms.CheckboxGridItem }
  | { type: 'SCALE'; item: GoogleAppsScript.Forms.ScaleItem }
  | { type: 'DATE'; item: GoogleAppsScript.Forms.DateItem };

function addTyped(form: Form, q: QuestionDef): Typed {
  switch (q.type) {
    case 'TEXT':
      return { type: q.type, item: form.addTextItem() };
    case 'PARAGRAPH_TEXT':
      return { type: q.type, item: form.addParagraphTextItem() };
    case 'MULTIPLE_CHOICE':
      return { type: q.type, item: form.addMultipleChoiceItem() };
    case 'CHECKBOX':
      return { type: q.type, item: form.addCheckboxItem() };
    case 'LIST':
      return { type: q.type, item: form.addListItem() };
    case 'CHECKBOX_GRID':
      return { type: q.type, item: form.addCheckboxGridItem() };
    case 'SCALE':
      return { type: q.type, item: form.addScaleItem() };
    case 'DATE':
      return { type: q.type, item: form.addDateItem() };
  }
}

/** The typed view of an existing item; the caller has checked `item.getType()` first. */
function asTyped(item: Item, type: QuestionDef['type']): Typed {
  switch (type) {
    case 'TEXT':
      return { type, item: item.asTextItem() };
    case 'PARAGRAPH_TEXT':
      return { type, item: item.asParagraphTextItem() };
    case 'MULTIPLE_CHOICE':
      return { type, item: item.asMultipleChoiceItem() };
    case 'CHECKBOX':
      return { type, item: item.asCheckboxItem() };
    case 'LIST':
      return { type, item: item.asListItem() };
    case 'CHECKBOX_GRID':
      return { type, item: item.asCheckboxGridItem() };
    case 'SCALE':
      return { type, item: item.asScaleItem() };
    case 'DATE':
      return { type, item: item.asDateItem() };
  }
}

/** Everything a question's item carries, written whole: the same on a new item and a half-made one. */
function fill(typed: Typed, q: QuestionDef): void {
  const help = q.help ?? '';
  switch (typed.type) {
    case 'TEXT':
      typed.item.setTitle(q.title).setHelpText(help).setRequired(q.required);
      return;
    case 'PARAGRAPH_TEXT':
      typed.item.setTitle(q.title).setHelpText(help).setRequired(q.required);
      return;
    case 'MULTIPLE_CHOICE':
      typed.item.setTitle(q.title).setHelpText(help).setChoiceValues(choiceValues(q)).showOtherOption(!!q.otherOption).setRequired(q.required);
      return;
    case 'CHECKBOX':
      typed.item.setTitle(q.title).setHelpText(help).setChoiceValues(choiceValues(q)).showOtherOption(!!q.otherOption).setRequired(q.required);
      return;
    case 'LIST':
      typed.item.setTitle(q.title).setHelpText(help).setChoiceValues(choiceValues(q)).setRequired(q.required);
      return;
    case 'CHECKBOX_GRID':
      typed.item
        .setTitle(q.title)
        .setHelpText(help)
        .setRows([...(q.rows ?? [])])
        .setColumns([...(q.columns ?? [])])
        .setRequired(q.required);
      return;
    case 'SCALE':
      typed.item.setTitle(q.title).setHelpText(help).setBounds(1, 10).setRequired(q.required);
      return;
    case 'DATE':
      typed.item.setTitle(q.title).setHelpText(help).setRequired(q.required);
      return;
  }
}

/**
 * Choice lists come from the workbook (forms of mentoring): keep the form's lists current. The
 * item's type is checked by the caller, since a curator may have changed a question's type.
 */
function refreshChoices(item: Item, q: QuestionDef): boolean {
  if (!hasChoices(q)) return false;
  const wanted = choiceValues(q);
  const typed = asTyped(item, q.type);
  if (typed.type !== 'MULTIPLE_CHOICE' && typed.type !== 'CHECKBOX' && typed.type !== 'LIST') return false;
  const current = typed.item.getChoices().map((c) => c.getValue());
  if (current.join('\n') === wanted.join('\n')) return false;
  typed.item.setChoiceValues(wanted);
  return true;
}

export interface PublishState {
  /** Google confirmed isPublished(); false also when this runtime cannot publish at all. */
  published: boolean;
  /** Anyone with the link may answer; false = only the school's domain; null = could not tell. */
  openToAll: boolean | null;
}

/**
 * Forms made through the API after 30 June 2026 start unpublished and take no answers until
 * published (Forms API «API changes to Google Forms»); setPublished(true) also opens them for
 * responses («Publish and manage responders»). Legacy runtimes may lack the methods entirely.
 */
function publish(form: Form): PublishState {
  const setPublished = method(form, 'setPublished');
  const isPublished = method(form, 'isPublished');
  let published = false;
  if (setPublished && isPublished) {
    if (isPublished.call(form) !== true) setPublished.call(form, true);
    published = isPublished.call(form) === true;
  }
  if (published && !form.isAcceptingResponses()) form.setAcceptingResponses(true);
  return { published, openToAll: openToEveryone(form) };
}

/**
 * Parents and partners have no school account: a Workspace domain may make its forms ask for a
 * sign-in to the domain. requiresLogin/setRequireLogin exist only there (a consumer account may
 * throw), so every failure here means «unknown», never a failed operation.
 */
function openToEveryone(form: Form): boolean | null {
  const requiresLogin = method(form, 'requiresLogin');
  const setRequireLogin = method(form, 'setRequireLogin');
  if (!requiresLogin) return null;
  try {
    if (requiresLogin.call(form) !== true) return true;
    if (!setRequireLogin) return false;
    setRequireLogin.call(form, false);
    return requiresLogin.call(form) !== true;
  } catch (_error) {
    return null;
  }
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

/**
 * A form left by a run that failed between FormApp.create and recording its id: made by this
 * add-on (Drive lists only those), named as the questionnaire, still empty and unlinked.
 */
function orphanForm(def: QuestionnaireDef, taken: ReadonlySet<string>): Form | null {
  for (const id of filesNamed(def.title, FORM_MIME)) {
    if (taken.has(id)) continue;
    const form = openForm(id);
    if (form && form.getItems().length === 0 && destinationOf(form) === null) return form;
  }
  return null;
}

export interface FormReport {
  key: string;
  title: string;
  url: string;
  editUrl: string;
  sheet: string;
  /** «обновлена»: only the texts changed (new details in «Настройки»). */
  action: 'создана' | 'восстановлена' | 'обновлена' | 'в порядке';
  published: boolean;
  openToAll: boolean | null;
}

/** The response sheet Google linked to the form, found by the form's id in the sheet's form URL. */
export function responseSheetOf(ss: Spreadsheet, formId: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheets().find((s) => (s.getFormUrl() ?? '').includes(formId)) ?? null;
}

interface Existing {
  item: Item;
  id: number;
  title: string;
  type: string;
}

/**
 * Makes the form match its definition, recording progress in document properties as it goes: the
 * id right after FormApp.create, the rest when the form is done. A failure at any call leaves a
 * record the next run resumes from, never a second form.
 */
function ensureForm(ss: Spreadsheet, def: QuestionnaireDef, stored: Record<string, StoredForm>, problems: string[]): { form: Form; action: FormReport['action']; state: PublishState } {
  const previous = stored[def.key];
  let form = openForm(previous?.id);
  let action: FormReport['action'] = 'в порядке';
  let record: StoredForm;
  if (form) {
    record = { ...previous!, id: form.getId() };
  } else {
    const taken = new Set(Object.values(stored).map((s) => s.id));
    form = orphanForm(def, taken) ?? FormApp.create(def.title);
    // Recorded before anything else, so a failure from here on is resumed, not repeated.
    record = { id: form.getId(), items: {}, complete: false, inFolder: false };
    stored[def.key] = record;
    saveStored(stored);
    action = 'создана';
  }
  const fresh = record.complete === false;

  // create(title) names only the Drive file; respondents see the form's own title, empty until set.
  if (form.getTitle() !== def.title) {
    form.setTitle(def.title);
    if (action === 'в порядке') action = 'восстановлена';
  }
  if (fresh) form.setCollectEmail(false).setLimitOneResponsePerUser(false);
  if (syncTexts(form, def, record, problems) && action === 'в порядке') action = 'обновлена';

  const items = syncItems(form, def, record, { fresh, empty: action === 'создана' }, problems);
  if (items.changed && (action === 'в порядке' || action === 'обновлена')) action = 'восстановлена';
  record.items = items.ids;
  if (def.sections?.length) {
    const pages = syncPages(form, def, record, fresh);
    record.pages = pages.ids;
    const arranged = arrange(form, def, items.ids, pages.ids);
    const routed = route(form, def, items.ids, pages.ids);
    if ((pages.changed || arranged || routed) && (action === 'в порядке' || action === 'обновлена')) action = 'восстановлена';
    // Several pages: the respondent sees how far they are.
    if (!form.hasProgressBar()) form.setProgressBar(true);
  } else if (arrange(form, def, items.ids, {}) && (action === 'в порядке' || action === 'обновлена')) {
    // A question added to a form already in use lands at the end until moved to its place.
    action = 'восстановлена';
  }

  if (destinationOf(form) !== ss.getId()) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    if (action === 'в порядке') action = 'восстановлена';
  }
  const state = publish(form);
  if (record.inFolder === false) record.inFolder = moveToProgrammeFolder(record.id);
  record.published = state.published;
  record.openToAll = state.openToAll;
  record.complete = true;
  stored[def.key] = record;
  return { form, action, state };
}

/** Each question's item: recorded, found by title, a half-made leftover of its type, or new. */
function syncItems(form: Form, def: QuestionnaireDef, record: StoredForm, { fresh, empty }: { fresh: boolean; empty: boolean }, problems: string[]): { ids: Record<string, number>; changed: boolean } {
  const known = record.items ?? {};
  // A form made (or found empty) in this run has no items to read.
  const existing: Existing[] = empty ? [] : form.getItems().map((item) => ({ item, id: item.getId(), title: normalizeHeader(item.getTitle()), type: String(item.getType()) }));
  const byId = new Map(existing.map((e) => [e.id, e]));
  const claimed = new Set<number>();
  const free = (e: Existing | undefined) => (e && !claimed.has(e.id) ? e : undefined);
  const ids: Record<string, number> = {};
  let changed = false;
  for (const q of def.questions) {
    const titles = new Set([q.title, ...(q.aliases ?? [])].map(normalizeHeader));
    let entry = free(known[q.key] !== undefined ? byId.get(known[q.key]) : undefined);
    // Items recorded by a finished run are whole; anything else found is re-filled to be sure.
    let whole = !!entry && !fresh;
    if (!entry) {
      entry = existing.find((e) => !claimed.has(e.id) && titles.has(e.title));
      // Older records kept no item ids: their items were made whole in one go.
      whole = !!entry && !fresh && record.items === undefined;
    }
    entry ??= existing.find((e) => !claimed.has(e.id) && e.title === '' && e.type === q.type);
    if (!entry) {
      const typed = addTyped(form, q);
      fill(typed, q);
      ids[q.key] = typed.item.getId();
      changed = true;
      continue;
    }
    claimed.add(entry.id);
    if (entry.type !== q.type) {
      // The curator changed the question's type: report it, never force the item through as….
      problems.push(RU.questionnaires.typeChanged(def.title, q.title, RU.questionnaires.itemTypes[q.type] ?? q.type));
      continue;
    }
    ids[q.key] = entry.id;
    if (!whole) {
      fill(asTyped(entry.item, q.type), q);
      changed = true;
    } else {
      const choicesChanged = q.key !== def.route && refreshChoices(entry.item, q);
      if (refreshWording(entry.item, entry.title, q, choicesChanged) || choicesChanged) changed = true;
    }
  }
  return { ids, changed };
}

/**
 * The description and the confirmation follow «Настройки»: rewritten when they are what this
 * add-on wrote last (or empty), left alone when the curator edited them, which is reported.
 */
function syncTexts(form: Form, def: QuestionnaireDef, record: StoredForm, problems: string[]): boolean {
  const written = record.written;
  let changed = false;
  const next = { description: written?.description ?? '', confirmation: written?.confirmation ?? '' };
  const fields = [
    { key: 'description' as const, wanted: def.description, get: () => form.getDescription(), set: (t: string) => form.setDescription(t) },
    { key: 'confirmation' as const, wanted: def.confirmation, get: () => form.getConfirmationMessage(), set: (t: string) => form.setConfirmationMessage(t) },
  ];
  for (const f of fields) {
    const current = f.get();
    if (current !== f.wanted) {
      const ours = !written || current.trim() === '' || textHash(current) === written[f.key];
      if (!ours) {
        problems.push(FORM_NOTES.textEdited(def.title, f.key));
        continue;
      }
      f.set(f.wanted);
      changed = true;
    }
    next[f.key] = textHash(f.wanted);
  }
  record.written = next;
  return changed;
}

/**
 * A finished item keeps the curator's wording, except where it is still the add-on's own earlier
 * one: a title that is one of the question's earlier titles, an empty help text. The help of a
 * question whose choices were just refreshed follows them (it explains the forms on offer).
 */
function refreshWording(item: Item, title: string, q: QuestionDef, choicesChanged: boolean): boolean {
  let changed = false;
  if (title !== normalizeHeader(q.title) && (q.aliases ?? []).some((a) => normalizeHeader(a) === title)) {
    item.setTitle(q.title);
    changed = true;
  }
  const help = q.help ?? '';
  const current = item.getHelpText();
  if (current !== help && (choicesChanged || (current === '' && help !== ''))) {
    item.setHelpText(help);
    changed = true;
  }
  return changed;
}

/** Each section's page break: recorded, found by title, or new (it is placed by `arrange`). */
function syncPages(form: Form, def: QuestionnaireDef, record: StoredForm, fresh: boolean): { ids: Record<string, number>; changed: boolean } {
  const known = record.pages ?? {};
  const breaks = form.getItems(FormApp.ItemType.PAGE_BREAK).map((item) => ({ item, id: item.getId(), title: normalizeHeader(item.getTitle()) }));
  const claimed = new Set<number>();
  const ids: Record<string, number> = {};
  let changed = false;
  for (const section of def.sections ?? []) {
    let entry = breaks.find((b) => b.id === known[section.key] && !claimed.has(b.id));
    const whole = !!entry && !fresh;
    entry ??= breaks.find((b) => !claimed.has(b.id) && (b.title === normalizeHeader(section.title) || b.title === ''));
    if (!entry) {
      const page = form.addPageBreakItem();
      page.setTitle(section.title).setHelpText(section.help ?? '');
      ids[section.key] = page.getId();
      changed = true;
      continue;
    }
    claimed.add(entry.id);
    ids[section.key] = entry.id;
    if (!whole) {
      entry.item
        .asPageBreakItem()
        .setTitle(section.title)
        .setHelpText(section.help ?? '');
      changed = true;
    }
  }
  return { ids, changed };
}

/** The form's items in the definition's order: page breaks before their sections' questions. */
function layoutIds(def: QuestionnaireDef, items: Record<string, number>, pages: Record<string, number>): number[] {
  const out: number[] = [];
  let section: string | undefined;
  for (const q of def.questions) {
    if (q.section !== section) {
      section = q.section;
      if (section && pages[section] !== undefined) out.push(pages[section]);
    }
    if (items[q.key] !== undefined) out.push(items[q.key]);
  }
  return out;
}

/**
 * Puts the add-on's items in the definition's order (a question re-added after a deletion lands at
 * the end, in the wrong section, until moved). Items the curator added stay where they are.
 */
function arrange(form: Form, def: QuestionnaireDef, items: Record<string, number>, pages: Record<string, number>): boolean {
  const order = form.getItems().map((item) => item.getId());
  let previous = -1;
  let moved = false;
  for (const id of layoutIds(def, items, pages)) {
    const at = order.indexOf(id);
    if (at < 0) continue;
    if (at > previous) {
      previous = at;
      continue;
    }
    // Right after the previous item of the layout: once it is taken out, that is index `previous`.
    form.moveItem(at, previous);
    order.splice(at, 1);
    order.splice(previous, 0, id);
    moved = true;
  }
  return moved;
}

type Navigation = { type: 'CONTINUE' | 'SUBMIT' } | { type: 'GO_TO_PAGE'; pageId: number };

/**
 * Where each page break sends a respondent arriving in order (Google: the break governs the end of
 * the page before it). A branch section goes on to the first shared section after the branches (or
 * submits), never into the next branch.
 */
function pageNavigation(sections: readonly SectionDef[], pages: Record<string, number>): Map<string, Navigation> {
  const out = new Map<string, Navigation>();
  sections.forEach((section, i) => {
    const before = sections[i - 1];
    if (!before?.forAnswers || !section.forAnswers) {
      out.set(section.key, { type: 'CONTINUE' });
      return;
    }
    const shared = sections.slice(i + 1).find((s) => !s.forAnswers && pages[s.key] !== undefined);
    out.set(section.key, shared ? { type: 'GO_TO_PAGE', pageId: pages[shared.key] } : { type: 'SUBMIT' });
  });
  return out;
}

/**
 * Whether an item's or a choice's navigation is the wanted one. The target page is asked for only
 * on GO_TO_PAGE (what Google documents it for); a failure to tell counts as «different», so the
 * navigation is written again rather than trusted.
 */
function sameNavigation(type: unknown, target: () => { getId(): number } | null, wanted: Navigation): boolean {
  const kind = type === null || type === undefined ? 'CONTINUE' : String(type);
  if (kind !== wanted.type) return false;
  if (wanted.type !== 'GO_TO_PAGE') return true;
  try {
    return target()?.getId() === wanted.pageId;
  } catch (_error) {
    return false;
  }
}

/**
 * «Перейти к разделу на основе ответа»: each answer to the routing question opens its branch, and
 * each page break sends the respondent on past the other branches. Written only where it differs.
 */
function route(form: Form, def: QuestionnaireDef, items: Record<string, number>, pages: Record<string, number>): boolean {
  const sections = def.sections ?? [];
  let changed = false;
  const pageItem = (id: number) => form.getItemById(id)?.asPageBreakItem() ?? null;
  for (const [key, wanted] of pageNavigation(sections, pages)) {
    const page = pages[key] !== undefined ? pageItem(pages[key]) : null;
    if (!page || sameNavigation(page.getPageNavigationType(), () => page.getGoToPage(), wanted)) continue;
    if (wanted.type === 'GO_TO_PAGE') {
      const target = pageItem(wanted.pageId);
      if (target) page.setGoToPage(target);
    } else page.setGoToPage(wanted.type === 'SUBMIT' ? FormApp.PageNavigationType.SUBMIT : FormApp.PageNavigationType.CONTINUE);
    changed = true;
  }
  const q = def.questions.find((d) => d.key === def.route);
  const id = q ? items[q.key] : undefined;
  const item = id !== undefined ? form.getItemById(id) : null;
  if (!q || !item || String(item.getType()) !== 'MULTIPLE_CHOICE') return changed;
  const choiceItem = item.asMultipleChoiceItem();
  // An answer no branch is for skips them all: to the first shared section after them, or to «Отправить».
  const firstBranch = sections.findIndex((s) => s.forAnswers);
  const lastBranch = sections.length - 1 - [...sections].reverse().findIndex((s) => s.forAnswers);
  const after = sections.slice(lastBranch + 1).find((s) => !s.forAnswers && pages[s.key] !== undefined);
  const skipAll: Navigation = firstBranch > 0 || firstBranch < 0 ? { type: 'CONTINUE' } : after ? { type: 'GO_TO_PAGE', pageId: pages[after.key] } : { type: 'SUBMIT' };
  const targetOf = (label: string): Navigation => {
    const value = q.stores?.[label] ?? label;
    const section = sections.find((s) => s.forAnswers?.includes(value));
    if (!section) return skipAll;
    return pages[section.key] !== undefined ? { type: 'GO_TO_PAGE', pageId: pages[section.key] } : { type: 'CONTINUE' };
  };
  const wanted = choiceValues(q).map((label) => ({ label, nav: targetOf(label) }));
  const current = choiceItem.getChoices();
  const same = current.length === wanted.length && current.every((c, i) => c.getValue() === wanted[i].label && sameNavigation(c.getPageNavigationType(), () => c.getGotoPage(), wanted[i].nav));
  if (same) return changed;
  const targets = new Map<number, GoogleAppsScript.Forms.PageBreakItem | null>();
  const choices = wanted.map(({ label, nav }) => {
    if (nav.type === 'SUBMIT') return choiceItem.createChoice(label, FormApp.PageNavigationType.SUBMIT);
    if (nav.type !== 'GO_TO_PAGE') return choiceItem.createChoice(label);
    const page = nav.pageId;
    if (!targets.has(page)) targets.set(page, pageItem(page));
    const target = targets.get(page);
    return target ? choiceItem.createChoice(label, target) : choiceItem.createChoice(label);
  });
  choiceItem.setChoices(choices);
  return true;
}

/**
 * The definitions' inputs. `withDetails` adds what only the forms' texts need (the centre, the
 * curator, the roadmap's dates); reading answers does without, one sheet read less.
 */
export function questionnaireContext(ss: Spreadsheet, withDetails = false): QuestionnaireContext {
  const { settings } = loadSettings(ss);
  const forms = loadForms(ss)
    .filter((f) => f.active)
    .map((f) => f.name);
  const ctx: QuestionnaireContext = { forms, pseudonymous: settings.pseudonymousMode === true };
  if (!withDetails) return ctx;
  // The meeting form lists the approved pairs and groups (by ID only), current at every run.
  const pairs = loadTable(ss, 'pairs', false)?.table;
  const text = (v: unknown) => String(v ?? '').trim();
  const roadmap = loadTable(ss, 'roadmap', false)?.table;
  const deadline = (number: string) => {
    const row = roadmap?.find('number', number)[0];
    return row === undefined ? '' : roughDate(text(roadmap!.get(row, 'deadline')));
  };
  const details: ProgrammeDetails = {
    orgName: text(settings.orgName),
    orgShortName: text(settings.orgShortName),
    curatorName: text(settings.curatorName),
    curatorPhone: text(settings.curatorPhone),
    curatorEmail: text(settings.curatorEmail),
    meetingBy: deadline('5.1'),
    trainingBy: deadline('4.2'),
    nameOverrides: loadNameOverrides(ss).overrides,
  };
  return { ...ctx, details, pairs: pairs ? approvedUnitIds(pairs) : [] };
}

function createQuestionnairesNow(): { message: string; forms: FormReport[]; problems: string[] } {
  const ss = SpreadsheetApp.getActive();
  const ctx = questionnaireContext(ss, true);
  const defs = Object.values(questionnaires(ctx));
  const empty = emptyChoiceProblems(defs);
  if (empty.length) throw new CuratorError(empty.join('\n'));
  const stored = storedForms();
  const reports: FormReport[] = [];
  const problems: string[] = [];
  for (const def of defs) {
    const before = JSON.stringify(stored[def.key] ?? null);
    const { form, action, state } = ensureForm(ss, def, stored, problems);
    const sheet = responseSheetOf(ss, form.getId());
    const report: FormReport = {
      key: def.key,
      title: def.title,
      url: form.getPublishedUrl(),
      editUrl: form.getEditUrl(),
      sheet: sheet?.getName() ?? '',
      action,
      published: state.published,
      openToAll: state.openToAll,
    };
    stored[def.key] = { ...stored[def.key], url: report.url, editUrl: report.editUrl, sheet: report.sheet };
    // Each finished form is recorded at once: a later failure does not send this one back.
    if (JSON.stringify(stored[def.key]) !== before) saveStored(stored);
    reports.push(report);
  }
  const unpublished = reports.filter((r) => !r.published).map((r) => r.title);
  const closed = reports.filter((r) => r.published && r.openToAll === false).map((r) => r.title);
  const unknown = reports.filter((r) => r.published && r.openToAll === null).map((r) => r.title);
  if (unpublished.length) problems.push(RU.questionnaires.notPublished(unpublished));
  if (closed.length) problems.push(RU.questionnaires.domainOnly(closed));
  if (unknown.length) problems.push(RU.questionnaires.accessUnknown(unknown));
  showLinks(reports, problems);
  const created = reports.filter((r) => r.action === 'создана').length;
  const repaired = reports.filter((r) => r.action === 'восстановлена' || r.action === 'обновлена').length;
  const message = [RU.questionnaires.summary(created, repaired, reports.length), ...problems].join(' ');
  return { message, forms: reports, problems };
}

function accessLine(r: FormReport): string {
  if (!r.published) return RU.questionnaires.linkNotPublished;
  if (r.openToAll === true) return RU.questionnaires.linkOpen;
  if (r.openToAll === false) return RU.questionnaires.linkDomainOnly;
  return RU.questionnaires.linkAccessUnknown;
}

function showLinks(reports: FormReport[], problems: string[]): void {
  const rows = reports
    .map(
      (r) =>
        `<li><b>${escapeHtml(r.title)}</b> (${escapeHtml(r.action)})<br>` +
        `${escapeHtml(RU.questionnaires.linkForParticipants)}: <a href="${escapeHtml(r.url)}" target="_blank">${escapeHtml(r.url)}</a><br>` +
        `${escapeHtml(RU.questionnaires.linkEdit)}: <a href="${escapeHtml(r.editUrl)}" target="_blank">${escapeHtml(RU.questionnaires.linkOpenForm)}</a>` +
        (r.sheet ? `; ${escapeHtml(RU.questionnaires.linkSheet(r.sheet))}` : '') +
        `<br>${r.published && r.openToAll === true ? '' : '⚠ '}${escapeHtml(accessLine(r))}` +
        '</li>',
    )
    .join('');
  const notes = problems.map((p) => `<p style="color:#a50e0e">${escapeHtml(p)}</p>`).join('');
  const html = `<div style="font:14px Arial,sans-serif"><p>${escapeHtml(RU.questionnaires.linksIntro)}</p>${notes}<ul>${rows}</ul></div>`;
  try {
    SpreadsheetApp.getUi().showModalDialog(HtmlService.createHtmlOutput(html).setWidth(600).setHeight(460), RU.questionnaires.dialogTitle);
  } catch (_error) {
    // No Ui (run from a trigger or the local runner without one): the result carries the links.
  }
}

/** Menu «Создать анкеты»: the questionnaires as Google Forms linked to this spreadsheet. */
export function createQuestionnaires() {
  return runAction(RU.action.questionnaires, createQuestionnairesNow);
}
