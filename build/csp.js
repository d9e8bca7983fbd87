// The Content-Security-Policy of the hosted pages (taskpane.html, review.html, auth-dialog.html),
// built from the build configuration (issue 10, item 9). One function for both deliveries:
//   - a <meta http-equiv> baked into each production page (we do not control the host's headers);
//   - the headers the workbench server sends (and docs/hosting.md asks a host to send), which may
//     add frame-ancestors (a meta policy cannot: browsers ignore it there).
// What each source is for, and where it comes from, is in docs/hosting.md.

const ENTRA_ID = 'https://login.microsoftonline.com';
/** Office.js and what it loads (office-js#1005: Microsoft has no canonical list; observed). */
// The telemetry host is listed for scripts too: office-js#1005 and office-js-docs-pr#721 found it
// needed in script-src by testing, and a blocked Office.js would leave the pane blank.
const OFFICE_JS_SCRIPTS = [
  'https://appsforoffice.microsoft.com',
  'https://ajax.aspnetcdn.com',
  'https://browser.pipe.aria.microsoft.com',
];
/** Office.js's telemetry endpoint (office-js#1005); blocked, it would only report violations. */
const OFFICE_JS_CONNECT = ['https://browser.pipe.aria.microsoft.com'];
/** Outlook's web origins that frame the task pane (headers only: see docs/hosting.md). */
const OFFICE_FRAME_ANCESTORS = [
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.cloud.microsoft',
  'https://*.outlook.cloud.microsoft',
  'https://*.officeapps.live.com',
];

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

function authorityOrigin(auth) {
  const configured = auth.authority && auth.authority.trim();
  return configured ? originOf(configured) : ENTRA_ID;
}

/**
 * The policy's directives for a build configuration.
 *   officeJs        the page loads Office.js from Microsoft's CDN (the production build)
 *   extraOrigins    more origins to trust for connect-src and frame-src (the workbench's local
 *                   identity provider)
 *   frameAncestors  for a header: who may frame the pages; undefined leaves it out (a meta tag)
 */
function cspDirectives(config, options = {}) {
  const unique = (list) => [...new Set(list.filter(Boolean))];
  const graph = config.graphBaseUrl ? originOf(config.graphBaseUrl) : undefined;
  const signIn = config.auth.mode === 'msal' ? [ENTRA_ID, authorityOrigin(config.auth)] : [];
  const extra = options.extraOrigins || [];
  const directives = {
    'default-src': ["'self'"],
    'script-src': unique(["'self'", ...(options.officeJs ? OFFICE_JS_SCRIPTS : [])]),
    // Fluent UI's Griffel inserts <style> elements at runtime; with a static page there is no
    // per-response nonce to give it, so inline styles are allowed. Scripts stay strict.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    // Graph, and MSAL's discovery and token requests to the authority.
    'connect-src': unique([
      "'self'",
      graph,
      ...signIn,
      ...(options.officeJs ? OFFICE_JS_CONNECT : []),
      ...extra,
    ]),
    // MSAL's hidden iframes (silent renewal) load the authority, which returns to our own page.
    'frame-src': unique(["'self'", ...signIn, ...extra]),
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  if (options.frameAncestors) directives['frame-ancestors'] = unique(options.frameAncestors);
  return directives;
}

function serializeCsp(directives) {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The meta tag's policy (no frame-ancestors: ignored in a meta element). */
function metaCsp(config, options = {}) {
  return serializeCsp(cspDirectives(config, { ...options, frameAncestors: undefined }));
}

/** The header's policy for a production host: framed only by itself and Outlook. */
function headerCsp(config, options = {}) {
  return serializeCsp(
    cspDirectives(config, {
      ...options,
      frameAncestors: options.frameAncestors || ["'self'", ...OFFICE_FRAME_ANCESTORS],
    }),
  );
}

module.exports = { cspDirectives, serializeCsp, metaCsp, headerCsp, OFFICE_FRAME_ANCESTORS };
