import type { ScriptRunner } from '../emulator/runner';
import type { Workspace } from '../emulator/workspace';
import { fromWallClock } from '../emulator/time';
import { submitAsParticipant, ParticipantAnswer } from '../emulator/forms/submit';
import { makeCast, REQUESTS_TEACHER } from './cast';
import { ASSOCIATIONS, PARTNERS } from './centre';
import { fullName, initialsName, randomName } from './people';
import { Random } from './random';
import { playPairWork } from './pair-work';
import { editRows, setSetting, typeRows } from './hands';
import { createSpreadsheetApp } from '../emulator/sheets/app';
import { PUPIL_REQUESTS } from '../../src/core/questionnaires/choices';

export interface DemoStep {
  date: string;
  title: string;
  result: string;
}

const moscow = (year: number, month: number, day: number, hour = 10, minute = 0) => fromWallClock({ year, month, day, hour, minute, second: 0, millisecond: 0 }, 'Europe/Moscow');

/** How many people the bases hold: after auto-import the catch-up run itself has nothing new. */
function bases(ws: Workspace): string {
  const count = (name: string) => Math.max(0, (ws.spreadsheet.findSheet(name)?.lastRow() ?? 1) - 1);
  const errors = count('Ошибки импорта');
  return `В базах: наставляемых ${count('Наставляемые')}, наставников ${count('Наставники')}, партнёров ${count('Партнёры')}; замечаний импорта: ${errors}.`;
}

function summary(result: unknown): string {
  if (result && typeof result === 'object' && 'message' in result) return String((result as { message: unknown }).message);
  return JSON.stringify(result);
}

/** The pupils' requests, exactly the questionnaire's choices. */
const PUPIL_TOPICS: readonly string[] = PUPIL_REQUESTS;
const INTEREST_OF: Record<string, string> = {
  рисование: 'рисование и живопись',
  живопись: 'рисование и живопись',
  графика: 'рисование и живопись',
  танцы: 'танцы',
  сцена: 'театр',
  театр: 'театр',
  музыка: 'музыка и вокал',
  пение: 'музыка и вокал',
  робототехника: 'робототехника',
  программирование: 'программирование',
  электроника: 'робототехника',
  '3D-моделирование': '3D-моделирование и дизайн',
  дизайн: '3D-моделирование и дизайн',
  фотография: 'фото и видео',
  видеосъёмка: 'фото и видео',
  рукоделие: 'рукоделие и ДПИ',
  керамика: 'рукоделие и ДПИ',
  журналистика: 'журналистика и литература',
  литература: 'журналистика и литература',
  шахматы: 'шахматы и логические игры',
  математика: 'шахматы и логические игры',
  'логические игры': 'шахматы и логические игры',
  экология: 'экология и краеведение',
  краеведение: 'экология и краеведение',
  туризм: 'экология и краеведение',
  анимация: 'анимация',
  инженерия: 'робототехника',
  'горное дело': 'экология и краеведение',
  профориентация: 'выбор профессии',
};
const DAYS = ['Понедельник', 'Вторник', 'Среда', 'Четверг', 'Пятница', 'Суббота'];
const PARTS = ['до 12:00', '12:00–15:00', 'после 15:00'];

function schedule(rng: Random): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const day of rng.sample(DAYS, rng.int(2, 3))) out[day] = rng.sample(PARTS.slice(1), rng.int(1, 2));
  return out;
}

const interestsOf = (list: readonly string[]) => [...new Set(list.map((i) => INTEREST_OF[i]).filter(Boolean))];

/**
 * The demo programme year of МАОДО ЦДТ «Хибины», played through the built add-on as the curator
 * and the participants would: each step moves the clock to its date in the roadmap.
 */
/** Another centre with other people: the same year, so checks run on more than one cast. */
export interface DemoVariant {
  /** Seed of the cast (people, names, the curator and the director). */
  castSeed?: number;
  orgName?: string;
  orgShortName?: string;
  town?: string;
}

export function playDemoYear(ws: Workspace, runner: ScriptRunner, variant: DemoVariant = {}): DemoStep[] {
  const steps: DemoStep[] = [];
  // Each morning between two steps Google runs the document's daily triggers (the deadline
  // reminders once the curator switched them on); the day's mail quota starts afresh.
  let morning = moscow(2026, 8, 26, 8);
  const mornings = (until: Date) => {
    while (morning.getTime() <= until.getTime()) {
      const at = morning;
      ws.now = () => at;
      ws.mailRecipientsToday = 0;
      const before = ws.mail.length;
      runner.fireClockTriggers();
      const letters = ws.mail.slice(before);
      if (letters.length)
        steps.push({ date: at.toISOString().slice(0, 10), title: 'Напоминания о сроках дорожной карты (ежедневный триггер)', result: letters.map((m) => `${m.to}: «${m.subject}»`).join('; ') });
      morning = new Date(morning.getTime() + 86400000);
    }
  };
  const step = (when: Date, title: string, act: () => unknown) => {
    mornings(when);
    ws.now = () => when;
    // Participants answer from the step's date on.
    clock = when;
    const result = act();
    steps.push({ date: when.toISOString().slice(0, 10), title, result: summary(result) });
    if (result && typeof result === 'object' && (result as { ok?: unknown }).ok === false) {
      throw new Error(`Демо-год остановлен на шаге «${title}»: ${summary(result)}`);
    }
    return result;
  };
  const cast = makeCast(variant.castSeed);
  const rng = new Random(7);
  let clock = moscow(2026, 9, 14, 9);
  const submit = (form: string, answers: Record<string, ParticipantAnswer>) => {
    clock = new Date(clock.getTime() + rng.int(3, 90) * 60000);
    ws.now = () => clock;
    const { sheetEvent } = submitAsParticipant(ws, form, answers, { timestamp: clock });
    if (sheetEvent) runner.fireFormSubmit(sheetEvent);
  };

  step(moscow(2026, 8, 25), 'Куратор устанавливает надстройку и открывает таблицу', () => {
    runner.call('onInstall', [{ authMode: 'FULL' }]);
    runner.onOpen('NONE');
    return { message: 'Меню «Наставничество» появилось в «Расширениях»' };
  });

  step(moscow(2026, 8, 25, 11), 'Этап 1: рабочая книга программы', () => runner.call('setupWorkbook'));

  step(moscow(2026, 8, 26), 'Куратор заполняет настройки, партнёров и программы', () => {
    if (variant.orgName) setSetting(ws, 'Полное наименование организации', variant.orgName);
    if (variant.orgShortName) setSetting(ws, 'Сокращённое наименование', variant.orgShortName);
    if (variant.town) setSetting(ws, 'Место составления документов', variant.town);
    setSetting(ws, 'Руководитель (И.О. Фамилия)', initialsName(cast.director));
    setSetting(ws, 'Куратор (ФИО полностью)', fullName(cast.curator));
    setSetting(ws, 'Телефон куратора', '+7 (81531) 5-00-00');
    setSetting(ws, 'E-mail куратора', 'kurator@cdt-hibiny.ru');
    setSetting(ws, 'E-mail руководителя', 'director@cdt-hibiny.ru');
    setSetting(ws, 'Учебный год', '2026/2027');
    setSetting(ws, 'Положение о наставничестве утверждено приказом (от … № …)', 'от 31.08.2021 № 97-о/д');
    setSetting(ws, 'Программа наставничества утверждена приказом (от … № …)', 'от 31.08.2021 № 97-о/д');
    setSetting(ws, 'Срок работы пар и групп: по (дата)', '31.05.2027');
    // The letter blank and the addressee of the справки (the other centre leaves them for later).
    setSetting(ws, 'Руководитель получателя справок (ФИО)', 'Миронова Светлана Николаевна');
    if (!variant.town) {
      setSetting(ws, 'Почтовый адрес организации', 'пр. Ленина, д. 10, г. Кировск, Мурманская обл., 184250');
      setSetting(ws, 'Телефон организации', '+7 (81531) 5-00-01');
      setSetting(ws, 'Электронная почта организации', 'cdt@cdt-hibiny.ru');
    }
    // The plans the centre set for the year's effectiveness indicators (7.3): «% от плана» in the report.
    const plans: Array<[string, string]> = [
      ['доля детей 10–18 лет в роли наставляемых', '10'],
      ['доля детей и подростков 15–19 лет в роли наставников', '5'],
      ['доля молодых специалистов в роли наставляемых', '50'],
      ['доля организаций-партнёров, предоставивших наставников', '60'],
      ['удовлетворённость наставляемых', '70'],
      ['удовлетворённость наставников', '70'],
    ];
    for (const [label, value] of plans) setSetting(ws, `План: ${label}, %`, value);
    typeRows(
      ws,
      'Партнёры',
      PARTNERS.map((p, i) => ({
        ID: `ПР-${String(i + 1).padStart(4, '0')}`,
        Организация: p.name,
        'Сфера деятельности': p.field,
        'Соглашение (№, дата)': i < 4 ? `№ ${12 + i} от 0${i + 1}.09.2025` : '',
        'Соглашение действует до': i < 4 ? moscow(2027, 8, 31) : '',
        'Формы наставничества': 'работодатель – ученик',
      })),
    );
    typeRows(ws, 'Программы', [
      { ID: 'ПГ-0001', 'Название программы': '«Шаг в профессию»', Форма: 'работодатель – ученик', Цель: 'Профессиональное самоопределение обучающихся 14–18 лет', 'Срок реализации': '1 год' },
      { ID: 'ПГ-0002', 'Название программы': '«Вместе к успеху»', Форма: 'ученик – ученик', Цель: 'Поддержка обучающихся в освоении программ и подготовке к конкурсам', 'Срок реализации': '1 год' },
      { ID: 'ПГ-0003', 'Название программы': '«Первые шаги в профессии педагога»', Форма: 'педагог – педагог', Цель: 'Адаптация молодых специалистов', 'Срок реализации': '1–2 года' },
      { ID: 'ПГ-0004', 'Название программы': '«Мастерская творчества»', Форма: 'педагог – ученик', Цель: 'Развитие творческого потенциала одарённых детей', 'Срок реализации': '1 год' },
    ]);
    return { message: 'Настройки, 5 партнёров и 4 программы внесены' };
  });

  step(moscow(2026, 9, 1), 'Этап 2: анкеты созданы и опубликованы, автоимпорт включён', () => {
    const forms = runner.call('createQuestionnaires');
    runner.call('enableAutoImport');
    return forms;
  });

  step(moscow(2026, 9, 1, 11), 'Дорожная карта: сроки на 2026/2027 учебный год, ежедневные напоминания о сроках включены', () => {
    const roadmap = runner.call('refreshRoadmap') as { message: string };
    const reminders = runner.call('installDeadlineTrigger') as { message: string };
    return { message: `${roadmap.message} ${reminders.message}` };
  });

  /** A parent's e-mail for every fourth pupil, a phone for the rest. */
  const pupilContact = (i: number) => (i % 4 === 0 ? `parent${i}@example.ru` : `+7 911 ${String(100 + i).padStart(3, '0')}-00-00`);

  step(moscow(2026, 9, 14, 9), 'Обучающиеся и молодые педагоги заполняют анкету наставляемого', () => {
    cast.pupils.forEach((p, i) => {
      const association = ASSOCIATIONS.find((a) => a.name === p.association)!;
      const form = p.age >= 14 && i % 3 === 0 ? 'работодатель – ученик' : p.age <= 12 && i % 2 === 0 ? 'ученик – ученик' : i % 5 === 0 ? 'не знаю, помогите выбрать' : 'педагог – ученик';
      submit('Анкета наставляемого', {
        'Кто вы?': 'обучающийся',
        'Фамилия, имя, отчество': fullName(p.person),
        'Класс (для обучающихся)': `${p.grade}${rng.pick(['А', 'Б', ''])}`,
        'Возраст, полных лет (для обучающихся)': String(p.age),
        'Объединение (студия, кружок), в котором вы занимаетесь или работаете': p.association,
        'С чем вам нужна помощь наставника?': form === 'работодатель – ученик' ? ['выбор профессии'] : rng.sample(PUPIL_TOPICS.slice(0, 4), rng.int(1, 2)),
        'Расскажите о своём запросе подробнее': p.request,
        'Ваши интересы и увлечения': interestsOf(association.interests),
        'Какая форма наставничества вам подходит?': form,
        'Удобный формат встреч': p.format,
        'Когда вам удобно встречаться?': schedule(rng),
        'Телефон или e-mail для связи': pupilContact(i),
      });
    });
    cast.teachers
      .filter((t) => t.experience <= 3)
      .forEach((t, i) => {
        submit('Анкета наставляемого', {
          'Кто вы?': 'педагог (молодой специалист или новый сотрудник)',
          'Фамилия, имя, отчество': fullName(t.person),
          'Объединение (студия, кружок), в котором вы занимаетесь или работаете': t.association,
          'Педагогический стаж, полных лет': String(t.experience),
          'С чем вам нужна помощь наставника в работе?': [['методика занятий', 'работа с одарёнными детьми', 'дисциплина и мотивация в группе', 'документация педагога ДО'][i % 4]],
          'Расскажите о своём запросе подробнее': REQUESTS_TEACHER[i % REQUESTS_TEACHER.length],
          'Ваши интересы и увлечения': interestsOf(t.competencies),
          'В какой форме наставничества вы хотели бы участвовать?': 'педагог – педагог',
          'Удобный формат встреч': 'очно',
          'Когда вам удобно встречаться?': schedule(rng),
          'Телефон или e-mail для связи': `teacher${i}@cdt-hibiny.ru`,
        });
      });
    // A typo the form cannot catch: the import reports it and keeps everything else.
    const late = cast.pupils[cast.pupils.length - 1];
    submit('Анкета наставляемого', {
      'Кто вы?': 'обучающийся',
      'Фамилия, имя, отчество': 'Зуева Варвара Олеговна',
      'Класс (для обучающихся)': '12Б',
      'Объединение (студия, кружок), в котором вы занимаетесь или работаете': late.association,
      'С чем вам нужна помощь наставника?': ['выбор профессии'],
      'Какая форма наставничества вам подходит?': 'работодатель – ученик',
      'Удобный формат встреч': 'дистанционно',
      'Телефон или e-mail для связи': 'zueva.parent@example.ru',
    });
    // Two pupils change their minds a day later: the latest answer wins, the first stays in «Журнал».
    clock = moscow(2026, 9, 15, 17);
    for (const [i, p] of cast.pupils.slice(0, 2).entries()) {
      submit('Анкета наставляемого', {
        'Кто вы?': 'обучающийся',
        'Фамилия, имя, отчество': fullName(p.person),
        'Класс (для обучающихся)': String(p.grade),
        'Объединение (студия, кружок), в котором вы занимаетесь или работаете': p.association,
        'С чем вам нужна помощь наставника?': ['проект или исследование'],
        'Расскажите о своём запросе подробнее': 'Хочу сделать исследовательский проект к весенней конференции',
        'Какая форма наставничества вам подходит?': 'педагог – ученик',
        'Удобный формат встреч': 'смешанный',
        // The same contact: a namesake with another contact would be another child.
        'Телефон или e-mail для связи': pupilContact(i),
      });
    }
    const caught = runner.call('importResponses') as { message: string };
    return { message: `Контрольный импорт: ${caught.message} ${bases(ws)}` };
  });

  step(moscow(2026, 10, 5), 'Классные руководители, психолог и родители присылают запросы', () => {
    const pick = [cast.pupils[3], cast.pupils[8], cast.pupils[21]];
    const roles = ['классный руководитель', 'педагог-психолог', 'родитель (законный представитель)'];
    pick.forEach((p, i) => {
      submit('Запрос на наставника для обучающегося', {
        'Кто вы?': roles[i],
        'Ваши фамилия, имя, отчество': fullName(randomName(rng)),
        'Фамилия, имя, отчество обучающегося': fullName(p.person),
        'Класс обучающегося': String(p.grade),
        'Объединение обучающегося': p.association,
        'Какая поддержка нужна?': [PUPIL_TOPICS[(i * 2 + 1) % PUPIL_TOPICS.length]],
        'Опишите ситуацию подробнее': 'Ребёнку нужна поддержка взрослого в коллективе',
        'Ваш телефон или e-mail для связи': `+7 921 000-00-0${i}`,
      });
    });
    submit('Запрос на наставника для обучающегося', {
      'Кто вы?': 'социальный педагог',
      'Ваши фамилия, имя, отчество': fullName(randomName(rng)),
      'Фамилия, имя, отчество обучающегося': 'Тихонов Матвей Андреевич',
      'Класс обучающегося': '6',
      'Объединение обучающегося': 'Шахматный клуб «Ладья»',
      'Какая поддержка нужна?': ['общение и работа в команде'],
      'Ваш телефон или e-mail для связи': 'socped@school.ru',
    });
    const caught = runner.call('importResponses') as { message: string };
    return { message: `Контрольный импорт: ${caught.message} ${bases(ws)}` };
  });

  step(moscow(2026, 10, 20), 'Этап 3: наставники — педагоги, сотрудники партнёров, старшеклассники', () => {
    cast.teachers
      .filter((t) => t.experience > 3)
      .forEach((t, i) => {
        submit('Анкета наставника', {
          'Кто вы?': 'педагог',
          'Фамилия, имя, отчество': fullName(t.person),
          Должность: t.position,
          'Стаж работы, полных лет': String(t.experience),
          'Объединение (студия, кружок), в котором вы занимаетесь или работаете (если есть)': t.association,
          'В чём вы можете помочь наставляемому?': [
            ...interestsOf(t.competencies),
            ...rng.sample(PUPIL_TOPICS.slice(0, 4), 2),
            ...(i % 2 ? ['методика занятий', 'работа с одарёнными детьми', 'документация педагога ДО'] : ['дисциплина и мотивация в группе']),
          ],
          'Ваши интересы и увлечения': interestsOf(t.competencies),
          'В каких формах наставничества вы готовы участвовать?': ['педагог – ученик', 'педагог – педагог'],
          'Скольких наставляемых вы готовы сопровождать?': String(rng.int(2, 3)),
          'Удобный формат встреч': 'очно',
          'Когда вам удобно встречаться?': schedule(rng),
          'Готовы ли вы пройти обучение в «Школе наставников»?': i % 3 === 0 ? 'готов (готова) пройти' : 'уже прошёл (прошла)',
          'Телефон или e-mail для связи': `mentor${i}@cdt-hibiny.ru`,
        });
      });
    cast.employees.forEach((e, i) => {
      submit('Анкета наставника', {
        'Кто вы?': 'сотрудник организации-партнёра',
        'Фамилия, имя, отчество': fullName(e.person),
        'Организация (для сотрудников партнёров и студентов)': e.partner,
        Должность: e.position,
        'Стаж работы, полных лет': String(rng.int(5, 25)),
        'В чём вы можете помочь наставляемому?': ['профориентация', 'выбор профессии', ...interestsOf(e.competencies)],
        'В каких формах наставничества вы готовы участвовать?': ['работодатель – ученик'],
        'Скольких наставляемых вы готовы сопровождать?': '2',
        'Удобный формат встреч': 'смешанный',
        'Когда вам удобно встречаться?': schedule(rng),
        'Готовы ли вы пройти обучение в «Школе наставников»?': i % 2 ? 'готов (готова) пройти' : 'уже прошёл (прошла)',
        'Телефон или e-mail для связи': `partner${i}@example.ru`,
      });
    });
    for (let i = 0; i < 8; i++) {
      const person = randomName(rng);
      const association = ASSOCIATIONS[i % ASSOCIATIONS.length];
      const grade = rng.int(9, 11);
      submit('Анкета наставника', {
        'Кто вы?': 'обучающийся',
        'Фамилия, имя, отчество': fullName(person),
        'Класс (для обучающихся)': String(grade),
        // Indicator 2 of Р-145 counts mentors 15–19 by age: a senior pupil gives it.
        'Возраст, полных лет (для обучающихся)': String(grade + 6),
        'Объединение (студия, кружок), в котором вы занимаетесь или работаете (если есть)': association.name,
        'В чём вы можете помочь наставляемому?': [...interestsOf(association.interests), 'освоиться в новом объединении или коллективе', 'подготовка к конкурсу, олимпиаде, выставке'],
        'Ваши интересы и увлечения': interestsOf(association.interests),
        'В каких формах наставничества вы готовы участвовать?': ['ученик – ученик'],
        'Скольких наставляемых вы готовы сопровождать?': '2',
        'Удобный формат встреч': 'очно',
        'Когда вам удобно встречаться?': schedule(rng),
        'Готовы ли вы пройти обучение в «Школе наставников»?': 'готов (готова) пройти',
        'Телефон или e-mail для связи': `senior${i}@example.ru`,
      });
    }
    const caught = runner.call('importResponses') as { message: string };
    return { message: `Контрольный импорт: ${caught.message} ${bases(ws)}` };
  });

  step(moscow(2026, 10, 22), 'Куратор вносит согласия: подписаны родителями; один отказ; одна подпись не родителя', () => {
    const ss = ws.calls.untracked(() => createSpreadsheetApp(ws).getActive());
    const rows = (sheet: string) => ws.calls.untracked(() => ss.getSheetByName(sheet)!.getDataRange().getValues());
    const consents: Array<Record<string, unknown>> = [];
    let n = 1;
    const add = (id: string, name: string, signer: string, signerName: string, processing = 'да', publication = 'нет') =>
      consents.push({
        ID: `СГ-${String(n++).padStart(4, '0')}`,
        'ID участника': id,
        'ФИО участника': name,
        Подписант: signer,
        'ФИО подписанта': signerName,
        'Дата согласия': moscow(2026, 10, 21),
        'Обработка ПДн': processing,
        'Распространение (публикация)': publication,
      });
    const [mh, ...mentees] = rows('Наставляемые');
    const at = (header: unknown[], title: string) => header.indexOf(title);
    mentees.forEach((r, i) => {
      const id = String(r[at(mh, 'ID')]);
      const name = String(r[at(mh, 'ФИО')]);
      if (i === 5) add(id, name, 'родитель', 'родитель', 'нет');
      else if (i === 9) add(id, name, 'участник', name);
      else if (r[at(mh, 'Категория')] === 'педагог') add(id, name, 'участник', name, 'да', 'да');
      else add(id, name, 'родитель', `${name.split(' ')[0]} (родитель)`, 'да', i % 3 ? 'да' : 'нет');
    });
    const [oh, ...mentors] = rows('Наставники');
    mentors.forEach((r) => {
      const minor = r[at(oh, 'Категория')] === 'обучающийся';
      const name = String(r[at(oh, 'ФИО')]);
      add(String(r[at(oh, 'ID')]), name, minor ? 'родитель' : 'участник', minor ? `${name.split(' ')[0]} (родитель)` : name, 'да', 'да');
    });
    typeRows(ws, 'Согласия', consents);
    // Staff mentors sign their consent to mentoring (ст. 351.8 ТК РФ): without it no order appoints them.
    const agreed = editRows(ws, 'Наставники', (r) => (r['Категория'] === 'педагог' ? { 'Согласие на наставничество (ст. 351.8 ТК РФ)': moscow(2026, 10, 21) } : null));
    const caught = runner.call('importResponses') as { message: string };
    return { message: `Контрольный импорт: ${caught.message} ${bases(ws)}; согласий по ст. 351.8 ТК РФ: ${agreed}` };
  });

  step(moscow(2026, 10, 23), 'Куратор составляет расписание «Школы наставников»: даты и ведущие', () => {
    const curatorInitials = initialsName(cast.curator);
    const leaders = [curatorInitials, curatorInitials, 'специалист МКУ «УСР»', curatorInitials, curatorInitials, 'методист МОЦ'];
    const planned = editRows(ws, 'Школа наставников', (_r, i) => ({ Дата: moscow(2026, 11, 2 + i * 2), Ведущий: leaders[i % leaders.length] }));
    return { message: `В плане «Школы наставников» заполнено занятий: ${planned}` };
  });

  step(moscow(2026, 10, 24), 'Этап 1.2: проект приказа об утверждении списков наставников, наставляемых и форм наставничества', () =>
    runner.call('generateReport', ['order-lists', { period: '2026' }]),
  );

  step(moscow(2026, 10, 25), 'Этап 4: «Школа наставников» — список и проект приказа', () => runner.call('createTrainingOrder'));

  step(moscow(2026, 10, 27), 'Директор подписал приказы о списках и о «Школе наставников»: куратор вносит даты и номера', () => {
    const signed = editRows(ws, 'Документы', (r) =>
      String(r['Вид']).includes('Школ')
        ? { 'Дата подписания': moscow(2026, 10, 26), Номер: '118-о/д' }
        : String(r['Вид']).includes('списков')
          ? { 'Дата подписания': moscow(2026, 10, 26), Номер: '117-о/д' }
          : null,
    );
    return { message: `Реквизиты внесены на лист «Документы»: ${signed}` };
  });

  step(moscow(2026, 11, 10), 'Семья отзывает согласие: данные обезличиваются во всей книге', () => {
    ws.calls.untracked(() => {
      const sheet = createSpreadsheetApp(ws).getActive().getSheetByName('Согласия')!;
      sheet.getRange(2, 9).setValue(moscow(2026, 11, 9));
    });
    const caught = runner.call('importResponses') as { message: string };
    return { message: `Контрольный импорт: ${caught.message} ${bases(ws)}` };
  });

  step(moscow(2026, 11, 20), 'Этап 5: после групповой встречи участники называют предпочтения', () => {
    const mentees = ws.calls.untracked(() => createSpreadsheetApp(ws).getActive().getSheetByName('Наставляемые')!.getDataRange().getValues());
    const mentors = ws.calls.untracked(() => createSpreadsheetApp(ws).getActive().getSheetByName('Наставники')!.getDataRange().getValues());
    const names = (rows: unknown[][]) => rows.slice(1).map((r) => String(r[1]));
    const mentorNames = names(mentors);
    names(mentees)
      .slice(0, 20)
      .forEach((name, i) => {
        submit('Анкета после групповой встречи', {
          'Вы участвовали во встрече как': 'наставляемый',
          'Ваши фамилия, имя, отчество': name,
          '1-й выбор: с кем вы хотели бы работать в паре?': mentorNames[(i * 7) % mentorNames.length],
          '2-й выбор: с кем вы хотели бы работать в паре?': mentorNames[(i * 7 + 3) % mentorNames.length],
          'Ваши впечатления от встречи': 'Понравилась игра-знакомство',
        });
      });
    const caught = runner.call('importResponses') as { message: string };
    return { message: `Контрольный импорт: ${caught.message} ${bases(ws)}` };
  });

  step(moscow(2026, 11, 24), 'Подбор пар: оптимальный, с объяснениями', () => runner.call('computeMatches', [{ mode: 'optimal' }]));

  step(moscow(2026, 11, 30), 'Утверждение пар: проект приказа в папке программы', () => runner.call('approvePairs'));

  step(moscow(2026, 12, 2), 'Директор подписал приказ о парах; куратор вносит дату и номер и уведомляет участников', () => {
    editRows(ws, 'Документы', (r) => (String(r['Вид']).includes('пар') ? { 'Дата подписания': moscow(2026, 12, 1), Номер: '123-о/д' } : null));
    return runner.call('notifyParticipants');
  });

  playPairWork({ ws, runner, step, at: moscow });

  step(moscow(2027, 6, 16), 'Повторная настройка на заполненной книге ничего не меняет', () => runner.call('setupWorkbook'));
  step(moscow(2027, 6, 16, 12), 'Куратор обновляет дорожную карту: сроки и статусы по документам книги', () => runner.call('refreshRoadmap'));
  step(moscow(2027, 6, 16, 12, 5), 'Панель куратора: год одним взглядом', () => {
    const data = runner.call('dashboardData') as { ok: boolean; figures?: { pairs: number; groups: number; overdue: unknown[]; upcoming: unknown[] }; message?: string };
    if (!data.ok || !data.figures) return data;
    const f = data.figures;
    return { message: `Пар: ${f.pairs}, групп: ${f.groups}; просрочено пунктов дорожной карты: ${f.overdue.length}; ближайших сроков: ${f.upcoming.length}.` };
  });
  step(moscow(2027, 6, 16, 12, 10), 'Проверка сроков ещё раз: всё уже отправлено', () => runner.call('checkDeadlines'));
  return steps;
}
