# The two commands: `make demo` and `make test`. Both install what is missing first.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
DEMO_DB ?= demo.db
JOBS ?= $(shell nproc)

.PHONY: bootstrap configure build test demo unit blackbox format clean

bootstrap:
	scripts/bootstrap

configure:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
	  -DCMAKE_CXX_COMPILER_LAUNCHER=$(shell command -v ccache)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

# Every test: unit and store tests through ctest, black-box tests against the real binary.
test: bootstrap build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

demo: bootstrap build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BUILD_DIR)/redress demo --db $(DEMO_DB) --seed 1
	$(BUILD_DIR)/redress summary --db $(DEMO_DB)

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
