/**
 * What Office on Mac's WKWebView does with a download link, for the browser tests: nothing at all, and
 * no error (office-js #2700, closed "by design"; #3385, #4681). Installed before the pane loads; it
 * acts only when the fake Office says the platform is Mac, and records each download it swallowed.
 */
export const MAC_WEBVIEW_DOWNLOADS = `(() => {
  window.__droppedDownloads = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (window.Office && window.Office.context && window.Office.context.platform === 'Mac' && this.hasAttribute('download')) {
      window.__droppedDownloads.push(this.getAttribute('download'));
      return;
    }
    return click.call(this);
  };
})();`;
