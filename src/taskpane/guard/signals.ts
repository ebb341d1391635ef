/**
 * What the guard (loaded first, before office.js) tells the pane's bundle through the page: attributes
 * on <html>, since the two are separate scripts and the page's CSP allows no inline script.
 */

/** Set when the webview cannot run the pane (Internet Explorer 11); the guard has said why. */
export const UNSUPPORTED_WEBVIEW = 'data-nianbao-unsupported';
/** Set when the office.js script failed to load (the script's error event, seen by the guard). */
export const OFFICE_JS_FAILED = 'data-nianbao-officejs-failed';
/** On the guard's script tag: the address of the Internet Explorer message (a file of its own, hashed). */
export const TRIDENT_MESSAGE_SCRIPT = 'data-trident-message';
/** Where office.js comes from: the only foreign script the page loads. */
export const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
