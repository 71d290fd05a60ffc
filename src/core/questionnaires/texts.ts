import { NameOverrides, declineName, typeset } from '../language';

/**
 * What the forms' descriptions and confirmations say about the programme: the centre and the
 * curator from «Настройки», the roadmap's dates. Every value may be empty; a sentence then leaves
 * it out rather than print «тел. » or «undefined».
 */
export interface ProgrammeDetails {
  /** Full name of the organisation, as in its charter. */
  orgName: string;
  orgShortName: string;
  curatorName: string;
  curatorPhone: string;
  curatorEmail: string;
  /** Roadmap 5.1, the group meeting of mentors and mentees («до 30.11»); '' when unknown. */
  meetingBy: string;
  /** Roadmap 4.2, «Школа наставников» («до 25.11»); '' when unknown. */
  trainingBy: string;
  nameOverrides?: NameOverrides;
}

export const NO_DETAILS: ProgrammeDetails = { orgName: '', orgShortName: '', curatorName: '', curatorPhone: '', curatorEmail: '', meetingBy: '', trainingBy: '' };

export interface FormTexts {
  description: string;
  confirmation: string;
}

/**
 * A roadmap deadline as a sentence can carry it: «до 30.11, далее по мере необходимости» →
 * «до 30.11», «до 25.11 ежегодно» → «до 25.11». Text that is not a date range is left out.
 */
export function roughDate(deadline: string): string {
  const first = deadline
    .split(/[,;(]/)[0]
    .replace(/\s*ежегодно\s*/i, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /\d/.test(first) && first.length <= 40 ? first : '';
}

const when = (date: string) => (date ? ` (по дорожной карте программы — ${date})` : '');

/** «С вопросами обращайтесь к куратору программы Петровой Елене Андреевне: тел. …, e-mail ….» */
export function contactSentence(d: ProgrammeDetails): string {
  const name = d.curatorName.trim();
  const ways = [d.curatorPhone.trim() && `тел. ${d.curatorPhone.trim()}`, d.curatorEmail.trim() && `e-mail ${d.curatorEmail.trim()}`].filter(Boolean).join(', ');
  const whom = name ? `к куратору программы ${declineName(name, 'dative', d.nameOverrides)}` : 'к куратору программы';
  if (ways) return `С вопросами обращайтесь ${whom}: ${ways}.`;
  const where = d.orgShortName.trim() ? ` в ${d.orgShortName.trim()}` : '';
  return `С вопросами обращайтесь ${whom}${name ? '' : where}.`;
}

/** «Куратор программы наставничества» and the short name of the organisation, when there is one. */
function curatorOfOrg(d: ProgrammeDetails): string {
  const org = d.orgShortName.trim();
  return org ? `Куратор программы наставничества ${org}` : 'Куратор программы наставничества';
}

/** The full name heads the description; the short one stands in sentences. */
function heading(d: ProgrammeDetails): string[] {
  const full = d.orgName.trim() || d.orgShortName.trim();
  return full ? [full] : [];
}

const CONSENT_PD =
  'Анкета не заменяет согласия на обработку персональных данных. Согласие оформляется отдельным документом: бланк выдаст куратор, ' +
  'за участника младше 18 лет согласие подписывает родитель (законный представитель). Пока согласия нет, пару не подбирают.';

function finish(lines: readonly string[], d: ProgrammeDetails): string {
  return typeset(lines.filter(Boolean).join('\n\n'), { orgShortName: d.orgShortName.trim() });
}

export function menteeTexts(d: ProgrammeDetails): FormTexts {
  return {
    description: finish(
      [
        ...heading(d),
        'Анкета для тех, кто хочет найти наставника: обучающихся, молодых педагогов и новых сотрудников. Ответы помогут куратору подобрать наставника под ваш запрос.',
        'Родители младших школьников могут заполнить анкету вместе с ребёнком или за него: отвечайте от имени ребёнка, а для связи укажите свой телефон или e-mail.',
        CONSENT_PD,
        `Что дальше: куратор изучит анкеты и пригласит вас на встречу наставников и наставляемых${when(d.meetingBy)}, а после неё сообщит, кто станет вашим наставником.`,
        contactSentence(d),
      ],
      d,
    ),
    confirmation: finish(
      [
        'Спасибо, анкета отправлена!',
        `${curatorOfOrg(d)} свяжется с вами по указанному телефону или e-mail: пригласит на встречу наставников и наставляемых${when(d.meetingBy)} и поможет оформить согласие на обработку персональных данных.`,
        contactSentence(d),
      ],
      d,
    ),
  };
}

export function mentorTexts(d: ProgrammeDetails): FormTexts {
  const staff = d.orgShortName.trim() ? `Педагогам и сотрудникам ${d.orgShortName.trim()}` : 'Педагогам и сотрудникам организации';
  const next = `пригласит вас на обучение в «Школе наставников»${when(d.trainingBy)} и на встречу наставников и наставляемых${d.meetingBy ? ` (${d.meetingBy})` : ''}`;
  return {
    description: finish(
      [
        ...heading(d),
        'Анкета для тех, кто готов стать наставником: обучающихся старших классов, педагогов, сотрудников организаций-партнёров, студентов колледжей и вузов.',
        'Если вам нет 18 лет, для связи укажите телефон или e-mail родителя (законного представителя).',
        CONSENT_PD,
        `${staff} наставничество поручается только с их письменного согласия (ст. 351.8 Трудового кодекса РФ) — его тоже оформляет куратор.`,
        `Что дальше: куратор ${next}, а после встречи составит пары.`,
        contactSentence(d),
      ],
      d,
    ),
    confirmation: finish(
      [
        'Спасибо, анкета отправлена!',
        `${curatorOfOrg(d)} свяжется с вами по указанному телефону или e-mail: ${next.replace(/^пригласит вас/, 'пригласит')}, а также поможет оформить согласия.`,
        contactSentence(d),
      ],
      d,
    ),
  };
}

export function thirdPartyTexts(d: ProgrammeDetails): FormTexts {
  return {
    description: finish(
      [
        ...heading(d),
        'Для классных руководителей, педагогов-психологов, социальных педагогов, педагогов объединений и родителей: расскажите, какая поддержка нужна ребёнку.',
        'Фамилия и имя ребёнка нужны, чтобы куратор соединил ваш запрос с анкетой ребёнка; ответы получает куратор программы. ' +
          'Сведения о здоровье и социальном положении в анкете не указывайте — при необходимости сообщите их куратору лично.',
        'Наставника подбирают только с согласия родителя (законного представителя) на обработку персональных данных ребёнка: его оформляют отдельным документом у куратора.',
        contactSentence(d),
      ],
      d,
    ),
    confirmation: finish(
      ['Спасибо, запрос отправлен!', `${curatorOfOrg(d)} учтёт его при подборе наставника${when(d.meetingBy)} и свяжется с вами, если понадобятся подробности.`, contactSentence(d)],
      d,
    ),
  };
}

export function preferenceTexts(d: ProgrammeDetails): FormTexts {
  return {
    description: finish(
      [
        ...heading(d),
        'Заполните анкету сразу после встречи наставников и наставляемых: ваши предпочтения помогут составить пары.',
        'Ответы получает только куратор программы. Они нужны лишь для составления пар: ваш ответ удаляется, как только утверждена пара (группа) с вашим участием.',
        contactSentence(d),
      ],
      d,
    ),
    confirmation: finish([`Спасибо! ${curatorOfOrg(d)} учтёт ваш выбор при составлении пар и сообщит, с кем вы будете работать.`, contactSentence(d)], d),
  };
}

/** The mentor's report of one meeting: reached by the mentor's personal link only. */
export function meetingTexts(d: ProgrammeDetails): FormTexts {
  return {
    description: finish(
      [
        ...heading(d),
        'Отчёт наставника о каждой встрече с наставляемым или группой: короткие ответы помогают куратору видеть, как идёт работа пары.',
        'Открывайте форму только по своей личной ссылке от куратора: код наставника в ней уже заполнен. Если пар или групп у вас несколько, выберите нужную в списке.',
        'Не пишите в отчёте фамилии, сведения о здоровье и семье наставляемых: достаточно того, что вы делали на встрече.',
        contactSentence(d),
      ],
      d,
    ),
    confirmation: finish([`Спасибо, отчёт о встрече принят! ${curatorOfOrg(d)} увидит его в журнале встреч.`, contactSentence(d)], d),
  };
}

/** A short fingerprint of a text the add-on wrote, to tell it from the curator's own edit later. */
export function textHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(36);
}

const NO_NAMES = 'Не пишите в ответах фамилии, сведения о здоровье и семье — ни свои, ни других людей.';
const BY_LINK = 'Открывайте анкету по своей личной ссылке от куратора: код участника и пара в ней уже заполнены.';

/**
 * The monitoring questionnaires' texts (feedback, diagnostics, the May survey, SWOT). The answers
 * are summarised: reports hold averages, never a person's name or a single answer.
 */
export function monitoringTexts(d: ProgrammeDetails, key: string): FormTexts {
  const about: Record<string, string> = {
    feedback: 'Короткая анкета раз в месяц: как идёт работа в паре или группе. Три оценки от 1 до 10 и, если хотите, комментарий.',
    diagnosticsEntryMentee: 'Анкета в начале работы с наставником: чего вы ожидаете от программы. В конце года будет итоговая анкета с теми же вопросами — так видно, что изменилось.',
    diagnosticsEntryMentor: 'Анкета в начале работы наставником: чего вы ожидаете от программы. В конце года будет итоговая анкета с теми же вопросами — так видно, что изменилось.',
    diagnosticsExitMentee: 'Анкета в конце работы с наставником: каким был ваш опыт в программе.',
    diagnosticsExitMentor: 'Анкета в конце работы наставником: каким был ваш опыт в программе.',
    satisfaction: 'Опрос в конце учебного года: насколько вы удовлетворены участием в программе наставничества.',
    swot: 'SWOT-анализ программы: заполняет команда программы отдельно по каждой форме наставничества в конце учебного года.',
  };
  const personal = key !== 'swot';
  return {
    description: finish([...heading(d), about[key] ?? '', personal ? BY_LINK : '', 'Ответы обобщаются: в отчётах нет ни имён, ни отдельных ответов.', NO_NAMES, contactSentence(d)], d),
    confirmation: finish([`Спасибо, ответ принят! ${curatorOfOrg(d)} учтёт его в обобщённом виде.`, contactSentence(d)], d),
  };
}
