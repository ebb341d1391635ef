import { isZero, type Quantity } from '../../narrative/analytics';
import type { Paragraph, ReportFacts } from '../../narrative/model';
import type { DocumentCounts2019, ItemCount, Matter, MatterKind, National2019Analysis } from './analysis';
import { body, type Piece } from '../../narrative/runs';
import { amount, type FormatWriting, list, num, SEMICOLONS, verifyPlaceholder, yearStart } from '../../narrative/phrases/common';
import { nationalIntro, otherMattersPlaceholder, writeNational } from '../national-common/phrases';

/**
 * The wording of a report in the 2019 trial format (国办公开办函〔2019〕60号): its table 二 (items
 * counted against last year, 政府集中采购) and its section 六, which has no 信息处理费 sentence (the
 * 《政府信息公开信息处理费管理办法》 applies from 2021).
 */

const FORMAT_DOCUMENT = '《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）';

const MATTER: Record<MatterKind, string> = {
  licensing: '行政许可事项',
  otherServices: '其他对外管理服务事项',
  punishment: '行政处罚事项',
  coercion: '行政强制事项',
};

/** The table counts items (事项, 项目) without a unit; published reports count them in 项. */
const items = (q: Quantity): Piece[] => amount({ ...q, unit: '项' });

/** 新制作规范性文件4件、新公开4件，对外公开规范性文件总数36件 (zero counts left out or said as 未…/无…). */
function documentsClause(kind: string, d: DocumentCounts2019): Piece {
  const making: Piece =
    isZero(d.made) && isZero(d.published)
      ? ['未新制作、新公开', kind]
      : [
          !isZero(d.made) && ['新制作', kind, amount(d.made)],
          !isZero(d.made) && !isZero(d.published) && '、',
          !isZero(d.published) && ['新公开', isZero(d.made) ? kind : '', amount(d.published)],
        ];
  const total: Piece = isZero(d.total) ? ['无对外公开的', kind] : ['对外公开', kind, '总数', amount(d.total)];
  return [making, '，', total];
}

/** 由上一年的86项减少4项 / 15项，与上一年持平; a blank 本年增/减 shows as its placeholder. */
function itemCountClause(c: ItemCount): Piece {
  if (!c.change) return ['上一年', items(c.previous), '，本年增减', num(c.changeCell)];
  if (c.change.direction === 'same') return [items(c.previous), '，与上一年持平'];
  return ['由上一年的', items(c.previous), c.change.direction === 'up' ? '增加' : '减少', items(c.change.amount)];
}

const hasNoItems = (c: ItemCount): boolean => isZero(c.previous) && isZero(c.changeCell);

/** One clause per kind of matter; the kinds with no items and no decisions together in one. */
function mattersSentence(matters: Matter[]): Piece {
  const quiet = matters.filter((m) => hasNoItems(m.items) && isZero(m.decisions));
  const active = matters.filter((m) => !quiet.includes(m));
  return [
    list(
      [
        ...active.map((m): Piece => [
          MATTER[m.key],
          itemCountClause(m.items),
          '，',
          isZero(m.decisions) ? '未作出处理决定' : ['作出处理决定', amount(m.decisions)],
        ]),
        quiet.length > 0 && ['无', list(quiet.map((m) => MATTER[m.key])), '及相关处理决定'],
      ],
      SEMICOLONS,
    ),
    '。',
  ];
}

/** 采购总金额 in the unit the cell states; the format defines none, so without one the unit is left to check. */
function procurementClause(p: National2019Analysis['procurement']): Piece {
  if (isZero(p.projects) && isZero(p.amount)) return '无政府集中采购项目';
  const unit: Piece =
    p.amount.value !== null &&
    (p.unitStated ? p.amount.unit : verifyPlaceholder('金额单位', `unit:${p.amount.sources[0].indicator}`));
  return ['政府集中采购项目', items(p.projects), '，采购总金额', num(p.amount), unit];
}

function proactive(a: National2019Analysis, facts: ReportFacts): Paragraph[] {
  const { regulations, normativeDocs } = a.documents;
  // 规章 can be made only by a few levels of government (docs/formats.md §3, requires-level): all-zero rows are not news.
  const regulationsAllZero = isZero(regulations.made) && isZero(regulations.published) && isZero(regulations.total);
  return [
    body(
      yearStart(facts),
      '，本机关',
      list([!regulationsAllZero && documentsClause('规章', regulations), documentsClause('规范性文件', normativeDocs)], SEMICOLONS),
      '。',
      mattersSentence(a.matters),
      list([hasNoItems(a.fees) ? '无行政事业性收费项目' : ['行政事业性收费项目', itemCountClause(a.fees)], procurementClause(a.procurement)], SEMICOLONS),
      '。',
    ),
  ];
}

export function writeNational2019(a: National2019Analysis, facts: ReportFacts): FormatWriting {
  return writeNational(a, facts, {
    intro: nationalIntro(FORMAT_DOCUMENT, facts),
    proactive: proactive(a, facts),
    other: [otherMattersPlaceholder()],
  });
}
