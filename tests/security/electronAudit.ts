/**
 * The Electron security checklist as code: parses main/electron/main.ts with
 * the TypeScript compiler and lists every way it departs from the checklist.
 * An empty list means the shell is wired as DESIGN.md asks.
 */
import ts from 'typescript';

const requiredPreferences: Record<string, boolean> = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
};
const forbiddenPreferences = [
  'enableRemoteModule',
  'enableBlinkFeatures',
  'additionalArguments',
  'nodeIntegrationInWorker_',
];

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function propName(p: ts.ObjectLiteralElementLike): string | null {
  if (!p.name) return null;
  if (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) return p.name.text;
  return null;
}

/** `a.b.c(...)` → "a.b.c"; anything fancier → its text. */
function calleeName(call: ts.CallExpression, source: ts.SourceFile): string {
  return call.expression.getText(source).replace(/\s+/g, '');
}

function firstFunctionArg(call: ts.CallExpression, index: number): ts.ArrowFunction | ts.FunctionExpression | null {
  const arg = call.arguments[index];
  return arg && (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) ? arg : null;
}

function containsCall(node: ts.Node, source: ts.SourceFile, name: RegExp): boolean {
  let found = false;
  walk(node, (n) => {
    if (ts.isCallExpression(n) && name.test(calleeName(n, source))) found = true;
  });
  return found;
}

export function auditElectronMain(text: string, fileName = 'main.ts'): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems: string[] = [];
  const calls: ts.CallExpression[] = [];
  const windows: ts.NewExpression[] = [];
  walk(source, (n) => {
    if (ts.isCallExpression(n)) calls.push(n);
    if (ts.isNewExpression(n) && n.expression.getText(source) === 'BrowserWindow') windows.push(n);
  });
  const line = (n: ts.Node) => source.getLineAndCharacterOfPosition(n.getStart(source)).line + 1;

  // 1. Every window's webPreferences.
  if (windows.length === 0) problems.push('no new BrowserWindow found');
  for (const win of windows) {
    const options = win.arguments?.[0];
    if (!options || !ts.isObjectLiteralExpression(options)) {
      problems.push(`BrowserWindow at line ${line(win)}: options are not an object literal (cannot be checked)`);
      continue;
    }
    const prefs = options.properties.find((p) => propName(p) === 'webPreferences');
    if (!prefs || !ts.isPropertyAssignment(prefs) || !ts.isObjectLiteralExpression(prefs.initializer)) {
      problems.push(`BrowserWindow at line ${line(win)}: webPreferences missing or not a literal`);
      continue;
    }
    const literal = prefs.initializer;
    if (literal.properties.some((p) => ts.isSpreadAssignment(p)))
      problems.push(`webPreferences at line ${line(literal)}: spread hides settings`);
    const values = new Map<string, ts.Expression>();
    for (const p of literal.properties) {
      const name = propName(p);
      if (name && ts.isPropertyAssignment(p)) values.set(name, p.initializer);
      else if (name && ts.isShorthandPropertyAssignment(p)) values.set(name, p.name);
    }
    for (const [key, want] of Object.entries(requiredPreferences)) {
      const v = values.get(key);
      const kind = want ? ts.SyntaxKind.TrueKeyword : ts.SyntaxKind.FalseKeyword;
      if (!v || v.kind !== kind) problems.push(`webPreferences.${key} must be the literal ${want}`);
    }
    for (const key of forbiddenPreferences) if (values.has(key)) problems.push(`webPreferences.${key} must not be set`);
    const blink = values.get('disableBlinkFeatures');
    if (!blink || !ts.isStringLiteral(blink) || !blink.text.split(',').includes('Auxclick'))
      problems.push('webPreferences.disableBlinkFeatures must include Auxclick');
    const preload = values.get('preload');
    if (!preload || !ts.isIdentifier(preload) || preload.text !== 'preloadScript')
      problems.push('webPreferences.preload must be the bundled preloadScript');
  }

  // 2. Navigation and new windows.
  const onEvent = (event: string) =>
    calls.filter(
      (c) =>
        /\.on$|\.once$/.test(calleeName(c, source)) &&
        c.arguments[0] &&
        ts.isStringLiteral(c.arguments[0]) &&
        c.arguments[0].text === event,
    );
  for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
    const handlers = onEvent(event);
    if (handlers.length === 0) problems.push(`no ${event} handler`);
    for (const h of handlers) {
      const fn = firstFunctionArg(h, 1);
      if (!fn || !containsCall(fn.body, source, /\.preventDefault$/))
        problems.push(`${event} handler at line ${line(h)} never calls preventDefault`);
    }
  }
  const openHandlers = calls.filter((c) => calleeName(c, source).endsWith('.setWindowOpenHandler'));
  if (openHandlers.length === 0) problems.push('no setWindowOpenHandler');
  for (const h of openHandlers) {
    const fn = firstFunctionArg(h, 0);
    if (!fn) {
      problems.push(`setWindowOpenHandler at line ${line(h)}: handler is not a function literal`);
      continue;
    }
    const returns: ts.Expression[] = [];
    if (!ts.isBlock(fn.body)) returns.push(fn.body);
    else walk(fn.body, (n) => ts.isReturnStatement(n) && n.expression && returns.push(n.expression));
    if (returns.length === 0) problems.push('setWindowOpenHandler returns nothing');
    for (const r of returns) {
      const obj = ts.isParenthesizedExpression(r) ? r.expression : r;
      const action = ts.isObjectLiteralExpression(obj)
        ? obj.properties.find((p) => propName(p) === 'action')
        : undefined;
      if (
        !action ||
        !ts.isPropertyAssignment(action) ||
        !ts.isStringLiteral(action.initializer) ||
        action.initializer.text !== 'deny'
      ) {
        problems.push(`setWindowOpenHandler at line ${line(r)} may return something other than { action: 'deny' }`);
      }
    }
  }
  if (
    !calls.some(
      (c) =>
        calleeName(c, source) === 'app.on' &&
        ts.isStringLiteral(c.arguments[0]!) &&
        (c.arguments[0] as ts.StringLiteral).text === 'web-contents-created' &&
        containsCall(c, source, /^harden$/),
    )
  ) {
    problems.push("app.on('web-contents-created') must harden every WebContents");
  }

  // 3. shell.openExternal only behind isExternalWebLink.
  for (const c of calls.filter((c) => calleeName(c, source) === 'shell.openExternal')) {
    let guarded = false;
    for (let p: ts.Node | undefined = c.parent; p; p = p.parent) {
      if (ts.isIfStatement(p) && containsCall(p.expression, source, /^isExternalWebLink$/)) guarded = true;
    }
    if (!guarded) problems.push(`shell.openExternal at line ${line(c)} is not inside if (isExternalWebLink(...))`);
  }

  // 4. Permissions denied.
  const permission = calls.filter((c) => calleeName(c, source).endsWith('.setPermissionRequestHandler'));
  if (permission.length === 0) problems.push('no setPermissionRequestHandler');
  for (const c of permission) {
    const fn = firstFunctionArg(c, 0);
    let allowsSomething = !fn;
    if (fn) {
      walk(fn.body, (n) => {
        if (ts.isCallExpression(n) && n.arguments.length > 0 && n.arguments[0]!.kind !== ts.SyntaxKind.FalseKeyword)
          allowsSomething = true;
      });
    }
    if (allowsSomething) problems.push(`setPermissionRequestHandler at line ${line(c)} may grant a permission`);
  }
  const check = calls.filter((c) => calleeName(c, source).endsWith('.setPermissionCheckHandler'));
  if (check.length === 0 || check.some((c) => firstFunctionArg(c, 0)?.body.kind !== ts.SyntaxKind.FalseKeyword))
    problems.push('setPermissionCheckHandler must be () => false');

  // 5. No network: every request goes through isAllowedRequest.
  const before = calls.filter((c) => calleeName(c, source).endsWith('.webRequest.onBeforeRequest'));
  if (before.length === 0) problems.push('no webRequest.onBeforeRequest: the network is not blocked');
  for (const c of before) {
    const filter = c.arguments[0];
    if (!filter || !filter.getText(source).includes("'<all_urls>'"))
      problems.push('onBeforeRequest must filter <all_urls>');
    if (!containsCall(c, source, /^isAllowedRequest$/))
      problems.push('onBeforeRequest must decide with isAllowedRequest');
  }

  // 6. IPC: handle() only, on the contract's channel, sender checked first.
  for (const c of calls) {
    const name = calleeName(c, source);
    if (/^ipcMain\.(on|once|addListener|handleOnce)$/.test(name))
      problems.push(`${name} at line ${line(c)}: only ipcMain.handle on the contract channel is allowed`);
    if (name !== 'ipcMain.handle') continue;
    if (c.arguments[0]?.getText(source) !== 'ipcChannels.invoke')
      problems.push(`ipcMain.handle at line ${line(c)} on a channel outside the contract`);
    const fn = firstFunctionArg(c, 1);
    const first = fn && ts.isBlock(fn.body) ? fn.body.statements[0] : undefined;
    const cond = first && ts.isIfStatement(first) ? first.expression.getText(source) : '';
    if (!/isOwnPage\(event\.senderFrame/.test(cond) || !/event\.sender\.mainFrame/.test(cond)) {
      problems.push(`ipcMain.handle at line ${line(c)} does not check the sender frame (own page, top frame) first`);
    }
  }
  if (!calls.some((c) => calleeName(c, source) === 'ipcMain.handle'))
    problems.push('no ipcMain.handle: the contract is not exposed');

  // 7. Single instance.
  if (!calls.some((c) => calleeName(c, source) === 'app.requestSingleInstanceLock'))
    problems.push('no single-instance lock');
  return problems;
}

/**
 * The preload: one exposeInMainWorld('mizan', bridge), the bridge an object
 * literal with exactly invoke and onProgress, and ipcRenderer used only on
 * the contract's channels.
 */
export function auditPreload(text: string): string[] {
  const source = ts.createSourceFile('index.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const problems: string[] = [];
  const calls: ts.CallExpression[] = [];
  let bridge: ts.ObjectLiteralExpression | null = null;
  walk(source, (n) => {
    if (ts.isCallExpression(n)) calls.push(n);
    if (
      ts.isVariableDeclaration(n) &&
      n.name.getText(source) === 'bridge' &&
      n.initializer &&
      ts.isObjectLiteralExpression(n.initializer)
    )
      bridge = n.initializer;
  });
  const exposes = calls.filter((c) => calleeName(c, source) === 'contextBridge.exposeInMainWorld');
  if (
    exposes.length !== 1 ||
    exposes[0]!.arguments[0]?.getText(source) !== "'mizan'" ||
    exposes[0]!.arguments[1]?.getText(source) !== 'bridge'
  ) {
    problems.push(
      `exposeInMainWorld must be called once, as ('mizan', bridge); found ${exposes.map((c) => c.getText(source)).join(' | ') || 'none'}`,
    );
  }
  const members = bridge ? (bridge as ts.ObjectLiteralExpression).properties.map((p) => propName(p) ?? '?').sort() : [];
  const expected = 'invoke,onProgress,onShellEvent,pathForFile';
  if (members.join(',') !== expected)
    problems.push(`the bridge must hold exactly ${expected}, holds ${members.join(', ') || 'nothing'}`);
  for (const c of calls) {
    const name = calleeName(c, source);
    // The one listening helper forwards its `channel` parameter; its callers are checked below instead.
    const viaHelper = name === 'listen';
    if (!name.startsWith('ipcRenderer.') && !viaHelper) continue;
    const channel = c.arguments[0]?.getText(source) ?? '';
    // Only receiving goes through the helper's parameter: a send or invoke on it would be a door.
    if (channel === 'channel' && (name === 'ipcRenderer.on' || name === 'ipcRenderer.removeListener')) continue;
    const allowed = name === 'ipcRenderer.invoke' ? /^ipcChannels\.invoke$/ : /^ipcChannels\.(progress|shell)$/;
    if (!allowed.test(channel)) problems.push(`${name}(${channel}) uses a channel outside the contract`);
  }
  return problems;
}
