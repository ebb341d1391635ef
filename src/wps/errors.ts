/** What the WPS hosts say when the file the pane belongs to is not there to work on: shown as the action's error. */
export const WPS_MESSAGES = {
  nothingOpen: '没有打开的文件。请打开统计表所在的工作簿或报告文档，再点击“年报助手”。',
  otherFile: (name: string) => `年报助手窗格属于“${name}”。请切换回该文件，或在当前文件中点击“年报助手”打开它自己的窗格。`,
};

/** The workbook or document the pane opened for is closed, or another one is active. */
export class NoDocumentOpen extends Error {}

/**
 * The file a host works on: the one active when the pane opened, and only while it is still the active one
 * (WPS's Active* is whatever window is in front; the pane's store belongs to its own file).
 */
export function boundTo<T extends { readonly FullName: string }>(active: () => T | null, fullName: string, name: string): () => T {
  return () => {
    const file = active();
    if (!file) throw new NoDocumentOpen(WPS_MESSAGES.nothingOpen);
    if (file.FullName !== fullName) throw new NoDocumentOpen(WPS_MESSAGES.otherFile(name));
    return file;
  };
}
