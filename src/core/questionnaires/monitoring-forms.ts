/**
 * The monitoring questionnaires as Google Forms, built from the item bank (src/core/monitoring/items.ts):
 * the monthly feedback (6.2), the entry and exit diagnostics (2.3, 3.4), the May survey (7.2) and
 * the SWOT questionnaire (7.1). No wording lives here: every title, label and choice is the bank's.
 *
 * The diagnostics are one form per phase and role, not one form with a branch per role: the two
 * roles share wordings («Насколько полезными … будут групповые встречи?»), and two questions of one
 * title in one form give two response columns of one title, which no reader can tell apart. A child
 * opens a form that holds only their own questions, reached by their personal link.
 */
import { FEEDBACK_ITEMS, MAY_SURVEY, MONITORING_ITEMS, MonitoringItem, SCALE_HELP, SWOT_QUESTIONNAIRE, SurveyItem, SwotItem, itemWording, swotItemsFor } from '../monitoring/items';
import type { Phase, Role } from '../monitoring/types';
import { uniqueChoices } from './choices';
import { NO_PAIRS_YET, PAIR_TITLE, pairListQuestion } from './pair-question';
import { FormTexts } from './texts';
import { QuestionDef, QuestionnaireDef, QuestionnaireKey, SectionDef } from './types';

export const YES = 'да';
export const NO = 'нет';
export const ROLE_CHOICES: readonly Role[] = ['наставляемый', 'наставник'];

export { NO_PAIRS_YET, PAIR_TITLE };

export const FEEDBACK_FORM_TITLE = 'Ежемесячная обратная связь';

/** The four diagnostics forms: one per phase and role. */
export const DIAGNOSTICS_FORMS: ReadonlyArray<{ key: QuestionnaireKey; phase: Phase; role: Role; title: string }> = [
  { key: 'diagnosticsEntryMentee', phase: 'входная', role: 'наставляемый', title: 'Входная диагностика наставляемого' },
  { key: 'diagnosticsEntryMentor', phase: 'входная', role: 'наставник', title: 'Входная диагностика наставника' },
  { key: 'diagnosticsExitMentee', phase: 'итоговая', role: 'наставляемый', title: 'Итоговая диагностика наставляемого' },
  { key: 'diagnosticsExitMentor', phase: 'итоговая', role: 'наставник', title: 'Итоговая диагностика наставника' },
];

export const MAY_SURVEY_KEY: QuestionnaireKey = 'satisfaction';
export const SWOT_KEY: QuestionnaireKey = 'swot';

/** The question keys of the identifying questions (a bank's item is keyed `item_<code>`). */
export const KEY = { code: 'personCode', pair: 'pair', role: 'role', form: 'mentoringForm' } as const;
export const ITEM_PREFIX = 'item_';
export const itemKey = (code: string) => `${ITEM_PREFIX}${code}`;
export const codeOfKey = (key: string): string | null => (key.startsWith(ITEM_PREFIX) ? key.slice(ITEM_PREFIX.length) : null);

const LONG_TEXT = { kind: 'text', maxLength: 2000 } as const;
const RATING = { kind: 'number', min: 1, max: 10 } as const;

export const CODE_TITLE = 'Код участника';
export const ROLE_TITLE = 'Ваша роль';
export const FORM_TITLE = 'Форма наставничества';
const FROM_LINK = 'Заполняется по вашей личной ссылке, не меняйте';

/** The form-of-mentoring limit of an item, said in its help. */
export function formsNote(forms: readonly string[]): string {
  return forms.length === 1
    ? `Только для формы наставничества «${forms[0]}»; остальные могут пропустить`
    : `Только для форм наставничества ${forms.map((f) => `«${f}»`).join(', ')}; остальные могут пропустить`;
}

const ROLE_NOTE: Record<Role, string> = { наставник: 'Только для наставников', наставляемый: 'Только для наставляемых' };

const joinHelp = (...parts: Array<string | undefined>) => parts.filter(Boolean).join('. ');

/** One bank item as a form question: 1–10 scale, да/нет, a choice or an open answer. */
function asQuestion(code: string, title: string, kind: MonitoringItem['kind'], required: boolean, help: string | undefined, choices?: readonly string[], section?: string): QuestionDef {
  const base = { key: itemKey(code), title, required, ...(help ? { help } : {}), ...(section ? { section } : {}) };
  switch (kind) {
    case 'scale':
      // A rating outside 1–10 (typed into the sheet by hand) refuses the whole answer, never half of it.
      return { ...base, type: 'SCALE', field: RATING, strict: true };
    case 'yesno':
      return { ...base, type: 'MULTIPLE_CHOICE', choices: [YES, NO], field: { kind: 'choice' } };
    case 'choice':
      return { ...base, type: 'MULTIPLE_CHOICE', choices: [...(choices ?? [])], field: { kind: 'choice' } };
    case 'open':
      return { ...base, type: 'PARAGRAPH_TEXT', field: LONG_TEXT };
  }
}

function surveyQuestion(item: SurveyItem, section?: string): QuestionDef {
  const limits = [item.roles?.length ? item.roles.map((r) => ROLE_NOTE[r]).join(', ') : undefined, item.forms?.length ? formsNote(item.forms) : undefined];
  const limited = limits.some(Boolean);
  return asQuestion(item.code, item.text, item.kind, item.required && !limited, joinHelp(item.help, ...limits) || undefined, item.choices, section);
}

const codeQuestion = (required = true): QuestionDef => ({
  key: KEY.code,
  title: CODE_TITLE,
  type: 'TEXT',
  required,
  strict: required,
  field: { kind: 'text', maxLength: 40 },
  help: required ? FROM_LINK : 'Необязательно: код из вашей личной ссылки, если она у вас есть',
});

function pairQuestion(pairs: readonly string[]): QuestionDef {
  return pairListQuestion(KEY.pair, pairs, 'Код пары (ПА-…) или группы (Г-…); по вашей ссылке он уже выбран');
}

const roleQuestion: QuestionDef = { key: KEY.role, title: ROLE_TITLE, type: 'MULTIPLE_CHOICE', required: true, strict: true, choices: ROLE_CHOICES, field: { kind: 'choice' }, help: FROM_LINK };

export interface MonitoringFormsContext {
  forms: readonly string[];
  pairs: readonly string[];
  texts: (key: QuestionnaireKey) => FormTexts;
}

function feedbackForm(ctx: MonitoringFormsContext): QuestionnaireDef {
  return {
    key: 'feedback',
    title: FEEDBACK_FORM_TITLE,
    ...ctx.texts('feedback'),
    questions: [codeQuestion(), pairQuestion(ctx.pairs), roleQuestion, ...FEEDBACK_ITEMS.map((item) => surveyQuestion(item))],
  };
}

/** The items of a role and phase; items of some forms of mentoring only say so and are optional. */
export function diagnosticsItems(role: Role, phase: Phase): MonitoringItem[] {
  return MONITORING_ITEMS[role].filter((item) => itemWording(item, phase) !== undefined);
}

function diagnosticsForm(ctx: MonitoringFormsContext, d: (typeof DIAGNOSTICS_FORMS)[number]): QuestionnaireDef {
  const items = diagnosticsItems(d.role, d.phase).map((item) => {
    const limited = !!item.forms?.length;
    const help = joinHelp(item.kind === 'scale' ? SCALE_HELP : undefined, limited ? formsNote(item.forms!) : undefined);
    return asQuestion(item.code, itemWording(item, d.phase)!, item.kind, item.required && !limited, help || undefined, item.choices);
  });
  return { key: d.key, title: d.title, ...ctx.texts(d.key), questions: [codeQuestion(), pairQuestion(ctx.pairs), ...items] };
}

function maySurveyForm(ctx: MonitoringFormsContext): QuestionnaireDef {
  return {
    key: MAY_SURVEY_KEY,
    title: MAY_SURVEY.title,
    ...ctx.texts(MAY_SURVEY_KEY),
    questions: [codeQuestion(), pairQuestion(ctx.pairs), roleQuestion, ...MAY_SURVEY.items.map((item) => surveyQuestion(item))],
  };
}

/**
 * The SWOT questionnaire: the form of mentoring picked on the first page with the questions asked
 * of every form; then one page of the questions only that form is asked (forms asked the same ones
 * share it). A form with none of its own is sent straight to «Отправить».
 */
function swotForm(ctx: MonitoringFormsContext): QuestionnaireDef {
  const forms = uniqueChoices(ctx.forms);
  const common = SWOT_QUESTIONNAIRE.items.filter((item) => !item.forms);
  const own = (form: string) => swotItemsFor(form).filter((item) => item.forms);
  const groups = new Map<string, { forms: string[]; items: SwotItem[] }>();
  for (const form of forms) {
    const items = own(form);
    if (!items.length) continue;
    const key = items.map((i) => i.code).join(',');
    const group = groups.get(key) ?? { forms: [], items };
    group.forms.push(form);
    groups.set(key, group);
  }
  const sections: SectionDef[] = [];
  const branch: QuestionDef[] = [];
  const asked = new Set(common.map((i) => i.code));
  [...groups.values()].forEach((g, n) => {
    const key = `forms${n + 1}`;
    sections.push({ key, title: g.forms.length === 1 ? `Вопросы о форме «${g.forms[0]}»` : `Вопросы о формах ${g.forms.map((f) => `«${f}»`).join(', ')}`, forAnswers: g.forms });
    // An item two groups share is asked once (one title, one column): in the first group.
    for (const item of g.items) {
      if (asked.has(item.code)) continue;
      asked.add(item.code);
      branch.push({ ...asQuestion(item.code, item.text, item.kind, item.required, item.help, item.choices, key), required: false });
    }
  });
  return {
    key: SWOT_KEY,
    title: SWOT_QUESTIONNAIRE.title,
    ...ctx.texts(SWOT_KEY),
    route: KEY.form,
    sections,
    questions: [
      {
        key: KEY.form,
        title: FORM_TITLE,
        type: 'MULTIPLE_CHOICE',
        required: true,
        strict: true,
        choices: forms,
        field: { kind: 'choice' },
        help: 'Анкета заполняется отдельно по каждой форме наставничества',
      },
      codeQuestion(false),
      ...common.map((item) => asQuestion(item.code, item.text, item.kind, item.required, item.help, item.choices)),
      ...branch,
    ],
  };
}

/** The monitoring questionnaires, by key. */
export function monitoringQuestionnaires(ctx: MonitoringFormsContext): Record<string, QuestionnaireDef> {
  const out: Record<string, QuestionnaireDef> = { feedback: feedbackForm(ctx) };
  for (const d of DIAGNOSTICS_FORMS) out[d.key] = diagnosticsForm(ctx, d);
  out[MAY_SURVEY_KEY] = maySurveyForm(ctx);
  out[SWOT_KEY] = swotForm(ctx);
  return out;
}

/** What a monitoring questionnaire is about, for the import. */
export type MonitoringKind = { kind: 'feedback' } | { kind: 'diagnostics'; phase: Phase; role: Role } | { kind: 'survey'; name: string; swot: boolean };

export function monitoringKind(key: string): MonitoringKind | null {
  if (key === 'feedback') return { kind: 'feedback' };
  const d = DIAGNOSTICS_FORMS.find((f) => f.key === key);
  if (d) return { kind: 'diagnostics', phase: d.phase, role: d.role };
  if (key === MAY_SURVEY_KEY) return { kind: 'survey', name: MAY_SURVEY.title, swot: false };
  if (key === SWOT_KEY) return { kind: 'survey', name: SWOT_QUESTIONNAIRE.title, swot: true };
  return null;
}

/** The bank's item behind a question key, with its label and kind. */
export function bankItem(key: string, questionKey: string): { code: string; label: string; kind: MonitoringItem['kind'] } | null {
  const code = codeOfKey(questionKey);
  if (!code) return null;
  const d = DIAGNOSTICS_FORMS.find((f) => f.key === key);
  const list: ReadonlyArray<{ code: string; label: string; kind: MonitoringItem['kind'] }> = d
    ? MONITORING_ITEMS[d.role]
    : key === 'feedback'
      ? FEEDBACK_ITEMS
      : key === MAY_SURVEY_KEY
        ? MAY_SURVEY.items
        : key === SWOT_KEY
          ? SWOT_QUESTIONNAIRE.items
          : [];
  return list.find((i) => i.code === code) ?? null;
}
