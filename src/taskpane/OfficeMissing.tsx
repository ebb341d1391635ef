import { OFFICE_JS_ORIGIN } from './guard/signals';
import { O } from './officeStrings';

export type OfficeProblem = 'blocked' | 'not-loaded' | 'timeout';

/** office.js blocked, broken or silent: what happened, what to ask IT for, and what works meanwhile. */
export default function OfficeMissing({ problem, seconds }: { problem: OfficeProblem; seconds: number }) {
  const what = problem === 'blocked' ? O.blocked(OFFICE_JS_ORIGIN) : problem === 'not-loaded' ? O.notLoaded : O.timeout(seconds);
  return (
    <main role="alert" style={{ padding: 12, lineHeight: 1.6, overflowWrap: 'anywhere' }}>
      <h1 style={{ fontSize: 20, margin: '0 0 8px' }}>{O.title}</h1>
      <p style={{ margin: '0 0 8px' }}>{what}</p>
      <p style={{ margin: 0 }}>{O.askItTitle}</p>
      <ul style={{ margin: '0 0 8px', paddingLeft: 20 }}>
        {O.askIt(OFFICE_JS_ORIGIN).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p style={{ margin: 0 }}>{O.meanwhile}</p>
    </main>
  );
}
