import type { AllClaim, CountClaim, FormatClaims, Ref } from './claims';

/**
 * Claims that follow from a format's own: "均为<part>" for every part of a total, and the parts of each
 * total as names that add up when joined before one number. Derived once, when the format is registered.
 */
export function deriveClaims(claims: FormatClaims): FormatClaims {
  return {
    ...claims,
    alls: [...allOfOnePart(claims.counts), ...claims.alls],
    groups: groupsOf(claims),
  };
}

const except = (all: string[], one: string) => all.filter((x) => x !== one);

/** "均为<part>": every item of a total is of that part, so the total's other parts must be 0. */
function allOfOnePart(counts: CountClaim[]): AllClaim[] {
  const byId = new Map(counts.map((c) => [c.id, c]));
  const claims: AllClaim[] = [];
  for (const total of counts) {
    if (!total.parts || !Array.isArray(total.ref)) continue;
    const parts = total.parts.map((id) => byId.get(id)).filter((p): p is CountClaim => p !== undefined && Array.isArray(p.ref));
    for (const part of parts) {
      const words = part.keywords.map(escapeRegExp).join('|');
      claims.push({
        pattern: new RegExp(`均(?:为|是|系|由|通过|属于)?[“"]?(?:${words})`),
        total: total.ref as Ref,
        mustBeZero: except(parts.map((p) => p.id), part.id).flatMap((id) => byId.get(id)!.ref as Ref),
      });
    }
  }
  return claims;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Names that add up when joined before one number: the parts of each total (not overlapping channels), and the format's pairs. */
function groupsOf(claims: FormatClaims): string[][] {
  const fromParts = claims.counts.filter((c) => c.parts && !c.partsOverlap).map((c) => [...c.parts!]);
  return [...fromParts, ...claims.groups.map((g) => [...g])];
}
