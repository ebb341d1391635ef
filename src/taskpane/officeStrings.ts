/**
 * What the pane says when office.js did not arrive or did not start, and what to ask IT for. Its own
 * module, loaded only then (from this site, which is reachable even when Microsoft's CDN is not).
 */
export const O = {
  title: '年报助手无法连接 Office',
  blocked: (origin: string) =>
    `没有能从 Microsoft 下载 Office 加载项运行库（office.js）。通常是单位的代理服务器或防火墙拦截了 ${origin}，或者这台电脑不信任该网站的证书。`,
  notLoaded: 'Office 加载项运行库（office.js）没有正常加载：下载到的内容不是运行库（可能是代理服务器返回的拦截页面）。',
  timeout: (seconds: number) =>
    `Office 加载项运行库（office.js）已下载，但 ${seconds} 秒内没有完成启动：它还需要从同一网站下载其他文件，可能被拦截了。如果稍后启动成功，本页会自动显示年报助手。`,
  askItTitle: '请联系本单位的信息技术人员：',
  askIt: (origin: string) => [
    `在代理服务器和防火墙中允许访问 ${origin}（Office 加载项运行库，包括 /lib/1/hosted/ 下的全部文件）；`,
    '如果代理服务器会解密检查 HTTPS 流量，请把代理的根证书加入这台电脑“受信任的根证书颁发机构”，或对该网站免检；',
    `验证方法：在这台电脑的浏览器中打开 ${origin}/lib/1/hosted/office.js，应显示一段脚本，而不是错误或拦截页面。`,
  ],
  meanwhile: '年报助手不会把任何数据发往该网站，只从那里加载 Office 要求的运行库。在此期间，可以用命令行工具 nianbao 做同样的校验，例如：nianbao check 统计表.xlsx。',
};
