import { FluentProvider, type Theme } from '@fluentui/react-components';
import { lazy, Suspense, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { excelHostFromOffice } from '../excel/excelHost';
import { hostKindOf } from '../host/detect';
import { App } from './App';
import { firstPaintTheme, themeCompleted, withWholeTheme } from './firstPaint';
import { OFFICE_JS_FAILED, UNSUPPORTED_WEBVIEW } from './guard/signals';
import type { OfficeProblem } from './OfficeMissing';
import { S } from './strings';

/** The Word pane and its adapter are one chunk: Excel users never download it. */
const WordPane = lazy(
  withWholeTheme(async () => {
    const [{ default: WordApp }, { wordHostFromOffice }] = await Promise.all([
      import(/* webpackChunkName: "word" */ './word/WordApp'),
      import(/* webpackChunkName: "word" */ '../word/wordHost'),
    ]);
    const { host } = wordHostFromOffice();
    return { default: () => <WordApp host={host} /> };
  }),
);
/** Shown only when office.js is missing: its words stay out of everyone's first paint. */
const OfficeMissing = lazy(() => import(/* webpackChunkName: "office-missing" */ './OfficeMissing'));

/**
 * Follows Office's theme where the host reports one: the dark theme, or null for the light one. The
 * dark theme is fetched only by those who use it, so the light majority does not download both.
 */
async function darkTheme(): Promise<Theme | null> {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#[0-9a-f]{6}$/i.test(background)) return null;
  const value = parseInt(background.slice(1), 16);
  const luminance = 0.299 * (value >> 16) + 0.587 * ((value >> 8) & 0xff) + 0.114 * (value & 0xff);
  if (luminance >= 128) return null;
  return (await import(/* webpackChunkName: "dark-theme" */ './darkTheme')).webDarkTheme;
}

const FONT_FAMILY = '"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

/** Long enough for a slow network to bring office.js's host scripts; the pane still starts if they come later. */
const OFFICE_START_SECONDS = 20;

function Message({ text }: { text: string }) {
  return (
    <main style={{ padding: 12 }}>
      <h1 style={{ fontSize: 20, margin: '0 0 8px' }}>{S.appTitle}</h1>
      <p role="status" style={{ margin: 0 }}>
        {text}
      </p>
    </main>
  );
}

async function openPane(host: Office.HostType | null): Promise<ReactElement> {
  const kind = hostKindOf(host);
  if (kind === 'excel') {
    const { host: excel, caps, notices } = excelHostFromOffice();
    return <App host={excel} startupNotices={notices} canRead={caps.read} />;
  }
  if (kind === 'word') {
    return (
      <Suspense fallback={<Message text={S.loadingPart} />}>
        <WordPane />
      </Suspense>
    );
  }
  return <Message text={S.unsupportedHost} />;
}

/**
 * Starts the pane unless the guard found a webview it cannot run in (it has said why). office.js that
 * never arrived, arrived broken, or does not start is named with what to ask IT for, instead of a
 * ReferenceError and the loading text forever.
 */
function start(): void {
  const page = document.documentElement;
  if (page.hasAttribute(UNSUPPORTED_WEBVIEW)) return;
  const root = createRoot(document.getElementById('root')!);
  const show = (content: ReactElement, theme: Partial<Theme> = firstPaintTheme) =>
    root.render(
      <FluentProvider theme={{ ...theme, fontFamilyBase: FONT_FAMILY }} style={{ minHeight: '100vh' }}>
        {content}
      </FluentProvider>,
    );
  const officeMissing = (problem: OfficeProblem) =>
    show(
      <Suspense fallback={null}>
        <OfficeMissing problem={problem} seconds={OFFICE_START_SECONDS} />
      </Suspense>,
    );
  if (typeof Office === 'undefined') {
    officeMissing(page.hasAttribute(OFFICE_JS_FAILED) ? 'blocked' : 'not-loaded');
    return;
  }
  const late = setTimeout(() => officeMissing('timeout'), OFFICE_START_SECONDS * 1000);
  void Office.onReady(async (info) => {
    clearTimeout(late);
    const [dark, content] = await Promise.all([darkTheme(), openPane(info.host)]);
    try {
      if (dark) return show(content, dark);
      // At once in the first paint's part of the light theme, then in all of it (views after it wait for that).
      show(content);
      const { lightThemeRest } = await import(/* webpackChunkName: "light-theme-rest" */ './lightThemeRest');
      show(content, { ...firstPaintTheme, ...lightThemeRest });
    } finally {
      // Also when the rest could not be fetched: later views then lack some colours rather than never showing.
      themeCompleted();
    }
  });
}

start();
