/**
 * The nianbao command from its TypeScript sources, for tests that run it in a child process
 * (`node --import tsx test/support/nianbao-entry.ts …`), as bin/nianbao.js runs the built one.
 * NIANBAO_TEST_THROW makes an error of the engine's (a RangeError with that message) escape every
 * handler of the command, to test what the process then says.
 */
import { runFromCommandLine } from '../../src/cli/main';

const injected = process.env.NIANBAO_TEST_THROW;
if (injected) {
  setImmediate(() => {
    throw new RangeError(injected);
  });
}
runFromCommandLine(process.argv.slice(2));
