/**
 * What a report's text may claim about its table, as data: the words that introduce a figure and
 * the table cells it must equal. Each format's claims live in its folder (src/core/formats/<id>/claims.ts);
 * adding a phrasing means adding a keyword there, not code.
 *
 * A reference is a list of indicator ids whose values are summed (one id for one cell), or
 * `fact:feeCollected` for a report fact the table lacks.
 */
export type Ref = readonly string[];

/** Refs that depend on what the sentence is about (行政复议 or 行政诉讼, 规章 or 规范性文件). */
export type ContextRefs = Readonly<Record<string, Ref>>;

export interface CountClaim {
  id: string;
  /** Words after which a number with its unit states this figure: 新收 … 49件. */
  keywords: readonly string[];
  /** How messages name the figure when it is a sum of rows (a category of table 三). */
  name: string;
  ref: Ref | ContextRefs;
  /**
   * For keywords common in other contexts (收到, 办结): words between keyword and number must include
   * one of these, or be none (收到人大代表建议15件 is not about applications).
   */
  filler?: readonly string[];
  /** Units the figure is counted in, when others near the keyword mean something else (2019: 行政许可事项86项 vs 处理决定1180件). */
  units?: readonly string[];
  /** Other readings a careful writer may mean (受理 may include last year's carried-over applications). */
  alternatives?: readonly Ref[];
  /** The alternatives hold only in a sentence that says so (收到52件（含上年结转2件）). */
  alternativesWhen?: RegExp;
  /** Claims that are this figure's components (其中 …): for "sub-item quoted as total" and sums. */
  parts?: readonly string[];
  /** The parts overlap (one item published through several channels counts once): no sum check. */
  partsOverlap?: boolean;
  /** The whole that a share (占 N%) of this figure is taken of. */
  shareBase?: Ref | ContextRefs;
}

/** "均…": every item is of one kind, contradicted by any non-zero cell among the others. */
export interface AllClaim {
  pattern: RegExp;
  /** The words before the claim must say what it is about (申请), … */
  subject?: RegExp;
  /** … and not be about something else (人大代表建议…均已办结). */
  otherSubject?: RegExp;
  /** The total the claim is about, by context (`any` when the sentence names no context). */
  total: Ref | ContextRefs;
  mustBeZero: Ref | ContextRefs;
}

/** "未…": none at all, contradicted by a non-zero total. */
export interface NoneClaim {
  pattern: RegExp;
  ref: Ref;
  /** How messages name the figure when it is a sum of cells. */
  name?: string;
}

export interface FormatClaims {
  counts: CountClaim[];
  alls: AllClaim[];
  nones: NoneClaim[];
  /** Words that set what the following figures are about, in sentence order. */
  contexts: readonly { keyword: string; context: string }[];
  /**
   * Claims whose figures add up when named together before one number (予以公开及部分公开30件):
   * the parts of one total, and a few pairs reports join.
   */
  groups: readonly (readonly string[])[];
  /** Categories whose reasons may be named before them (因属于国家秘密不予公开1件). */
  reasonCategories: readonly string[];
  /** Applicant types a sentence may name (自然人申请中…): table 三's columns. Empty where the table has none. */
  applicants: readonly { keywords: readonly string[]; columns: readonly string[] }[];
  /** Statements that no fee at all was collected, and the claims that state a fee's amount. */
  fees: { none: RegExp; amounts: readonly string[] };
  /** The required sections of a report in this format, in order: each heading is recognized by any of its key words. */
  sections: readonly SectionSpec[];
}

export interface SectionSpec {
  heading: string;
  keys: readonly string[];
}

/** Context used when a context-dependent claim's sentence names none. */
export const NO_CONTEXT = 'any';


/** Report facts a claim may cite as `fact:<name>` (facts the table does not hold). */
export const CLAIM_FACTS = ['feeCollected'] as const;

const FACT_PREFIX = 'fact:';

/** Every indicator reference a format's claims make, with the claim that makes it (for messages). */
function refsOf(claims: FormatClaims): { owner: string; ref: string }[] {
  const all = (owner: string, refs: Ref | ContextRefs | undefined) =>
    refs === undefined ? [] : (Array.isArray(refs) ? [refs as Ref] : Object.values(refs as ContextRefs)).flat().map((ref) => ({ owner, ref }));
  return [
    ...claims.counts.flatMap((c) => [...all(c.id, c.ref), ...all(c.id, c.shareBase), ...(c.alternatives ?? []).flatMap((a) => all(c.id, a))]),
    ...claims.alls.flatMap((c) => [...all(String(c.pattern), c.total), ...all(String(c.pattern), c.mustBeZero)]),
    ...claims.nones.flatMap((c) => all(String(c.pattern), c.ref)),
  ];
}

/**
 * Checks that every indicator a format's claims cite is in its template, every fact is one a report
 * may state, and every claim named as a part, group member, reason category or fee amount exists: a
 * claim citing a cell the table lacks would otherwise never be checked, and nobody would notice.
 */
export function validateClaims(format: string, claims: FormatClaims, indicators: ReadonlySet<string>): void {
  for (const { owner, ref } of refsOf(claims)) {
    const known = ref.startsWith(FACT_PREFIX) ? (CLAIM_FACTS as readonly string[]).includes(ref.slice(FACT_PREFIX.length)) : indicators.has(ref);
    if (!known) throw new Error(`format ${format}: claim ${owner} names unknown indicator ${ref}`);
  }
  const ids = new Set(claims.counts.map((c) => c.id));
  if (ids.size !== claims.counts.length) throw new Error(`format ${format}: duplicate claim ids`);
  const named = [
    ...claims.counts.flatMap((c) => (c.parts ?? []).map((id) => ({ owner: c.id, id }))),
    ...claims.groups.flat().map((id) => ({ owner: 'groups', id })),
    ...claims.reasonCategories.map((id) => ({ owner: 'reasonCategories', id })),
    ...claims.fees.amounts.map((id) => ({ owner: 'fees', id })),
  ];
  for (const { owner, id } of named) {
    if (!ids.has(id)) throw new Error(`format ${format}: ${owner} names unknown claim ${id}`);
  }
}
