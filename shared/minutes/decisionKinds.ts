/** Beschlussart, as the council information systems list it. */
export const DECISION_KINDS = [
  'adoptedUnchanged',
  'adoptedAmended',
  'rejected',
  'noted',
  'deferred',
  'postponed',
  'withdrawn',
  'referred',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_KIND_LABELS: Record<'de' | 'en', Record<DecisionKind, string>> = {
  de: {
    adoptedUnchanged: 'ungeändert beschlossen',
    adoptedAmended: 'geändert beschlossen',
    rejected: 'abgelehnt',
    noted: 'zur Kenntnis genommen',
    deferred: 'zurückgestellt',
    postponed: 'vertagt',
    withdrawn: 'zurückgezogen',
    referred: 'verwiesen',
  },
  en: {
    adoptedUnchanged: 'adopted unchanged',
    adoptedAmended: 'adopted with amendments',
    rejected: 'rejected',
    noted: 'noted',
    deferred: 'deferred',
    postponed: 'postponed',
    withdrawn: 'withdrawn',
    referred: 'referred',
  },
};

/** The clerk's default after a vote: passed → unchanged, otherwise rejected. */
export const defaultDecisionKind = (passed: boolean): DecisionKind => (passed ? 'adoptedUnchanged' : 'rejected');
