/**
 * The 1.2 order «Об утверждении списков наставников, наставляемых и форм наставничества» (roadmap
 * 1.2, by 15 October; documents.md §0.1, §0.2): the forms used with counts only (прил. 1), the list
 * of mentors (прил. 2) and of mentees (прил. 3), each from the bases, and the familiarisation sheet
 * for the staff it names. Pure: the server reads the bases and says who is in a pair this year.
 *
 * Who is listed: everyone in the bases who is in the programme this year — not «выбыл(а)», and a
 * «завершил(а)» only when their pair or group counts in this academic year — and only with a valid
 * consent (others are counted for the curator, never named). A mentee still waiting for a mentor
 * («в базе», «без пары») IS listed: the order approves the people in the programme, and item 5 has
 * the curator go on finding them a pair; their form is the one they asked for, marked as such.
 */
import { Settings } from '../settings';
import { Block, DocumentSpec, body, p } from './model';
import {
  FAMILIARISATION,
  OrderIdentity,
  REQUISITE_FIELDS,
  REQUISITE_FLAGS,
  approvedHead,
  familiarisation,
  listTable,
  orderFoot,
  orderHead,
  orderItems,
  orderSpec,
  requisiteValues,
} from './order-requisites';
import { StaffMember } from './order-pairs';
import { MENTEES, NameOverrides, NounForms, PERSONS, plural, typeset } from '../language';
import { TableInfo, TemplateData, TemplateFields, columns } from './template/data';

export const LISTS_ORDER_HEADING = 'Об утверждении списков наставников, наставляемых и форм наставничества на {{учебный_год}} учебный год';

/** Statuses of the bases that put a person out of this year's lists. */
const LEFT = 'выбыл(а)';
const FINISHED = 'завершил(а)';
/** What the mentee list says of a form a mentee asked for while no pair is formed yet. */
export const WAITING_MARK = 'пара не сформирована';

/** A person of a base, as the server read them; `forms` are the pairs' forms or, without a pair, the wished ones. */
export interface ListPerson {
  id: string;
  /** ФИО in the nominative, as in the base. */
  name: string;
  status: string;
  consented: boolean;
  /** Mentors: «Должность / место работы (учёба)»; mentees: «Объединение, год обучения (класс)». */
  details: string;
  forms: string[];
  /** In a pair or group that counts in this academic year. */
  pairedThisYear: boolean;
  /** A mentee in the programme with no pair or group yet: the forms are the wished ones. */
  waiting?: boolean;
  /** An employee of the organisation (a teacher): signs the familiarisation sheet. */
  staff: boolean;
  /** «Должность» on the familiarisation sheet. */
  position: string;
}

/** A form of «Формы наставничества»: the role model said in words. */
export interface ListForm {
  name: string;
  /** «наставник — педагог, наставляемый — обучающийся (по Р-145: …)». */
  roles: string;
  /** «Используется» is «да»: listed even with nobody in it yet. */
  active: boolean;
}

export interface ListsOrderInput {
  settings: Settings;
  order: OrderIdentity;
  /** «2026/2027»: the year the lists are for (the chosen period). */
  academicYear: string;
  forms: ListForm[];
  mentors: ListPerson[];
  mentees: ListPerson[];
  nameOverrides?: NameOverrides;
}

export interface ListsOrderResult {
  data: TemplateData;
  missing: string[];
  /** The people listed, in the order of the attachments. */
  mentors: ListPerson[];
  mentees: ListPerson[];
  /** In the programme but without a valid consent: counted for the curator, never named (their IDs). */
  withoutConsent: string[];
  waiting: number;
}

const FORMS_TABLE: TableInfo = {
  name: 'формы',
  about: 'строка перечня форм наставничества',
  required: true,
  columns: columns(['№', '№'], ['форма', 'Форма наставничества'], ['модель', 'Ролевая модель / направление'], ['наставников', 'Наставников'], ['наставляемых', 'Наставляемых']),
};

const MENTORS_TABLE: TableInfo = {
  name: 'наставники',
  about: 'строка списка наставников',
  required: true,
  columns: columns(['№', '№'], ['фио', 'ФИО'], ['должность', 'Должность / место работы (учёба)'], ['форма', 'Форма наставничества']),
};

const MENTEES_TABLE: TableInfo = {
  name: 'наставляемые',
  about: 'строка списка наставляемых',
  required: true,
  columns: columns(['№', '№'], ['фио', 'ФИО'], ['объединение', 'Объединение, год обучения (класс)'], ['форма', 'Форма наставничества']),
};

export const LISTS_ORDER_FIELDS: TemplateFields = {
  values: [
    ...REQUISITE_FIELDS,
    { name: 'итого_наставников', about: 'сколько наставников в списке (каждый один раз)', required: true },
    { name: 'итого_наставляемых', about: 'сколько наставляемых в списке', required: true },
    { name: 'всего_наставников', about: 'число наставников словами: «3 наставника»' },
    { name: 'всего_наставляемых', about: 'число наставляемых словами: «4 наставляемых»' },
    { name: 'ожидают', about: 'сколько наставляемых ждут пару: «2 человека»' },
  ],
  flags: [
    ...REQUISITE_FLAGS,
    { name: 'есть_ожидающие', about: 'есть наставляемые, для которых пара ещё не сформирована' },
    { name: 'несколько_форм', about: 'кто-то из наставников работает в нескольких формах' },
    { name: 'нет_наставников', about: 'в списке наставников никого нет' },
    { name: 'нет_наставляемых', about: 'в списке наставляемых никого нет' },
  ],
  tables: [FORMS_TABLE, MENTORS_TABLE, MENTEES_TABLE, FAMILIARISATION],
};

/** The default template of the 1.2 order; the curator may edit it in «Шаблоны». */
export function listsOrderTemplate(settings: Settings): DocumentSpec {
  const note = (text: string) => p(text, { align: 'LEFT', size: 12, spaceBefore: 6 });
  return orderSpec(settings, 'Шаблон — Приказ об утверждении списков наставников, наставляемых и форм наставничества', [
    ...orderHead(LISTS_ORDER_HEADING),
    body(
      'В соответствии с распоряжением Министерства просвещения Российской Федерации от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального образования, в том числе с применением лучших практик обмена опытом между обучающимися», Положением о наставничестве {{организация_кратко}}, утверждённым приказом {{положение}}, программой наставничества {{организация_кратко}}, утверждённой приказом {{программа}}, на основании базы наставников и базы наставляемых, в целях организации наставнической деятельности в {{учебный_год}} учебном году',
    ),
    ...keepLastWithSignature(
      orderItems([
        '{{п}}. Утвердить формы наставничества, применяемые в {{организация_кратко}} в {{учебный_год}} учебном году (приложение 1).',
        '{{п}}. Утвердить список наставников на {{учебный_год}} учебный год (приложение 2).',
        '{{п}}. Утвердить список наставляемых на {{учебный_год}} учебный год (приложение 3).',
        '{{п}}. Куратору программы наставничества {{куратор_кому}} поддерживать базу наставников и базу наставляемых в актуальном состоянии; при изменении состава наставников и наставляемых в течение {{срок_поручений}} готовить проект приказа о внесении изменений в списки, утверждённые настоящим приказом.',
        '{{если:есть_ожидающие}}{{п}}. Куратору программы наставничества {{куратор_кому}} продолжить подбор наставников для наставляемых, для которых наставническая пара (группа) ещё не сформирована ({{ожидают}}).',
        '{{п}}. Контроль за исполнением настоящего приказа оставляю за собой.',
      ]),
    ),
    ...orderFoot(),
    ...approvedHead('УТВЕРЖДЕНЫ', 1, 'Формы наставничества, применяемые в {{организация_кратко}} в {{учебный_год}} учебном году'),
    // 468 pt: the text width of A4 with margins 30 and 15 mm.
    listTable(FORMS_TABLE, {
      widths: [24, 100, 136, 104, 104],
      align: ['CENTER', undefined, undefined, 'CENTER', 'CENTER'],
      trailer: [['', 'Итого', '', '{{итого_наставников}}', '{{итого_наставляемых}}']],
    }),
    note('{{если:несколько_форм}}Наставник, работающий в нескольких формах, учтён в каждой из них; в строке «Итого» каждый наставник учтён один раз.'),
    ...approvedHead('УТВЕРЖДЁН', 2, 'Список наставников на {{учебный_год}} учебный год'),
    listTable(MENTORS_TABLE, { widths: [26, 150, 182, 110], align: ['CENTER'] }),
    note('{{если:нет_наставников}}Наставников с согласием на обработку персональных данных в базе нет.'),
    p('Всего: {{всего_наставников}}.', { spaceBefore: 8 }),
    ...approvedHead('УТВЕРЖДЁН', 3, 'Список наставляемых на {{учебный_год}} учебный год'),
    listTable(MENTEES_TABLE, { widths: [26, 150, 182, 110], align: ['CENTER'] }),
    note('{{если:нет_наставляемых}}Наставляемых с согласием на обработку персональных данных в базе нет.'),
    p('Всего: {{всего_наставляемых}}.', { spaceBefore: 8 }),
    note(`{{если:есть_ожидающие}}«${WAITING_MARK}»: наставник подбирается, указана форма, выбранная наставляемым.`),
    ...familiarisation(LISTS_ORDER_HEADING),
  ]);
}

/** The last item goes to the next page with the signature rather than leave it alone there (the preamble is long). */
function keepLastWithSignature(blocks: Block[]): Block[] {
  return blocks.map((b, i) => (i === blocks.length - 1 && b.kind === 'paragraph' ? { ...b, keepNext: true } : b));
}

/** In this year's lists: not gone, and a finished one only if their pair or group counts this year. */
export function inProgramme(person: Pick<ListPerson, 'status' | 'pairedThisYear'>): boolean {
  const status = person.status.trim();
  if (status === LEFT) return false;
  return status !== FINISHED || person.pairedThisYear;
}

/** Russian alphabetical order of full names (surname first): «ё» right after «е», whatever the engine's locale data. */
export function compareNames(a: string, b: string): number {
  const key = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim().replace(/ё/g, 'е\uffff');
  const [x, y] = [key(a), key(b)];
  if (x !== y) return x < y ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

const MENTORS: NounForms = ['наставник', 'наставника', 'наставников'];
const key = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

/** The forms of prил. 1: the ones in use (or with someone in them), in the order of «Формы наставничества». */
function formRows(input: ListsOrderInput, mentors: ListPerson[], mentees: ListPerson[]) {
  const used = new Set([...mentors, ...mentees].flatMap((x) => x.forms).map(key));
  const known = input.forms.filter((f) => f.active || used.has(key(f.name)));
  const other = [...new Set([...mentors, ...mentees].flatMap((x) => x.forms))].filter((f) => f && !input.forms.some((k) => key(k.name) === key(f)));
  const rows = [...known.map((f) => ({ name: f.name, roles: f.roles })), ...other.map((name) => ({ name, roles: '' }))];
  const count = (people: ListPerson[], form: string) => people.filter((x) => x.forms.some((f) => key(f) === key(form))).length;
  return rows.map((f) => ({ ...f, mentors: count(mentors, f.name), mentees: count(mentees, f.name) }));
}

/** The curator (named in item 4), then every staff member the lists name: they sign the familiarisation sheet. */
function signatories(settings: Settings, people: ListPerson[]): StaffMember[] {
  const out: StaffMember[] = [];
  const curator = String(settings.curatorName ?? '').trim();
  if (curator) out.push({ name: curator, position: String(settings.curatorPosition ?? '').trim() });
  for (const x of people) if (x.staff && !out.some((s) => key(s.name) === key(x.name))) out.push({ name: x.name, position: x.position });
  return out;
}

const formCell = (x: ListPerson) => (x.forms.length ? x.forms.join(', ') : '—') + (x.waiting ? ` (${WAITING_MARK})` : '');

/** What the 1.2 order is filled with. */
export function listsOrderData(input: ListsOrderInput): ListsOrderResult {
  const { settings } = input;
  const { values, flags, missing } = requisiteValues(settings, input.order, input.nameOverrides);
  const t = (s: string) => typeset(s, { orgShortName: String(settings.orgShortName ?? '') });
  // The year is the chosen period's, not «Настройки»'s: a blank there is no gap in this order.
  const year = input.academicYear.trim();
  if (year) {
    values.учебный_год = t(year);
    const at = missing.indexOf('учебный год');
    if (at >= 0) missing.splice(at, 1);
  }
  const withoutConsent: string[] = [];
  const listed = (people: ListPerson[]) => {
    const inYear = people.filter(inProgramme);
    for (const x of inYear) if (!x.consented) withoutConsent.push(x.id);
    return inYear.filter((x) => x.consented).sort((a, b) => compareNames(a.name, b.name));
  };
  const mentors = listed(input.mentors);
  const mentees = listed(input.mentees);
  const forms = formRows(input, mentors, mentees);
  const waiting = mentees.filter((x) => x.waiting).length;
  const staff = signatories(settings, [...mentors, ...mentees]);
  Object.assign(values, {
    итого_наставников: String(mentors.length),
    итого_наставляемых: String(mentees.length),
    всего_наставников: t(plural(mentors.length, MENTORS)),
    всего_наставляемых: t(plural(mentees.length, MENTEES)),
    ожидают: t(plural(waiting, PERSONS)),
  });
  const row = (x: ListPerson, i: number, detail: string) => ({ '№': String(i + 1), фио: t(x.name), [detail]: t(x.details), форма: t(formCell(x)) });
  return {
    data: {
      values,
      flags: {
        ...flags,
        есть_ожидающие: waiting > 0,
        несколько_форм: mentors.some((x) => new Set(x.forms.map(key)).size > 1),
        нет_наставников: mentors.length === 0,
        нет_наставляемых: mentees.length === 0,
      },
      tables: {
        формы: forms.map((f, i) => ({ '№': String(i + 1), форма: t(f.name), модель: t(f.roles), наставников: String(f.mentors), наставляемых: String(f.mentees) })),
        наставники: mentors.map((x, i) => row(x, i, 'должность')),
        наставляемые: mentees.map((x, i) => row(x, i, 'объединение')),
        ознакомление: staff.map((s, i) => ({ '№': String(i + 1), фио: t(s.name), должность: t(s.position) })),
      },
    },
    missing,
    mentors,
    mentees,
    withoutConsent,
    waiting,
  };
}

/** What the curator reads after the order is made. */
export const LISTS_ORDER_TEXT = {
  listed: (mentors: number, mentees: number, waiting: number) => `В списках: ${plural(mentors, MENTORS)}, ${plural(mentees, MENTEES)}${waiting ? `, из них ждут пару — ${waiting}` : ''}.`,
  withoutConsent: (ids: string[]) => {
    const n = ids.length;
    const verb = n % 10 === 1 && n % 100 !== 11 ? 'не включён' : 'не включены';
    const shown = ids.slice(0, 10).join(', ') + (n > 10 ? ' и другие' : '');
    return `${plural(n, PERSONS)} без согласия в списки ${verb} (${shown}) — внесите после получения согласия.`;
  },
  sign: 'Когда директор подпишет приказ, впишите «Дата подписания» и «Номер» на листе «Документы».',
};
