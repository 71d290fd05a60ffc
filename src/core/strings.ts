/** Every message a person sees, in one place (the add-on speaks Russian). */
export const RU = {
  menu: {
    title: 'Наставничество',
    setup: 'Настроить рабочую книгу',
    questionnaires: 'Создать или обновить анкеты',
    importResponses: 'Импортировать ответы анкет',
    autoImport: 'Включить автоматический импорт ответов',
  },
  action: {
    setup: 'Настройка рабочей книги',
    questionnaires: 'Анкеты программы',
    importResponses: 'Импорт ответов анкет',
    autoImport: 'Автоматический импорт ответов',
  },
  questionnaires: {
    dialogTitle: 'Анкеты программы наставничества',
    linksIntro: 'Ссылки для участников можно разослать или разместить на сайте ЦДТ. Ответы попадают на листы «Ответы на форму» и в базы при импорте.',
    summary: (created: number, repaired: number, total: number) =>
      created || repaired ? `Анкет создано: ${created}, восстановлено: ${repaired}, всего: ${total}.` : `Все ${total} анкеты на месте, ничего не изменено.`,
  },
  progress: {
    setupReading: 'Проверяю листы рабочей книги…',
    setupWriting: 'Создаю недостающие листы и столбцы…',
  },
  errors: {
    busy: 'Сейчас выполняется другая операция надстройки (например, импорт анкет). Повторите через минуту — данные не пострадают.',
    failed: (action: string, reason: string) =>
      `Не удалось выполнить действие «${action}».\n\nПричина: ${reason}\n\nУже внесённые данные сохранены. Если ошибка повторится, сообщите разработчикам текст этого сообщения.`,
    settingsProblems: 'Некоторые значения на листе «Настройки» не подошли:',
    triggerBusy: 'Новый ответ пришёл во время другой операции; он будет импортирован следующим импортом (пункт меню «Импортировать ответы анкет»).',
    missingSheet: (name: string) => `В рабочей книге нет листа «${name}». Выберите в меню «Наставничество» пункт «Настроить рабочую книгу» — он восстановит недостающие листы, ничего не удалив.`,
  },
  importing: {
    resubmitted: 'Повторная анкета',
    withdrawn: 'Отзыв согласия',
    anonymised: (id: string) => `Согласие отозвано: данные участника ${id} обезличены во всех листах рабочей книги и в листах ответов`,
    curatorEdited: (id: string, kept: string) => `${id}: поле изменено куратором вручную, оставлено её значение «${kept}»; в новой анкете указано другое`,
    notYoungSpecialist: (years: number) =>
      `стаж ${years} лет: в форме «педагог – педагог» наставляемый — молодой специалист (0–3 года) или новый сотрудник; уточните, новый ли это сотрудник`,
    newPartner: 'новая организация-партнёр добавлена на лист «Партнёры»: проверьте название и внесите соглашение',
    missingColumn: 'в листе ответов нет столбца этого вопроса (удалён или переименован); ответы на него не импортированы',
    autoOn: 'Автоматический импорт включён: новые ответы будут попадать в базы сразу после отправки анкеты.',
    autoAlready: 'Автоматический импорт уже был включён; второй триггер не создан.',
    summary: (c: { total: number; responses: Record<string, number>; createdMentees: number; createdMentors: number; createdPartners: number; updated: number; stale: number; anonymised: number; rejected: number; errors: number }) => {
      if (!c.total && !c.errors && !c.anonymised && !c.rejected) return 'Новых ответов нет, базы не изменены.';
      const parts = [
        `Новых ответов: ${c.total} (наставляемые: ${c.responses.mentee ?? 0}, наставники: ${c.responses.mentor ?? 0}, запросы третьих лиц: ${c.responses.thirdParty ?? 0}).`,
        `Добавлено наставляемых: ${c.createdMentees}, наставников: ${c.createdMentors}, партнёров: ${c.createdPartners}; обновлено по повторным анкетам: ${c.updated}.`,
      ];
      if (c.rejected) parts.push(`Не импортировано ответов: ${c.rejected}.`);
      if (c.errors) parts.push(`Замечаний: ${c.errors} — см. лист «Ошибки импорта».`);
      if (c.anonymised) parts.push(`Обезличено по отзыву согласия: ${c.anonymised}.`);
      return parts.join(' ');
    },
  },
  settingsToFill: (items: string[]) => `Заполните на листе «Настройки»: ${items.join('; ')}.`,
  done: (action: string) => `${action}: готово`,
} as const;
