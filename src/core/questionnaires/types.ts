/**
 * A questionnaire as one definition: FormApp builds the Google Form from it, and import reads the
 * response sheet with it (columns found by question title), so the two can never drift apart.
 */
export type QuestionType = 'TEXT' | 'PARAGRAPH_TEXT' | 'MULTIPLE_CHOICE' | 'CHECKBOX' | 'LIST' | 'SCALE' | 'CHECKBOX_GRID' | 'DATE';

export type FieldKind =
  /** Free text, trimmed, at most `maxLength` characters. */
  | { kind: 'text'; maxLength: number }
  /** A whole number in a range. */
  | { kind: 'number'; min: number; max: number }
  /** «7», «7 кл.», «7А», «1 год обучения»: a school class 1–11 or a year of study in an association. */
  | { kind: 'grade' }
  /** One of the choices. */
  | { kind: 'choice' }
  /** Several of the choices (joined with ", " by Google), plus free «Другое» answers. */
  | { kind: 'choices' }
  /** Checkbox grid: one column per row, each a ", "-joined list of the columns. */
  | { kind: 'grid' }
  | { kind: 'phoneOrEmail' }
  /**
   * A calendar day: «YYYY-MM-DD» for a day typed as text, or the ISO moment of a Date cell (a
   * Forms date lands as midnight in the spreadsheet's zone, which only the server knows).
   */
  | { kind: 'date' };

export interface QuestionDef {
  /** Field key in the participant record (and the base column's key). */
  key: string;
  title: string;
  /** Earlier titles, so an edited form still imports. */
  aliases?: readonly string[];
  type: QuestionType;
  help?: string;
  required: boolean;
  choices?: readonly string[];
  otherOption?: boolean;
  rows?: readonly string[];
  columns?: readonly string[];
  field: FieldKind;
  /** Asked only of some respondents (their answer to the role question). */
  onlyFor?: readonly string[];
  /** The answer field this question fills when it is not `key` (one field asked in two sections). */
  answerKey?: string;
  /** Choice → the value the bases keep (a choice worded for people, stored as the programme's term). */
  stores?: Readonly<Record<string, string>>;
  /** Answers earlier versions of the form offered → the choice they are read as now. */
  answerAliases?: Readonly<Record<string, string>>;
  /** The section (SectionDef.key) the question is on; none = the first page. */
  section?: string;
  /**
   * Asked since forms were already in use: an empty answer leaves the response's fingerprint as it
   * was, so older responses are not read as new once Google adds the question's column.
   */
  addedLater?: boolean;
  /** Any problem with the answer (empty, malformed, out of range) refuses the whole response. */
  strict?: boolean;
}

/**
 * A page of the form after the first (a Google Forms section, made by a PageBreakItem). A section
 * with `forAnswers` is a branch: only respondents whose routing answer is one of these reach it,
 * and after it they skip the other branches.
 */
export interface SectionDef {
  key: string;
  title: string;
  help?: string;
  /** Stored values of the routing question that lead here; absent = everyone comes here in turn. */
  forAnswers?: readonly string[];
}

export type QuestionnaireKey =
  | 'mentee'
  | 'mentor'
  | 'thirdParty'
  | 'preference'
  | 'meeting'
  | 'feedback'
  | 'diagnosticsEntryMentee'
  | 'diagnosticsEntryMentor'
  | 'diagnosticsExitMentee'
  | 'diagnosticsExitMentor'
  | 'satisfaction'
  | 'swot';

export interface QuestionnaireDef {
  key: QuestionnaireKey;
  title: string;
  description: string;
  confirmation: string;
  /** In form order: first-page questions, then each section's, in the order of `sections`. */
  questions: readonly QuestionDef[];
  sections?: readonly SectionDef[];
  /** Key of the first-page question whose answer picks the branch section. */
  route?: string;
}
