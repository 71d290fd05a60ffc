/** What the curator reads about reports: the dialog, the summaries, the refusals. */
import { plural } from '../language';

export const REPORT_TEXT = {
  unknownKind: (kind: string) => `Такого вида отчёта нет: «${kind.slice(0, 60)}». Откройте «Сформировать отчёт…» в меню «Наставничество» и выберите вид из списка.`,
  badPeriod: (offered: string[]) => `Этот период нельзя выбрать. Доступные периоды: ${offered.join('; ')}.`,
  noPeriod: 'Отчётных дат в этом и прошлом учебном году ещё не было.',
  noMonitoring: (date: string) =>
    `На листе «Мониторинг» нет показателей эффективности на ${date}. Выберите «Обновить мониторинг» (показатели считаются на последнюю отчётную дату) и сформируйте отчёт снова.`,
  made: (title: string, url: string) => `Сформирован документ «${title}»: ${url}.`,
  replaced: (version: number, titles: string[]) =>
    `Это версия ${version}: прежн${titles.length === 1 ? 'ий документ переименован' : 'ие документы переименованы'} в ${titles.map((t) => `«${t}»`).join(', ')} и ${titles.length === 1 ? 'остаётся' : 'остаются'} в реестре «Документы».`,
  linked: (numbers: readonly string[]) => `Ссылка записана в «Дорожную карту» (пункт ${numbers.join(', ')}, столбец «Документ»).`,
  toEnter: (rows: string[]) =>
    `Нет данных по ${plural(rows.length, ['показателю', 'показателям', 'показателям'])}: впишите на листе «Мониторинг» в столбец «Значение» строк ${rows.join(', ')}, затем «Обновить мониторинг» и сформируйте отчёт снова.`,
  computed: (n: number, total: number) => `Вычислено показателей: ${n} из ${total}.`,
  unanswered: (forms: string[]) => `SWOT-анкета не заполнена по ${forms.length === 1 ? 'форме' : 'формам'} ${forms.map((f) => `«${f}»`).join(', ')} — в документе это сказано словами.`,
  settings: (items: string[]) => `Заполните на листе «Настройки»: ${items.join('; ')}.`,
  template: (notes: string[]) => `Шаблон: ${notes.join(' ')}`,
  resumedOther: (title: string) => `Завершено прерванное сбоем формирование «${title}».`,
  droppedOther: (title: string) => `Прерванное сбоем формирование «${title}» отменено: недоделанная копия — в корзине.`,
  dialog: {
    title: 'Сформировать отчёт',
    kind: 'Вид отчёта',
    period: 'Период',
    submit: 'Сформировать',
    working: 'Документ формируется, это займёт до минуты…',
    failed: 'Не удалось: ',
    close: 'Закрыть',
    hint: 'Документ создаётся в папке программы из шаблона в папке «Шаблоны»; повторное формирование за тот же период создаёт новую версию, прежняя остаётся в реестре «Документы».',
  },
} as const;
