/**
 * One definition of a pair and a group, used by «Пары и группы», the summaries, the sidebar and
 * the orders: a unit is one mentor in one form of mentoring; with one mentee it is a pair, with
 * more a group. A mentor who leads pupils and teachers leads two units.
 */
export interface PairLike {
  mentorId: string;
  menteeId: string;
  form: string;
}

export interface Unit<P extends PairLike = PairLike> {
  mentorId: string;
  form: string;
  pairs: P[];
}

export const unitKey = (p: { mentorId: string; form: string }) => `${p.mentorId}|${p.form}`;

export function unitsOf<P extends PairLike>(pairs: readonly P[]): Unit<P>[] {
  const units = new Map<string, Unit<P>>();
  for (const p of pairs) {
    const k = unitKey(p);
    const unit = units.get(k) ?? { mentorId: p.mentorId, form: p.form, pairs: [] };
    unit.pairs.push(p);
    units.set(k, unit);
  }
  return [...units.values()];
}

export interface UnitCount {
  pairs: number;
  groups: number;
  mentees: number;
}

export function countUnits(pairs: readonly PairLike[]): UnitCount & { byForm: Array<UnitCount & { form: string }> } {
  const units = unitsOf(pairs);
  const tally = (list: Unit[]): UnitCount => ({
    pairs: list.filter((u) => u.pairs.length === 1).length,
    groups: list.filter((u) => u.pairs.length > 1).length,
    mentees: list.reduce((s, u) => s + u.pairs.length, 0),
  });
  const forms = [...new Set(units.map((u) => u.form))];
  return { ...tally(units), byForm: forms.map((form) => ({ form, ...tally(units.filter((u) => u.form === form)) })) };
}

/**
 * The group's ID in «Пары и группы»: «Г-0004» from the mentor's «НК-0004»; a mentor with groups in
 * several forms gets one ID per form, numbered by the form's place in `forms`.
 */
export function groupId(mentorId: string, form: string, formsWithGroups: readonly string[], allForms: readonly string[]): string {
  const base = `Г-${mentorId.replace(/^\D+-?/, '')}`;
  if (formsWithGroups.length <= 1) return base;
  return `${base}.${allForms.indexOf(form) + 1}`;
}
