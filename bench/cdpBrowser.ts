import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { BROWSER_ARGS, CHROMIUM } from '../e2e/support/browser.ts';

/**
 * Debian's Chromium driven over the bare DevTools protocol (a pipe, no port), for measuring a
 * page's start. Playwright instruments every page it knows: a second JavaScript world created
 * in each new document, network and runtime events for every request. Under the 4× CPU
 * throttle that instrumentation costs the measured page ≈ 50–70 ms that no tablet has (an
 * empty page: 206 vs 139 ms warm, medians of 11 taken in turn). A page opened here gets only
 * what the measurement needs: device emulation, the throttle and one probe script.
 */

type Params = Record<string, unknown>;
/** The protocol's answers are plain JSON; each caller names the fields it reads. */
type Answer = any;

interface Pending {
  resolve: (result: Answer) => void;
  reject: (error: Error) => void;
  method: string;
}

export interface CdpSession {
  send(method: string, params?: Params): Promise<Answer>;
  /** Every event of this session with that method, until `off` is called. */
  on(method: string, listener: (params: Answer) => void): () => void;
  /** The next event with that method (and matching `test`); listens only until then. */
  waitFor(method: string, test?: (params: Answer) => boolean): Promise<Answer>;
}

export interface CdpBrowser {
  /** A fresh, empty browser context (its own cache, storage and service workers). */
  newContext(): Promise<CdpContext>;
  close(): Promise<void>;
  /** The browser-level session (Tracing, SystemInfo). */
  browser: CdpSession;
}

export interface CdpContext {
  /** A new tab on about:blank in this context, attached. */
  newPage(): Promise<CdpPage>;
  close(): Promise<void>;
}

export interface CdpPage extends CdpSession {
  /** Evaluates an expression in the page and returns its (awaited) value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

export async function launchCdpBrowser(): Promise<CdpBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'hz-cdp-'));
  const chrome: ChildProcess = spawn(CHROMIUM, [...BROWSER_ARGS, '--headless', '--hide-scrollbars', '--mute-audio', '--no-startup-window', '--remote-debugging-pipe', `--user-data-dir=${profile}`], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const toBrowser = chrome.stdio[3] as Writable;
  const fromBrowser = chrome.stdio[4] as Readable;
  let nextId = 0;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(params: Answer) => void>>();
  const key = (sessionId: string | undefined, method: string) => `${sessionId ?? ''}|${method}`;
  let exited: Error | null = null;
  const fail = (error: Error) => {
    exited = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  chrome.once('exit', (code, signal) => fail(new Error(`chromium exited (${code ?? signal})`)));
  // A browser that cannot start (no such file) fails the calls instead of crashing the bench.
  chrome.once('error', (error) => fail(new Error(`chromium at ${CHROMIUM} did not start: ${error.message}`)));
  toBrowser.on('error', (error) => exited ?? fail(new Error(`chromium's pipe: ${error.message}`)));

  // Messages are JSON, each ended by a NUL byte.
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as { id?: number; method?: string; params?: Answer; result?: Answer; error?: { message: string }; sessionId?: string };
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const p = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) p?.reject(new Error(`${p.method}: ${message.error.message}`));
        else p?.resolve(message.result);
      } else if (message.method) {
        for (const l of listeners.get(key(message.sessionId, message.method)) ?? []) l(message.params);
      }
    }
  });

  const session = (sessionId?: string): CdpSession => {
    const on = (method: string, listener: (params: Answer) => void) => {
      const k = key(sessionId, method);
      const set = listeners.get(k) ?? new Set();
      listeners.set(k, set.add(listener));
      return () => void set.delete(listener);
    };
    return {
      send(method, params = {}) {
        if (exited) return Promise.reject(exited);
        return new Promise((resolve, reject) => {
          const id = ++nextId;
          pending.set(id, { resolve, reject, method });
          toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
        });
      },
      on,
      waitFor(method, test = () => true) {
        return new Promise((resolve) => {
          const off = on(method, (params) => {
            if (test(params)) off(), resolve(params);
          });
        });
      },
    };
  };
  const browser = session();

  async function newPage(browserContextId: string): Promise<CdpPage> {
    const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank', browserContextId })) as { targetId: string };
    const { sessionId } = (await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    const page = session(sessionId);
    return {
      ...page,
      async evaluate<T>(expression: string): Promise<T> {
        const { result, exceptionDetails } = await page.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
        if (exceptionDetails) throw new Error(`evaluate: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
        return result.value as T;
      },
      close: () => browser.send('Target.closeTarget', { targetId }).then(() => undefined),
    };
  }

  return {
    browser,
    async newContext() {
      const { browserContextId } = (await browser.send('Target.createBrowserContext')) as { browserContextId: string };
      return {
        newPage: () => newPage(browserContextId),
        close: () => browser.send('Target.disposeBrowserContext', { browserContextId }).then(() => undefined),
      };
    },
    async close() {
      if (!exited) {
        const gone = new Promise((r) => chrome.once('exit', r));
        await browser.send('Browser.close').catch(() => chrome.kill());
        await gone;
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
