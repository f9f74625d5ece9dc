// Loaded with `node -r` before dist/electron/main.cjs: answers require('electron') with a recording fake,
// so the real bundle's wiring can run under plain Node (no Electron binary here). After start-up it drives
// a scenario through what main.cjs registered and prints one JSON line with what happened.
const Module = require('node:module');
const { EventEmitter } = require('node:events');

const state = {
  schemes: [],
  protocolHandler: null,
  preloads: [],
  ipcHandlers: new Map(),
  session: {},
  windows: [],
  appEvents: new EventEmitter(),
  menu: 'unset',
  blockers: new Set(),
};

function preventable(extra = {}) {
  const event = { prevented: false, preventDefault: () => (event.prevented = true), ...extra };
  return event;
}

class FakeWebContents extends EventEmitter {
  constructor() {
    super();
    this.url = '';
    this.sent = [];
    this.loads = [];
    this.zoom = 1;
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
  setZoomFactor(z) {
    this.zoom = z;
  }
  getURL() {
    return this.url;
  }
  send(...args) {
    this.sent.push(args);
  }
  isDestroyed() {
    return false;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new FakeWebContents();
    state.windows.push(this);
    state.appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.webContents.url = url;
    this.webContents.loads.push(url);
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  show() {}
  focus() {}
  static getAllWindows() {
    return state.windows;
  }
}

const app = {
  requestSingleInstanceLock: () => true,
  on(event, listener) {
    state.appEvents.on(event, listener);
    return app;
  },
  once(event, listener) {
    state.appEvents.once(event, listener);
    return app;
  },
  whenReady: () => Promise.resolve(),
  getPath: () => process.env.FAKE_USER_DATA,
  getAppPath: () => process.env.FAKE_APP_PATH,
  getVersion: () => '9.9.9',
  relaunch: () => {},
  quit: () => {
    state.appEvents.emit('before-quit');
  },
  exit: (code) => process.exit(code),
};

const fake = {
  app,
  BrowserWindow,
  Menu: { setApplicationMenu: (menu) => (state.menu = menu) },
  ipcMain: {
    handle: (channel, handler) => state.ipcHandlers.set(channel, handler),
    removeHandler: (channel) => state.ipcHandlers.delete(channel),
  },
  powerSaveBlocker: {
    start(type) {
      state.blockers.add(type);
      return 1;
    },
    stop: () => state.blockers.clear(),
    isStarted: () => state.blockers.size > 0,
  },
  // Like a Linux machine without a keyring: the core keeps its database key in an owner-only file.
  safeStorage: {
    isEncryptionAvailable: () => false,
    getSelectedStorageBackend: () => 'basic_text',
    encryptString() {
      throw new Error('no keyring');
    },
    decryptString() {
      throw new Error('no keyring');
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => state.schemes.push(...schemes),
    handle: (scheme, handler) => (state.protocolHandler = { scheme, handler }),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h) => (state.session.request = h),
      setPermissionCheckHandler: (h) => (state.session.check = h),
      setDevicePermissionHandler: (h) => (state.session.device = h),
      on: (event, h) => (state.session[event] = h),
      registerPreloadScript(script) {
        state.preloads.push(script);
        return script.id;
      },
    },
  },
};

const originalLoad = Module._load;
Module._load = function load(request, ...rest) {
  return request === 'electron' ? fake : originalLoad.call(this, request, ...rest);
};

async function scenario() {
  const window = state.windows[0];
  const contents = window.webContents;
  const invoke = state.ipcHandlers.get('kiosk:invoke');
  const response = await state.protocolHandler.handler({ url: 'app://kiosk/index.html', method: 'GET' });
  const traversal = await state.protocolHandler.handler({
    url: 'app://kiosk/%2e%2e/secret.txt',
    method: 'GET',
  });
  const requestPermission = (permission, details) =>
    new Promise((resolve) => state.session.request(contents, permission, resolve, details));

  const navigation = preventable({ url: 'https://evil.example/' });
  contents.emit('will-navigate', navigation);
  const f5 = preventable();
  contents.emit('before-input-event', f5, {
    type: 'keyDown',
    key: 'F5',
    code: 'F5',
    control: false,
    meta: false,
    alt: false,
    shift: false,
  });
  const closeBeforeQuit = preventable();
  window.emit('close', closeBeforeQuit);

  const result = {
    schemes: state.schemes,
    menu: state.menu,
    webPreferences: window.options.webPreferences,
    kiosk: window.options.kiosk,
    preloads: state.preloads,
    firstLoad: contents.loads[0],
    index: {
      status: response.status,
      csp: response.headers.get('content-security-policy'),
      body: await response.text(),
    },
    traversalStatus: traversal.status,
    health: await invoke({ senderFrame: { url: 'app://kiosk/index.html' } }, 'system.health', {}),
    foreign: await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'system.health', {}),
    camera: await requestPermission('media', {
      requestingUrl: 'app://kiosk/index.html',
      mediaTypes: ['video'],
    }),
    geolocation: state.session.check(contents, 'geolocation', 'app://kiosk', {}),
    devicePermission: state.session.device({ deviceType: 'usb' }),
    windowOpen: contents.openHandler({ url: 'https://evil.example/' }),
    navigationPrevented: navigation.prevented,
    f5Prevented: f5.prevented,
    closePreventedBeforeQuit: closeBeforeQuit.prevented,
    keepAwake: [...state.blockers],
  };

  for (let i = 0; i < 3; i++) contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
  result.loadsAfterCrashes = contents.loads.slice(1);
  const crashPage = await state.protocolHandler.handler({ url: contents.url, method: 'GET' });
  result.crashPage = { status: crashPage.status, body: await crashPage.text() };

  app.quit();
  const closeAfterQuit = preventable();
  window.emit('close', closeAfterQuit);
  result.closePreventedAfterQuit = closeAfterQuit.prevented;
  state.appEvents.emit('will-quit');
  result.keepAwakeAfterQuit = [...state.blockers];
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

setTimeout(() => {
  scenario().catch((error) => {
    process.stderr.write(`scenario failed: ${error.stack}\n`);
    process.exit(1);
  });
}, 200);
