import type { ScriptRunner } from '../emulator/runner';
import type { Workspace } from '../emulator/workspace';
import { fromWallClock } from '../emulator/time';
import { makeCast, REQUESTS_TEACHER } from './cast';
import { PARTNERS } from './centre';
import { fullName, initialsName } from './people';
import { setSetting, typeRows } from './hands';

export interface DemoStep {
  date: string;
  title: string;
  result: string;
}

const moscow = (year: number, month: number, day: number, hour = 10) =>
  fromWallClock({ year, month, day, hour, minute: 0, second: 0, millisecond: 0 }, 'Europe/Moscow');

function summary(result: unknown): string {
  if (result && typeof result === 'object' && 'message' in result) return String((result as { message: unknown }).message);
  return JSON.stringify(result);
}

/**
 * The demo programme year of МАОДО ЦДТ «Хибины», played through the built add-on as the curator
 * would: each step moves the clock to its date in the roadmap and calls a public function.
 */
export function playDemoYear(ws: Workspace, runner: ScriptRunner): DemoStep[] {
  const steps: DemoStep[] = [];
  const step = (when: Date, title: string, act: () => unknown) => {
    ws.now = () => when;
    const result = act();
    steps.push({ date: when.toISOString().slice(0, 10), title, result: summary(result) });
    if (result && typeof result === 'object' && (result as { ok?: unknown }).ok === false) {
      throw new Error(`Демо-год остановлен на шаге «${title}»: ${summary(result)}`);
    }
    return result;
  };
  const cast = makeCast();

  step(moscow(2026, 8, 25), 'Куратор устанавливает надстройку и открывает таблицу', () => {
    runner.call('onInstall', [{ authMode: 'FULL' }]);
    runner.onOpen('NONE');
    return { message: 'Меню «Наставничество» появилось' };
  });

  step(moscow(2026, 8, 25, 11), 'Этап 1: рабочая книга программы', () => runner.call('setupWorkbook'));

  step(moscow(2026, 8, 26), 'Куратор заполняет настройки, партнёров и программы', () => {
    setSetting(ws, 'Руководитель (И.О. Фамилия)', initialsName(cast.director));
    setSetting(ws, 'Куратор (ФИО полностью)', fullName(cast.curator));
    setSetting(ws, 'Телефон куратора', '+7 (81531) 5-00-00');
    setSetting(ws, 'E-mail куратора', 'kurator@cdt-hibiny.ru');
    setSetting(ws, 'Учебный год', '2026/2027');
    typeRows(
      ws,
      'Партнёры',
      PARTNERS.map((p, i) => ({
        ID: `ПР-${String(i + 1).padStart(3, '0')}`,
        Организация: p.name,
        'Сфера деятельности': p.field,
        'Соглашение (№, дата)': i < 4 ? `№ ${12 + i} от 0${i + 1}.09.2025` : '',
        'Соглашение действует до': i < 4 ? moscow(2027, 8, 31) : '',
        'Формы наставничества': 'работодатель – ученик',
      })),
    );
    typeRows(ws, 'Программы', [
      { ID: 'ПГ-001', 'Название программы': '«Шаг в профессию»', Форма: 'работодатель – ученик', Цель: 'Профессиональное самоопределение обучающихся 14–18 лет', 'Срок реализации': '1 год' },
      { ID: 'ПГ-002', 'Название программы': '«Вместе к успеху»', Форма: 'ученик – ученик', Цель: 'Поддержка обучающихся в освоении программ и подготовке к конкурсам', 'Срок реализации': '1 год' },
      { ID: 'ПГ-003', 'Название программы': '«Первые шаги в профессии педагога»', Форма: 'педагог – педагог', Цель: 'Адаптация молодых специалистов', 'Срок реализации': '1–2 года' },
      { ID: 'ПГ-004', 'Название программы': '«Мастерская творчества»', Форма: 'педагог – ученик', Цель: 'Развитие творческого потенциала одарённых детей', 'Срок реализации': '1 год' },
    ]);
    return { message: 'Настройки, 5 партнёров и 4 программы внесены' };
  });

  step(moscow(2026, 9, 10), 'Куратор переносит списки прошлого года в базы', () => {
    typeRows(
      ws,
      'Наставляемые',
      cast.pupils.map((p, i) => ({
        ID: `НЯ-${String(i + 1).padStart(4, '0')}`,
        ФИО: fullName(p.person),
        Категория: 'обучающийся',
        'Класс / год обучения': `${p.grade} кл.`,
        Возраст: p.age,
        Объединение: p.association,
        Запрос: p.request,
        Интересы: p.interests.join(', '),
        'Желаемая форма': p.age >= 13 && i % 3 === 0 ? 'работодатель – ученик' : i % 2 ? 'ученик – ученик' : 'педагог – ученик',
        'Формат встреч': p.format,
        'Удобное время': p.schedule,
        'Контакт (для несовершеннолетних — родителя)': `${fullName(p.parent)}, +7 911 ${String(100 + i).padStart(3, '0')}-00-00`,
        Статус: 'в базе',
      })),
    );
    const young = cast.teachers.filter((t) => t.experience <= 3);
    typeRows(
      ws,
      'Наставляемые',
      young.map((t, i) => ({
        ID: `НЯ-${String(cast.pupils.length + i + 1).padStart(4, '0')}`,
        ФИО: fullName(t.person),
        Категория: 'педагог',
        Объединение: t.association,
        'Стаж, лет': t.experience,
        Запрос: REQUESTS_TEACHER[i % REQUESTS_TEACHER.length],
        'Желаемая форма': 'педагог – педагог',
        'Формат встреч': 'очно',
        'Удобное время': t.schedule,
        Статус: 'в базе',
      })),
    );
    const experienced = cast.teachers.filter((t) => t.experience > 3);
    typeRows(ws, 'Наставники', [
      ...experienced.map((t, i) => ({
        ID: `НК-${String(i + 1).padStart(4, '0')}`,
        ФИО: fullName(t.person),
        Категория: 'педагог',
        Организация: 'МАОДО ЦДТ «Хибины»',
        'Должность': 'педагог дополнительного образования',
        'Стаж, лет': t.experience,
        Объединение: t.association,
        Компетенции: t.competencies.join(', '),
        Интересы: t.interests.join(', '),
        'Формы наставничества': 'педагог – ученик, педагог – педагог',
        'Готов взять наставляемых': 3,
        'Формат встреч': 'очно',
        'Удобное время': t.schedule,
        'Школа наставников': i % 3 === 0 ? 'направлен' : 'обучен',
        Статус: 'в базе',
      })),
      ...cast.employees.map((e, i) => ({
        ID: `НК-${String(experienced.length + i + 1).padStart(4, '0')}`,
        ФИО: fullName(e.person),
        Категория: 'сотрудник партнёра',
        Организация: e.partner,
        'Должность': e.position,
        Компетенции: e.competencies.join(', '),
        'Формы наставничества': 'работодатель – ученик',
        'Готов взять наставляемых': 2,
        'Формат встреч': 'смешанный',
        'Удобное время': e.schedule,
        'Школа наставников': 'направлен',
        Статус: 'в базе',
      })),
    ]);
    return { message: `В базах: ${cast.pupils.length + young.length} наставляемых, ${experienced.length + cast.employees.length} наставников` };
  });

  step(moscow(2026, 9, 11), 'Повторная настройка на заполненной книге ничего не меняет', () => runner.call('setupWorkbook'));
  return steps;
}
