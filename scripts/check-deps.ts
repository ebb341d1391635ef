/**
 * Lists every production dependency (direct and transitive) with its version and licence, and fails
 * when the registry reports a direct one as deprecated. `npm audit` cannot be used here: its advisory
 * service is not reachable from these machines (TOOLCHAIN.md).
 *
 *   npm run check:deps            exit 0 when no direct production dependency is deprecated
 */
import { execFile } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..');

export interface Dependency {
  name: string;
  version: string;
  license: string;
  direct: boolean;
}

interface LsNode {
  version?: string;
  license?: string | { type?: string };
  dependencies?: Record<string, LsNode>;
}

/** Flattens `npm ls --omit=dev --all --json --long` into one entry per name@version. */
export function flattenTree(tree: LsNode, directNames: string[]): Dependency[] {
  const seen = new Map<string, Dependency>();
  const walk = (deps: Record<string, LsNode> | undefined, depth: number) => {
    for (const [name, node] of Object.entries(deps ?? {})) {
      if (!node.version) continue;
      const key = `${name}@${node.version}`;
      const license = typeof node.license === 'string' ? node.license : (node.license?.type ?? '未注明');
      const direct = depth === 0 && directNames.includes(name);
      const known = seen.get(key);
      if (known) {
        known.direct ||= direct;
        continue;
      }
      seen.set(key, { name, version: node.version, license, direct });
      walk(node.dependencies, depth + 1);
    }
  };
  walk(tree.dependencies, 0);
  return [...seen.values()].sort((a, b) => Number(b.direct) - Number(a.direct) || a.name.localeCompare(b.name));
}

/** `npm view <name>@<version> deprecated --json` prints nothing, or the deprecation message as JSON. */
export function deprecationOf(viewOutput: string): string | null {
  const text = viewOutput.trim();
  if (text === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'string' && parsed !== '' ? parsed : null;
  } catch {
    return text;
  }
}

async function main(): Promise<number> {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const directNames = Object.keys(pkg.dependencies ?? {});
  // npm ls exits non-zero on extraneous or missing packages; its JSON is still what we need.
  const ls = await run('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '{}' }));
  const deps = flattenTree(JSON.parse(ls.stdout) as LsNode, directNames);

  const missing = directNames.filter((name) => !deps.some((d) => d.direct && d.name === name));
  const direct = deps.filter((d) => d.direct);
  const verdicts = await Promise.all(
    direct.map(async (d) => {
      const view = await run('npm', ['view', `${d.name}@${d.version}`, 'deprecated', '--json'], { cwd: ROOT }).catch((err: Error) => ({ stdout: '', error: err.message }));
      if ('error' in view) return { dep: d, problem: `无法查询 npm 仓库：${view.error.split('\n')[0]}` };
      const deprecated = deprecationOf(view.stdout);
      return { dep: d, problem: deprecated && `已弃用：${deprecated}` };
    }),
  );

  const width = Math.max(...deps.map((d) => `${d.name}@${d.version}`.length));
  console.log(`生产依赖 ${direct.length} 个直接、${deps.length - direct.length} 个间接（npm ls --omit=dev）：`);
  for (const d of deps) console.log(`  ${d.direct ? '*' : ' '} ${`${d.name}@${d.version}`.padEnd(width)}  ${d.license}`);
  console.log('  （* 为 package.json 中直接声明的依赖，已查询是否弃用）');

  const problems = [...verdicts.filter((v) => v.problem).map((v) => `${v.dep.name}@${v.dep.version} ${v.problem}`), ...missing.map((name) => `${name} 未安装，请先运行 npm ci`)];
  for (const p of problems) console.error(`✗ ${p}`);
  if (problems.length === 0) console.log('✓ 直接生产依赖均未被 npm 标为弃用。');
  return problems.length === 0 ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
