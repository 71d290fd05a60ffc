import { AnswerValue, FormItemModel, FormModel, FormResponseModel, ITEM_TYPES, ItemTypeName, NAVIGATION_TYPES, NavigationModel, NavigationType, formEditUrl, formPublishedUrl } from './model';

/**
 * The .form.json file of the local workspace: pretty JSON of the FormModel with a canonical key
 * order, so saving, loading and saving again gives the same bytes. Loading accepts a file that has
 * only the stable fields (DESIGN.md) and fills the additive ones with Google's defaults; a file
 * written before the publishing rule (no "published") is a legacy form, published and open.
 */

export function formToJson(model: FormModel): string {
  return `${JSON.stringify(normalizeForm(model), null, 2)}\n`;
}

export function formFromJson(text: string): FormModel {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // eslint-disable-next-line preserve-caught-error -- the parser's own message is carried in the text (ES2020 has no `cause`)
    throw new Error(`Файл формы не является JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return normalizeForm(raw);
}

type Json = Record<string, unknown>;

function obj(value: unknown, where: string): Json {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`Файл формы: ${where} должно быть объектом`);
  return value as Json;
}

function str(o: Json, key: string, where: string, fallback?: string): string {
  const v = o[key];
  if (v === undefined && fallback !== undefined) return fallback;
  if (typeof v !== 'string') throw new Error(`Файл формы: ${where}.${key} должно быть строкой`);
  return v;
}

function bool(o: Json, key: string, where: string, fallback: boolean): boolean {
  const v = o[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw new Error(`Файл формы: ${where}.${key} должно быть true или false`);
  return v;
}

function strings(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw new Error(`Файл формы: ${where} должно быть списком строк`);
  return [...v];
}

function nullable<T>(v: unknown, check: (x: unknown) => x is T, where: string): T | null {
  if (v === undefined || v === null) return null;
  if (!check(v)) throw new Error(`Файл формы: неверное значение ${where}`);
  return v;
}

const isString = (x: unknown): x is string => typeof x === 'string';
const isInteger = (x: unknown): x is number => Number.isInteger(x);

function navigation(value: unknown, where: string): NavigationModel {
  const o = obj(value, where);
  const type = str(o, 'type', where);
  if (!(NAVIGATION_TYPES as readonly string[]).includes(type)) throw new Error(`Файл формы: ${where}.type «${type}» не поддерживается (${NAVIGATION_TYPES.join(', ')})`);
  if (type !== 'GO_TO_PAGE') return { type: type as NavigationType };
  if (!Number.isInteger(o.pageId)) throw new Error(`Файл формы: ${where}.pageId должно быть целым числом`);
  return { type: 'GO_TO_PAGE', pageId: o.pageId as number };
}

function normalizeItem(value: unknown, index: number): FormItemModel {
  const where = `items[${index}]`;
  const o = obj(value, where);
  if (!Number.isInteger(o.id)) throw new Error(`Файл формы: ${where}.id должно быть целым числом`);
  const type = str(o, 'type', where);
  if (!(ITEM_TYPES as readonly string[]).includes(type)) {
    throw new Error(`Файл формы: ${where}.type «${type}» не поддерживается (${ITEM_TYPES.join(', ')})`);
  }
  const item: FormItemModel = {
    id: o.id as number,
    title: str(o, 'title', where, ''),
    type: type as ItemTypeName,
    helpText: str(o, 'helpText', where, ''),
    required: bool(o, 'required', where, false),
  };
  if (o.choices !== undefined) item.choices = strings(o.choices, `${where}.choices`);
  if (o.otherOption !== undefined) item.otherOption = bool(o, 'otherOption', where, false);
  if (o.rows !== undefined) item.rows = strings(o.rows, `${where}.rows`);
  if (o.columns !== undefined) item.columns = strings(o.columns, `${where}.columns`);
  for (const key of ['lowerBound', 'upperBound'] as const) {
    if (o[key] === undefined) continue;
    if (!Number.isInteger(o[key])) throw new Error(`Файл формы: ${where}.${key} должно быть целым числом`);
    item[key] = o[key] as number;
  }
  if (o.leftLabel !== undefined) item.leftLabel = str(o, 'leftLabel', where);
  if (o.rightLabel !== undefined) item.rightLabel = str(o, 'rightLabel', where);
  if (o.includesYear !== undefined) item.includesYear = bool(o, 'includesYear', where, true);
  if (o.goToPage !== undefined) item.goToPage = navigation(o.goToPage, `${where}.goToPage`);
  if (o.choiceNavigation !== undefined) {
    if (!Array.isArray(o.choiceNavigation)) throw new Error(`Файл формы: ${where}.choiceNavigation должно быть списком`);
    item.choiceNavigation = o.choiceNavigation.map((n, i) => (n === null ? null : navigation(n, `${where}.choiceNavigation[${i}]`)));
  }
  return item;
}

function normalizeAnswer(v: unknown, where: string): AnswerValue {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return [...(v as string[])];
  if (Array.isArray(v) && v.every((row) => Array.isArray(row) && row.every((s) => typeof s === 'string'))) {
    return (v as string[][]).map((row) => [...row]);
  }
  throw new Error(`Файл формы: ${where} должно быть строкой, списком строк или списком списков строк`);
}

function normalizeResponse(value: unknown, index: number): FormResponseModel {
  const where = `responses[${index}]`;
  const o = obj(value, where);
  const timestamp = str(o, 'timestamp', where);
  if (Number.isNaN(Date.parse(timestamp))) throw new Error(`Файл формы: ${where}.timestamp не дата ISO 8601`);
  const answersRaw = obj(o.answers ?? {}, `${where}.answers`);
  const answers: Record<string, AnswerValue> = {};
  for (const key of Object.keys(answersRaw)) answers[key] = normalizeAnswer(answersRaw[key], `${where}.answers.${key}`);
  // Canonical key order: id, timestamp, email (only when present), answers.
  const email = o.email === undefined ? {} : { email: str(o, 'email', where) };
  return { id: str(o, 'id', where), timestamp, ...email, answers };
}

/** Checks a parsed .form.json (or a model) and returns it with every field, in canonical order. */
export function normalizeForm(value: unknown): FormModel {
  const o = obj(value, 'форма');
  const id = str(o, 'id', 'форма');
  const items = Array.isArray(o.items) ? o.items.map(normalizeItem) : [];
  if (o.items !== undefined && !Array.isArray(o.items)) throw new Error('Файл формы: items должно быть списком');
  const ids = new Set<number>();
  for (const item of items) {
    if (ids.has(item.id)) throw new Error(`Файл формы: два вопроса с id ${item.id}`);
    ids.add(item.id);
  }
  if (o.responses !== undefined && !Array.isArray(o.responses)) throw new Error('Файл формы: responses должно быть списком');
  const responses = Array.isArray(o.responses) ? o.responses.map(normalizeResponse) : [];
  // A file without the publishing fields comes from a legacy form: published and open.
  const published = bool(o, 'published', 'форма', true);
  return {
    id,
    title: str(o, 'title', 'форма', ''),
    description: str(o, 'description', 'форма', ''),
    url: str(o, 'url', 'форма', formPublishedUrl(id)),
    published,
    collectEmail: bool(o, 'collectEmail', 'форма', false),
    destinationSheet: nullable(o.destinationSheet, isString, 'destinationSheet'),
    items,
    acceptingResponses: bool(o, 'acceptingResponses', 'форма', published),
    editUrl: str(o, 'editUrl', 'форма', formEditUrl(id)),
    publishedUrl: str(o, 'publishedUrl', 'форма', formPublishedUrl(id)),
    destinationId: nullable(o.destinationId, isString, 'destinationId'),
    destinationSheetId: nullable(o.destinationSheetId, isInteger, 'destinationSheetId'),
    confirmationMessage: str(o, 'confirmationMessage', 'форма', ''),
    customClosedFormMessage: str(o, 'customClosedFormMessage', 'форма', ''),
    allowResponseEdits: bool(o, 'allowResponseEdits', 'форма', false),
    limitOneResponsePerUser: bool(o, 'limitOneResponsePerUser', 'форма', false),
    progressBar: bool(o, 'progressBar', 'форма', false),
    showLinkToRespondAgain: bool(o, 'showLinkToRespondAgain', 'форма', true),
    responses,
  };
}
