import type { FormatLayout } from '../../layout/model';
import { table2Block, table3Layout, TABLE_4_LAYOUT } from '../national-common/layout';
import { national2019 } from './template';

const CHANGE_COLUMNS = [
  { header: '上一年项目数量', id: 'previous' },
  { header: '本年增/减', id: 'change' },
];

/** Tables 二, 三 and 四 as 国办公开办函〔2019〕60号 prints them. */
export const national2019Layout: FormatLayout = {
  tables: [
    {
      table: 't2',
      title: '表二 主动公开政府信息情况',
      widths: [4, 3, 3, 3],
      headerRows: 0,
      rows: [
        ...table2Block(
          '第二十条第（一）项',
          [
            { header: '本年新制作数量', id: 'made' },
            { header: '本年新公开数量', id: 'published' },
            { header: '对外公开总数量', id: 'total' },
          ],
          [
            { id: 'regulations', label: '规章' },
            { id: 'normativeDocs', label: '规范性文件' },
          ],
        ),
        ...table2Block(
          '第二十条第（五）项',
          [...CHANGE_COLUMNS, { header: '处理决定数量', id: 'decisions' }],
          [
            { id: 'licensing', label: '行政许可' },
            { id: 'otherServices', label: '其他对外管理服务事项' },
          ],
        ),
        ...table2Block(
          '第二十条第（六）项',
          [...CHANGE_COLUMNS, { header: '处理决定数量', id: 'decisions' }],
          [
            { id: 'punishment', label: '行政处罚' },
            { id: 'coercion', label: '行政强制' },
          ],
        ),
        ...table2Block('第二十条第（八）项', [CHANGE_COLUMNS[0], { ...CHANGE_COLUMNS[1], colSpan: 2 }], [{ id: 'fees', label: '行政事业性收费' }]),
        ...table2Block(
          '第二十条第（九）项',
          [
            { header: '采购项目数量', id: 'projects' },
            { header: '采购总金额', id: 'amount', colSpan: 2 },
          ],
          [{ id: 'procurement', label: '政府集中采购' }],
        ),
      ],
    },
    table3Layout(national2019.tables[1]),
    TABLE_4_LAYOUT,
  ],
};
