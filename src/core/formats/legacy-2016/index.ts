import type { FormatPlugin } from '../plugin';
import { analyzeLegacy } from './analysis';
import { legacyClaims } from './claims';
import { legacy2016Layout } from './layout';
import { writeLegacy } from './phrases';
import { legacy2016 } from './template';

export const legacy2016Format: FormatPlugin = {
  id: 'legacy-2016',
  name: '2016—2018年旧格式统计表',
  priority: 100,
  template: legacy2016,
  claims: legacyClaims,
  layout: legacy2016Layout,
  narrative: (reader, facts) => writeLegacy(analyzeLegacy(reader), facts),
};
