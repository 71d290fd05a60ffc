import { plural } from './language';

/** Messages of the monitoring questionnaires: their import and the personal links. */
export const SURVEY_STRINGS = {
  unknownCode: (code: string) => `код «${code}» — не код участника из баз «Наставляемые» или «Наставники»; проверьте, что анкету открыли по личной ссылке`,
  noConsent: (id: string) => `у участника ${id} нет действующего согласия на обработку персональных данных`,
  noPairChosen: 'пара или группа не выбрана (утверждённых пар тогда ещё не было)',
  unknownPair: (id: string) => `пары или группы «${id}» нет на листе «Пары и группы»`,
  pairEnded: (id: string) => `пара (группа) ${id} завершена`,
  pairNotApproved: (id: string, statuses: string[]) => `пара (группа) ${id} не утверждена приказом${statuses.length ? ` (статус: ${statuses.join(', ')})` : ''}`,
  notInPair: (code: string, id: string) => `участник ${code} не входит в пару (группу) ${id}`,
  roleContradicts: (id: string, said: string, base: string) => `роль «${said}» не совпадает с базами: ${id} — ${base}`,
  entryAfterEnd: (id: string) => `входная диагностика для завершённой пары (группы) ${id}: после завершения заполняется итоговая`,
  notImported: '; ответ не импортирован',
  importLine: (c: { feedback: number; diagnostics: number; surveys: number; refused: number }) =>
    [
      c.feedback ? `На лист «Обратная связь» добавлено ответов: ${c.feedback}.` : '',
      c.diagnostics ? `На лист «Диагностика» добавлено строк: ${c.diagnostics}.` : '',
      c.surveys ? `На лист «Опросы» добавлено строк: ${c.surveys}.` : '',
      c.refused ? `Ответов обратной связи, диагностики и опросов не принято: ${c.refused} — см. лист «Ошибки импорта».` : '',
    ]
      .filter(Boolean)
      .join(' '),
  linkNames: {
    feedback: 'Ежемесячная обратная связь',
    entry: 'Входная диагностика',
    exit: 'Итоговая диагностика',
    may: 'Майский опрос удовлетворённости',
  },
  noForms: 'Анкет обратной связи и диагностики ещё нет. Сначала выберите «Создать или обновить анкеты», затем снова «Ссылки на анкеты обратной связи и диагностики».',
  noPairs: 'Утверждённых пар и групп пока нет: ссылки на анкеты появятся после приказа об утверждении пар.',
  linksSummary: (c: { people: number; links: number; changed: boolean; noConsent: string[] }) =>
    [
      `Личные ссылки на анкеты: ${plural(c.people, ['участник', 'участника', 'участников'])}, ${plural(c.links, ['ссылка', 'ссылки', 'ссылок'])}.`,
      c.changed ? 'Лист «Ссылки на анкеты» обновлён: раздайте каждому участнику его ссылки.' : 'Лист «Ссылки на анкеты» уже был в порядке.',
      c.noConsent.length ? `Без ссылок (нет действующего согласия на обработку ПДн): ${c.noConsent.join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
} as const;
