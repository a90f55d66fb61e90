# dizgi — the two commands of the README, plus bench. Each installs what is missing first.
PRESET ?= release
BUILD  := build/$(PRESET)
JOBS   ?= $(shell nproc)

.PHONY: all deps build demo test test-asan bench fuzz install clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo.sh $(BUILD)

test: build
	@scripts/test.sh $(BUILD)

test-asan:
	@$(MAKE) --no-print-directory test PRESET=asan

bench: build
	@bench/run.sh $(BUILD)

fuzz: deps
	@scripts/fuzz.sh

clean:
	rm -rf build out
