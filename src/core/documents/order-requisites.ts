import { Settings } from '../settings';
import { Align, Block, DocumentSpec, bold, p } from './model';
import { CalendarDate, numericDate } from './dates';
import { NameOverrides, declineName, initialsName, typeset } from '../language';
import { FieldInfo, TableInfo, columns } from './template/data';

/** A blank the director fills by hand: never an invented date or number (documents.md §0). */
export const BLANK_DATE = '«___» ____________ 20___ г.';
export const BLANK_NUMBER = '________';
const BLANK_NAME = '________________';

/** The order's date and number once the curator gives them; absent ones stay blank. */
export interface OrderIdentity {
  date: CalendarDate | null;
  number: string;
}

const text = (v: unknown) => String(v ?? '').trim();

/** Requisite fields every order template has, with the words a curator reads about them. */
export const REQUISITE_FIELDS: FieldInfo[] = [
  { name: 'учредитель', about: 'строка учредителя над наименованием' },
  { name: 'организация', about: 'полное наименование организации', required: true },
  { name: 'организация_кратко', about: 'сокращённое наименование' },
  { name: 'город', about: 'место составления' },
  { name: 'дата', about: 'дата приказа (пусто — для заполнения от руки)', required: true },
  { name: 'номер', about: 'номер приказа (пусто — для заполнения от руки)', required: true },
  { name: 'учебный_год', about: 'учебный год' },
  { name: 'руководитель_должность', about: 'должность руководителя' },
  { name: 'руководитель', about: 'И.О. Фамилия руководителя', required: true },
  { name: 'куратор', about: 'ФИО куратора' },
  { name: 'куратор_кому', about: 'ФИО куратора в дательном падеже (кому?)' },
  { name: 'куратора', about: 'ФИО куратора в винительном падеже (кого?)' },
  { name: 'куратор_должность', about: 'должность куратора' },
  { name: 'исполнитель', about: 'отметка об исполнителе: ФИО и телефон куратора' },
  { name: 'положение', about: 'реквизиты приказа об утверждении Положения о наставничестве' },
  { name: 'программа', about: 'реквизиты приказа об утверждении программы наставничества' },
  { name: 'получатель_справок', about: 'кому направляются справки мониторинга' },
  { name: 'срок_поручений', about: 'срок исполнения поручений, например «14 календарных дней»' },
];

export const REQUISITE_FLAGS: FieldInfo[] = [
  { name: 'есть_учредитель', about: 'указан учредитель' },
  { name: 'есть_кратко', about: 'указано сокращённое наименование' },
];

/** The values of the requisite fields; `missing` lists, in Russian, what «Настройки» lack. */
export function requisiteValues(settings: Settings, order: OrderIdentity, overrides?: NameOverrides): { values: Record<string, string>; flags: Record<string, boolean>; missing: string[] } {
  const curator = text(settings.curatorName);
  const director = text(settings.directorName);
  const missing: string[] = [];
  const fromSettings = (key: keyof Settings, label: string) => {
    const v = text(settings[key]);
    if (!v) missing.push(label);
    return v;
  };
  const orderOf = (key: 'regulationOrder' | 'programmeOrder', label: string) => {
    const v = text(settings[key]);
    if (!v) missing.push(label);
    return v ? v.replace(/^(утвержден[аоы]?\s+)?(приказом\s+)?/i, '') : `от ${BLANK_DATE} № ${BLANK_NUMBER}`;
  };
  const executor = [curator, text(settings.curatorPhone) && `тел. ${text(settings.curatorPhone)}`].filter(Boolean).join(', ');
  const values: Record<string, string> = {
    учредитель: text(settings.founder),
    организация: fromSettings('orgName', 'полное наименование организации'),
    организация_кратко: text(settings.orgShortName),
    город: text(settings.town),
    дата: order.date ? numericDate(order.date) : BLANK_DATE,
    номер: order.number || BLANK_NUMBER,
    учебный_год: text(settings.academicYear) || (missing.push('учебный год'), '______/______'),
    руководитель_должность: text(settings.directorTitle),
    руководитель: director ? initialsName(director) : (missing.push('руководитель (И.О. Фамилия)'), BLANK_NAME),
    куратор: curator || (missing.push('куратор (ФИО)'), BLANK_NAME),
    куратор_кому: curator ? declineName(curator, 'dative', overrides) : BLANK_NAME,
    куратора: curator ? declineName(curator, 'accusative', overrides) : BLANK_NAME,
    куратор_должность: text(settings.curatorPosition),
    исполнитель: executor || BLANK_NAME,
    положение: orderOf('regulationOrder', 'реквизиты приказа об утверждении Положения о наставничестве'),
    программа: orderOf('programmeOrder', 'реквизиты приказа об утверждении программы наставничества'),
    получатель_справок: text(settings.municipalAgency),
    срок_поручений: dueDaysText(settings),
  };
  const options = { orgShortName: text(settings.orgShortName) };
  for (const k of Object.keys(values)) values[k] = typeset(values[k], options);
  return { values, flags: { есть_учредитель: !!text(settings.founder), есть_кратко: !!text(settings.orgShortName) }, missing };
}

/** «14 календарных дней» from «Срок исполнения поручений приказов»: the orders and the letters say the same. */
export function dueDaysText(settings: Settings): string {
  const days = Number(settings.orderDueDays);
  return dueDays(Number.isFinite(days) && days > 0 ? Math.round(days) : 14);
}

function dueDays(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  const word = mod10 === 1 && mod100 !== 11 ? 'календарного дня' : 'календарных дней';
  return `${n} ${word}`;
}

/** Width of the text on A4 with the orders' margins (30 and 15 mm), in points. */
export const TEXT_WIDTH = 595.3 - ((30 + 15) * 72) / 25.4;
/** The upper-right block of attachment marks and grifs: about 8 cm wide (ГОСТ Р 7.0.97-2025). */
const CORNER_INDENT = Math.round(TEXT_WIDTH - (8.2 * 72) / 2.54);

/** The order's requisites down to the heading, in ГОСТ order (documents.md §0.1). */
export function orderHead(heading: string): Block[] {
  return [
    p('{{если:есть_учредитель}}{{учредитель}}', { align: 'CENTER' }),
    p('{{организация}}', { align: 'CENTER' }),
    p('{{если:есть_кратко}}({{организация_кратко}})', { align: 'CENTER', spaceAfter: 18 }),
    bold('ПРИКАЗ', { align: 'CENTER', spaceAfter: 18 }),
    p('{{дата}}\t№ {{номер}}', { align: 'LEFT', tabRight: true, spaceAfter: 6 }),
    p('{{город}}', { align: 'CENTER', spaceAfter: 18 }),
    bold(heading, { align: 'LEFT', spaceAfter: 18 }),
  ];
}

/** «ПРИКАЗЫВАЮ:» from the left margin, then the items, each numbered by `{{п}}` so optional ones leave no gap. */
export function orderItems(items: string[]): Block[] {
  return [
    bold('ПРИКАЗЫВАЮ:', { align: 'LEFT', spaceBefore: 6, spaceAfter: 6 }),
    ...items.map((item) => ({ kind: 'paragraph', runs: [{ text: item }], align: 'JUSTIFY', firstLineIndent: true }) as Block),
  ];
}

/** Signature: the title from the left margin, «И.О. Фамилия» flush right; then the executor mark. */
export function orderFoot(): Block[] {
  return [
    p('{{руководитель_должность}}\t{{руководитель}}', { align: 'LEFT', tabRight: true, spaceBefore: 42, keepNext: true }),
    p('Исп. {{исполнитель}}', { size: 10, align: 'LEFT', spaceBefore: 48 }),
  ];
}

/** «Приложение № N к приказу … от … № …»: a left-aligned block in the upper right, on a new page (§0.2). */
export function attachmentHead(index: number | null, title: string): Block[] {
  const corner = { align: 'LEFT' as const, indentLeft: CORNER_INDENT };
  return [
    p(`Приложение${index === null ? '' : ` № ${index}`}`, { ...corner, pageBreakBefore: true }),
    p('к приказу {{организация_кратко}}', corner),
    p('от {{дата}} № {{номер}}', { ...corner, spaceAfter: 18 }),
    bold(title, { align: 'CENTER', spaceAfter: 12, keepNext: true }),
  ];
}

/** A document approved by the order: «УТВЕРЖДЁН приказом … от … № …» instead of the attachment mark (§0.2). */
export function approvedHead(word: 'УТВЕРЖДЁН' | 'УТВЕРЖДЕНА' | 'УТВЕРЖДЕНО' | 'УТВЕРЖДЕНЫ', index: number, title: string): Block[] {
  const corner = { align: 'LEFT' as const, indentLeft: CORNER_INDENT };
  return [
    p(`Приложение № ${index}`, { ...corner, pageBreakBefore: true }),
    p(word, corner),
    p('приказом {{организация_кратко}}', corner),
    p('от {{дата}} № {{номер}}', { ...corner, spaceAfter: 18 }),
    bold(title, { align: 'CENTER', spaceAfter: 12, keepNext: true }),
  ];
}

/**
 * A list in a template: the header row from the columns' words, then one row of their marks that
 * is repeated for every row of data; `blank` columns are for pen (signature, date), `trailer` rows
 * follow the data («Итого»).
 */
export function listTable(info: TableInfo, layout: { widths: number[]; align?: Array<Align | undefined>; blank?: string[]; trailer?: string[][] }): Block {
  const blank = layout.blank ?? [];
  return {
    kind: 'table',
    header: [...info.columns.map((c) => c.about), ...blank],
    rows: [[...info.columns.map((c) => `{{${info.name}.${c.name}}}`), ...blank.map(() => '')], ...(layout.trailer ?? [])],
    widths: layout.widths,
    align: layout.align,
  };
}

/** Who signs «Лист ознакомления» (documents.md §0.1 item 12): the staff the order names; pupils do not. */
export const FAMILIARISATION: TableInfo = {
  name: 'ознакомление',
  about: 'строка листа ознакомления',
  required: true,
  columns: columns(['№', '№'], ['фио', 'ФИО'], ['должность', 'Должность']),
};

export function familiarisation(heading: string): Block[] {
  return [
    bold('Лист ознакомления с приказом', { align: 'CENTER', pageBreakBefore: true }),
    p(`от {{дата}} № {{номер}} «${heading}»`, { align: 'CENTER', spaceAfter: 12 }),
    p('С приказом ознакомлены:', { align: 'LEFT', spaceAfter: 6, keepNext: true }),
    listTable(FAMILIARISATION, { widths: [28, 170, 130, 70, 70], align: ['CENTER'], blank: ['Подпись', 'Дата'] }),
  ];
}

/** The default template of an order: the settings' font, every text through the one typography pass. */
export function orderSpec(settings: Settings, title: string, blocks: Block[]): DocumentSpec {
  const options = { orgShortName: text(settings.orgShortName) };
  return {
    title,
    font: text(settings.docFont) || 'Times New Roman',
    size: Number(settings.docFontSize) || 14,
    tableSize: Number(settings.docTableFontSize) || 12,
    margins: { left: 30, right: 15, top: 20, bottom: 20 },
    pageNumbers: true,
    blocks: blocks.map((block) =>
      block.kind === 'paragraph'
        ? { ...block, runs: block.runs.map((run) => ({ ...run, text: typeset(run.text, options) })) }
        : { ...block, header: block.header && block.header.map((c) => typeset(c, options)), rows: block.rows.map((r) => r.map((c) => typeset(c, options))) },
    ),
  };
}
