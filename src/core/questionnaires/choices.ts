/** Answer choices shared by several questionnaires. */
export const WEEKDAYS = ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'] as const;
export const DAY_PARTS = ['до 12:00', '12:00–15:00', 'после 15:00'] as const;

export const INTERESTS = [
  'рисование и живопись',
  'танцы',
  'театр',
  'музыка и вокал',
  'робототехника',
  'программирование',
  '3D-моделирование и дизайн',
  'фото и видео',
  'рукоделие и ДПИ',
  'журналистика и литература',
  'шахматы и логические игры',
  'экология и краеведение',
  'анимация',
  'спорт',
] as const;

export const PUPIL_REQUESTS = [
  'подготовка к конкурсу, олимпиаде, выставке',
  'освоиться в новом объединении или коллективе',
  'уверенность в себе, выступления',
  'выбор профессии',
  'проект или исследование',
  'трудности в учёбе',
  'общение и работа в команде',
] as const;

export const TEACHER_REQUESTS = [
  'методика занятий',
  'работа с одарёнными детьми',
  'дисциплина и мотивация в группе',
  'подготовка воспитанников к конкурсам',
  'документация педагога ДО',
  'взаимодействие с родителями',
] as const;

/** What a mentor can help with: the same words as the mentees' requests, so they can be matched. */
export const COMPETENCIES = [...PUPIL_REQUESTS, ...TEACHER_REQUESTS, ...INTERESTS, 'профориентация', 'инженерия и производство', 'психологическая поддержка'] as const;

export const THIRD_PARTY_ROLES = ['классный руководитель', 'педагог-психолог', 'социальный педагог', 'родитель (законный представитель)', 'педагог объединения'] as const;

/** The kinds of meetings of a pair, in the order the programme holds them («Встречи», the meeting form). */
export const MEETING_KINDS = ['знакомство', 'пробная', 'планирование', 'регулярная', 'итоговая'] as const;

/** «только …» is a hard condition of the participant's: no pair is proposed against it. */
export const FORMATS = ['очно', 'дистанционно', 'смешанный', 'только очно', 'только дистанционно'] as const;
export const TRAINING_READINESS = ['готов (готова) пройти', 'уже прошёл (прошла)', 'не готов (не готова)'] as const;
/** The same answers as the first forms worded them (their sheets still hold these). */
export const TRAINING_READINESS_BEFORE: Readonly<Record<string, string>> = {
  'готов(а) пройти': 'готов (готова) пройти',
  'уже прошёл(прошла)': 'уже прошёл (прошла)',
  'не готов(а)': 'не готов (не готова)',
};

/**
 * One plain line per form of mentoring, for the person choosing it (the forms' names are the
 * programme's terms). A form the curator added has no line and is offered by its name alone.
 */
export const FORM_EXPLANATIONS: Readonly<Record<string, string>> = {
  'ученик – ученик': 'старший обучающийся помогает младшему',
  'педагог – ученик': 'опытный педагог помогает обучающемуся',
  'студент – ученик': 'студент колледжа или вуза помогает школьнику с учёбой и выбором профессии',
  'работодатель – ученик': 'специалист предприятия-партнёра знакомит с профессией и помогает с проектом',
  'педагог – педагог': 'опытный педагог помогает молодому специалисту или новому сотруднику',
};

/**
 * Choice values as Forms takes them: trimmed, without blanks and without repeats (a list from the
 * curator's sheet may hold both; Forms refuses duplicate options), in their first order.
 */
export function uniqueChoices(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = String(raw).trim();
    if (!value || seen.has(value)) continue;
    seen.add(value);
    out.push(value);
  }
  return out;
}
