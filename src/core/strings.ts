/** Every message a person sees, in one place (the add-on speaks Russian). */
export const RU = {
  menu: {
    title: 'Наставничество',
    setup: 'Настроить рабочую книгу',
  },
  action: {
    setup: 'Настройка рабочей книги',
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
  },
  settingsToFill: (items: string[]) => `Заполните на листе «Настройки»: ${items.join('; ')}.`,
  done: (action: string) => `${action}: готово`,
} as const;
