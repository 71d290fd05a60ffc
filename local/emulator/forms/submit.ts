import { DriveEntry, MIME } from '../drive-store';
import type { Workspace } from '../workspace';
import { SheetFormSubmitEventData, responseLabels } from './destination';
import { FormContext } from './items';
import { AnswerValue, FormItemModel, FormModel, NavigationModel, isQuestion } from './model';
import { FakeFormResponse, storeResponse } from './responses';

/**
 * The participant's path (`npm run local -- <dir> submit <form> <answers.json>`): answers keyed by
 * question title are checked the way the Google Forms page checks them, stored, and appended to the
 * linked sheet. The result carries the onFormSubmit event data for the runner to hand to the
 * installed trigger. Nothing here is a script call, so nothing is counted. Messages are Russian:
 * the curator reads them in the terminal.
 */

/** One answer as written in answers.json. */
export type ParticipantAnswer = string | number | string[] | Record<string, string | string[]>;

export interface SubmitOptions {
  /** The respondent's address, for forms that collect it (also accepted as an answer under the email header or "email"). */
  email?: string;
  timestamp?: Date;
}

export interface SubmitResult {
  form: FormModel;
  /** The stored response (an uncounted fake: getId(), getTimestamp(), getItemResponses(), ...). */
  response: FakeFormResponse;
  /** Present when the form writes to a sheet of the workspace's spreadsheet. */
  sheetEvent?: SheetFormSubmitEventData;
}

const q = (text: string) => `«${text}»`;

function findForm(ws: Workspace, key: string): DriveEntry {
  const byId = ws.drive.get(key);
  if (byId && byId.mimeType === MIME.form) {
    if (byId.trashed) throw new Error(`Форма ${q(displayName(byId))} в корзине и не принимает ответы`);
    return byId;
  }
  // By the form's own title or its Drive file name: FormApp.create(title) sets only the latter.
  const found = ws.drive.byMime(MIME.form).filter((e) => (e.content as FormModel).title === key || e.name === key);
  if (found.length === 0) throw new Error(`Форма ${q(key)} не найдена`);
  if (found.length > 1) throw new Error(`Найдено несколько форм ${q(key)}: укажите id (${found.map((e) => e.id).join(', ')})`);
  return found[0];
}

/** What the participant sees as the form's name: its own title, else the Drive file name. */
function displayName(entry: DriveEntry): string {
  return (entry.content as FormModel).title || entry.name;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Checks one answer against its question; returns it as ItemResponse.getResponse() would, or undefined when unanswered. */
function checkAnswer(item: FormItemModel, raw: ParticipantAnswer | null | undefined): AnswerValue | undefined {
  const title = q(item.title);
  const options = (list: string[] | undefined) => (list && list.length > 0 ? ` (варианты: ${list.join('; ')})` : '');
  if (raw === null || raw === undefined) return undefined;
  switch (item.type) {
    case 'TEXT':
    case 'PARAGRAPH_TEXT': {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw new Error(`Ответ на вопрос ${title} должен быть строкой`);
      const text = String(raw);
      return text.trim() === '' ? undefined : text;
    }
    case 'MULTIPLE_CHOICE':
    case 'LIST': {
      if (typeof raw !== 'string' && typeof raw !== 'number') throw new Error(`На вопрос ${title} выбирается один вариант: ответ должен быть строкой`);
      const value = String(raw);
      if (value === '') return undefined;
      const other = item.type === 'MULTIPLE_CHOICE' && item.otherOption === true;
      if (!(item.choices ?? []).includes(value) && !other) throw new Error(`В вопросе ${title} нет варианта ${q(value)}${options(item.choices)}`);
      return value;
    }
    case 'CHECKBOX': {
      const list = typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) throw new Error(`Ответ на вопрос ${title} должен быть списком вариантов`);
      const choices = item.choices ?? [];
      const picked = [...new Set(list.filter((v) => v !== ''))];
      const others = picked.filter((v) => !choices.includes(v));
      if (others.length > 0 && item.otherOption !== true) throw new Error(`В вопросе ${title} нет варианта ${q(others[0])}${options(choices)}`);
      if (others.length > 1) throw new Error(`В вопросе ${title} можно добавить только один свой вариант («Другое»)`);
      if (picked.length === 0) return undefined;
      // Google lists the ticked options in the form's order, the «Другое» text last.
      return [...choices.filter((c) => picked.includes(c)), ...others];
    }
    case 'SCALE': {
      const low = item.lowerBound ?? 1;
      const high = item.upperBound ?? 5;
      if (raw === '') return undefined;
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n < low || n > high) throw new Error(`Ответ на вопрос ${title} должен быть целым числом от ${low} до ${high}`);
      return String(n);
    }
    case 'DATE': {
      if (typeof raw !== 'string') throw new Error(`Ответ на вопрос ${title} должен быть датой ГГГГ-ММ-ДД или ДД.ММ.ГГГГ`);
      if (raw === '') return undefined;
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
      const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw);
      const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : ru ? [ru[3], ru[2], ru[1]] : [];
      const date = y ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : null;
      if (!date || date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) {
        throw new Error(`Ответ на вопрос ${title} должен быть датой ГГГГ-ММ-ДД или ДД.ММ.ГГГГ, получено ${q(raw)}`);
      }
      return `${y}-${m}-${d}`;
    }
    case 'GRID':
    case 'CHECKBOX_GRID': {
      if (!isRecord(raw)) throw new Error(`Ответ на вопрос ${title} должен быть объектом {"строка": "столбец"}`);
      const rows = item.rows ?? [];
      const columns = item.columns ?? [];
      for (const row of Object.keys(raw)) if (!rows.includes(row)) throw new Error(`В вопросе ${title} нет строки ${q(row)}${options(rows)}`);
      const perRow = rows.map((row) => {
        const cell = raw[row];
        if (cell === undefined || cell === null || cell === '') return [] as string[];
        const picked = typeof cell === 'string' ? [cell] : cell;
        if (!Array.isArray(picked) || !picked.every((v) => typeof v === 'string')) throw new Error(`Ответ в строке ${q(row)} вопроса ${title} должен быть строкой`);
        if (item.type === 'GRID' && picked.length > 1) throw new Error(`В строке ${q(row)} вопроса ${title} выбирается один столбец`);
        for (const v of picked) if (!columns.includes(v)) throw new Error(`В вопросе ${title} нет столбца ${q(v)}${options(columns)}`);
        return columns.filter((c) => picked.includes(c));
      });
      if (perRow.every((p) => p.length === 0)) return undefined;
      return item.type === 'GRID' ? perRow.map((p) => p[0] ?? '') : perRow;
    }
    default:
      throw new Error(`Вопрос ${title} не принимает ответов`);
  }
}

/** Google's «required»: every row of a required grid needs an answer. */
function missingRequired(item: FormItemModel, answer: AnswerValue | undefined): string | null {
  if (!item.required) return null;
  if (answer === undefined) return `Не отвечен обязательный вопрос ${q(item.title)}`;
  if (item.type === 'GRID' || item.type === 'CHECKBOX_GRID') {
    const rows = item.rows ?? [];
    const empty = rows.findIndex((_r, i) => {
      const a = (answer as Array<string | string[]>)[i];
      return a === undefined || a.length === 0;
    });
    if (empty >= 0) return `Не отвечена строка ${q(rows[empty])} обязательного вопроса ${q(item.title)}`;
  }
  return null;
}

/** The form's pages: the first has no page break; each later one starts with its PageBreakItem. */
function pagesOf(model: FormModel): Array<{ start: FormItemModel | null; items: FormItemModel[] }> {
  const pages: Array<{ start: FormItemModel | null; items: FormItemModel[] }> = [{ start: null, items: [] }];
  for (const item of model.items) {
    if (item.type === 'PAGE_BREAK') pages.push({ start: item, items: [] });
    else pages[pages.length - 1].items.push(item);
  }
  return pages;
}

/**
 * The pages a respondent goes through, as Google Forms leads them: after a page, a picked choice
 * with navigation (the last such question on the page) decides; otherwise the next page break's
 * «go to» (setGoToPage), otherwise the next page. `answerOf` gives the answer to each question of a
 * page reached. Returns the questions seen, in order. RESTART or a loop cannot be submitted.
 */
export function pathThrough(model: FormModel, answerOf: (item: FormItemModel) => AnswerValue | undefined): FormItemModel[] {
  const pages = pagesOf(model);
  const seen: FormItemModel[] = [];
  const visited = new Set<number>();
  let at = 0;
  while (at < pages.length) {
    if (visited.has(at)) throw new Error(`Форма ${q(model.title)} ведёт по кругу: ответ не может быть отправлен`);
    visited.add(at);
    let jump: NavigationModel | null = null;
    for (const item of pages[at].items) {
      seen.push(item);
      const answer = answerOf(item);
      if ((item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST') && typeof answer === 'string') {
        const navigation = item.choiceNavigation?.[(item.choices ?? []).indexOf(answer)];
        if (navigation) jump = navigation;
      }
    }
    const next = jump ?? pages[at + 1]?.start?.goToPage ?? { type: 'CONTINUE' };
    if (next.type === 'SUBMIT') break;
    if (next.type === 'RESTART') throw new Error(`Форма ${q(model.title)} при таких ответах возвращает к началу: ответ не может быть отправлен`);
    const target = next.type === 'GO_TO_PAGE' ? pages.findIndex((p) => p.start?.id === next.pageId) : -1;
    at = target > 0 ? target : at + 1;
  }
  return seen;
}

/** The section (page break title) an item is in, for messages. */
function sectionTitle(model: FormModel, item: FormItemModel): string {
  const index = model.items.indexOf(item);
  const start = model.items
    .slice(0, index)
    .reverse()
    .find((it) => it.type === 'PAGE_BREAK');
  return start?.title ?? '';
}

export function submitAsParticipant(ws: Workspace, formTitleOrId: string, answers: Record<string, ParticipantAnswer>, options: SubmitOptions = {}): SubmitResult {
  const entry = findForm(ws, String(formTitleOrId));
  const model = entry.content as FormModel;
  const formName = q(displayName(entry));
  if (!model.published) throw new Error(`Форма ${formName} не опубликована и пока не принимает ответы: куратору нужно её опубликовать`);
  if (!model.acceptingResponses) {
    const note = model.customClosedFormMessage ? `: ${model.customClosedFormMessage}` : '';
    throw new Error(`Форма ${formName} больше не принимает ответы${note}`);
  }
  if (!isRecord(answers)) throw new Error('Ответы должны быть объектом {"вопрос": ответ}');

  const questions = model.items.filter((it) => isQuestion(it.type));
  const labels = responseLabels(ws.spreadsheet);
  const emailKeys = [labels.email, 'Адрес электронной почты', 'Email Address', 'email'];
  let email = options.email;
  const given = new Map<number, ParticipantAnswer>();
  for (const [key, value] of Object.entries(answers)) {
    const matches = questions.filter((it) => it.title === key);
    if (matches.length === 0 && emailKeys.includes(key)) {
      if (typeof value !== 'string') throw new Error('Адрес электронной почты должен быть строкой');
      email ??= value;
      continue;
    }
    if (matches.length === 0) throw new Error(`В форме ${formName} нет вопроса ${q(key)}`);
    if (matches.length > 1) throw new Error(`В форме ${formName} несколько вопросов ${q(key)}: ответ нельзя отнести к одному из них`);
    given.set(matches[0].id, value);
  }

  // Only the pages the respondent is led through are shown, checked and kept.
  const stored: Record<string, AnswerValue> = {};
  const seen = pathThrough(model, (item) => {
    if (!isQuestion(item.type)) return undefined;
    const answer = checkAnswer(item, given.get(item.id));
    const missing = missingRequired(item, answer);
    if (missing) throw new Error(missing);
    if (answer !== undefined) stored[String(item.id)] = answer;
    return answer;
  });
  const unseen = questions.find((item) => given.has(item.id) && !seen.includes(item) && checkAnswer(item, given.get(item.id)) !== undefined);
  if (unseen) throw new Error(`Вопрос ${q(unseen.title)} — в разделе ${q(sectionTitle(model, unseen))}, до которого участник с такими ответами не доходит`);

  let respondent: string | undefined;
  if (model.collectEmail) {
    if (!email) throw new Error(`Форма ${formName} собирает адреса электронной почты: укажите адрес участника`);
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new Error(`Неверный адрес электронной почты ${q(email)}`);
    respondent = email;
    if (model.limitOneResponsePerUser && model.responses.some((r) => r.email?.toLowerCase() === email!.toLowerCase())) {
      throw new Error(`С адреса ${q(email)} уже отправлен ответ на форму ${formName}: она принимает один ответ от пользователя`);
    }
  }

  const { response, sheetEvent } = storeResponse(ws, model, { answers: stored, email: respondent, timestamp: options.timestamp ?? ws.now() });
  const ctx: FormContext = { ws, model };
  const result: SubmitResult = { form: model, response: new FakeFormResponse(ctx, response) };
  if (sheetEvent) result.sheetEvent = sheetEvent;
  return result;
}
