/*
 * 年报助手 in WPS (WPS加载项): the ribbon's callbacks, run by WPS in the add-in's page (index.html). The button
 * opens the task pane (the same pane and engine as in Office, from taskpane-wps.html beside this file) docked
 * on the right, one pane per workbook or document; a second click hides or shows it again. Plain ES5: no
 * build step, nothing loaded from anywhere but this folder.
 */
(function () {
  var PANE_KEY = 'nianbao.taskpane:';
  /** msoCTPDockPositionRight. */
  var DOCK_RIGHT = 2;

  /** The pane's address: taskpane-wps.html in the folder this page came from (a file: or intranet address). */
  function paneUrl() {
    var here = String(document.location.href).split('#')[0].split('?')[0];
    return here.substring(0, here.lastIndexOf('/') + 1) + 'taskpane-wps.html';
  }

  /** The file the pane is for: each workbook or document gets its own pane, its data kept in that file. */
  function activeFile(app) {
    var file = app.ActiveWorkbook || app.ActiveDocument;
    return file ? String(file.FullName) : '';
  }

  window.OnAddinLoad = function (ribbonUI) {
    window.Application.ribbonUI = ribbonUI;
    return true;
  };

  window.OnAction = function (control) {
    if (control.Id !== 'nianbaoOpenPane') return true;
    var app = window.Application;
    var key = PANE_KEY + activeFile(app);
    var id = app.PluginStorage.getItem(key);
    var pane = id ? app.GetTaskPane(id) : null;
    if (pane) {
      pane.Visible = !pane.Visible;
      return true;
    }
    pane = app.CreateTaskPane(paneUrl(), '年报助手');
    app.PluginStorage.setItem(key, pane.ID);
    pane.DockPosition = DOCK_RIGHT;
    pane.Visible = true;
    return true;
  };

  window.GetImage = function () {
    return 'assets/icon-80.png';
  };
})();
