# The two set-up commands (see README): `make site` and `make test`.
SWIFT ?= swift
BIN = .build/debug/pvyield

.PHONY: deps build site test conformance bench clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build --product pvyield

# Builds pvyield, checks the bundled content on this machine and renders site/.
site: build
	$(BIN) build --content content --templates templates --out site
	$(BIN) export --format markdown --out site/markdown --no-verdicts
	@echo "open site/index.html"

# Runs the test suite (Swift Testing).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --disable-xctest

clean:
	rm -rf .build site
