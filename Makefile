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

# Benchmarks against NumPy (bench/README.md): a Release build of its own, the
# library's normal flags.  `make bench FILTER=astype` keeps rows whose id matches.
BENCH_BUILD ?= build-bench
FILTER ?=

bench:
	cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release -DND_BENCH=ON -DND_TESTS=OFF $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BENCH_BUILD) -j $(JOBS)
	python3 bench/run.py --build $(BENCH_BUILD) $(if $(FILTER),--filter '$(FILTER)')

bench-smoke:
	cmake -S . -B $(BENCH_BUILD) -DCMAKE_BUILD_TYPE=Release -DND_BENCH=ON -DND_TESTS=OFF $(CMAKE_FLAGS) >/dev/null
	cmake --build $(BENCH_BUILD) -j $(JOBS)
	python3 bench/run.py --build $(BENCH_BUILD) --smoke $(if $(FILTER),--filter '$(FILTER)')

clean:
	rm -rf build build-asan build-minimal build-bench
