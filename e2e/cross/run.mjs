// Runs the cross-engine checks (checks.mjs) in one engine over W3C WebDriver.
//
// Usage: node e2e/cross/run.mjs ENGINE BASE_URL REPORT_JSON
//   ENGINE: firefox (Debian's firefox-esr, headless, through geckodriver) or
//           webkit (WebKitGTK's MiniBrowser through WebKitWebDriver, in Xvfb,
//           since MiniBrowser has no headless mode).
// Playwright cannot drive these builds (it needs its own browser downloads),
// so this uses webdriverio against drivers started here. Prints one line per
// check and writes {passed, failed} to REPORT_JSON.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { homedir } from 'node:os';
import { remote } from 'webdriverio';
import { checks } from './checks.mjs';

const [engine, base, reportPath] = process.argv.slice(2);
if (!engine || !base || !reportPath) {
  console.error('usage: node e2e/cross/run.mjs firefox|webkit BASE_URL REPORT_JSON');
  process.exit(2);
}

const cargoBin = `${process.env.CARGO_HOME ?? `${homedir()}/.cargo`}/bin`;
const ENGINES = {
  firefox: {
    driver: (port) => [`${cargoBin}/geckodriver`, ['--host', '127.0.0.1', '--port', String(port)]],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: '/usr/bin/firefox-esr', args: ['-headless', '-width=1280', '-height=900'] },
    },
  },
  webkit: {
    driver: (port) => ['xvfb-run', ['-a', '-s', '-screen 0 1280x900x24', 'WebKitWebDriver', `--port=${port}`]],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
};
const config = ENGINES[engine];
if (!config) {
  console.error(`unknown engine ${engine}; known: ${Object.keys(ENGINES).join(', ')}`);
  process.exit(2);
}

const freePort = () => new Promise((resolve, reject) => {
  const server = net.createServer();
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
  server.on('error', reject);
});

const listening = async (port, ms) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the ${engine} driver did not listen on port ${port}`);
};

// Errors the page throws after load, recorded by a listener put in place on
// every navigation (WebDriver classic has no console events in WebKit).
const RECORD_ERRORS = () => {
  if (window.__crossErrors) return;
  window.__crossErrors = [];
  window.addEventListener('error', (e) => window.__crossErrors.push(String(e.message)));
  window.addEventListener('unhandledrejection', (e) => window.__crossErrors.push(String(e.reason)));
};

function driverFor(browser) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const t = {
    async go(path) {
      await browser.url(new URL(path, base).href);
      await browser.execute(RECORD_ERRORS);
      // The build's first-view HTML shows until the app starts and replaces
      // it (src/first_view.rs); the checks are of the app.
      await t.until('the app to start', () => browser.execute(() => !document.getElementById('first-view')), 15000);
    },
    async until(what, fn, ms = 5000) {
      const deadline = Date.now() + ms;
      let last;
      while (Date.now() < deadline) {
        try {
          if (await fn()) return;
        } catch (e) {
          last = e;
        }
        await sleep(100);
      }
      throw new Error(`timed out waiting for ${what}${last ? ` (${last.message})` : ''}`);
    },
    count: (css) => browser.execute((s) => document.querySelectorAll(s).length, css),
    text: (css) => browser.execute((s) => document.querySelector(s)?.textContent.trim() ?? '', css),
    texts: (css) => browser.execute((s) => [...document.querySelectorAll(s)].map((e) => e.textContent.trim()), css),
    attr: (css, name) => browser.execute((s, n) => document.querySelector(s)?.getAttribute(n) ?? null, css, name),
    url: () => browser.getUrl(),
    exec: (fn, ...args) => browser.execute(fn, ...args),
    async click(css) {
      await browser.$(css).click();
    },
    async key(css, keys) {
      await browser.$(css).addValue(keys);
    },
    back: () => browser.back(),
    forward: () => browser.forward(),
    async dialog() {
      try {
        return await browser.getAlertText();
      } catch {
        return null;
      }
    },
    acceptDialog: () => browser.acceptAlert(),
    notes: [],
    note(text) {
      this.notes.push(text);
    },
  };
  return t;
}

const port = await freePort();
const [command, args] = config.driver(port);
const driver = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
let driverLog = '';
driver.stderr.on('data', (d) => { driverLog = (driverLog + d).slice(-4000); });
const stopDriver = () => { try { process.kill(-driver.pid, 'SIGTERM'); } catch { /* already gone */ } };
process.on('exit', stopDriver);

let passed = 0;
let failed = 0;
try {
  await listening(port, 30000);
  const browser = await remote({
    hostname: '127.0.0.1',
    port,
    path: '/',
    // Silent: probing for a dialog logs an error whenever there is none; the
    // checks report their own failures.
    logLevel: 'silent',
    connectionRetryCount: 1,
    capabilities: { ...config.capabilities, 'wdio:enforceWebDriverClassic': true },
  });
  const t = driverFor(browser);
  for (const [name, check] of checks) {
    const started = Date.now();
    try {
      await check(t);
      const errors = await browser.execute(() => window.__crossErrors ?? []);
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
      passed += 1;
      const notes = t.notes.splice(0).map((n) => ` [${n}]`).join('');
      console.log(`  ok   ${engine}: ${name} (${Date.now() - started} ms)${notes}`);
    } catch (e) {
      failed += 1;
      console.log(`  FAIL ${engine}: ${name}: ${e.message.split('\n')[0]}`);
    }
  }
  await browser.deleteSession();
} catch (e) {
  failed += 1;
  console.log(`  FAIL ${engine}: the session could not start: ${e.message.split('\n')[0]}`);
  if (driverLog) console.log(driverLog);
} finally {
  stopDriver();
}
console.log(`${engine}: ${passed} passed, ${failed} failed`);
writeFileSync(reportPath, JSON.stringify({ engine, passed, failed }));
process.exit(0);
