import { freshAddon, look } from './helpers/addon';
import { cachedSetup, faultSweep, workspaceState } from './helpers/faults';
import { MIME } from '../local/emulator/drive-store';
import { FakeForm } from '../local/emulator/forms/fakes';
import type { FormModel } from '../local/emulator/forms/model';
import type { Workspace } from '../local/emulator/workspace';
import { questionnaires } from '../src/core/questionnaires/definitions';
import { RU } from '../src/core/strings';
import { pathThrough, submitAsParticipant } from '../local/emulator/forms/submit';
import { normalizeForm } from '../local/emulator/forms/persist';
import { pupil, teacherMentee } from './helpers/programme';
import { SHEET } from '../src/core/workbook/sheets';

type Outcome = { ok: boolean; message: string; newResponses?: number; forms?: Array<{ key: string; published: boolean; openToAll: boolean | null; action: string }>; problems?: string[] };
type Stored = Record<string, { id: string; items?: Record<string, number>; pages?: Record<string, number>; complete?: boolean; sheet?: string; published?: boolean; openToAll?: boolean | null }>;

import { MENTORING_FORMS } from '../src/core/domain/forms-of-mentoring';

// The seeded «Формы наставничества»: all in use except «студент – ученик».
const ACTIVE_FORMS = MENTORING_FORMS.map((f) => f.name).filter((n) => n !== 'студент – ученик');

function setUp() {
  const fresh = freshAddon();
  fresh.runner.call('setupWorkbook');
  return fresh;
}

function forms(ws: Workspace): FormModel[] {
  return ws.drive.byMime(MIME.form).map((e) => e.content as FormModel);
}

/** The records: the first five share 'questionnaires', every later form has its own 'questionnaires.<key>'. */
function stored(ws: Workspace): Stored {
  const out = JSON.parse(ws.properties.document.get('questionnaires') ?? '{}') as Stored;
  for (const [name, raw] of ws.properties.document) if (name.startsWith('questionnaires.')) out[name.slice('questionnaires.'.length)] = JSON.parse(raw) as Stored[string];
  return out;
}

/** Every questionnaire the add-on makes: the intake five, the meeting report's, feedback, diagnostics, surveys. */
const FORM_COUNT = Object.keys(questionnaires({ forms: ACTIVE_FORMS, pseudonymous: false })).length;
const each = <T>(value: T): T[] => Array.from({ length: FORM_COUNT }, () => value);

/** What «done» means for the questionnaires, checked on the models themselves. */
function expectComplete(ws: Workspace): void {
  const defs = questionnaires({ forms: ACTIVE_FORMS, pseudonymous: false });
  const all = forms(ws);
  expect(all).toHaveLength(FORM_COUNT);
  const record = stored(ws);
  for (const def of Object.values(defs)) {
    const entry = record[def.key];
    const model = all.find((f) => f.id === entry?.id);
    expect(model).toBeDefined();
    expect(model!.title).toBe(def.title);
    const questions = model!.items.filter((i) => i.type !== 'PAGE_BREAK');
    expect(questions.map((i) => i.title)).toEqual(def.questions.map((q) => q.title));
    expect(questions.map((i) => i.type)).toEqual(def.questions.map((q) => q.type));
    // Each section starts with its page break, right before its first question.
    for (const section of def.sections ?? []) {
      const at = model!.items.findIndex((i) => i.type === 'PAGE_BREAK' && i.title === section.title);
      expect(model!.items[at + 1].title).toBe(def.questions.find((q) => q.section === section.key)!.title);
      expect(entry.pages![section.key]).toBe(model!.items[at].id);
    }
    expect(model!.destinationId).toBe(ws.spreadsheet.id);
    expect(model!.published).toBe(true);
    expect(model!.acceptingResponses).toBe(true);
    expect(entry.complete).toBe(true);
    // Item ids by question key, as import reads them.
    expect(entry.items).toEqual(Object.fromEntries(def.questions.map((q, i) => [q.key, questions[i].id])));
  }
}

/** Drive, properties and the response sheets: what createQuestionnaires touches (the rest is setup's). */
function questionnaireState(ws: Workspace) {
  const state = workspaceState(ws, ['drive', 'properties', 'sheets'], {
    ignoreSheets: ws.spreadsheet.sheets.filter((s) => !s.formUrl).map((s) => s.name),
  });
  return state;
}

describe('createQuestionnaires on a new workbook', () => {
  const { ws, runner } = setUp();
  const result = runner.call('createQuestionnaires') as Outcome;

  test('makes every questionnaire as a titled, linked, published form and records them with their item ids', () => {
    expect(result.ok).toBe(true);
    expectComplete(ws);
    expect(ws.calls.count('Form.setTitle')).toBe(FORM_COUNT);
  });

  test('says in the result and the dialog whether outsiders can answer (unknown in a consumer account)', () => {
    expect(result.forms!.every((f) => f.published && f.openToAll === null)).toBe(true);
    expect(result.message).toContain(RU.questionnaires.accessUnknown(Object.values(questionnaires({ forms: ACTIVE_FORMS, pseudonymous: false })).map((d) => d.title)));
    const dialog = ws.ui.filter((e) => e.kind === 'dialog').pop()!;
    expect(dialog.html).toContain('Все, у кого есть ссылка');
  });

  test('a second run changes nothing and makes no form', () => {
    const before = questionnaireState(ws);
    const again = runner.call('createQuestionnaires') as Outcome;
    expect(again.ok).toBe(true);
    expect(again.forms!.map((f) => f.action)).toEqual(each('в порядке'));
    expect(questionnaireState(ws)).toEqual(before);
  });

  test('a title the curator blanked is written again', () => {
    const model = forms(ws).find((f) => f.id === stored(ws).mentor.id)!;
    model.title = '';
    const again = runner.call('createQuestionnaires') as Outcome;
    expect(again.forms!.find((f) => f.key === 'mentor')!.action).toBe('восстановлена');
    expect(model.title).toBe('Анкета наставника');
  });
});

describe('createQuestionnaires under a fault at any service call', () => {
  test('fails in Russian and, run again, ends exactly as a clean run: every form complete', () => {
    const setup = cachedSetup(setUp);
    const report = faultSweep({ setup, operation: { name: 'createQuestionnaires' }, snapshot: questionnaireState, maxFaults: process.env.FULL_SWEEP ? 100000 : 80 });
    // Every method the operation calls is failed at least once, and every fault was followed up.
    expect(report.faults).toBeGreaterThanOrEqual(Object.keys(report.calls).length);
    expect(report.diffs).toEqual([]);
  });

  test('a failure right after FormApp.create leaves a form the re-run adopts instead of a sixth one', () => {
    const { ws, runner } = setUp();
    ws.calls.failOn('Form.getId', { message: 'Service unavailable: Forms' });
    const failed = runner.call('createQuestionnaires') as Outcome;
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/Не удалось/);
    expect(forms(ws)).toHaveLength(1);
    expect(stored(ws).mentee).toBeUndefined();
    const again = runner.call('createQuestionnaires') as Outcome;
    expect(again.ok).toBe(true);
    expectComplete(ws);
  });

  test('a failure between adding an item and titling it leaves no stray untitled question', () => {
    const { ws, runner } = setUp();
    ws.calls.failOn('TextItem.setTitle', { after: 3 });
    expect((runner.call('createQuestionnaires') as Outcome).ok).toBe(false);
    expect(forms(ws)[0].items.some((i) => i.title === '')).toBe(true);
    expect((runner.call('createQuestionnaires') as Outcome).ok).toBe(true);
    expectComplete(ws);
  });
});

/** Replaces members of the emulator's Form for one test: Google behaving otherwise than the fake. */
function withFormMembers(members: Record<string, unknown>, work: () => void): void {
  const proto = FakeForm.prototype as unknown as Record<string, unknown>;
  const saved = new Map(Object.keys(members).map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)]));
  try {
    for (const [k, v] of Object.entries(members)) {
      if (v === undefined) delete proto[k];
      else Object.defineProperty(proto, k, { value: v, configurable: true, writable: true });
    }
    work();
  } finally {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(proto, k, d);
      else delete proto[k];
    }
  }
}

describe('publishing and who may answer', () => {
  test('a runtime without setPublished: the forms are reported unpublished with what to do by hand', () => {
    withFormMembers({ setPublished: undefined }, () => {
      const { ws, runner } = setUp();
      const result = runner.call('createQuestionnaires') as Outcome;
      expect(result.ok).toBe(true);
      expect(result.forms!.every((f) => !f.published)).toBe(true);
      expect(result.message).toContain('Не удалось опубликовать');
      expect(result.message).toContain('«Опубликовать»');
      expect(ws.ui.filter((e) => e.kind === 'dialog').pop()!.html).toContain('НЕ опубликована');
      expect(Object.values(stored(ws)).every((s) => s.published === false && s.complete === true)).toBe(true);
    });
  });

  test('setPublished that does not take (isPublished stays false) is reported, not trusted', () => {
    withFormMembers(
      {
        setPublished(this: FakeForm) {
          return this;
        },
      },
      () => {
        const { runner } = setUp();
        const result = runner.call('createQuestionnaires') as Outcome;
        expect(result.forms!.map((f) => f.published)).toEqual(each(false));
        expect(result.message).toContain('Не удалось опубликовать');
      },
    );
  });

  test('a Workspace domain that asks for sign-in: the forms are opened to anyone with the link', () => {
    const login = new Map<string, boolean>();
    withFormMembers(
      {
        requiresLogin(this: FakeForm) {
          return login.get(this.getId()) ?? true;
        },
        setRequireLogin(this: FakeForm, value: boolean) {
          login.set(this.getId(), value);
          return this;
        },
      },
      () => {
        const { ws, runner } = setUp();
        const result = runner.call('createQuestionnaires') as Outcome;
        expect(result.forms!.map((f) => f.openToAll)).toEqual(each(true));
        expect(ws.calls.count('Form.setRequireLogin')).toBe(FORM_COUNT);
        expect(result.message).not.toContain('без аккаунта школы');
        expect(ws.ui.filter((e) => e.kind === 'dialog').pop()!.html).toContain(RU.questionnaires.linkOpen);
      },
    );
  });

  test('a domain that refuses to drop sign-in (setRequireLogin throws) is reported as domain-only or unknown, never a failure', () => {
    withFormMembers(
      {
        requiresLogin: () => true,
        setRequireLogin: () => {
          throw new Error('Exception: You do not have permission to perform that action.');
        },
      },
      () => {
        const { runner } = setUp();
        const result = runner.call('createQuestionnaires') as Outcome;
        expect(result.ok).toBe(true);
        expect(result.forms!.every((f) => f.published && f.openToAll === null)).toBe(true);
        expect(result.message).toContain('без аккаунта школы');
      },
    );
  });

  test('sign-in that stays required after setRequireLogin(false) is said plainly', () => {
    withFormMembers(
      {
        requiresLogin: () => true,
        setRequireLogin(this: FakeForm) {
          return this;
        },
      },
      () => {
        const { runner } = setUp();
        const result = runner.call('createQuestionnaires') as Outcome;
        expect(result.forms!.every((f) => f.openToAll === false)).toBe(true);
        expect(result.message).toContain('только от пользователей домена школы');
      },
    );
  });
});

/** Rows of «Формы наставничества» as the curator leaves them: [name, «Используется»]. */
function setFormsOfMentoring(ws: Workspace, rows: Array<[string, string]>): void {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName('Формы наставничества')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const name = header.indexOf('Форма');
    const active = header.indexOf('Используется');
    sheet.getRange(2, 1, sheet.getMaxRows() - 1, sheet.getLastColumn()).clearContent();
    rows.forEach(([n, a], i) => {
      sheet.getRange(i + 2, name + 1).setValue(n);
      sheet.getRange(i + 2, active + 1).setValue(a);
    });
  });
}

describe('choice lists from the workbook', () => {
  test('the same form of mentoring typed twice becomes one choice', () => {
    const { ws, runner } = setUp();
    setFormsOfMentoring(ws, [
      ['ученик – ученик', 'да'],
      ['ученик – ученик ', 'да'],
      ['педагог – педагог', 'да'],
    ]);
    expect((runner.call('createQuestionnaires') as Outcome).ok).toBe(true);
    const mentor = forms(ws).find((f) => f.title === 'Анкета наставника')!;
    expect(mentor.items.find((i) => i.title === 'В каких формах наставничества вы готовы участвовать?')!.choices).toEqual(['ученик – ученик', 'педагог – педагог', 'студент – ученик']);
  });

  test('no active form of mentoring: a Russian refusal and no form made', () => {
    const { ws, runner } = setUp();
    setFormsOfMentoring(ws, [['ученик – ученик', 'нет']]);
    const result = runner.call('createQuestionnaires') as Outcome;
    expect(result.ok).toBe(false);
    expect(result.message).toContain('нет ни одного варианта ответа');
    expect(result.message).toContain('«Используется»');
    expect(forms(ws)).toHaveLength(0);
  });

  test('a question whose type the curator changed is reported, not forced through as…Item()', () => {
    const { ws, runner } = setUp();
    runner.call('createQuestionnaires');
    const mentor = forms(ws).find((f) => f.title === 'Анкета наставника')!;
    const item = mentor.items.find((i) => i.title === 'В каких формах наставничества вы готовы участвовать?')!;
    item.type = 'PARAGRAPH_TEXT';
    delete item.choices;
    delete item.otherOption;
    setFormsOfMentoring(ws, [['ученик – ученик', 'да']]);
    const result = runner.call('createQuestionnaires') as Outcome;
    expect(result.ok).toBe(true);
    expect(result.message).toContain('изменён тип');
    expect(result.message).toContain('«Несколько из списка»');
    expect(item.type).toBe('PARAGRAPH_TEXT');
    expect(stored(ws).mentor.items!.forms).toBeUndefined();
    // The other choice questions were still refreshed.
    const mentee = forms(ws).find((f) => f.title === 'Анкета наставляемого')!;
    expect(mentee.items.find((i) => i.title === 'Какая форма наставничества вам подходит?')!.choices).toEqual(['ученик – ученик', 'не знаю, помогите выбрать']);
  });
});

describe('records kept before item ids existed', () => {
  test('an old record {id, url, editUrl, sheet} is read, completed with item ids, and no form is made', () => {
    const { ws, runner } = setUp();
    runner.call('createQuestionnaires');
    const old = Object.fromEntries(Object.entries(stored(ws)).map(([k, s]) => [k, { id: s.id, sheet: s.sheet }]));
    ws.properties.document.set('questionnaires', JSON.stringify(old));
    const before = forms(ws).map((f) => JSON.stringify(f));
    const result = runner.call('createQuestionnaires') as Outcome;
    expect(result.ok).toBe(true);
    expect(forms(ws).map((f) => JSON.stringify(f))).toEqual(before);
    expectComplete(ws);
  });

  test('a deleted question is added again and its new item id recorded', () => {
    const { ws, runner } = setUp();
    runner.call('createQuestionnaires');
    const mentee = forms(ws).find((f) => f.title === 'Анкета наставляемого')!;
    const gone = mentee.items.findIndex((i) => i.title === 'Ваши интересы и увлечения');
    const oldId = mentee.items[gone].id;
    mentee.items.splice(gone, 1);
    const result = runner.call('createQuestionnaires') as Outcome;
    expect(result.forms!.find((f) => f.key === 'mentee')!.action).toBe('восстановлена');
    const id = stored(ws).mentee.items!.interests;
    expect(id).not.toBe(oldId);
    expect(mentee.items.find((i) => i.id === id)!.title).toBe('Ваши интересы и увлечения');
  });
});

describe('the programme folder', () => {
  test('a file whose parents Drive does not show (drive.file) is moved without an empty removeParents', () => {
    const { ws, runner } = setUp();
    const updates: Array<Record<string, unknown>> = [];
    const context = runner.context as Record<string, unknown>;
    const files = (context.Drive as { Files: Record<string, (...a: unknown[]) => unknown> }).Files;
    // Under drive.file Google may list no parent the app can see: the fake shows the root.
    context.Drive = {
      Files: new Proxy(files, {
        get(target, prop) {
          const real = Reflect.get(target, prop) as (...a: unknown[]) => unknown;
          if (prop === 'get') {
            return (...args: unknown[]) => {
              const file = real.apply(target, args) as { parents?: string[] };
              return String((args[1] as { fields?: string })?.fields) === 'parents' ? { ...file, parents: [] } : file;
            };
          }
          if (prop === 'update') {
            return (...args: unknown[]) => {
              updates.push(args[3] as Record<string, unknown>);
              return real.apply(target, args);
            };
          }
          return real;
        },
      }),
    };
    expect((runner.call('createQuestionnaires') as Outcome).ok).toBe(true);
    expect(updates).toHaveLength(FORM_COUNT);
    for (const u of updates) expect(Object.keys(u)).toEqual(['addParents']);
    // Drive then refuses a second parent; the forms stay put, recorded as not yet in the folder.
    expect(Object.values(stored(ws)).map((s) => (s as { inFolder?: boolean }).inFolder)).toEqual(each(false));
  });
});

/** Writes values into «Настройки» by their labels, as the curator types them. */
function setSettings(ws: Workspace, values: Record<string, string>): void {
  look(ws, (ss) => {
    const sheet = ss.getSheetByName('Настройки')!;
    const labels = sheet
      .getRange(1, 1, sheet.getLastRow(), 1)
      .getValues()
      .map((r) => String(r[0]).trim());
    for (const [label, value] of Object.entries(values)) {
      const at = labels.indexOf(label);
      if (at < 0) throw new Error(`no setting ${label}`);
      sheet.getRange(at + 1, 2).setValue(value);
    }
  });
}

const texts = (f: FormModel) => [f.description, f.confirmationMessage];
const plain = (t: string) => t.replace(/\u00a0/g, ' ');

describe('the centre and the curator from «Настройки» in every form', () => {
  const { ws, runner } = setUp();
  setSettings(ws, {
    'Куратор (ФИО полностью)': 'Петрова Елена Андреевна',
    'Телефон куратора': '8 (81531) 2-34-56',
    'E-mail куратора': 'petrova@cdt.example',
  });
  runner.call('createQuestionnaires');
  const first = forms(ws).map((f) => ({ title: f.title, description: plain(f.description), confirmation: plain(f.confirmationMessage) }));

  test('each description and confirmation names the centre and how to reach the curator (name in the dative)', () => {
    expect(first).toHaveLength(FORM_COUNT);
    for (const f of first) {
      for (const t of [f.description, f.confirmation]) {
        expect(t).toContain('к куратору программы Петровой Елене Андреевне: тел. 8 (81531) 2-34-56, e-mail petrova@cdt.example.');
        expect(t).not.toMatch(/undefined|null|тел\.\s*[,.]|e-mail\s+[,.]|:\s*\./);
      }
      expect(f.description).toContain('«Центр детского творчества «Хибины»');
      expect(f.confirmation).toContain('Куратор программы наставничества МАОДО ЦДТ «Хибины»');
    }
    // What happens next and roughly when (the roadmap's 5.1), and how the separate consent is given.
    const mentee = first.find((f) => f.title === 'Анкета наставляемого')!;
    expect(mentee.description).toContain('пригласит вас на встречу наставников и наставляемых (по дорожной карте программы — до 30.11)');
    expect(mentee.description).toContain('Согласие оформляется отдельным документом');
    expect(mentee.description).toContain('подписывает родитель (законный представитель)');
    expect(mentee.description).toContain('Родители младших школьников могут заполнить анкету');
    expect(first.find((f) => f.title === 'Анкета наставника')!.description).toContain('ст. 351.8 Трудового кодекса РФ');
    // The post-meeting form tells the truth about keeping the answers, in one grammatical sentence each.
    expect(first.find((f) => f.title === 'Анкета после групповой встречи')!.description).toContain(
      'Ответы получает только куратор программы. Они нужны лишь для составления пар: ваш ответ удаляется, как только утверждена пара (группа) с вашим участием.',
    );
  });

  test('another centre and curator in «Настройки»: a re-run rewrites the texts of the same forms, nothing else', () => {
    const ids = forms(ws).map((f) => f.id);
    const items = forms(ws).map((f) => JSON.stringify(f.items));
    setSettings(ws, {
      'Полное наименование организации': 'Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества «Радуга»',
      'Сокращённое наименование': 'МБУ ДО ДДТ «Радуга»',
      'Куратор (ФИО полностью)': 'Смирнов Олег Игоревич',
      'Телефон куратора': '',
      'E-mail куратора': 'smirnov@ddt.example',
    });
    const again = runner.call('createQuestionnaires') as Outcome;
    expect(again.ok).toBe(true);
    expect(again.forms!.map((f) => f.action)).toEqual(each('обновлена'));
    expect(forms(ws).map((f) => f.id)).toEqual(ids);
    expect(forms(ws).map((f) => JSON.stringify(f.items))).toEqual(items);
    for (const f of forms(ws)) {
      for (const t of texts(f).map(plain)) {
        expect(t).toContain('к куратору программы Смирнову Олегу Игоревичу: e-mail smirnov@ddt.example.');
        expect(t).not.toMatch(/Хибины|Кировск|Петров|тел\./);
      }
      expect(plain(f.description)).toMatch(/^Муниципальное бюджетное учреждение дополнительного образования «Дом детского творчества «Радуга»/);
      expect(plain(f.confirmationMessage)).toContain('Куратор программы наставничества МБУ ДО ДДТ «Радуга»');
    }
    // Nothing hard-coded about the first centre anywhere in the forms.
    expect(JSON.stringify(forms(ws).map((f) => ({ ...f, responses: [] })))).not.toMatch(/Хибины|Кировск/);
  });

  test('no curator contact at all: the sentence points to the curator at the centre, with no empty «тел.»', () => {
    setSettings(ws, { 'Куратор (ФИО полностью)': '', 'E-mail куратора': '' });
    runner.call('createQuestionnaires');
    for (const f of forms(ws)) for (const t of texts(f).map(plain)) expect(t).toContain('С вопросами обращайтесь к куратору программы в МБУ ДО ДДТ «Радуга».');
  });

  test('a description the curator rewrote by hand is kept and the curator is told how to refresh it', () => {
    const mentor = forms(ws).find((f) => f.title === 'Анкета наставника')!;
    mentor.description = 'Наш текст';
    setSettings(ws, { 'Телефон куратора': '8 800 000-00-00' });
    const again = runner.call('createQuestionnaires') as Outcome;
    expect(mentor.description).toBe('Наш текст');
    expect(plain(mentor.confirmationMessage)).toContain('тел. 8 800 000-00-00');
    expect(again.message).toContain('В анкете «Анкета наставника» описание изменено вручную');
    // Cleared by the curator: written again.
    mentor.description = '';
    runner.call('createQuestionnaires');
    expect(plain(mentor.description)).toContain('тел. 8 800 000-00-00');
  });
});

describe('the mentee form in sections', () => {
  const { ws, runner } = setUp();
  runner.call('createQuestionnaires');
  const mentee = () => forms(ws).find((f) => f.title === 'Анкета наставляемого')!;
  const TEACHER_ONLY = ['Педагогический стаж, полных лет', 'С чем вам нужна помощь наставника в работе?', 'В какой форме наставничества вы хотели бы участвовать?'];
  const PUPIL_ONLY = [
    'Класс (для обучающихся)',
    'Возраст, полных лет (для обучающихся)',
    'С чем вам нужна помощь наставника?',
    'Если нужна помощь с конкурсом, проектом или объединением — по какому направлению?',
    'Какая форма наставничества вам подходит?',
  ];
  const walk = (who: string) => pathThrough(mentee(), (item) => (item.title === 'Кто вы?' ? who : undefined)).map((i) => i.title);

  test("a pupil is led past the teachers' page, a teacher past the pupils'; both reach the common last page", () => {
    const pupilPath = walk('обучающийся');
    const teacherPath = walk('педагог (молодой специалист или новый сотрудник)');
    for (const t of TEACHER_ONLY) expect(pupilPath).not.toContain(t);
    for (const t of PUPIL_ONLY) expect(pupilPath).toContain(t);
    for (const t of PUPIL_ONLY) expect(teacherPath).not.toContain(t);
    for (const t of TEACHER_ONLY) expect(teacherPath).toContain(t);
    for (const path of [pupilPath, teacherPath]) expect(path.slice(-2)).toEqual(['Когда вам удобно встречаться?', 'Телефон или e-mail для связи']);
    // The pupil's list offers no teacher's topic.
    const topics = mentee().items.find((i) => i.title === 'С чем вам нужна помощь наставника?')!;
    expect(topics.choices).not.toContain('документация педагога ДО');
    expect(mentee().progressBar).toBe(true);
  });

  test('the section navigation survives the local workspace file (.form.json)', () => {
    const saved = JSON.parse(JSON.stringify(mentee())) as unknown;
    expect(normalizeForm(saved)).toEqual(mentee());
    expect(mentee().items.some((i) => i.choiceNavigation?.some((n) => n?.type === 'GO_TO_PAGE'))).toBe(true);
    expect(mentee().items.some((i) => i.type === 'PAGE_BREAK' && i.goToPage?.type === 'GO_TO_PAGE')).toBe(true);
  });

  test("an answer on the other branch's page cannot be given", () => {
    expect(() => submitAsParticipant(ws, 'Анкета наставляемого', pupil('Орлов Глеб Игоревич', { 'Педагогический стаж, полных лет': '3' }))).toThrow(
      /до которого участник с такими ответами не доходит/,
    );
  });

  test('answers from both sections are imported into the same fields of «Наставляемые»', () => {
    submitAsParticipant(ws, 'Анкета наставляемого', pupil('Орлов Глеб Игоревич', { 'Какая форма наставничества вам подходит?': 'педагог – ученик' }));
    submitAsParticipant(ws, 'Анкета наставляемого', teacherMentee('Волкова Анна Павловна', '1'));
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    const rows = look(ws, (ss) => {
      const [header, ...data] = ss.getSheetByName(SHEET.mentees)!.getDataRange().getValues();
      return data.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
    });
    const byName = (n: string) => rows.find((r) => r['ФИО'] === n)!;
    expect(byName('Орлов Глеб Игоревич')).toMatchObject({ Категория: 'обучающийся', 'Темы запроса': 'подготовка к конкурсу, олимпиаде, выставке', 'Желаемая форма': 'педагог – ученик' });
    expect(byName('Волкова Анна Павловна')).toMatchObject({ Категория: 'педагог', 'Темы запроса': 'методика занятий', 'Желаемая форма': 'педагог – педагог' });
    expect(String(byName('Волкова Анна Павловна')['Стаж, лет'])).toBe('1');
  });

  test('a form made before sections is rearranged in place: page breaks, branches, earlier titles renamed, same items kept', () => {
    const { ws: w, runner: r } = setUp();
    r.call('createQuestionnaires');
    const model = forms(w).find((f) => f.title === 'Анкета наставляемого')!;
    const record = stored(w);
    const keep = record.mentee.items!;
    // As the single-page version left it: no page breaks, no teacher questions, the earlier title.
    const gone = new Set([...Object.values(record.mentee.pages!), keep.teacherTopics, keep.teacherForm]);
    model.items = model.items.filter((i) => !gone.has(i.id));
    const experience = model.items.find((i) => i.id === keep.experience)!;
    experience.title = 'Педагогический стаж, полных лет (для педагогов)';
    model.items.splice(model.items.indexOf(experience), 1);
    model.items.splice(3, 0, experience);
    const category = model.items.find((i) => i.title === 'Кто вы?')!;
    category.choices = ['обучающийся', 'педагог'];
    delete category.choiceNavigation;
    const { teacherTopics: _t, teacherForm: _f, ...older } = keep;
    w.properties.document.set('questionnaires', JSON.stringify({ ...record, mentee: { ...record.mentee, items: older, pages: undefined } }));
    const again = r.call('createQuestionnaires') as Outcome;
    expect(again.forms!.find((f) => f.key === 'mentee')!.action).toBe('восстановлена');
    expectComplete(w);
    expect(stored(w).mentee.items!.experience).toBe(keep.experience);
    expect(experience.title).toBe('Педагогический стаж, полных лет');
    expect(pathThrough(model, (i) => (i.title === 'Кто вы?' ? 'обучающийся' : undefined)).map((i) => i.title)).not.toContain('Педагогический стаж, полных лет');
  });
});

describe('forms made before the questions about the field, the format and a mentor’s age', () => {
  const ADDED = ['Если нужна помощь с конкурсом, проектом или объединением — по какому направлению?', 'По какому направлению?', 'Возраст, полных лет (для обучающихся)'];

  test('get the questions in place; the answers imported before are not imported again', () => {
    const { ws, runner } = setUp();
    runner.call('createQuestionnaires');
    // As the previous version made them: none of the new questions, three formats.
    const record = stored(ws);
    for (const f of forms(ws)) {
      const mentorForm = f.id === record.mentor.id;
      f.items = f.items.filter((i) => !ADDED.includes(i.title) || (!mentorForm && i.title === 'Возраст, полных лет (для обучающихся)'));
      for (const i of f.items) if (i.title === 'Удобный формат встреч') i.choices = ['очно', 'дистанционно', 'смешанный'];
    }
    ws.properties.document.set(
      'questionnaires',
      JSON.stringify(
        Object.fromEntries(
          Object.entries(record).map(([k, r]) => {
            const { direction: _d, ...items } = r.items ?? {};
            if (k === 'mentor') delete items.age;
            return [k, { ...r, items }];
          }),
        ),
      ),
    );
    // Nor had their response sheets the columns: Google adds one with the first answer after the question.
    look(ws, (ss) => {
      for (const sheet of ss.getSheets().filter((s) => s.getFormUrl())) {
        const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
        // The mentee form asked a pupil's age before; only the mentor form («Должность») did not.
        const gone = ADDED.filter((t) => header.includes('Должность') || !t.startsWith('Возраст'));
        for (let c = header.length; c >= 1; c--) if (gone.includes(header[c - 1])) sheet.deleteColumn(c);
      }
    });
    submitAsParticipant(ws, 'Анкета наставляемого', pupil('Орлов Глеб Игоревич'), { timestamp: new Date('2026-10-02T06:00:00Z') });
    expect((runner.call('importResponses') as Outcome).ok).toBe(true);
    const again = runner.call('createQuestionnaires') as Outcome;
    expect(
      again
        .forms!.filter((f) => f.action === 'восстановлена')
        .map((f) => f.key)
        .sort(),
    ).toEqual(['mentee', 'mentor', 'thirdParty']);
    expectComplete(ws);
    const format = forms(ws)
      .find((f) => f.title === 'Анкета наставляемого')!
      .items.find((i) => i.title === 'Удобный формат встреч')!;
    expect(format.choices).toEqual(['очно', 'дистанционно', 'смешанный', 'только очно', 'только дистанционно']);
    // A new answer gives the response sheet the new column; the older row stays imported once.
    submitAsParticipant(ws, 'Анкета наставляемого', pupil('Фомина Вера Ильинична', { 'Удобный формат встреч': 'только дистанционно' }), {
      timestamp: new Date('2026-10-04T06:00:00Z'),
    });
    const result = runner.call('importResponses') as Outcome;
    expect(result.newResponses).toBe(1);
    const rows = look(ws, (ss) => {
      const [header, ...data] = ss.getSheetByName(SHEET.mentees)!.getDataRange().getValues();
      return data.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
    });
    expect(rows.map((r) => [r['ФИО'], r['Формат встреч']])).toEqual([
      ['Орлов Глеб Игоревич', 'очно'],
      ['Фомина Вера Ильинична', 'только дистанционно'],
    ]);
  });
});
