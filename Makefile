# Thin wrapper over CMake. `make run` and `make test` are the two commands a
# fresh Debian 12 machine needs (as root: missing packages are installed).
BUILD_DIR ?= build
ASAN_BUILD_DIR ?= build-asan
FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60
JOBS ?= $(shell nproc)
LISTEN ?= 127.0.0.1:50051
DATA_DIR ?= ./var/cxscore
CMAKE_FLAGS ?=

.PHONY: deps configure build run test asan-test fuzz clean format

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja $(CMAKE_FLAGS)

configure: $(BUILD_DIR)/build.ninja

build: deps configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	$(BUILD_DIR)/bin/cxscored --listen $(LISTEN) --data-dir $(DATA_DIR)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

# The same tests under AddressSanitizer + UBSan, in a build folder of its own.
asan-test: deps
	cmake -S . -B $(ASAN_BUILD_DIR) -G Ninja -DCXSCORE_SANITIZE=ON \
	  -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD_DIR) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD_DIR) --output-on-failure -j $(JOBS)

# libFuzzer targets (tests/fuzz) built with clang in a build folder of their
# own, each run FUZZ_SECONDS on a copy of its seed corpus; fails on any
# crash (docs/reliability.md, "Fuzzing").
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_BUILD_DIR=$(FUZZ_BUILD_DIR) \
	  JOBS=$(JOBS) CMAKE_FLAGS="$(CMAKE_FLAGS)" scripts/run-fuzzers.sh

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(ASAN_BUILD_DIR) $(FUZZ_BUILD_DIR)

# The same targets built and tested with Bazel, offline against Debian's
# packages, plus a check that both builds compile the same sources and a
# smoke test of the Bazel-built server with the CMake-built CLI
# (docs/bazel.md). Bazel's output base is $(BUILD_DIR)/bazel-base.
# BAZEL_EXAMPLE=1 also builds bazel-compat/example, an outside workspace that
# depends on cxscore (it compiles cxscore once more).
BAZEL_EXAMPLE ?= 0
.PHONY: bazel-test
bazel-test: build
	BUILD_DIR=$(BUILD_DIR) JOBS=$(JOBS) BAZEL_EXAMPLE=$(BAZEL_EXAMPLE) \
	  bazel-compat/run.sh
