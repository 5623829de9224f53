# The two commands of the README, and a few more.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?=

.PHONY: all demo test build clean bench bench-smoke asan minimal

all: build

build:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	./$(BUILD)/tour

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

asan:
	$(MAKE) test BUILD=build-asan CMAKE_FLAGS="-DND_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug"

minimal:
	$(MAKE) test BUILD=build-minimal CMAKE_FLAGS="-DND_BLAS=OFF -DND_ZLIB=OFF"

clean:
	rm -rf build build-asan build-minimal build-bench
