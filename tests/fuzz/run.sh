#!/usr/bin/env bash
# Builds the fuzz targets if needed, then runs each for a while (README.md in this folder).
#
#   tests/fuzz/run.sh [seconds] [target...]     default: 60 seconds, every target
#
# Each target starts from its seed corpus (tests/fuzz/corpus/<target>/), copied to a scratch
# folder so that the repository is never written to, plus tests/fuzz/crashes/<target>/ (inputs
# that once failed, read only: each must pass now). What a run finds (crash-*, leak-*,
# timeout-*, oom-*) and its log go to $FUZZ_OUT/<target>/ (default build-fuzz/fuzz-out/).
# Exits 1 when any target found anything, 2 when the build failed.
#
# Environment: FUZZ_BUILD_DIR (default build-fuzz), CC and CXX (default clang-14, clang++-14,
# used only to configure a new build folder), FUZZ_OUT, FUZZ_ARGS (more libFuzzer flags),
# FUZZ_KEEP_CORPUS=1 (keep the scratch corpora, which hold what each run added, in $FUZZ_OUT).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-60}"
shift $(($# > 0 ? 1 : 0))
all_targets=(front_matter funding urls state page config requests)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: $0 [seconds] [target...]   (targets: ${all_targets[*]})" >&2
  exit 2
fi

build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
out="${FUZZ_OUT:-$build/fuzz-out}"

# Build: configure a new folder with clang; an existing one is only brought up to date.
start=$SECONDS
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC="${CC:-clang-14}" CXX="${CXX:-clang++-14}" cmake -S "$root" -B "$build" -DTANDEM_FUZZ=ON \
    -DBUILD_TESTING=OFF -DTANDEM_JEMALLOC=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo || exit 2
fi
cmake --build "$build" --target tandem_fuzz -j"$(nproc)" || exit 2
echo "::: fuzz targets built in $((SECONDS - start)) s"

# In memory when the machine has /dev/shm: the state target writes files on every input.
scratch_root="${TMPDIR:-/tmp}"
[ -d /dev/shm ] && [ -w /dev/shm ] && scratch_root=/dev/shm
scratch="$(mktemp -d "$scratch_root/tandem-fuzz-run.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
# The targets' own scratch folders (tests/fuzz/fuzz_common.hpp) go in there too, also after a crash.
export TMPDIR="$scratch"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:report_error_type=1}"
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && ! command -v llvm-symbolizer >/dev/null && [ -x /usr/bin/llvm-symbolizer-14 ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
fi

failed=()
summary=()
for target in "${targets[@]}"; do
  binary="$build/fuzz_$target"
  if [ ! -x "$binary" ]; then
    echo "no fuzz target \"$target\" (targets: ${all_targets[*]})" >&2
    exit 2
  fi
  corpus="$scratch/corpus-$target"
  artifacts="$out/$target"
  rm -rf "$artifacts" && mkdir -p "$corpus" "$artifacts"
  cp "$here/corpus/$target/"* "$corpus/" 2>/dev/null
  seeds=("$corpus")
  [ -d "$here/crashes/$target" ] && seeds+=("$here/crashes/$target")
  echo "::: fuzz_$target for $seconds s"
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} "${seeds[@]}" \
    >"$artifacts/log" 2>&1
  status=$?
  found=$(find "$artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' -o -name 'slow-unit-*' \) | sort)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$artifacts/log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$artifacts/log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$artifacts/log" | tail -1 | cut -d' ' -f2)
  line="$target: ${execs:-?} runs, ${rate:-?} exec/s, cov ${cov:-?}"
  if [ "$status" -ne 0 ] || [ -n "$found" ]; then
    # The report: the sanitizer's or the invariant's, with its stack, and the input.
    sed -n '/^==[0-9]*==\|^==== tandem fuzz\|runtime error:/,$p' "$artifacts/log" | head -80
    echo "fuzz_$target FAILED (exit status $status); log: $artifacts/log"
    for f in $found; do echo "  input: $f"; done
    echo "  reproduce: $binary <input>"
    failed+=("$target")
    line="$line: FAILED"
  fi
  if [ "${FUZZ_KEEP_CORPUS:-0}" = 1 ]; then rm -rf "$artifacts/corpus" && cp -r "$corpus" "$artifacts/corpus"; fi
  summary+=("$line")
done

echo "::: fuzz summary ($seconds s each)"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "::: fuzz: found something in ${failed[*]}; copy an input into tests/fuzz/crashes/<target>/ to keep it" >&2
  exit 1
fi
