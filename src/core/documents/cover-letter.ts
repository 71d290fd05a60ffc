/**
 * The covering letter that goes to МКУ «УСР» with a stage справка (documents.md §0.4): an official
 * letter on the letter blank (ГОСТ Р 7.0.97, угловой бланк). Upper left the organisation with its
 * address and contacts, the date and № left blank for the registry (never invented); upper right
 * the addressee, the head's name in the dative; the heading, one paragraph of text, the attachment
 * mark with the page count left blank, the director's signature and the executor mark.
 *
 * The two corners stand side by side in a borderless table: each line of a corner is its own mark,
 * so a missing setting leaves a pen line there and a note for the curator, never a guess.
 */
import { Settings } from '../settings';
import { DocumentSpec, bold, body, p } from './model';
import { TEXT_WIDTH, orderSpec } from './order-requisites';
import { TemplateData, TemplateFields } from './template/data';
import { ROADMAP_STAGES } from '../domain/roadmap';
import { NameOverrides, NO_OVERRIDES, SexForms, bySex, initialsName, parseName, sexOf, typeset } from '../language';

/** The blanks the registry fills by hand (documents.md §0: never an invented date or number). */
export const LETTER_BLANK_DATE = '__.__.____';
export const LETTER_BLANK_NUMBER = '____';
/** The attachment's pages: unknown until the справка is printed. */
export const BLANK_PAGES = '__';
const PEN = '________________';

/** The «Вид» of a letter in «Документы» starts with this; the recipient follows it. */
export const COVER_KIND_PREFIX = 'Сопроводительное письмо';
export const coverKind = (settings: Settings) => `${COVER_KIND_PREFIX} в ${recipient(settings)}`;
/** «Сопроводительное письмо к справке по итогам мониторинга, этап 5 за 2026/2027 учебный год». */
export const coverTitle = (stage: number, periodLabel: string) => `${COVER_KIND_PREFIX} к справке по итогам мониторинга, этап ${stage} ${periodLabel}`;

const text = (v: unknown) => String(v ?? '').trim();
const recipient = (settings: Settings) => text(settings.municipalAgency) || 'МКУ «УСР»';

export const COVER_FIELDS: TemplateFields = {
  values: [
    { name: 'учредитель', about: 'строка учредителя над наименованием (пусто — строки нет)' },
    { name: 'организация', about: 'полное наименование организации', required: true },
    { name: 'организация_кратко_в_скобках', about: 'сокращённое наименование в скобках' },
    { name: 'адрес', about: 'почтовый адрес организации' },
    { name: 'телефон', about: 'телефон организации' },
    { name: 'почта', about: 'электронная почта организации' },
    { name: 'дата', about: 'дата письма (заполняется при регистрации)' },
    { name: 'номер', about: 'регистрационный номер письма (заполняется при регистрации)' },
    { name: 'адресат_должность', about: 'должность адресата в дательном падеже («Директору»)', required: true },
    { name: 'получатель', about: 'организация-получатель (МКУ «УСР»)', required: true },
    { name: 'адресат', about: 'И.О. Фамилия руководителя получателя в дательном падеже', required: true },
    { name: 'обращение', about: 'обращение «Уважаемая Анна Сергеевна!»' },
    { name: 'этап', about: 'номер этапа (1–6)', required: true },
    { name: 'этап_название', about: 'название этапа по дорожной карте', required: true },
    { name: 'организация_кратко', about: 'сокращённое (или полное) наименование организации в тексте' },
    { name: 'период', about: 'период справки («за 2026/2027 учебный год»)', required: true },
    { name: 'листов', about: 'число листов справки (пусто — для заполнения от руки)' },
    { name: 'руководитель_должность', about: 'должность руководителя' },
    { name: 'руководитель', about: 'И.О. Фамилия руководителя', required: true },
    { name: 'исполнитель', about: 'отметка об исполнителе: ФИО и телефон куратора' },
  ],
  flags: [{ name: 'есть_обращение', about: 'ФИО адресата указано полностью: есть обращение' }],
  tables: [],
};

/** The upper-left corner about 8 cm (ГОСТ Р 7.0.97-2025), a gap, the addressee up to the right margin. */
const LEFT = Math.round((8 * 72) / 2.54);
const GAP = 24;

/** The default template; the curator may edit it in «Шаблоны». */
export function coverTemplate(settings: Settings): DocumentSpec {
  const corner = ['{{учредитель}}', '{{организация}}', '{{организация_кратко_в_скобках}}', '{{адрес}}', '{{телефон}}', '{{почта}}', '', '{{дата}} № {{номер}}'].join('\n');
  const addressee = ['{{адресат_должность}} {{получатель}}', '{{адресат}}'].join('\n');
  const spec = orderSpec(settings, 'Шаблон — Сопроводительное письмо к справке по итогам мониторинга', [
    { kind: 'table', header: null, rows: [[corner, '', addressee]], widths: [LEFT, GAP, Math.floor(TEXT_WIDTH - LEFT - GAP)], plain: true, align: ['CENTER', 'LEFT', 'LEFT'] },
    bold('О направлении справки по итогам мониторинга (этап {{этап}})', { align: 'LEFT', spaceBefore: 18, spaceAfter: 18 }),
    p('{{если:есть_обращение}}{{обращение}}', { align: 'CENTER', spaceAfter: 12 }),
    body('Направляем справку по итогам мониторинга реализации целевой модели наставничества в {{организация_кратко}} {{период}} (этап {{этап}} «{{этап_название}}»).'),
    p('Приложение: справка на {{листов}} л. в 1 экз.', { align: 'LEFT', spaceBefore: 12 }),
    p('{{руководитель_должность}}\t{{руководитель}}', { align: 'LEFT', tabRight: true, spaceBefore: 42, keepNext: true }),
    p('Исп. {{исполнитель}}', { size: 10, align: 'LEFT', spaceBefore: 48 }),
  ]);
  return spec;
}

export interface CoverInput {
  settings: Settings;
  stage: number;
  /** «за 2026/2027 учебный год». */
  period: string;
  /** Sheets of the справка, when known; absent — a blank to fill by hand. */
  pages?: number;
}

export interface CoverResult {
  data: TemplateData;
  /** In Russian: what «Настройки» lack for a letter sent as is (each left as a pen line). */
  missing: string[];
}

const DEAR: SexForms = { male: 'Уважаемый', female: 'Уважаемая' };

/** The letter's values; every missing setting (listed in the letter's order) is a pen line in the Doc and a line of `missing`. */
export function coverData(input: CoverInput, overrides: NameOverrides = NO_OVERRIDES): CoverResult {
  const s = input.settings;
  const missing: string[] = [];
  const need = (value: string, what: string) => {
    if (!value) missing.push(what);
    return value || PEN;
  };
  const org = text(s.orgName);
  const short = text(s.orgShortName);
  const director = text(s.directorName);
  const head = text(s.agencyHead);
  const curator = text(s.curatorName);
  const phone = text(s.orgPhone);
  const email = text(s.orgEmail);
  const parts = head ? parseName(head) : null;
  const sex = head ? sexOf(head) : null;
  // «Уважаемая Анна Сергеевна!» only from a full name whose sex is known: never a guess.
  const dear = parts && parts.first && parts.middle && sex ? `${bySex(sex, DEAR)} ${parts.first} ${parts.middle}!` : '';
  const values: Record<string, string> = {
    учредитель: text(s.founder),
    организация: need(org, 'полное наименование организации'),
    организация_кратко_в_скобках: short ? `(${short})` : '',
    адрес: need(text(s.orgAddress), 'почтовый адрес организации'),
    телефон: phone ? `тел. ${phone}` : need('', 'телефон организации'),
    почта: email ? `e-mail: ${email}` : need('', 'электронная почта организации'),
    дата: LETTER_BLANK_DATE,
    номер: LETTER_BLANK_NUMBER,
    адресат_должность: need(text(s.agencyHeadTitle), 'должность руководителя получателя справок (кому)'),
    получатель: recipient(s),
    адресат: head ? initialsName(head, 'dative', overrides) : need('', 'руководитель получателя справок (ФИО)'),
    обращение: dear,
    этап: String(input.stage),
    этап_название: ROADMAP_STAGES[input.stage - 1] ?? '',
    // A full name would not agree after «в»: the short name, as the curator gave it, or a pen line.
    организация_кратко: need(short, 'сокращённое наименование организации'),
    период: input.period,
    листов: input.pages && input.pages > 0 ? String(input.pages) : BLANK_PAGES,
    руководитель_должность: text(s.directorTitle) || 'Директор',
    руководитель: director ? initialsName(director, 'nominative', overrides) : need('', 'руководитель (И.О. Фамилия)'),
    исполнитель: curator ? [curator, text(s.curatorPhone) && `тел. ${text(s.curatorPhone)}`].filter(Boolean).join(', ') : need('', 'куратор (ФИО)'),
  };
  const options = { orgShortName: short };
  for (const k of Object.keys(values)) values[k] = typeset(values[k], options);
  return { data: { values, flags: { есть_обращение: !!dear }, tables: {} }, missing };
}

/** What the curator reads about the letter: the dialog's tick and the summary. */
export const COVER_TEXT = {
  option: 'С сопроводительным письмом',
  optionHint: 'Письмо на бланке за подписью руководителя — вторым документом, с той же версией, что и справка.',
  made: (title: string, url: string) => `Сопроводительное письмо: «${title}»: ${url}. Дату, номер и число листов справки впишите при регистрации письма.`,
  replaced: (titles: string[]) => `Прежн${titles.length === 1 ? 'ее письмо переименовано' : 'ие письма переименованы'} в ${titles.map((t) => `«${t}»`).join(', ')}.`,
  settings: (items: string[]) => `Для письма заполните на листе «Настройки»: ${items.join('; ')} — пока в письме на их месте строка для заполнения от руки.`,
  template: (notes: string[]) => `Шаблон письма: ${notes.join(' ')}`,
} as const;
