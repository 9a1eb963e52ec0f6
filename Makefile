# plenary: the two commands a new user needs are `make run` and `make test`.
# Everything else is a step of those. The Makefile wraps CMake + Ninja.

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 20
JOBS       ?= $(shell nproc)

CMAKE_FLAGS = -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLENARY_WERROR=ON

.PHONY: run test build deps configure unit asan fuzz e2e bench clean

run: build
	@rm -rf out && mkdir -p out
	$(BUILD)/plenary check examples/ctoc-wg7-2022/meeting.toml
	$(BUILD)/plenary plan examples/ctoc-wg7-2022/meeting.toml --format hybrid --against-file
	$(BUILD)/plenary render examples/ctoc-wg7-2022/meeting.toml --lang ar,zh,en,fr,ru,es --to pdf,docx,html,md,akn,ics -o out
	@echo "plenary: wrote the ninth meeting's agenda to $(CURDIR)/out:"
	@ls -1 out | sed 's/^/  out\//'
	@scripts/run-server $(BUILD)

test: unit e2e asan fuzz

deps:
	@scripts/install-deps

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

configure: deps $(BUILD)/build.ninja

build: configure
	cmake --build $(BUILD) -j $(JOBS)

unit: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: deps
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_FLAGS) -DCMAKE_BUILD_TYPE=Debug -DPLENARY_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/lsan.supp \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS) -LE slow

# The web pages end to end in Debian's headless Chromium, driven by
# playwright-core from npm (tests/e2e); screenshots go to $(BUILD)/e2e/.
e2e: build
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error
	PLENARY_BUILD=$(CURDIR)/$(BUILD) node --test --test-concurrency=1 tests/e2e/

# libFuzzer targets (clang), each run for FUZZ_SECONDS from the seed corpus.
fuzz: deps
	CC=clang-14 CXX=clang++-14 cmake -S . -B $(FUZZ_BUILD) $(CMAKE_FLAGS) -DPLENARY_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers
	scripts/run-fuzzers $(FUZZ_BUILD) $(FUZZ_SECONDS)

bench: build
	cmake --build $(BUILD) --target benchmarks
	bench/run $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) out
