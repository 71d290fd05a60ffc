/**
 * The six target groups of the roadmap (п. 1.1). Membership is sensitive (152-ФЗ, notes §6): it
 * is never asked in a form and reaches matching and reports only as a priority level or a count.
 */
export interface TargetGroup {
  code: string;
  name: string;
  /** Matching serves higher levels first; the curator can change it. */
  priority: number;
}

export const TARGET_GROUPS: readonly TargetGroup[] = [
  { code: 'ОВЗ', name: 'Дети с ограниченными возможностями здоровья', priority: 2 },
  { code: 'ОДАР', name: 'Дети, проявившие выдающиеся способности', priority: 1 },
  { code: 'ТЖС', name: 'Дети, попавшие в трудную жизненную ситуацию', priority: 2 },
  { code: 'МАЛ', name: 'Дети из малоимущих семей', priority: 1 },
  { code: 'СЕЛ', name: 'Дети, проживающие в сельской местности, на труднодоступных и отдалённых территориях', priority: 1 },
  { code: 'СИР', name: 'Дети-сироты и дети, оставшиеся без попечения родителей', priority: 2 },
];
