import { OTHER_HANDLING_2021, outcomeRows, regulationsByLevel, row, table3, TABLE_4, tableRules } from '../national-common/template';
import type { TemplateInput } from '../../templates/schema';

/**
 * The national format of 国办公开办函〔2021〕30号 (report years 2021 onward): tables 二, 三 and 四.
 * Labels as published (docs/formats.md §7). Indicator ids are `<table>.<row>.<column>`, or `<table>.<row>`
 * in a block with a single column.
 */
export { APPLICANT_COLUMNS } from '../national-common/template';
export const OUTCOME_ROWS = outcomeRows(OTHER_HANDLING_2021);

export const national2021: TemplateInput = {
  id: 'national-2021',
  name: '国办公开办函〔2021〕30号格式',
  years: '2021年起',
  tables: [
    {
      id: 't2',
      name: '表二 主动公开政府信息情况',
      blocks: [
        {
          id: 'rules',
          columns: [
            { id: 'issued', label: '本年制发件数', variants: ['本年制发数量', '本年制作件数'] },
            { id: 'repealed', label: '本年废止件数', variants: ['本年废止数量'] },
            { id: 'inForce', label: '现行有效件数', variants: ['现行有效数量'] },
          ],
          rows: [row('regulations', '规章'), row('normativeDocs', '行政规范性文件', ['规范性文件'])],
        },
        {
          id: 'licensing',
          columns: [{ id: 'decisions', label: '本年处理决定数量', variants: ['处理决定数量', '本年处理决定数'] }],
          rows: [row('licensing', '行政许可')],
        },
        {
          id: 'enforcement',
          columns: [{ id: 'decisions', label: '本年处理决定数量', variants: ['处理决定数量', '本年处理决定数'] }],
          rows: [row('punishment', '行政处罚'), row('coercion', '行政强制')],
        },
        {
          id: 'charges',
          columns: [{ id: 'amount', label: '本年收费金额(单位:万元)', variants: ['本年收费金额', '收费金额(万元)', '本年收费金额(万元)'] }],
          rows: [{ id: 'fees', label: '行政事业性收费', unit: '万元', decimal: true }],
        },
      ],
    },
    table3(OTHER_HANDLING_2021),
    TABLE_4,
  ],
  rules: [
    ...tableRules(OTHER_HANDLING_2021),
    regulationsByLevel(['t2.regulations.issued', 't2.regulations.repealed', 't2.regulations.inForce']),
    {
      id: 't2.in-force-roll-forward',
      kind: 'sum-equal',
      severity: 'warning',
      forEach: { row: ['regulations', 'normativeDocs'] },
      left: ['t2.{row}.inForce'],
      right: ['prev:t2.{row}.inForce', 't2.{row}.issued'],
      minus: ['t2.{row}.repealed'],
      why: '现行有效件数通常等于上年现行有效件数加本年制发、减本年废止；因修改、清理等原因不一致时，请加说明。',
    },
    {
      id: 't2.repealed-within-stock',
      kind: 'at-most',
      severity: 'warning',
      forEach: { row: ['regulations', 'normativeDocs'] },
      part: 't2.{row}.repealed',
      whole: ['prev:t2.{row}.inForce', 't2.{row}.issued'],
      why: '本年废止的文件只能来自上年现行有效的文件和本年制发的文件。',
    },
  ],
};
