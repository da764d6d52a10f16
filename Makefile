# The two commands: `make demo` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
DEMO_DB ?= demo.db
JOBS ?= $(shell nproc)

.PHONY: bootstrap configure build web test demo unit blackbox format tidy types clean fuzz

# The web app's inputs: web/dist is rebuilt only when one of them changed.
WEB_SOURCES := $(shell find web/src -type f 2>/dev/null) web/index.html web/package.json \
  web/package-lock.json web/vite.config.ts web/tsconfig.json web/scripts/bundle-size.mjs

bootstrap:
	scripts/bootstrap

configure:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DCMAKE_CXX_COMPILER_LAUNCHER=$(shell command -v ccache)

build: configure web
	cmake --build $(BUILD_DIR) -j $(JOBS)

web: web/dist/index.html

web/dist/index.html: $(WEB_SOURCES)
	cd web && npm run build

# Every test: unit and store tests through ctest, black-box tests against the real binary, browser
# tests of the web app in Chromium.
test: bootstrap build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The demo council, its summary, then the sign-ins and where to go last, then the server with the
# web app in the foreground (http://localhost:8080; DEMO_HOST=0.0.0.0 to reach it from other PCs).
# It builds only the binary and the web app (not the tests and benchmarks `make test` needs), and
# the server's JSON request log goes to DEMO_LOG, not the terminal.
DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8080
DEMO_LOG ?= $(BUILD_DIR)/demo-requests.log

demo: bootstrap configure web
	cmake --build $(BUILD_DIR) -j $(JOBS) --target redress
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB).audit-key $(DEMO_DB).audit-key.pub \
	  $(DEMO_DB).audit-checkpoints
	@echo "Creating the demo council in $(DEMO_DB)..."
	$(BUILD_DIR)/redress demo --db $(DEMO_DB) --seed 1 >$(BUILD_DIR)/demo-sign-ins.txt
	$(BUILD_DIR)/redress summary --db $(DEMO_DB)
	@echo
	@cat $(BUILD_DIR)/demo-sign-ins.txt
	@echo
	@echo "The server's request log: $(DEMO_LOG)"
	@echo "The web app: http://localhost:$(DEMO_PORT) (sign in as one of the users above). Ctrl+C stops it."
	@exec $(BUILD_DIR)/redress serve --db $(DEMO_DB) --host $(DEMO_HOST) --port $(DEMO_PORT) \
	  --web-root web/dist --log-file $(DEMO_LOG)

# The fuzz targets of fuzz/, built with clang (ASan, UBSan, libFuzzer) in their own build directory
# and run one after another for FUZZ_SECONDS each; new inputs join fuzz/corpus/, crashes land in
# fuzz/crashes/. `make test` replays the corpora without clang.
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60

fuzz: bootstrap
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD_DIR) -G Ninja -DREDRESS_FUZZ=ON \
	  -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCMAKE_CXX_COMPILER_LAUNCHER=$(shell command -v ccache)
	cmake --build $(FUZZ_BUILD_DIR) -j $(JOBS) --target fuzz_targets
	BUILD_DIR=$(FUZZ_BUILD_DIR) FUZZ_SECONDS=$(FUZZ_SECONDS) fuzz/run.sh

# Formats the C++ (clang-format) and the web app and JavaScript tests (Prettier): what ctest
# cpp_format and web_format check.
format:
	find src tests bench fuzz -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i
	node web/node_modules/prettier/bin/prettier.cjs --write --log-level warn 'web/src/**/*.{ts,tsx}' \
	  'tests/**/*.mjs'

# clang-tidy (.clang-tidy) over every source of src/ in the compile database of the build: not a
# ctest test, as it takes longer than the rest of `make test` on two cores.
tidy: configure
	run-clang-tidy -p $(BUILD_DIR) -j $(JOBS) -quiet '$(CURDIR)/src/'

# Regenerates web/src/api-types.ts from src/http/openapi.json (ctest web_api_types checks it).
types:
	cd web && npm run types

clean:
	rm -rf $(BUILD_DIR)
