#!/usr/bin/env python3
"""Static checks of a built pvyield site, with Python's own HTML parser:

- every page is well-formed HTML: elements close in order, no stray end tags,
  no duplicate ids, attributes quoted;
- every internal link, form action and stylesheet resolves to a file of the
  site, and every #anchor to an id on that page;
- no page links a scripting URL (javascript:, vbscript:, data:);
- accessibility basics: one h1, no skipped heading level, every link has text,
  every form field a label, html has a lang.

Usage: static_check.py SITE_DIR   (exit 1 and one line per problem on failure)
"""
import os
import sys
import urllib.parse
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose end tag HTML lets an author leave out; pvyield's pages close them anyway.
OPTIONAL_END = {"p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "option"}
SCRIPTING = ("javascript:", "vbscript:", "data:")


class Page(HTMLParser):
    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.stack = []
        self.problems = []
        self.ids = set()
        self.links = []          # (attribute, url)
        self.headings = []
        self.anchor_text = None  # text collected inside the current <a>
        self.anchor_href = None
        self.labels_for = set()
        self.fields = []
        self.lang = None
        self.in_script = False

    def problem(self, message):
        line, col = self.getpos()
        self.problems.append(f"{self.path}:{line}:{col + 1}: {message}")

    def handle_starttag(self, tag, attrs):
        a = {}
        for name, value in attrs:
            if name in a:
                self.problem(f"<{tag}> repeats the attribute {name}")
            a[name] = value
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a:
            if a["id"] in self.ids:
                self.problem(f"duplicate id {a['id']!r}")
            self.ids.add(a["id"])
        for attr in ("href", "src", "action"):
            if attr in a and a[attr] is not None:
                self.links.append((attr, a[attr]))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        if tag == "a":
            self.anchor_text, self.anchor_href = "", a.get("href")
        if tag == "label" and a.get("for"):
            self.labels_for.add(a["for"])
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            self.fields.append(a.get("id"))
        if tag == "script":
            self.in_script = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False
        if tag == "a" and self.anchor_text is not None:
            if not self.anchor_text.strip():
                self.problem(f"a link without text (href={self.anchor_href!r})")
            self.anchor_text = None
        if tag in VOID:
            self.problem(f"end tag for the void element <{tag}>")
            return
        if not self.stack or tag not in self.stack:
            self.problem(f"stray </{tag}>")
            return
        while self.stack and self.stack[-1] != tag:
            open_tag = self.stack.pop()
            if open_tag not in OPTIONAL_END:
                self.problem(f"<{open_tag}> not closed before </{tag}>")
        self.stack.pop()

    def handle_data(self, data):
        if self.anchor_text is not None:
            self.anchor_text += data

    def finish(self):
        self.close()
        for tag in self.stack:
            if tag not in OPTIONAL_END:
                self.problem(f"<{tag}> never closed")
        if not self.lang:
            self.problem("<html> has no lang")
        if self.headings.count(1) != 1:
            self.problem(f"{self.headings.count(1)} h1 elements (want one)")
        for a, b in zip(self.headings, self.headings[1:]):
            if b > a + 1:
                self.problem(f"heading jumps from h{a} to h{b}")
        for field in self.fields:
            if field not in self.labels_for:
                self.problem(f"form field {field!r} has no <label for>")


def main(site):
    pages = {}
    problems = []
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                path = os.path.relpath(os.path.join(folder, name), site)
                with open(os.path.join(site, path), encoding="utf-8") as f:
                    text = f.read()
                if not text.startswith("<!DOCTYPE html>"):
                    problems.append(f"{path}:1:1: no <!DOCTYPE html>")
                page = Page(path)
                page.feed(text)
                page.finish()
                pages[path] = page
                problems += page.problems
    checked = 0
    for path, page in sorted(pages.items()):
        for attr, url in page.links:
            checked += 1
            lower = "".join(url.split()).lower()
            if lower.startswith(SCRIPTING):
                problems.append(f"{path}: {attr} is a scripting URL: {url}")
                continue
            parts = urllib.parse.urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # external: the kernel source browser, the wiki
            target = path if not parts.path else os.path.normpath(os.path.join(os.path.dirname(path), urllib.parse.unquote(parts.path)))
            if target.startswith(".."):
                problems.append(f"{path}: {url} leaves the site")
                continue
            if not os.path.isfile(os.path.join(site, target)):
                problems.append(f"{path}: {url} → {target} does not exist")
                continue
            if parts.fragment and target in pages:
                fragment = urllib.parse.unquote(parts.fragment)
                if fragment not in pages[target].ids:
                    problems.append(f"{path}: {url} → no id {fragment!r} in {target}")
    for p in problems:
        print(p)
    print(f"static check: {len(pages)} pages, {checked} links and actions, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "site"))
