import { plural } from '../language';

const SETTING = 'Выгрузка «Наставник»: столбцы';

/** What the curator reads about the export for the platform «Наставник». */
export const EXPORT_TEXT = {
  setting: SETTING,
  settingHint: 'Названия столбцов через «;» в нужном порядке; пусто — все столбцы в этом порядке. Поля платформы не опубликованы: уберите лишние или переставьте столбцы под её форму загрузки',
  unknownColumns: (names: string[], known: string[]) =>
    `В «Настройках» («${SETTING}») ${names.length > 1 ? 'неизвестные столбцы' : 'неизвестный столбец'}: ${names.map((n) => `«${n}»`).join(', ')}. ` +
    `Можно указать: ${known.join('; ')}. Исправьте строку и запустите выгрузку снова; ничего не записано.`,
  repeatedColumns: (names: string[]) =>
    `В «Настройках» («${SETTING}») столбец указан дважды: ${[...new Set(names)].map((n) => `«${n}»`).join(', ')}. Оставьте каждый столбец один раз и запустите выгрузку снова; ничего не записано.`,
  summary: (c: { mentors: number; mentees: number; rows: number; noConsent: number; sheet: string; file: string; url: string }) =>
    [
      c.mentors + c.mentees
        ? `Выгружено: ${plural(c.mentors, ['наставник', 'наставника', 'наставников'])}, ${plural(c.mentees, ['наставляемый', 'наставляемых', 'наставляемых'])} (${plural(c.rows, ['строка', 'строки', 'строк'])}).`
        : 'Участников с действующим согласием на обработку персональных данных нет: выгружены только заголовки столбцов.',
      `Лист «${c.sheet}» и файл «${c.file}» в папке программы обновлены: ${c.url}`,
      c.noConsent
        ? `Не выгружены, потому что нет действующего согласия на обработку персональных данных: ${plural(c.noConsent, ['участник', 'участника', 'участников'])} (см. столбец «Согласие» на листах «Наставники» и «Наставляемые»).`
        : '',
    ]
      .filter(Boolean)
      .join(' '),
} as const;
