import { CONSENT } from '../../../src/core/intake/consent';
import { DEFAULT_PLATFORM_COLUMNS, PLATFORM_COLUMNS, PlatformPair, PlatformPerson, parseColumns, platformRows, platformTable } from '../../../src/core/export/platform';
import { SETTINGS, readSettings } from '../../../src/core/settings';

const person = (id: string, name: string, role: PlatformPerson['role'], consent: string, extra: Partial<PlatformPerson> = {}): PlatformPerson => ({
  id,
  name,
  role,
  category: role === 'наставник' ? 'педагог' : 'обучающийся',
  organisation: '',
  position: '',
  grade: '',
  association: '',
  status: 'в паре',
  training: role === 'наставник' ? 'обучен' : '',
  consent,
  ...extra,
});

const pair = (id: string, mentorId: string, menteeId: string, extra: Partial<PlatformPair> = {}): PlatformPair => ({
  id,
  unit: id,
  form: 'педагог – ученик',
  mentorId,
  menteeId,
  status: 'активна',
  start: new Date(Date.UTC(2026, 9, 5, 12)),
  end: '',
  ...extra,
});

const ctx = { organisation: 'МАОДО ЦДТ «Хибины»', formatDate: (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('.') };
const columns = (setting: string) => {
  const parsed = parseColumns(setting);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.columns;
};

const people = [
  person('НК-1', 'Белова Ирина Сергеевна', 'наставник', CONSENT.validNoPublication, { organisation: '', position: 'педагог дополнительного образования' }),
  person('НК-2', 'Соколов Павел Андреевич', 'наставник', CONSENT.withdrawn, { category: 'партнёр' }),
  person('НК-3', 'Громов Олег Павлович', 'наставник', CONSENT.valid, { organisation: 'ООО «Север»' }),
  person('НЯ-1', 'Смирнова Алиса Андреевна', 'наставляемый', CONSENT.valid, { grade: '7' }),
  person('НЯ-2', 'Орлов Глеб Игоревич', 'наставляемый', CONSENT.refused),
  person('НЯ-3', 'Волкова Анна Павловна', 'наставляемый', CONSENT.needsParent),
  person('НЯ-4', 'Без Пары Ольга', 'наставляемый', CONSENT.validNoPublication, { status: 'без пары' }),
  person('НЯ-5', 'Кузнецов Пётр', 'наставляемый', CONSENT.valid),
];
const pairs = [
  pair('ПА-1', 'НК-1', 'НЯ-1'),
  pair('ПА-2', 'НК-2', 'НЯ-5', { status: 'утверждена' }),
  pair('ПА-3', 'НК-1', 'НЯ-2', { unit: 'ГР-1' }),
  pair('ПА-4', 'НК-3', 'НЯ-1', { status: 'предложена' }),
  pair('ПА-5', 'НК-3', 'НЯ-5', { status: 'завершена', end: new Date(Date.UTC(2027, 4, 31, 12)) }),
];

describe('the rows of the export', () => {
  const rows = platformRows(people, pairs);
  const grid = platformTable(columns(''), rows, ctx);
  const text = JSON.stringify(grid);

  test('only people with a valid consent, once per approved, working or finished pair, mentors first', () => {
    expect(rows.map((r) => [r.person.id, r.pair?.id ?? ''])).toEqual([
      ['НК-1', 'ПА-1'],
      ['НК-1', 'ПА-3'],
      ['НК-3', 'ПА-5'],
      ['НЯ-1', 'ПА-1'],
      ['НЯ-4', ''],
      ['НЯ-5', 'ПА-2'],
      ['НЯ-5', 'ПА-5'],
    ]);
  });

  test('nobody without consent appears, not by name and not by ID in the other side of a pair', () => {
    for (const p of people.filter((x) => ![CONSENT.valid, CONSENT.validNoPublication].includes(x.consent as never))) {
      expect(text).not.toContain(p.id);
      expect(text).not.toContain(p.name);
    }
    const header = grid[0];
    const at = (row: string[], name: string) => row[header.indexOf(name)];
    // Белова's group row names no mentee (Орлов refused); Кузнецов's pair with the withdrawn mentor names no mentor.
    const group = grid.find((r) => at(r, 'Пара') === 'ГР-1')!;
    expect([at(group, 'ID наставляемого'), at(group, 'Наставляемый')]).toEqual(['', '']);
    const withdrawnMentor = grid.find((r) => at(r, 'ID') === 'НЯ-5' && at(r, 'Статус пары') === 'утверждена')!;
    expect([at(withdrawnMentor, 'ID наставника'), at(withdrawnMentor, 'Наставник'), at(withdrawnMentor, 'Пара')]).toEqual(['', '', 'ПА-2']);
  });

  test('the default columns in their order, dates as dd.mm.yyyy, publication from the consent', () => {
    expect(grid[0]).toEqual(DEFAULT_PLATFORM_COLUMNS.split('; '));
    const row = (id: string, pairId: string) => grid[rows.findIndex((r) => r.person.id === id && (r.pair?.id ?? '') === pairId) + 1];
    expect(row('НК-1', 'ПА-1')).toEqual([
      'наставник',
      'НК-1',
      'Белова Ирина Сергеевна',
      'педагог',
      'МАОДО ЦДТ «Хибины»',
      'педагог дополнительного образования',
      '',
      '',
      'ПА-1',
      'педагог – ученик',
      'НК-1',
      'Белова Ирина Сергеевна',
      'НЯ-1',
      'Смирнова Алиса Андреевна',
      'активна',
      '05.10.2026',
      '',
      'в паре',
      'обучен',
      'нет',
    ]);
    expect(row('НК-3', 'ПА-5').slice(4, 5)).toEqual(['ООО «Север»']);
    expect(row('НЯ-5', 'ПА-5').slice(14, 17)).toEqual(['завершена', '05.10.2026', '31.05.2027']);
    expect(row('НЯ-1', 'ПА-1')[19]).toBe('да');
    expect(row('НЯ-4', '')).toEqual(['наставляемый', 'НЯ-4', 'Без Пары Ольга', 'обучающийся', 'МАОДО ЦДТ «Хибины»', '', '', '', '', '', '', '', '', '', '', '', '', 'без пары', '', 'нет']);
  });

  test('a chosen set of columns in the chosen order; case, «ё» and spaces do not matter', () => {
    const chosen = platformTable(columns(' id ;  фио\nСтатус   пары; Роль '), rows.slice(0, 1), ctx);
    expect(chosen).toEqual([
      ['ID', 'ФИО', 'Статус пары', 'Роль'],
      ['НК-1', 'Белова Ирина Сергеевна', 'активна', 'наставник'],
    ]);
  });

  test('with nobody consented the export is the header alone', () => {
    const none = people.map((p) => ({ ...p, consent: CONSENT.missing }));
    expect(platformTable(columns(''), platformRows(none, pairs), ctx)).toEqual([DEFAULT_PLATFORM_COLUMNS.split('; ')]);
  });
});

describe('the columns setting', () => {
  test('an unknown name is refused with the name and the known names, in Russian', () => {
    const parsed = parseColumns('Роль; ID; СНИЛС; Телефон');
    expect('error' in parsed && parsed.error).toBe(
      `В «Настройках» («Выгрузка «Наставник»: столбцы») неизвестные столбцы: «СНИЛС», «Телефон». Можно указать: ${PLATFORM_COLUMNS.map((c) => c.name).join('; ')}. Исправьте строку и запустите выгрузку снова; ничего не записано.`,
    );
    const one = parseColumns('Роль; Фамилия');
    expect('error' in one && one.error).toContain('неизвестный столбец: «Фамилия».');
  });

  test('a repeated name is refused', () => {
    const parsed = parseColumns('ID; Роль; id');
    expect('error' in parsed && parsed.error).toContain('столбец указан дважды: «id»');
  });

  test('«Настройки» offers the setting with every column as its default', () => {
    const def = SETTINGS.find((s) => s.key === 'platformColumns')!;
    expect(def.label).toBe('Выгрузка «Наставник»: столбцы');
    expect(def.default).toBe(DEFAULT_PLATFORM_COLUMNS);
    expect(readSettings([[def.label, 'ID; ФИО']]).settings.platformColumns).toBe('ID; ФИО');
    expect(readSettings([]).settings.platformColumns).toBe(DEFAULT_PLATFORM_COLUMNS);
  });
});

describe('a large centre', () => {
  test('the work grows with the rows, not with people × pairs: each pair is looked at a few times, whatever the number of people', () => {
    let reads = 0;
    const counted = (p: PlatformPair): PlatformPair => {
      const { mentorId, menteeId } = p;
      return Object.defineProperties(
        { ...p },
        {
          mentorId: { get: () => (reads++, mentorId), enumerable: true },
          menteeId: { get: () => (reads++, menteeId), enumerable: true },
        },
      );
    };
    const many: PlatformPerson[] = [];
    const links: PlatformPair[] = [];
    for (let i = 0; i < 5000; i++) {
      many.push(person(`НК-${i}`, `Наставник ${i}`, 'наставник', CONSENT.valid));
      many.push(person(`НЯ-${i}`, `Наставляемый ${i}`, 'наставляемый', i % 10 ? CONSENT.valid : CONSENT.missing));
      links.push(counted(pair(`ПА-${i}`, `НК-${i}`, `НЯ-${i}`)));
    }
    const grid = platformTable(columns(''), platformRows(many, links), ctx);
    expect(grid.length).toBe(1 + 5000 + 4500);
    expect(reads).toBeLessThan(10 * links.length);
  });
});
