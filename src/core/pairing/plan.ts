import { MatchingInstance, MatchingMode, ScoreEntry, PairIds } from '../matching/instance';
import { MatchResult } from '../matching/result';
import { CONSENT } from '../intake/consent';
import { MenteeRecord, MentorRecord } from './records';
import { FormRule, Obstacle, RuleContext, fitObstacle, fitObstacleText, judgePair, menteeForms, placesOf, relativesWhy } from './rules';
import { MutualChoices, Scorer, Weights, explain, newEvaluation } from './score';
import { MentorProfile } from './profile';
import { Vocabulary } from './synonyms';
import { NO_OVERRIDES, NameOverrides } from '../language/name-overrides';

export interface Candidate {
  mentorId: string;
  form: string;
  score: number;
}

/** One obstacle as it stands between a mentee and some mentors: how many, and the first few. */
export interface ObstacleGroup extends Obstacle {
  mentors: string[];
  count: number;
}

export interface MatchingPlan {
  instance: MatchingInstance;
  /** Mentee id → every allowed mentor with the pair's form and score, best first. */
  allowed: Map<string, Candidate[]>;
  /** Mentee id → what ruled mentors out, grouped by obstacle, in the order first met. */
  obstacles: Map<string, Map<string, ObstacleGroup>>;
  /** A pair kept out only by what the curator may overrule (quality floor, likely relatives): why, its form and score; else null. */
  overrulable(menteeId: string, mentorId: string): Overrulable | null;
  /** Mentees left out of matching on purpose (consent withdrawn or refused): id → the note. */
  leftOut: Map<string, string>;
  mentees: Map<string, MenteeRecord>;
  mentors: Map<string, MentorRecord>;
  forms: readonly FormRule[];
  scorer: Scorer;
  /** Instance mentor id → base mentor id: a mentor whose places are split is two in the instance. */
  slotOwner: Map<string, string>;
  /** The curator's corrections of declined names («Склонение ФИО»), for the notes. */
  names: NameOverrides;
}

export type Overrulable = Obstacle & { form: string; score: number };

export interface PlanInput {
  mentees: readonly MenteeRecord[];
  mentors: readonly MentorRecord[];
  rules: RuleContext;
  weights: Weights;
  mutual: MutualChoices;
  vocabulary: Vocabulary;
  /** Approved pairs [menteeId, mentorId]: they stay and use capacity first. */
  locked: readonly PairIds[];
  mode: MatchingMode;
  names?: NameOverrides;
}

const ACTIVE = (status: string) => !['завершил(а)', 'выбыл(а)'].includes(status);
const TEACHER_SLOT = '/педагоги';

export function allowedPair(plan: MatchingPlan, menteeId: string, mentorId: string): Candidate | undefined {
  return plan.allowed.get(menteeId)?.find((c) => c.mentorId === mentorId);
}

/** The instance's id of a mentor for this mentee (a split mentor's teachers' places have their own). */
export function slotOf(plan: MatchingPlan, menteeId: string, mentorId: string): string {
  const teacherSlot = mentorId + TEACHER_SLOT;
  return plan.slotOwner.has(teacherSlot) && plan.mentees.get(menteeId)?.category === 'педагог' ? teacherSlot : mentorId;
}

/** Pairs in base ids → pairs in instance ids (what the matcher's functions take). */
export function toInstancePairs(plan: MatchingPlan, pairs: ReadonlyArray<{ mentee: string; mentor: string }>): Array<{ mentee: string; mentor: string }> {
  return pairs.map((p) => ({ mentee: p.mentee, mentor: slotOf(plan, p.mentee, p.mentor) }));
}

/** The matcher's answer in base ids. */
export function toBaseResult(plan: MatchingPlan, result: MatchResult): MatchResult {
  return { ...result, pairs: result.pairs.map((p) => ({ ...p, mentor: plan.slotOwner.get(p.mentor) ?? p.mentor })) };
}

/** Counts one more mentor behind an obstacle already met; false when it is new to this mentee. */
function counted(groups: Map<string, ObstacleGroup>, kind: string, mentorId: string): boolean {
  const g = groups.get(kind);
  if (!g) return false;
  g.count++;
  if (g.mentors.length < 5) g.mentors.push(mentorId);
  return true;
}

function push<K, V>(map: Map<K, V[]>, k: K, value: V): void {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}

/** Why a mentee is left out of matching altogether (not «без пары»: not to be matched). */
function leftOutNote(m: MenteeRecord): string {
  if (m.consentStatus === CONSENT.withdrawn) return 'согласие на обработку ПДн отозвано — не подбирать';
  if (m.consentStatus === CONSENT.refused) return 'отказ от согласия на обработку ПДн — не подбирать, пока не будет нового согласия';
  return '';
}

/**
 * The matching instance of this workbook: who may be paired with whom, and how well. Mentors are
 * indexed by form, so a mentee is judged only against mentors of the forms that fit them; pairs
 * ruled out by form alone are never built (most pairs are, and the instance stays sparse).
 */
export function planMatching(input: PlanInput): MatchingPlan {
  const leftOut = new Map<string, string>();
  const mentees = input.mentees.filter((m) => {
    if (!ACTIVE(m.status)) return false;
    const note = leftOutNote(m);
    if (note) leftOut.set(m.id, note);
    return !note;
  });
  const mentors = input.mentors.filter((m) => ACTIVE(m.status));
  const scorer = new Scorer(input.weights, input.mutual, input.vocabulary);
  // An approved or curator-forced pair stays only while both still have a valid consent (152-ФЗ).
  const consentedMentees = new Set(mentees.filter((m) => m.consent).map((m) => m.id));
  const consentedMentors = new Set(mentors.filter((m) => m.consent).map((m) => m.id));
  const locked = input.locked.filter(([e, m]) => consentedMentees.has(e) && consentedMentors.has(m));
  const lockedMentor = new Map(locked.map(([e, m]) => [e, m]));
  // Each mentor with their profile, by form: the loop below runs over every allowed pair.
  const byForm = new Map<string, Array<{ mentor: MentorRecord; profile: MentorProfile }>>();
  for (const m of mentors) for (const f of m.forms) push(byForm, f, { mentor: m, profile: scorer.mentorProfile(m) });

  const overrulable = (menteeId: string, mentorId: string): Overrulable | null => {
    const mentee = plan.mentees.get(menteeId);
    const mentor = plan.mentors.get(mentorId);
    if (!mentee?.consent || !mentor) return null;
    const verdict = judgePair(mentee, mentor, menteeForms(mentee, input.rules.forms), input.rules);
    if (!verdict.ok) return null;
    const a = scorer.menteeProfile(mentee);
    const b = scorer.mentorProfile(mentor);
    const ev = scorer.evaluate(mentee, mentor);
    const kind = fitObstacle(a, b, ev, input.rules.floor);
    const why = kind ? fitObstacleText(kind, a, b) : null;
    return why?.soft ? { ...why, form: verdict.form, score: scorer.value(ev) } : null;
  };
  const plan: MatchingPlan = {
    instance: { mode: input.mode, mentees: [], mentors: [] },
    allowed: new Map(),
    obstacles: new Map(),
    overrulable,
    leftOut,
    mentees: new Map(mentees.map((m) => [m.id, m])),
    mentors: new Map(mentors.map((m) => [m.id, m])),
    forms: input.rules.forms,
    scorer,
    slotOwner: new Map(),
    names: input.names ?? NO_OVERRIDES,
  };
  const places = new Map(mentors.map((m) => [m.id, placesOf(m, input.rules.forms)]));
  const splitMentors = new Set(mentors.filter((m) => places.get(m.id)?.split).map((m) => m.id));
  for (const m of mentors) {
    plan.slotOwner.set(m.id, m.id);
    if (splitMentors.has(m.id)) plan.slotOwner.set(m.id + TEACHER_SLOT, m.id);
  }

  const scores: ScoreEntry[] = [];
  // Mentees with the same forms share one pool of mentors (most share one or two).
  const pools = new Map<string, Array<{ mentor: MentorRecord; profile: MentorProfile }>>();
  const poolOf = (forms: readonly FormRule[]) => {
    const k = forms.map((f) => f.name).join('\n');
    let pool = pools.get(k);
    if (!pool) pools.set(k, (pool = [...new Set(forms.flatMap((f) => byForm.get(f.name) ?? []))]));
    return pool;
  };
  const ev = newEvaluation();
  for (const mentee of mentees) {
    const groups = new Map<string, ObstacleGroup>();
    const candidates: Candidate[] = [];
    const forms = menteeForms(mentee, input.rules.forms);
    if (mentee.consent) {
      const a = scorer.menteeProfile(mentee);
      const pool = poolOf(forms);
      const fixedTo = lockedMentor.get(mentee.id);
      for (const { mentor, profile: b } of pool) {
        const verdict = judgePair(mentee, mentor, forms, input.rules);
        if (!verdict.ok) {
          if (!counted(groups, verdict.why.key, mentor.id)) groups.set(verdict.why.key, { ...verdict.why, mentors: [mentor.id], count: 1 });
          continue;
        }
        scorer.evaluateProfiles(a, b, mentee.id, mentor.id, ev);
        // A pair the curator fixed keeps what she may overrule; a «только …» conflict it does not.
        const kind = fitObstacle(a, b, ev, input.rules.floor);
        if (kind && !(fixedTo === mentor.id && kind !== 'format!')) {
          // The text is made once per mentee and kind, not for each pair.
          if (!counted(groups, kind, mentor.id)) groups.set(kind, { ...fitObstacleText(kind, a, b), mentors: [mentor.id], count: 1 });
          continue;
        }
        candidates.push({ mentorId: mentor.id, form: verdict.form, score: scorer.value(ev) });
      }
    }
    candidates.sort((x, y) => y.score - x.score || (x.mentorId < y.mentorId ? -1 : x.mentorId > y.mentorId ? 1 : 0));
    const teacher = mentee.category === 'педагог';
    for (const c of candidates) scores.push([mentee.id, teacher && splitMentors.has(c.mentorId) ? c.mentorId + TEACHER_SLOT : c.mentorId, c.score]);
    plan.allowed.set(mentee.id, candidates);
    plan.obstacles.set(mentee.id, groups);
  }
  // A locked pair stays even if the rules no longer allow it: the curator approved it.
  for (const [e, m] of locked) if (!allowedPair(plan, e, m)) scores.push([e, slotOf(plan, e, m), 0]);

  const lockedCount = new Map<string, number>();
  for (const [e, m] of locked) lockedCount.set(slotOf(plan, e, m), (lockedCount.get(slotOf(plan, e, m)) ?? 0) + 1);
  const acceptable = new Map<string, Scored[]>();
  const acceptableFor = new Map<string, Scored[]>();
  const mutual: PairIds[] = [];
  for (const [e, m, score] of scores) {
    push(acceptable, e, { id: m, score });
    push(acceptableFor, m, { id: e, score });
    const owner = plan.slotOwner.get(m) ?? m;
    if (input.mutual.menteeRank(e, owner) && input.mutual.mentorRank(owner, e)) mutual.push([e, m]);
  }
  const slots = [...plan.slotOwner.keys()];
  const capacityOfSlot = (slot: string) => {
    const p = places.get(plan.slotOwner.get(slot) ?? slot);
    const own = !p ? 0 : slot.endsWith(TEACHER_SLOT) ? p.teachers : p.split ? p.children : Math.max(p.children, p.teachers);
    return Math.max(own, lockedCount.get(slot) ?? 0);
  };
  const priority = new Map(mentees.map((m) => [m.id, m.priority]));
  const ownerRank = (slot: string, e: string) => input.mutual.mentorRank(plan.slotOwner.get(slot) ?? slot, e);
  plan.instance = {
    mode: input.mode,
    mentees: mentees.map((m) => ({ id: m.id, priority: m.priority })),
    mentors: slots.map((id) => ({ id, capacity: capacityOfSlot(id) })),
    scores,
    locked: locked.map(([e, m]) => [e, slotOf(plan, e, m)] as PairIds),
    // A mutual choice decides after priority (a level of its own, not points); priority children get their best fit first.
    mutual,
    priorityScores: true,
    // Preferences go in both modes: stable mode matches by them, optimal mode names blocking pairs.
    // Mentors put priority children first, so stable mode honours priority too.
    menteePrefs: preferences(
      mentees,
      acceptable,
      (e, slot) => input.mutual.menteeRank(e, plan.slotOwner.get(slot) ?? slot),
      () => 0,
    ),
    mentorPrefs: preferences(
      slots.map((id) => ({ id })),
      acceptableFor,
      ownerRank,
      (e) => priority.get(e) ?? 0,
    ),
  };
  return plan;
}

/** Ranked lists: the higher level first, then the post-meeting choices, then by score, then by ID. */
interface Scored {
  id: string;
  score: number;
}

function preferences(
  owners: ReadonlyArray<{ id: string }>,
  acceptable: Map<string, Scored[]>,
  rank: (owner: string, other: string) => number | null,
  level: (other: string) => number,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { id } of owners) {
    // Keys computed once per entry, then a plain numeric sort.
    const entries = (acceptable.get(id) ?? []).map((o) => ({ other: o.id, level: level(o.id), rank: rank(id, o.id) ?? Infinity, score: o.score }));
    entries.sort((a, b) => b.level - a.level || a.rank - b.rank || b.score - a.score || (a.other < b.other ? -1 : a.other > b.other ? 1 : 0));
    out[id] = entries.map((e) => e.other);
  }
  return out;
}

export interface Proposal {
  menteeId: string;
  mentorId: string;
  form: string;
  score: number;
  reasons: string;
  alternatives: Array<{ mentorId: string; score: number }>;
  locked: boolean;
}

/** «Обоснование» of a pair: the warnings first (the rules' own, e.g. likely relatives of a fixed pair), then the merits. */
export function reasonsOf(plan: MatchingPlan, menteeId: string, mentorId: string): string {
  const mentee = plan.mentees.get(menteeId);
  const mentor = plan.mentors.get(mentorId);
  if (!mentee || !mentor) return '';
  const extra: string[] = [];
  const relatives = relativesWhy(plan.scorer.menteeProfile(mentee), plan.scorer.mentorProfile(mentor));
  if (relatives) extra.push(relatives);
  const overruled = plan.overrulable(menteeId, mentorId);
  if (overruled && overruled.key !== 'relatives') extra.push(`${overruled.text} — пара закреплена куратором`);
  return explain(plan.scorer.explainPair(mentee, mentor), extra);
}

/** Siblings kept with one mentor, and those no mentor could take together (together.ts). */
export interface SiblingOutcome {
  kept: ReadonlyMap<string, string[]>;
  apart: ReadonlyMap<string, string[]>;
}

const NO_SIBLINGS: SiblingOutcome = { kept: new Map(), apart: new Map() };

/** The proposals the curator reads: reasons and alternatives (the unmatched notes are notes.ts). */
export function describePairs(plan: MatchingPlan, result: MatchResult, siblings: SiblingOutcome = NO_SIBLINGS): Proposal[] {
  const ids = (list: readonly string[]) => list.join(', ');
  return result.pairs.map((p) => {
    const mentorId = plan.slotOwner.get(p.mentor) ?? p.mentor;
    const info = allowedPair(plan, p.mentee, mentorId);
    const mentee = plan.mentees.get(p.mentee);
    const overruled = info ? null : plan.overrulable(p.mentee, mentorId);
    // Explanations are worked out only for the pairs proposed, not for every allowed pair.
    let reasons = info || overruled ? reasonsOf(plan, p.mentee, mentorId) : 'пара утверждена куратором ранее';
    const kept = siblings.kept.get(p.mentee);
    const apart = siblings.apart.get(p.mentee);
    if (apart) reasons = `⚠ не вместе с ${ids(apart)}: ни один наставник не может взять их всех; ${reasons}`;
    else if (kept) reasons = `${reasons}; вместе с ${ids(kept)} у одного наставника, по просьбе семьи`;
    return {
      menteeId: p.mentee,
      mentorId,
      form: info?.form ?? overruled?.form ?? mentee?.form ?? '',
      score: info?.score ?? overruled?.score ?? 0,
      reasons,
      alternatives: (plan.allowed.get(p.mentee) ?? [])
        .filter((c) => c.mentorId !== mentorId)
        .slice(0, 2)
        .map((c) => ({ mentorId: c.mentorId, score: c.score })),
      locked: p.locked,
    };
  });
}
