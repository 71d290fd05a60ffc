/**
 * The letters that tell participants their pair or group was approved by a signed order
 * (documents-review §6, issue 8 item 5): one per person, written to a parent for a child, with
 * the centre, the order's date and number, what happens next and whom to ask. Pure text: the
 * server escapes it into HTML and sends it.
 */
import { Settings } from '../settings';
import { dueDaysText } from './order-requisites';
import { CalendarDate, numericDate } from './dates';
import { MENTEES, NameOverrides, NO_OVERRIDES, Sex, SexForms, WORDS, bySex, declineName, parseName, plural, sexOf, typeset } from '../language';

/** A participant as a letter names them. */
export interface LetterPerson {
  id: string;
  name: string;
  /** A pupil under 18 (or of unknown age): the letter goes to the parents. */
  minor: boolean;
  /** «обучающийся», «педагог», «сотрудник партнёра», «студент». */
  category: string;
  grade: number | null;
  association: string;
  organisation: string;
  /** «Должность» from the base, if any. */
  position: string;
}

export interface LetterOrder {
  date: CalendarDate;
  number: string;
}

export interface LetterContext {
  settings: Settings;
  order: LetterOrder;
  overrides?: NameOverrides;
}

/** A mentee's letter: their mentor(s) and form(s); the size of the group, never the other children's names. */
export interface MenteeLetterInput {
  to: LetterPerson;
  pairs: Array<{ form: string; mentor: LetterPerson; groupSize: number }>;
}

/** A mentor's letter: every mentee of the order, by form; a group is one mentor with several mentees. */
export interface MentorLetterInput {
  to: LetterPerson;
  forms: Array<{ form: string; mentees: LetterPerson[] }>;
}

export interface ComposedLetter {
  subject: string;
  /** Paragraphs; a paragraph's lines are separated by «\n». */
  paragraphs: string[];
}

/** What each form means, in words a parent understands. */
const FORM_WORDS: Readonly<Record<string, string>> = {
  'ученик – ученик': 'старший обучающийся помогает младшему',
  'педагог – ученик': 'педагог помогает обучающемуся в учёбе, творчестве или выборе профессии',
  'педагог – педагог': 'опытный педагог помогает коллеге освоиться в профессии',
  'работодатель – ученик': 'специалист организации-партнёра знакомит обучающегося с профессией',
  'студент – ученик': 'студент колледжа или вуза помогает обучающемуся',
};

const DEAR: SexForms = { male: 'Уважаемый', female: 'Уважаемая' };
const CHILD: SexForms = { male: 'Ваш сын', female: 'Ваша дочь', unknown: 'Ваш ребёнок' };
/** Said of «Ваш сын» / «Ваша дочь» / «Ваш ребёнок» (masculine): an unknown sex takes the masculine. */
const INCLUDED: SexForms = { male: 'включён', female: 'включена' };
const APPOINTED: SexForms = { male: 'назначен', female: 'назначена' };
const WITH_MENTEE: SexForms = { male: 'с наставляемым', female: 'с наставляемой', unknown: 'с наставляемым' };

function formWords(form: string): string {
  const plain = FORM_WORDS[form.replace(/\s*[-–—]\s*/, ' – ').trim()];
  return plain ? `«${form}» (${plain})` : `«${form}»`;
}

const joinFilled = (parts: Array<string | null | undefined>, sep = ', ') =>
  parts
    .map((p) => (p ?? '').trim())
    .filter(Boolean)
    .join(sep);

/** «Смирнова Алиса Андреевна, обучающаяся, 7 кл., Изостудия «Северное сияние»». */
function describe(p: LetterPerson, sex: Sex | null): string {
  const student = p.category === 'обучающийся';
  const role = student ? bySex(sex, WORDS.student) : p.position || (p.category === 'сотрудник партнёра' ? '' : p.category);
  return joinFilled([p.name, role, student && p.grade ? `${p.grade} кл.` : '', p.category === 'сотрудник партнёра' || p.category === 'студент' ? p.organisation : p.association]);
}

function orderRef(ctx: LetterContext): string {
  const { date, number } = ctx.order;
  return `от ${numericDate(date)} № ${number}`;
}

export function salutation(person: LetterPerson, sex: Sex | null, ctx: LetterContext): string {
  if (person.minor) return `Уважаемые родители (законные представители) ${declineName(person.name, 'genitive', ctx.overrides ?? NO_OVERRIDES)}!`;
  const parts = parseName(person.name);
  if (parts && parts.first && parts.middle && sex) return `${bySex(sex, DEAR)} ${parts.first} ${parts.middle}!`;
  return `Здравствуйте, ${person.name}!`;
}

function opening(ctx: LetterContext): string {
  const s = ctx.settings;
  const org = String(s.orgShortName).trim() || String(s.orgName).trim();
  const year = String(s.academicYear).trim();
  return `Приказом ${org ? `${org} ` : ''}${orderRef(ctx)} утверждены наставнические пары и группы программы наставничества${year ? ` на ${year} учебный год` : ''}.`;
}

/** Whom to ask: the curator in the dative, with the phone and e-mail there are. */
export function contact(ctx: LetterContext): string {
  const s = ctx.settings;
  const name = String(s.curatorName).trim();
  const ways = joinFilled([String(s.curatorPhone).trim() && `тел. ${String(s.curatorPhone).trim()}`, String(s.curatorEmail).trim() && `e-mail ${String(s.curatorEmail).trim()}`]);
  const whom = `куратору программы наставничества${name ? ` ${declineName(name, 'dative', ctx.overrides ?? NO_OVERRIDES)}` : ''}`;
  return `С вопросами обращайтесь к ${whom}${ways ? `: ${ways}` : ''}.`;
}

export function signature(ctx: LetterContext): string {
  const s = ctx.settings;
  const position = String(s.curatorPosition).trim();
  return joinFilled(
    [
      'С уважением,',
      String(s.curatorName).trim(),
      joinFilled([position, position ? 'куратор программы наставничества' : 'Куратор программы наставничества']),
      String(s.orgName).trim() || String(s.orgShortName).trim(),
    ],
    '\n',
  );
}

export function finish(subject: string, paragraphs: string[], ctx: LetterContext): ComposedLetter {
  const options = { orgShortName: String(ctx.settings.orgShortName) };
  return { subject: typeset(subject, options), paragraphs: paragraphs.filter(Boolean).map((p) => typeset(p, options)) };
}

/** The letter to a mentee, or to the parents of a pupil who is a mentee. */
export function menteeLetter(input: MenteeLetterInput, ctx: LetterContext): ComposedLetter {
  const { to } = input;
  const sex = sexOf(to.name);
  const role = bySex(sex, WORDS.mentee);
  const pairs = input.pairs.map((p) => {
    const group = p.groupSize > 1 ? `; в группе у наставника ещё ${plural(p.groupSize - 1, MENTEES)}` : '';
    return `в форме ${formWords(p.form)}; наставник — ${describe(p.mentor, sexOf(p.mentor.name))}${group}`;
  });
  const what = pairs.length === 1 ? ` ${pairs[0]}` : `:\n${pairs.map((p, i) => `${i + 1}) ${p}`).join(';\n')}`;
  const grouped = input.pairs.some((p) => p.groupSize > 1);
  const placed = to.minor ? `${bySex(sex, CHILD)} ${describe(to, sex)}, ${bySex(sex, INCLUDED)} в программу как ${role}${what}.` : `Вы включены в программу как ${role}${what}.`;
  const firstMeeting = to.minor
    ? 'Куратор программы свяжется с вами и назначит первую встречу ребёнка с наставником — знакомство.'
    : 'Куратор программы свяжется с вами и назначит первую встречу с наставником — знакомство.';
  const plan = to.minor
    ? `В течение ${dueDaysText(ctx.settings)} со дня приказа наставник вместе с ребёнком составит индивидуальный план развития: цели, темы и график встреч.`
    : `В течение ${dueDaysText(ctx.settings)} со дня приказа вы вместе с наставником составите индивидуальный план развития: цели, темы и график встреч.`;
  const subject = to.minor
    ? `${bySex(sex, CHILD)} ${bySex(sex, INCLUDED)} в программу наставничества (приказ ${orderRef(ctx)})`
    : `Утверждена ваша наставническая ${grouped ? 'группа' : 'пара'} (приказ ${orderRef(ctx)})`;
  return finish(subject, [salutation(to, sex, ctx), `${opening(ctx)} ${placed}`, `Что дальше:\n1. ${firstMeeting}\n2. ${plan}`, contact(ctx), signature(ctx)], ctx);
}

/** The letter to a mentor (the parents of a pupil mentor): all their mentees of this order in one letter. */
export function mentorLetter(input: MentorLetterInput, ctx: LetterContext): ComposedLetter {
  const { to } = input;
  const sex = sexOf(to.name);
  const all = input.forms.flatMap((f) => f.mentees);
  const blocks = input.forms.map((f) => {
    if (f.mentees.length === 1) {
      const m = f.mentees[0];
      const mSex = sexOf(m.name);
      return `в форме ${formWords(f.form)}; ${bySex(mSex, WORDS.mentee)} — ${describe(m, mSex)}`;
    }
    const list = f.mentees.map((m, i) => `${i + 1}) ${describe(m, sexOf(m.name))}`).join(';\n');
    return `группы в форме ${formWords(f.form)}; ${plural(f.mentees.length, MENTEES)}:\n${list}`;
  });
  // Several forms: a list under a colon, «а)», «б)», …
  const what = blocks.length === 1 ? ` ${blocks[0]}` : `:\n${blocks.map((b, i) => `${String.fromCharCode(0x430 + i)}) ${b}`).join(';\n')}`;
  const placed = to.minor ? `${bySex(sex, CHILD)} ${describe(to, sex)}, ${bySex(sex, APPOINTED)} наставником${what}.` : `Вы назначены наставником${what}.`;
  const withWhom = all.length === 1 ? bySex(sexOf(all[0].name), WITH_MENTEE) : 'с каждым наставляемым';
  const meetingWith = all.length === 1 ? bySex(sexOf(all[0].name), WITH_MENTEE) : 'с наставляемыми';
  const firstMeeting = to.minor
    ? `Куратор программы свяжется с вами и назначит первую встречу ребёнка ${meetingWith} — знакомство.`
    : `Куратор программы свяжется с вами и назначит первую встречу ${meetingWith} — знакомство.`;
  const plan = to.minor
    ? `В течение ${dueDaysText(ctx.settings)} со дня приказа ребёнок вместе ${withWhom} составит индивидуальный план развития при помощи куратора.`
    : `В течение ${dueDaysText(ctx.settings)} со дня приказа составьте вместе ${withWhom} индивидуальный план развития (цели, темы и график встреч) и передайте его куратору.`;
  const subject = to.minor ? `${bySex(sex, CHILD)} ${bySex(sex, APPOINTED)} наставником (приказ ${orderRef(ctx)})` : `Вы назначены наставником (приказ ${orderRef(ctx)})`;
  return finish(subject, [salutation(to, sex, ctx), `${opening(ctx)} ${placed}`, `Что дальше:\n1. ${firstMeeting}\n2. ${plan}`, contact(ctx), signature(ctx)], ctx);
}

/** A composed letter as plain text: paragraphs separated by an empty line. */
export function letterText(letter: ComposedLetter): string {
  return letter.paragraphs.join('\n\n');
}
