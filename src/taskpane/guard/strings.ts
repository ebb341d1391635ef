/** The guard's words: shown in Internet Explorer 11, where the pane itself cannot run. */
export const G = {
  title: '年报助手无法在此版本的 Office 中运行',
  reason: '这台电脑上的 Office 用 Internet Explorer 11 显示加载项，年报助手需要更新的浏览组件。需要以下任一条件：',
  needs: [
    'Microsoft 365 的当前版本，或 Office 2021 及以上版本；',
    'Office 2016 或 Office 2019 零售版：在本机安装 Microsoft Edge WebView2 运行时，然后重新打开 Office。',
  ],
  volumeLicensed: '批量许可版的 Office 2016 和 Office 2019 始终使用 Internet Explorer，需要升级 Office。请联系本单位的信息技术人员办理。',
  meanwhile: '在此期间，可以用年报助手的命令行工具 nianbao 做同样的校验，例如：nianbao check 统计表.xlsx（用法见使用说明）。',
};
