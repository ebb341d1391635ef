import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { excelHostFromOffice } from '../excel/excelHost';
import { capabilityNotices } from '../excel/requirements';
import { hostKindOf } from '../host/detect';
import { App } from './App';
import { S } from './strings';

/** The Word pane and its adapter are one chunk: Excel users never download it. */
const WordRoot = lazy(() => import(/* webpackChunkName: "word" */ './word/WordRoot'));

/**
 * Follows Office's theme where the host reports one. The dark theme is fetched only by those who use
 * it, so the light majority does not download both.
 */
async function officeTheme(): Promise<Theme> {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#[0-9a-f]{6}$/i.test(background)) return webLightTheme;
  const value = parseInt(background.slice(1), 16);
  const luminance = 0.299 * (value >> 16) + 0.587 * ((value >> 8) & 0xff) + 0.114 * (value & 0xff);
  if (luminance >= 128) return webLightTheme;
  return (await import(/* webpackChunkName: "dark-theme" */ './darkTheme')).webDarkTheme;
}

const FONT_FAMILY = '"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

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

void Office.onReady(async (info) => {
  const container = document.getElementById('root')!;
  const theme = { ...(await officeTheme()), fontFamilyBase: FONT_FAMILY };
  const kind = hostKindOf(info.host);
  let content;
  if (kind === 'excel') {
    const { host, caps } = excelHostFromOffice();
    content = <App host={host} startupNotices={capabilityNotices(caps)} canRead={caps.read} />;
  } else if (kind === 'word') {
    content = (
      <Suspense fallback={<Message text={S.loadingPart} />}>
        <WordRoot />
      </Suspense>
    );
  } else {
    content = <Message text={S.unsupportedHost} />;
  }
  createRoot(container).render(
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      {content}
    </FluentProvider>,
  );
});
