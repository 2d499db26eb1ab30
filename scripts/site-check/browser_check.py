#!/usr/bin/env python3
"""Checks a built pvyield site in headless Chromium over the DevTools protocol.

For every page, served from a loopback http.server:
- no console error or warning, no uncaught exception, no failed request,
  and no request to anything but the site itself;
- every link and #anchor resolves (checked in the loaded DOM);
- one h1, no skipped heading level, every link has an accessible name;
- text contrast at least 4.5:1 (3:1 for large text), from computed styles;
- on a phone-sized screen (390 px) nothing scrolls sideways but code.
Then: search finds a claim by a kernel symbol; the home and a claim page
read with JavaScript off; the home page opened as file:// loads cleanly;
screenshots of the home and a claim page, desktop and phone, are saved.

Usage: browser_check.py SITE_DIR OUT_DIR  (needs `websockets`; exit 1 on any problem)
"""
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import base64
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import websockets

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")

# Runs in each page: what a reader would trip over.
PAGE_AUDIT = r"""
(() => {
  const problems = [];
  const hs = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1]);
  if (hs.filter(l => l === 1).length !== 1) problems.push(`${hs.filter(l => l === 1).length} h1 elements`);
  hs.forEach((l, i) => { if (i && l > hs[i - 1] + 1) problems.push(`heading jumps h${hs[i - 1]} → h${l}`); });
  for (const a of document.querySelectorAll('a[href]')) {
    if (!(a.innerText || a.getAttribute('aria-label') || '').trim()) problems.push(`link without text: ${a.getAttribute('href')}`);
    const url = new URL(a.href, location.href);
    if (url.origin === location.origin && url.pathname === location.pathname && url.hash) {
      const id = decodeURIComponent(url.hash.slice(1));
      if (!document.getElementById(id)) problems.push(`no anchor #${id}`);
    }
  }
  function rgb(s) { const m = s.match(/[\d.]+/g); return m ? m.map(Number) : [0, 0, 0, 0]; }
  function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); }
  function background(el) {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0.5) return c;
    }
    return [255, 255, 255];
  }
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (!el || !walker.currentNode.textContent.trim() || seen.has(el)) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || el.getClientRects().length === 0) continue;
    const r = el.getBoundingClientRect();
    if (r.right < 0 || r.bottom < 0) continue;  // off-screen, like the skip link until focused
    const fg = lum(rgb(style.color)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const need = (size >= 24 || (size >= 18.66 && bold)) ? 3 : 4.5;
    if (ratio < need) problems.push(`contrast ${ratio.toFixed(2)} < ${need} for <${el.tagName.toLowerCase()}> "${walker.currentNode.textContent.trim().slice(0, 40)}"`);
  }
  return problems;
})()
"""

PHONE_AUDIT = r"""
(() => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
  for (const el of document.querySelectorAll('main *')) {
    const r = el.getBoundingClientRect();
    if (r.right > width + 1 && !el.closest('pre, .table-wrap')) { problems.push(`<${el.tagName.toLowerCase()}> overflows to ${Math.round(r.right)}px`); break; }
  }
  return problems;
})()
"""


class CDP:
    def __init__(self, ws):
        self.ws, self.next_id, self.events, self.pending = ws, 0, [], {}

    async def reader(self):
        async for message in self.ws:
            m = json.loads(message)
            if "id" in m and m["id"] in self.pending:
                self.pending.pop(m["id"]).set_result(m)
            elif "method" in m:
                self.events.append(m)

    async def send(self, method, **params):
        self.next_id += 1
        future = asyncio.get_running_loop().create_future()
        self.pending[self.next_id] = future
        await self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        reply = await asyncio.wait_for(future, 30)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    async def evaluate(self, expression):
        r = await self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        return r.get("result", {}).get("value")

    async def load(self, url):
        self.events.clear()
        await self.send("Page.navigate", url=url)
        for _ in range(300):
            if any(e["method"] == "Page.loadEventFired" for e in self.events):
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.15)  # let late console messages arrive

    def page_problems(self, origin):
        out = []
        for e in self.events:
            m, p = e["method"], e["params"]
            if m == "Runtime.consoleAPICalled" and p["type"] in ("error", "warning", "assert"):
                out.append("console %s: %s" % (p["type"], " ".join(str(a.get("value", a.get("description", ""))) for a in p["args"])))
            elif m == "Runtime.exceptionThrown":
                out.append("exception: " + p["exceptionDetails"].get("text", "") + " " + str(p["exceptionDetails"].get("exception", {}).get("description", "")))
            elif m == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
                out.append("log %s: %s" % (p["entry"]["level"], p["entry"]["text"]))
            elif m == "Network.loadingFailed" and not p.get("canceled"):
                out.append("request failed: " + p.get("errorText", ""))
            elif m == "Network.requestWillBeSent":
                url = p["request"]["url"]
                if origin and not url.startswith(origin) and not url.startswith("data:"):
                    out.append("request leaves the site: " + url)
            elif m == "Network.responseReceived" and p["response"]["status"] >= 400:
                out.append(f"HTTP {p['response']['status']} for {p['response']['url']}")
        return out


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def start_chromium(profile):
    cmd = [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
           "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--hide-scrollbars", "--mute-audio", f"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    for _ in range(200):
        if os.path.exists(port_file) and open(port_file).read().strip():
            break
        time.sleep(0.05)
    port = int(open(port_file).read().split()[0])
    for _ in range(100):
        try:
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
            page = next(t for t in targets if t["type"] == "page")
            return proc, page["webSocketDebuggerUrl"]
        except Exception:
            time.sleep(0.05)
    raise RuntimeError("chromium did not start")


async def run(site, out):
    server = serve(site)
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    profile = tempfile.mkdtemp(prefix="pvyield-chromium-")
    proc, ws_url = start_chromium(profile)
    problems = []
    try:
        async with websockets.connect(ws_url, max_size=64 * 1024 * 1024) as ws:
            cdp = CDP(ws)
            reader = asyncio.create_task(cdp.reader())
            for domain in ("Page", "Runtime", "Log", "Network"):
                await cdp.send(f"{domain}.enable")
            desktop = dict(width=1280, height=900, deviceScaleFactor=1, mobile=False)
            phone = dict(width=390, height=844, deviceScaleFactor=2, mobile=True)
            pages = sorted(os.path.relpath(os.path.join(d, f), site) for d, _, fs in os.walk(site) for f in fs if f.endswith(".html"))
            for path in pages:
                await cdp.send("Emulation.setDeviceMetricsOverride", **desktop)
                await cdp.load(origin + path)
                found = cdp.page_problems(origin) + (await cdp.evaluate(PAGE_AUDIT) or [])
                await cdp.send("Emulation.setDeviceMetricsOverride", **phone)
                await asyncio.sleep(0.05)
                found += await cdp.evaluate(PHONE_AUDIT) or []
                problems += [f"{path}: {p}" for p in found]

            # Search finds a claim by a kernel symbol, from the URL and by typing.
            await cdp.send("Emulation.setDeviceMetricsOverride", **desktop)
            await cdp.load(origin + "search.html?q=iommu_present")
            hits = await cdp.evaluate("[...document.querySelectorAll('#search-results a')].map(a => a.textContent)") or []
            if "iommu.api-guard-iommu-present" not in hits:
                problems.append(f"search.html?q=iommu_present: claim iommu.api-guard-iommu-present not found (got {hits})")
            typed = await cdp.evaluate("""(() => { const q = document.getElementById('q'); q.value = 'IOMMU_INIT_FINISH';
                q.dispatchEvent(new Event('input')); return [...document.querySelectorAll('#search-results a')].map(a => a.textContent); })()""") or []
            if "iommu.init-finish-stops-later-inits" not in typed:
                problems.append(f"search typed IOMMU_INIT_FINISH: claim iommu.init-finish-stops-later-inits not found (got {typed[:5]})")
            problems += [f"search.html: {p}" for p in cdp.page_problems(origin)]
            print(f"search: 'iommu_present' → {len(hits)} result(s), 'IOMMU_INIT_FINISH' → {len(typed)} result(s)")

            claim = next((p for p in pages if "/claim/microcode.init-returns-early.html" in p), next(p for p in pages if "/claim/" in p))
            shots = [("home", "index.html"), ("claim", claim)]
            for name, path in shots:
                for label, metrics in (("desktop", desktop), ("phone", phone)):
                    await cdp.send("Emulation.setDeviceMetricsOverride", **metrics)
                    await cdp.load(origin + path)
                    height = min(await cdp.evaluate("document.documentElement.scrollHeight"), 12000)
                    # The whole page in slices a person can look at, one screenful-and-a-half each.
                    step = 1400 if label == "desktop" else 1200
                    for n, y in enumerate(range(0, height, step), start=1):
                        shot = await cdp.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                                              clip=dict(x=0, y=y, width=metrics["width"], height=min(step, height - y), scale=1))
                        with open(os.path.join(out, f"{name}-{label}-{n}.png"), "wb") as f:
                            f.write(base64.b64decode(shot["data"]))

            # JavaScript off: the pages are all there.
            await cdp.send("Emulation.setDeviceMetricsOverride", **desktop)
            await cdp.send("Emulation.setScriptExecutionDisabled", value=True)
            for path in ("index.html", claim, "search.html"):
                await cdp.load(origin + path)
                text = await cdp.send("Runtime.evaluate", expression="document.querySelector('main').innerText", returnByValue=True)
                body = text.get("result", {}).get("value") or ""
                # With scripts off Runtime.evaluate still runs (DevTools is not the page); the page's own script does not.
                if path == "search.html":
                    if "claim index" not in body:
                        problems.append("search.html without JavaScript does not point to the claim index")
                elif len(body) < 500:
                    problems.append(f"{path} without JavaScript shows only {len(body)} characters")
            await cdp.send("Emulation.setScriptExecutionDisabled", value=False)

            # From disk, as README says to open it.
            await cdp.load("file://" + os.path.abspath(os.path.join(site, "index.html")))
            problems += [f"file:// index.html: {p}" for p in cdp.page_problems(None)]
            await cdp.load("file://" + os.path.abspath(os.path.join(site, "search.html")) + "?q=iommu_present")
            hits = await cdp.evaluate("[...document.querySelectorAll('#search-results a')].map(a => a.textContent)") or []
            if "iommu.api-guard-iommu-present" not in hits:
                problems.append("file:// search.html does not find iommu_present")
            problems += [f"file:// search.html: {p}" for p in cdp.page_problems(None)]
            reader.cancel()
            print(f"browser check: {len(pages)} pages in Chromium, {len(problems)} problem(s); screenshots in {out}")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    site, out = sys.argv[1], sys.argv[2]
    if not os.path.isfile(os.path.join(site, "index.html")):
        sys.exit(f"browser check: no {site}/index.html; build the site first")
    os.makedirs(out, exist_ok=True)
    sys.exit(asyncio.run(run(site, out)))
