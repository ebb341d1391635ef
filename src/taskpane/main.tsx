import { FluentProvider, type Theme } from '@fluentui/react-components';
import { lazy, Suspense, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { excelHostFromOffice } from '../excel/excelHost';
import type { DocumentHost } from '../host/adapter';
import { hostKindOf, type WpsKind, wpsKindOf } from '../host/detect';
import { App } from './App';
import { firstPaintTheme, themeCompleted, withWholeTheme } from './firstPaint';
import { OFFICE_JS_FAILED, UNSUPPORTED_WEBVIEW } from './guard/signals';
import type { OfficeProblem } from './OfficeMissing';
import { S } from './strings';

/** The Word pane and the Word adapter are one chunk: Excel users never download it. */
const WordApp = lazy(withWholeTheme(() => import(/* webpackChunkName: "word" */ './word/WordApp')));

function WordPane({ host }: { host: DocumentHost }) {
  return (
    <Suspense fallback={<Message text={S.loadingPart} />}>
      <WordApp host={host} />
    </Suspense>
  );
}
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
    const { wordHostFromOffice } = await import(/* webpackChunkName: "word" */ '../word/wordHost');
    return <WordPane host={wordHostFromOffice().host} />;
  }
  return <Message text={S.unsupportedHost} />;
}

/**
 * In WPS (WPS加载项, no office.js): the same panes over the WPS hosts, whose code is a chunk of its own that
 * Office users never download. With nothing open, the pane says what to open.
 */
async function openWpsPane(kind: WpsKind, app: unknown): Promise<ReactElement> {
  const { wpsHostFromPage } = await import(/* webpackChunkName: "wps" */ '../wps/wpsHost');
  const start = wpsHostFromPage(kind, app);
  if (!start.host) return <Message text={S.wpsNothingOpen[start.kind]} />;
  return start.kind === 'et' ? <App host={start.host} startupNotices={[]} canRead /> : <WordPane host={start.host} />;
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
  /** In the first paint's part of the light theme at once, then in all of it (views after it wait for that). */
  const showLight = async (content: ReactElement) => {
    try {
      show(content);
      const { lightThemeRest } = await import(/* webpackChunkName: "light-theme-rest" */ './lightThemeRest');
      show(content, { ...firstPaintTheme, ...lightThemeRest });
    } finally {
      // Also when the rest could not be fetched: later views then lack some colours rather than never showing.
      themeCompleted();
    }
  };
  const wps = wpsKindOf(window as { Application?: unknown });
  if (wps) {
    void openWpsPane(wps, (window as { Application?: unknown }).Application).then(showLight);
    return;
  }
  if (typeof Office === 'undefined') {
    officeMissing(page.hasAttribute(OFFICE_JS_FAILED) ? 'blocked' : 'not-loaded');
    return;
  }
  const late = setTimeout(() => officeMissing('timeout'), OFFICE_START_SECONDS * 1000);
  void Office.onReady(async (info) => {
    clearTimeout(late);
    const [dark, content] = await Promise.all([darkTheme(), openPane(info.host)]);
    if (!dark) return showLight(content);
    show(content, dark);
    themeCompleted();
  });
}

start();
