import { FluentProvider, MessageBar, MessageBarBody, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { excelHostFromOffice } from '../excel/excelHost';
import { capabilityNotices } from '../excel/requirements';
import { hostKindOf } from '../host/detect';
import { wordCapabilityNotices } from '../word/requirements';
import { wordHostFromOffice } from '../word/wordHost';
import { App } from './App';
import { S } from './strings';

/** The Word pane is its own chunk: Excel users never download it. */
const WordApp = lazy(() => import(/* webpackChunkName: "word" */ './word/WordApp'));

/** Follows Office's theme (dark or light) where the host reports one. */
function officeTheme(): Theme {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#[0-9a-f]{6}$/i.test(background)) return webLightTheme;
  const value = parseInt(background.slice(1), 16);
  const luminance = 0.299 * (value >> 16) + 0.587 * ((value >> 8) & 0xff) + 0.114 * (value & 0xff);
  return luminance < 128 ? webDarkTheme : webLightTheme;
}

const FONT_FAMILY = '"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif';

function Message({ text }: { text: string }) {
  return (
    <main style={{ padding: 12 }}>
      <h1 style={{ fontSize: 20, margin: '0 0 8px' }}>{S.appTitle}</h1>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{text}</MessageBarBody>
      </MessageBar>
    </main>
  );
}

void Office.onReady((info) => {
  const container = document.getElementById('root')!;
  const theme = { ...officeTheme(), fontFamilyBase: FONT_FAMILY };
  const kind = hostKindOf(info.host);
  let content;
  if (kind === 'excel') {
    const { host, caps } = excelHostFromOffice();
    content = <App host={host} startupNotices={capabilityNotices(caps)} canRead={caps.read} />;
  } else if (kind === 'word') {
    const { host, caps } = wordHostFromOffice();
    content = (
      <Suspense fallback={null}>
        <WordApp host={host} startupNotices={wordCapabilityNotices(caps)} />
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
