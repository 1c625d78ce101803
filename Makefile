# `make`       installs what is missing (Debian 12), builds tandem, and builds this site into public/.
# `make test`  also installs what the tests need (Chromium, npm packages), then builds and runs every test.
# `make bench` compares tandem with Hugo (installs Debian's hugo); figures in README.md.
BUILD_DIR   ?= build
JOBS        ?= $(shell nproc)
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# libxxhash-dev: the hash of cache keys and output files; libjemalloc-dev: the program's allocator.
BUILD_DEBS  := cmake g++ make pkg-config git libcmark-gfm-dev libcmark-gfm-extensions-dev \
               libkainjow-mustache-dev libicu-dev libtomlplusplus-dev libyaml-cpp-dev libcli11-dev \
               libxxhash-dev libjemalloc-dev catch2
TEST_DEBS   := chromium

# Installs the Debian packages named in $(1) that are not installed yet.
define apt_install
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
endef

.PHONY: all site build deps test test-deps bench clean
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

test: build test-deps
	cd $(BUILD_DIR) && ctest --output-on-failure

# tandem against Hugo on a synthetic site of 1,000 and 10,000 pages per language (bench/README.md).
bench: build
	bench/run.sh

clean:
	rm -rf $(BUILD_DIR) public
