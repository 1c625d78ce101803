# `make`       installs what is missing (Debian 12), builds tandem, and builds this site into public/.
# `make test`  also installs what the tests need (Chromium, npm packages), then builds and runs every test.
# `make bench` compares tandem with Hugo (installs Debian's hugo); figures in README.md.
# `make test-asan`, `make test-tsan`: every test but the browser's, built with AddressSanitizer
#              and UndefinedBehaviorSanitizer, or ThreadSanitizer (tests/sanitizers/README.md).
# `make fuzz`  builds the libFuzzer targets with clang and runs each FUZZ_SECONDS (tests/fuzz/README.md).
BUILD_DIR   ?= build
JOBS        ?= $(shell nproc)
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# libxxhash-dev: the hash of cache keys and output files; libjemalloc-dev: the program's allocator;
# libcpp-httplib-dev: the HTTP server of `tandem serve`.
BUILD_DEBS  := cmake g++ make pkg-config git libcmark-gfm-dev libcmark-gfm-extensions-dev \
               libkainjow-mustache-dev libicu-dev libtomlplusplus-dev libyaml-cpp-dev libcli11-dev \
               libxxhash-dev libjemalloc-dev libcpp-httplib-dev catch2
TEST_DEBS   := chromium cmark-gfm python3
# clang-14 and its runtimes (libFuzzer): only for `make fuzz`.
FUZZ_DEBS   := clang-14 libclang-rt-14-dev llvm-14
FUZZ_SECONDS ?= 60

# Installs the Debian packages named in $(1) that are not installed yet.
define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

.PHONY: all site build deps test test-deps test-asan test-tsan fuzz bench clean
all: site

deps:
	$(call apt_install,$(BUILD_DEBS))

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR) -j$(JOBS)

site: build
	./$(BUILD_DIR)/tandem build

test-deps: deps
	$(call apt_install,$(TEST_DEBS))
	$(call apt_install,$(if $(shell command -v npm),,nodejs npm))
	cd tests/browser && npm ci --no-audit --no-fund

# -j: the tests run two at a time or more; CTest still builds the site before the browser reads it.
test: build test-deps
	cd $(BUILD_DIR) && ctest -j$(JOBS) --output-on-failure

# Sanitizer builds, each in a folder of its own, at -O1 -g (asserts on), jemalloc off; the tandem
# program that tests start is built the same way. Every report, from the test binary or from a
# tandem it started, goes to <folder>/sanitizer-logs/ (log_path), so that none is lost in output a
# test captured; any report there fails the target, after printing it. tests/sanitizers/README.md.
SAN_CMAKE   := -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO='-O1 -g'
SAN_SUPP    := $(CURDIR)/tests/sanitizers
comma       := ,
ASAN_DIR    ?= build-asan
TSAN_DIR    ?= build-tsan
ASAN_ENV     = ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:log_path=$(abspath $(ASAN_DIR))/sanitizer-logs/asan \
               UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:report_error_type=1:log_path=$(abspath $(ASAN_DIR))/sanitizer-logs/ubsan
TSAN_ENV     = TSAN_OPTIONS=suppressions=$(SAN_SUPP)/tsan.supp:second_deadlock_stack=1:history_size=4:log_path=$(abspath $(TSAN_DIR))/sanitizer-logs/tsan
# GCC 12's ThreadSanitizer cannot run when the kernel randomizes mmap with more than 28 bits
# ("FATAL: ThreadSanitizer: unexpected memory mapping"; vm.mmap_rnd_bits is 32 on some kernels):
# then the build and the tests run with address randomization off (setarch -R, inherited by
# every program the tests start). Debian 12's own kernel uses 28 and needs nothing.
TSAN_RUN    ?= $(shell [ "$$(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null || echo 28)" -le 28 ] || echo setarch $$(uname -m) -R)

# $(1): build folder, $(2): TANDEM_SANITIZE, $(3): environment, $(4): command prefix.
define sanitized_tests
	cmake -S . -B $(1) $(SAN_CMAKE) -DTANDEM_SANITIZE=$(2)
	rm -rf $(1)/sanitizer-logs && mkdir -p $(1)/sanitizer-logs
	$(3) $(4) cmake --build $(1) -j$(JOBS)
	@cd $(1) && { $(3) $(4) ctest -LE browser -j$(JOBS) --timeout 900 --output-on-failure; status=$$?; \
	  if [ -n "$$(ls sanitizer-logs)" ]; then \
	    for f in sanitizer-logs/*; do echo "==== $(1)/$$f"; cat "$$f"; done; \
	    echo "$(2): sanitizer reports above (kept in $(1)/sanitizer-logs/)"; exit 1; \
	  fi; exit $$status; }
endef

test-asan: deps
	$(call sanitized_tests,$(ASAN_DIR),address$(comma)undefined,$(ASAN_ENV),)

test-tsan: deps
	$(call sanitized_tests,$(TSAN_DIR),thread,$(TSAN_ENV),$(TSAN_RUN))

fuzz: deps
	$(call apt_install,$(FUZZ_DEBS))
	tests/fuzz/run.sh $(FUZZ_SECONDS)

# tandem against Hugo on a synthetic site of 1,000 and 10,000 pages per language (bench/README.md).
bench: build
	bench/run.sh

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(TSAN_DIR) build-fuzz public
