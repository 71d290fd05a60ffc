/**
 * «Подбор: почему без пары и что дальше»: for each unmatched mentee the facts that actually block
 * them, with names and counts, and one next step that follows from those facts (never one that
 * contradicts the person's own choice of form).
 */
import { CONSENT } from '../intake/consent';
import { MatchResult } from '../matching/result';
import { BlockingPair } from '../matching/blocking';
import { plural } from '../language/numerals';
import { surnameInitials } from '../language/person-name';
import { GrammaticalCase } from '../language/cases';
import { MatchingPlan, ObstacleGroup, Overrulable, SiblingOutcome } from './plan';
import { menteeForms, mentorWorksIn, placesOf } from './rules';
import { MenteeRecord } from './records';
import { Format } from './profile';

export interface Unmatched {
  menteeId: string;
  why: string;
  next: string;
}

const MENTORS = ['наставник', 'наставника', 'наставников'] as const;
const PLACES = ['место', 'места', 'мест'] as const;

/** The unmatched mentees of a result (in base ids), each with why and what next. */
export function unmatchedNotes(plan: MatchingPlan, result: MatchResult, siblings?: SiblingOutcome): Unmatched[] {
  const used = new Map<string, number>();
  for (const p of result.pairs) used.set(p.mentor, (used.get(p.mentor) ?? 0) + 1);
  const name = (id: string, grammaticalCase: GrammaticalCase = 'nominative') => surnameInitials(plan.mentors.get(id)?.name ?? id, grammaticalCase, plan.names);
  const freePlaces = (id: string) => {
    const m = plan.mentors.get(id);
    if (!m) return 0;
    const p = placesOf(m, plan.forms);
    return (p.split ? p.children + p.teachers : Math.max(p.children, p.teachers)) - (used.get(id) ?? 0);
  };
  const withRoom = [...plan.mentors.keys()].filter((m) => freePlaces(m) > 0);
  const everyone = [...plan.mentors.values()].filter((m) => m.consent).map((m) => plan.scorer.mentorProfile(m));
  return result.unmatched.map((id) => {
    const mentee = plan.mentees.get(id);
    if (!mentee) return { menteeId: id, why: 'нет в базе наставляемых', next: 'обновите подбор' };
    const early = menteeLevel(plan, mentee);
    if (early) return { menteeId: id, ...early };
    const facts: string[] = [];
    const steps: string[] = [];
    const apart = siblings?.apart.get(id);
    if (apart) facts.push(`семья просит одного наставника вместе с ${apart.join(', ')}, но ни один наставник не может взять их всех`);
    const options = plan.allowed.get(id) ?? [];
    if (options.length) {
      const names = options.slice(0, 3).map((c) => name(c.mentorId));
      facts.push(`подходят, но их места заняты: ${names.join(', ')}${options.length > 3 ? ` и ещё ${options.length - 3}` : ''}`);
      steps.push(
        `добавьте место у ${options.length === 1 ? name(options[0].mentorId, 'genitive') : 'одного из них'} (столбец «Готов взять наставляемых») или дождитесь следующего раунда подбора (п. 5.3)`,
      );
    }
    const groups = [...(plan.obstacles.get(id)?.values() ?? [])].sort((a, b) => b.count - a.count);
    for (const g of groups.slice(0, 3)) facts.push(groupFact(g, name));
    const profile = plan.scorer.menteeProfile(mentee);
    const nobody = profile.topics.map((t, i) => ({ t, i })).filter(({ t }) => !plan.scorer.coveredByAnyone(t, everyone));
    if (nobody.length) {
      const what = nobody.map(({ i }) => `«${profile.topicNames[i]}»`).join(', ');
      facts.push(`запрос ${what} не закрывает никто из наставников`);
      steps.push(`найдите наставника с компетенцией ${what} (анкета наставника, п. 5.3)`);
    }
    steps.push(...usableStep(plan, id, withRoom, name));
    if (groups.length) steps.push(groupNext(groups[0], plan, profile.format, profile.topicNames.map((t) => `«${t}»`).join(', ')));
    const next = steps.find(Boolean) ?? 'найдите наставника среди педагогов или партнёров и пригласите заполнить анкету наставника (п. 5.3)';
    return { menteeId: id, why: facts.join('; ') || 'подходящих наставников нет', next };
  });
}

/**
 * A mentor with a free place kept out only by what the curator may overrule. One whose format or
 * time differs is worth a conversation; one who does not cover the request is offered only from
 * the child's own association (anyone else would be a pair in name only).
 */
function usableStep(plan: MatchingPlan, menteeId: string, withRoom: readonly string[], name: (id: string, c?: GrammaticalCase) => string): string[] {
  const mentee = plan.mentees.get(menteeId);
  if (!mentee) return [];
  const own = plan.scorer.menteeProfile(mentee).association;
  const options = withRoom
    .map((m) => ({ m, why: plan.overrulable(menteeId, m) }))
    .filter((x): x is { m: string; why: Overrulable } => x.why !== null)
    .filter((x) => !isRequest(x.why.key) || (own >= 0 && plan.scorer.mentorProfile(plan.mentors.get(x.m)!).association === own))
    .sort((a, b) => Number(isRequest(a.why.key)) - Number(isRequest(b.why.key)) || b.why.score - a.why.score);
  if (!options.length) return [];
  const { m, why } = options[0];
  const talk = why.key === 'format' ? 'договоритесь о формате встреч с участниками и' : why.key === 'schedule' ? 'договоритесь об удобном времени с участниками и' : 'если пара подходит,';
  return [`у ${name(m, 'genitive')} есть свободное место (мешает: ${why.text}): ${talk} закрепите пару вручную в боковой панели «Подбор пар»`];
}

/** What stands before any mentor: consent, a form that does not fit the person, a form with no mentors. */
function menteeLevel(plan: MatchingPlan, mentee: MenteeRecord): { why: string; next: string } | null {
  if (!mentee.consent) {
    if (mentee.consentStatus === CONSENT.needsParent) return { why: 'согласие на обработку ПДн подписано не родителем', next: 'получите подпись родителя (законного представителя)' };
    const child = mentee.category === 'обучающийся' && !(mentee.age !== null && mentee.age >= 18);
    return { why: 'нет согласия на обработку ПДн', next: child ? 'оформите согласие (подписывает родитель или законный представитель)' : 'оформите согласие на обработку ПДн' };
  }
  const known = plan.forms.find((f) => f.name === mentee.form);
  if (mentee.form && !known) return { why: `выбранная форма «${mentee.form}» сейчас не используется`, next: 'включите форму на листе «Формы наставничества» или уточните выбор с наставляемым' };
  if (known && known.menteeRole !== mentee.category)
    return { why: `выбрана форма «${mentee.form}», а в базе категория «${mentee.category || 'не указана'}»`, next: 'уточните форму или категорию в базе наставляемых' };
  const forms = menteeForms(mentee, plan.forms);
  const any = [...plan.mentors.values()].some((m) => forms.some((f) => mentorWorksIn(m, f)));
  if (!any) {
    const where = mentee.form ? `в форме «${mentee.form}»` : 'в формах для этой категории';
    return { why: `${where} нет ни одного наставника`, next: `пригласите наставников ${where} заполнить анкету наставника (п. 5.3)` };
  }
  return null;
}

const isRequest = (key: string) => key === 'request' || key.startsWith('formal:');

function groupFact(g: ObstacleGroup, name: (id: string, c?: GrammaticalCase) => string): string {
  if (g.key === 'mentorConsent') return `${plural(g.count, MENTORS)} без согласия на обработку ПДн`;
  const who =
    g.count === 1
      ? name(g.mentors[0])
      : `${plural(g.count, MENTORS)} (${g.mentors
          .slice(0, 2)
          .map((m) => name(m))
          .join(', ')}${g.count > 2 ? ' и др.' : ''})`;
  return `${who}: ${g.text}`;
}

function groupNext(g: ObstacleGroup, plan: MatchingPlan, own: Format, topics: string): string {
  if (g.key.startsWith('partner:')) {
    const mentors = g.mentors.map((id) => plan.mentors.get(id)).filter((m) => m !== undefined);
    const places = mentors.reduce((s, m) => s + Math.max(0, m.capacity), 0);
    return `${g.text.startsWith('соглашение') ? 'продлите соглашение' : 'заключите соглашение'} с организацией (${plural(g.count, MENTORS)}, ${plural(places, PLACES)})`;
  }
  switch (g.key) {
    case 'training':
      return 'после «Школы наставников» отметьте наставников «обучен» или разрешите подбор необученных в «Настройках»';
    case 'experience':
      return 'если педагог новый сотрудник центра, отметьте «Новый сотрудник» в базе наставляемых';
    case 'grade':
    case 'grade?':
      return 'укажите классы в базах или найдите наставника из более старшего класса';
    case 'format!':
      // The person's own «только …» stands: the step is a mentor who can meet so, not another format.
      return own.strict ? `найдите наставника, готового встречаться ${own.base === 'очно' ? 'очно' : 'дистанционно'} (анкета наставника, п. 5.3)` : 'уточните формат встреч с наставниками';
    case 'format':
      return 'уточните с участниками формат встреч';
    case 'schedule':
      return 'уточните с участниками удобное время';
    case 'relatives':
      return 'если это не родственники, закрепите пару вручную в боковой панели «Подбор пар»';
    case 'request':
      return `найдите наставника, который закрывает запрос (${topics}), и пригласите заполнить анкету наставника (п. 5.3)`;
    case 'formal:unknown':
      return 'уточните у наставляемого направление (конкурс, проект) и впишите его в столбец «Направление» — подбор учтёт наставников этого направления';
    case 'formal:direction':
      return 'найдите наставника направления наставляемого (анкета наставника, п. 5.3)';
    case 'formal:association':
      return 'найдите наставника из объединения наставляемого (анкета наставника, п. 5.3)';
    case 'rejected':
      return 'подходящие наставники отклонены куратором: найдите другого наставника (п. 5.3)';
    default:
      return '';
  }
}

/**
 * Pairs who would both rather be together than with their pairs now, in plain Russian and by name
 * («Иванова А.С. и Петров Б.И. предпочли бы друг друга своим нынешним парам»). Instance ids in.
 */
export function blockingLines(plan: MatchingPlan, pairs: readonly BlockingPair[], paired?: ReadonlySet<string>): string[] {
  return pairs.map((b) => {
    const mentorId = plan.slotOwner.get(b.mentor) ?? b.mentor;
    const mentee = surnameInitials(plan.mentees.get(b.mentee)?.name ?? b.mentee, 'nominative', plan.names);
    const mentor = surnameInitials(plan.mentors.get(mentorId)?.name ?? mentorId, 'nominative', plan.names);
    return paired && !paired.has(b.mentee) ? `${mentee} (без пары) и ${mentor} предпочли бы работать вместе` : `${mentee} и ${mentor} предпочли бы друг друга своим нынешним парам`;
  });
}

/** Stable mode may leave more priority children without a pair than the optimum: said before the curator relies on it. */
export function stablePriorityWarning(stable: MatchResult, optimal: MatchResult): string {
  const count = (r: MatchResult) =>
    Object.entries(r.objective.unmatchedByPriority)
      .filter(([level]) => Number(level) > 0)
      .reduce((s, [, n]) => s + n, 0);
  const a = count(stable);
  const b = count(optimal);
  if (a <= b) return '';
  return `⚠ В стабильном режиме без пары остаются дети с приоритетом: ${a} (в оптимальном — ${b}). Для них выберите оптимальный режим.`;
}
