# The two set-up commands (see README): `make site` and `make test`.
SWIFT ?= swift
BIN = .build/debug/pvyield

.PHONY: deps build release site test kernel-src conformance bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build --product pvyield

# The binary to copy to a guest: optimised, with the Swift runtime linked in
# (it starts in about half the time of a dynamically linked one).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product pvyield
	@echo "built .build/release/pvyield"

# Builds pvyield, checks the bundled content on this machine (and the code
# claims against Debian's kernel trees when they can be had), renders site/.
TREES = $(foreach t,linux-6.1 linux-6.12,$(if $(wildcard $(KSRC)/$(t)/Makefile),--kernel-src $(KSRC)/$(t)))
site: build kernel-src
	$(BIN) build --content content --templates templates --out site $(TREES)
	$(BIN) export --format markdown --out site/markdown $(TREES)
	@echo "open site/index.html"

# Runs the test suite (Swift Testing), after the MediaWiki conformance score;
# the source probes run against Debian's kernel trees when they can be had.
test: deps kernel-src
	$(SWIFT) build --build-tests
	@$(MAKE) --no-print-directory conformance
	PVYIELD_KERNEL_SRC=$(KSRC) $(SWIFT) test --skip-build --disable-xctest

# Debian's linux-source-6.1 and 6.12, only the files the probes read (cached
# in /var/cache/pvyield-kernel-src); skipped with a message when unavailable.
KSRC ?= $(CURDIR)/.build-ksrc
kernel-src:
	@bash scripts/kernel-src/fetch.sh $(KSRC)

# MediaWiki 1.39's own parser tests through the wikitext reader and HTML
# writer: pass rates on the 716 core cases, all 1067, and per construct.
PARSER_TESTS = ../shared/corpora/mediawiki-1.39/parserTests_php_default.jsonl
conformance:
	@if [ -f $(PARSER_TESTS) ]; then \
	  $(SWIFT) build --product pvyield-conformance >/dev/null && \
	  .build/debug/pvyield-conformance $(PARSER_TESTS) --min-core 90; \
	else echo "conformance: skipped, $(PARSER_TESTS) is absent (it lives in ../shared)"; fi

# Benchmarks (release builds): wikitext throughput and scaling, export
# ingestion memory, verify and detect on this machine, kernel source probes.
bench:
	@bash scripts/bench/all.sh

clean:
	rm -rf .build site

# Boots Xen 4.17 PV and PVH dom0s with Linux 6.1 and 6.12 under QEMU, runs
# pvyield in each and writes content/verifications/*.json; results in
# .build-xen/ (scripts/xen-guest/payload/README.md). Skips, and passes, when
# the downloads cannot be had.
.PHONY: xen-guest
xen-guest:
	@bash scripts/xen-guest/payload/make-xen-guest.sh

# Checks the built site in headless Chromium (installed if missing): parsing,
# links and anchors, console errors, phone layout, contrast, search.
.PHONY: site-check
site-check: site
	bash scripts/site-check/check.sh site
