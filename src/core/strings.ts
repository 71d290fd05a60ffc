/** Every message a person sees, in one place (the add-on speaks Russian). */
export const RU = {
  menu: {
    title: 'Наставничество',
    setup: 'Настроить рабочую книгу',
    questionnaires: 'Создать или обновить анкеты',
    importResponses: 'Импортировать ответы анкет',
    autoImport: 'Включить автоматический импорт ответов',
    training: 'Школа наставников: список и приказ',
    computeMatches: 'Подобрать пары',
    matchingSidebar: 'Пары: просмотр и правка…',
    approvePairs: 'Утвердить пары и сформировать приказ',
  },
  action: {
    setup: 'Настройка рабочей книги',
    questionnaires: 'Анкеты программы',
    importResponses: 'Импорт ответов анкет',
    autoImport: 'Автоматический импорт ответов',
    computeMatches: 'Подбор пар',
    approvePairs: 'Утверждение пар',
    training: 'Школа наставников',
  },
  approve: {
    nothing: 'Нет предложенных пар для утверждения. Сначала выберите «Подобрать пары».',
    badNumber: 'Номер приказа — не длиннее 20 символов, например «123-о/д».',
    missingPerson: (pairId: string) => `В паре ${pairId} участник не найден в базе или без согласия: исправьте или отклоните пару.`,
    summary: (pairs: number, rows: number, notified: number, cleared: number) =>
      `Утверждено пар: ${pairs} (строк в приложении к приказу: ${rows}). Приказ создан в папке программы, ссылка — в столбце «Приказ».` +
      (notified ? ` Уведомлений отправлено: ${notified}.` : '') +
      (cleared ? ` Предпочтения после встречи удалены для ${cleared} участников (хранятся только до утверждения пар).` : ''),
    mailSubject: 'Программа наставничества: утверждена наставническая пара',
    mailBody: (mentor: string, mentee: string, form: string) =>
      `Здравствуйте! Приказом по ЦДТ утверждена наставническая пара (форма «${form}»): наставник — ${mentor}, наставляемый — ${mentee}. Куратор программы свяжется с вами, чтобы назначить первую встречу.`,
  },
  training: {
    nothing: 'Все наставники с согласием уже обучены или обучение им не требуется.',
    summary: (n: number) => `Приказ об организации «Школы наставников» создан; в списке на обучение: ${n}. Их статус в базе — «направлен».`,
  },
  matching: {
    sidebarTitle: 'Подбор пар',
    badMode: 'Режим подбора должен быть «optimal» (оптимальный) или «stable» (стабильный).',
    badRequest: (name: string) => `Некорректный запрос к подбору пар (${name}): обновите боковую панель и повторите.`,
    unknownPair: (e: string, m: string) => `Пара ${e} — ${m} не найдена среди участников подбора (нет согласия, выбыли или нет в базе).`,
    forbidden: (reasons: string[]) => `Эту пару составить нельзя: ${reasons.slice(0, 2).join('; ') || 'правила целевой модели не выполняются'}.`,
    forcedReason: 'закреплена куратором',
    rejectedReason: 'отклонена куратором',
    summary: (s: { mode: string; proposed: number; groups: number; locked: number; unmatched: number; unmatchedPriority: number; total: number; blocking: number }) =>
      [
        `Режим: ${s.mode === 'stable' ? 'стабильный (учёт взаимных предпочтений)' : 'оптимальный (максимум пар, затем баллов)'}.`,
        `Предложено пар: ${s.proposed}${s.groups ? ` (групп: ${s.groups})` : ''}; закреплено ранее: ${s.locked}.`,
        `Без пары: ${s.unmatched}${s.unmatchedPriority ? `, из них с приоритетом: ${s.unmatchedPriority}` : ''}.`,
        `Сумма баллов: ${s.total}; блокирующих пар: ${s.blocking}.`,
      ].join(' '),
  },
  questionnaires: {
    dialogTitle: 'Анкеты программы наставничества',
    linksIntro: 'Ссылки для участников можно разослать или разместить на сайте ЦДТ. Ответы попадают на листы «Ответы на форму» и в базы при импорте.',
    summary: (created: number, repaired: number, total: number) =>
      created || repaired ? `Анкет создано: ${created}, восстановлено: ${repaired}, всего: ${total}.` : `Все ${total} анкеты на месте, ничего не изменено.`,
  },
  progress: {
    started: 'Выполняется… Не закрывайте таблицу: по окончании появится короткий итог.',
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
    unknownParticipant: (base: string) => `участник не найден в базе ${base}: проверьте написание или внесите его в базу`,
    autoOn: 'Автоматический импорт включён: новые ответы будут попадать в базы сразу после отправки анкеты.',
    autoAlready: 'Автоматический импорт уже был включён; второй триггер не создан.',
    summary: (c: { total: number; responses: Record<string, number>; createdMentees: number; createdMentors: number; createdPartners: number; updated: number; stale: number; anonymised: number; rejected: number; errors: number }) => {
      if (!c.total && !c.errors && !c.anonymised && !c.rejected) return 'Новых ответов нет, базы не изменены.';
      const parts = [
        `Новых ответов: ${c.total} (наставляемые: ${c.responses.mentee ?? 0}, наставники: ${c.responses.mentor ?? 0}, запросы третьих лиц: ${c.responses.thirdParty ?? 0}, предпочтения после встречи: ${c.responses.preference ?? 0}).`,
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
