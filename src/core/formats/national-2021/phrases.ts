import { isZero } from '../../narrative/analytics';
import type { Paragraph, ReportFacts } from '../../narrative/model';
import type { DecisionKind, DocumentCounts, National2021Analysis } from './analysis';
import { body, type Piece } from '../../narrative/runs';
import { amount, CLAUSES, feeCollectedRun, type FormatWriting, list, named, placeholder, SEMICOLONS, yearStart } from '../../narrative/phrases/common';
import { nationalIntro, otherMattersPlaceholder, writeNational } from '../national-common/phrases';

/** The wording of a report in the national format of 国办公开办函〔2021〕30号: its table 二 and section 六. */

const FORMAT_DOCUMENT = '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）';

const DECISION: Record<DecisionKind, string> = { licensing: '行政许可', punishment: '行政处罚', coercion: '行政强制' };

/** 制发行政规范性文件5件、废止2件，现行有效行政规范性文件48件 (zero counts left out or said as 未…). */
function documentsClause(kind: string, d: DocumentCounts): Piece {
  const making: Piece =
    isZero(d.issued) && isZero(d.repealed)
      ? ['未制发、废止', kind]
      : [
          !isZero(d.issued) && ['制发', kind, amount(d.issued)],
          !isZero(d.issued) && !isZero(d.repealed) && '、',
          !isZero(d.repealed) && ['废止', isZero(d.issued) ? kind : '', amount(d.repealed)],
        ];
  const inForce: Piece = isZero(d.inForce) ? ['无现行有效', kind] : ['现行有效', kind, amount(d.inForce)];
  return [making, '，', inForce];
}

function proactive(a: National2021Analysis, facts: ReportFacts): Paragraph[] {
  const { regulations, normativeDocs } = a.documents;
  // 规章 can be made only by a few levels of government (docs/formats.md §3, requires-level): all-zero rows are not news.
  const regulationsAllZero = isZero(regulations.issued) && isZero(regulations.repealed) && isZero(regulations.inForce);
  const made = a.decisions.filter((p) => !isZero(p.q));
  const notMade = a.decisions.filter((p) => isZero(p.q));
  const decisions: Piece = list(
    [
      made.length > 0 && ['作出', list(named(made, (k) => `${DECISION[k]}决定`))],
      notMade.length > 0 && ['未作出', list(notMade.map((p) => DECISION[p.key])), '决定'],
    ],
    CLAUSES,
  );
  const fees: Piece = isZero(a.fees) ? '未收取行政事业性收费' : ['收取行政事业性收费', amount(a.fees)];
  return [
    body(
      yearStart(facts),
      '，本机关',
      list(
        [!regulationsAllZero && documentsClause('规章', regulations), documentsClause('行政规范性文件', normativeDocs), decisions, fees],
        SEMICOLONS,
      ),
      '。',
    ),
  ];
}

function other(a: National2021Analysis, facts: ReportFacts): Paragraph[] {
  const basis = '依据《政府信息公开信息处理费管理办法》，';
  const fee: Piece =
    facts.feeCollected === undefined
      ? placeholder(`${basis}本年度收取信息处理费的情况（如未收取，写明“本年度未收取信息处理费。”）`, 'fact:feeCollected')
      : facts.feeCollected === 0
        ? [basis, '本年度本机关未收取信息处理费。']
        : [basis, '本年度本机关共收取信息处理费', feeCollectedRun(facts.feeCollected), '万元。'];
  const droppedForFees = a.applications.outcomeDetails.otherHandling?.listed.find((p) => p.key === 'otherNoFee');
  const dropped: Piece = droppedForFees && [
    '因申请人逾期未按收费通知要求缴纳费用，本机关不再处理的申请',
    amount(droppedForFees.q),
    '。',
  ];
  return [body(fee, dropped), otherMattersPlaceholder()];
}

export function writeNational2021(a: National2021Analysis, facts: ReportFacts): FormatWriting {
  return writeNational(a, facts, {
    intro: nationalIntro(FORMAT_DOCUMENT, facts),
    proactive: proactive(a, facts),
    other: other(a, facts),
  });
}
