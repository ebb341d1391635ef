import { legacy2016Format } from './legacy-2016';
import { national2019Format } from './national-2019';
import { national2021Format } from './national-2021';
import { FormatRegistry } from './plugin';

export type { FormatPlugin, LoadedFormat } from './plugin';
export { FormatRegistry } from './plugin';

/** Every format the engine knows, one line each. The order means nothing: a tie goes by each format's priority. */
export const FORMATS = new FormatRegistry([
  national2021Format,
  national2019Format,
  legacy2016Format,
]);
