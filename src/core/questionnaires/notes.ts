/** What «Создать или обновить анкеты» tells the curator about the forms' texts (kept here, beside the texts). */
export const FORM_NOTES = {
  textEdited: (form: string, field: 'description' | 'confirmation') =>
    `В анкете «${form}» ${field === 'description' ? 'описание' : 'сообщение после отправки'} изменено вручную, поэтому надстройка его не меняет. ` +
    'Чтобы вписать туда организацию и контакты куратора с листа «Настройки», очистите это поле в форме и снова выполните «Создать или обновить анкеты».',
};
