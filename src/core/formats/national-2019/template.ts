import { OTHER_HANDLING_2019, regulationsByLevel, row, table3, TABLE_4, tableRules } from '../national-common/template';
import type { TemplateInput } from '../../templates/schema';

/**
 * The national trial format of 国办公开办函〔2019〕60号 (report years 2019 and 2020, some bodies later):
 * a different table 二, and (六)其他处理 as one numeric row in table 三 (docs/formats.md §1).
 */
const changeColumns = [
  { id: 'previous', label: '上一年项目数量', variants: ['上年项目数量'], unit: '项' as const },
  { id: 'change', label: '本年增/减', variants: ['本年增减', '增/减', '本年增加/减少'], unit: '项' as const, signed: true },
];

export const national2019: TemplateInput = {
  id: 'national-2019',
  name: '国办公开办函〔2019〕60号试行格式',
  years: '2019—2020',
  tables: [
    {
      id: 't2',
      name: '表二 主动公开政府信息情况',
      blocks: [
        {
          id: 'rules',
          columns: [
            { id: 'made', label: '本年新制作数量', variants: ['本年新制作数'] },
            { id: 'published', label: '本年新公开数量', variants: ['本年新公开数'] },
            { id: 'total', label: '对外公开总数量', variants: ['对外公开总数'] },
          ],
          rows: [row('regulations', '规章'), row('normativeDocs', '规范性文件', ['行政规范性文件'])],
        },
        {
          id: 'licensing',
          columns: [...changeColumns, { id: 'decisions', label: '处理决定数量', variants: ['本年处理决定数量'] }],
          rows: [row('licensing', '行政许可'), row('otherServices', '其他对外管理服务事项')],
        },
        {
          id: 'enforcement',
          columns: [...changeColumns, { id: 'decisions', label: '处理决定数量', variants: ['本年处理决定数量'] }],
          rows: [row('punishment', '行政处罚'), row('coercion', '行政强制')],
        },
        {
          id: 'charges',
          columns: changeColumns,
          rows: [row('fees', '行政事业性收费')],
        },
        {
          id: 'procurement',
          columns: [
            { id: 'projects', label: '采购项目数量', unit: '项' },
            { id: 'amount', label: '采购总金额', unit: '金额', decimal: true },
          ],
          rows: [row('procurement', '政府集中采购')],
        },
      ],
    },
    table3(OTHER_HANDLING_2019),
    TABLE_4,
  ],
  rules: [
    ...tableRules(OTHER_HANDLING_2019),
    regulationsByLevel(['t2.regulations.made', 't2.regulations.published', 't2.regulations.total']),
  ],
};
