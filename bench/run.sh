#!/usr/bin/env bash
# tandem against Hugo on the same synthetic bilingual site. See bench/README.md.
#
#   bench/run.sh [--runs R] [--only tmpfs|disk] [--out-dir DIR] [--no-funding] [--seed S] [N ...]
#
# N: pages per language (default 1000 and 10000); R: runs of each build (default 3).
# For each N: generate the corpus (bench/gen_site.py) into bench/work/N/, then R rounds, each with
# a clean tandem build and a clean Hugo build into a tmpfs (/dev/shm) and again onto the disk
# (bench/work/N/out/, or DIR/N/out/ with --out-dir), and a clean build by tandem without jemalloc
# (tmpfs); then R no-op rebuilds by tandem in each place; and `tandem --version` 20 times. Every
# build runs under /usr/bin/time -v, tandem's with --stats. Prints per N the medians, tandem's
# stages and start-up, the allocator comparison, and at the end a summary against the target.
# --only tmpfs or --only disk builds in one place only. Logs and tables: bench/work/.
# Environment: TANDEM (default build/tandem), HUGO (default hugo), TANDEM_SYSMALLOC (tandem built
# with -DTANDEM_JEMALLOC=OFF; default build-sysmalloc/tandem, which run.sh builds when missing).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
work=$here/work
TANDEM=${TANDEM:-$root/build/tandem}
HUGO=${HUGO:-hugo}
SYSMALLOC=${TANDEM_SYSMALLOC:-}
runs=3
seed=20260
gen_args=()
sizes=()
out_dir=
only=
startup_runs=20

usage() { sed -n '2,15s/^# \{0,1\}//p' "$0"; }
while [ $# -gt 0 ]; do
  case $1 in
    --no-funding) gen_args+=(--no-funding) ;;
    --runs) runs=$2; shift ;;
    --runs=*) runs=${1#*=} ;;
    --seed) seed=$2; shift ;;
    --seed=*) seed=${1#*=} ;;
    --out-dir) out_dir=$2; shift ;;
    --out-dir=*) out_dir=${1#*=} ;;
    --only) only=$2; shift ;;
    --only=*) only=${1#*=} ;;
    -h|--help) usage; exit 0 ;;
    [0-9]*) sizes+=("$1") ;;
    *) echo "run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs needs a number of runs, not '$runs'" >&2; exit 2; }
case $only in
  "") places=(tmpfs disk) ;;
  tmpfs|disk) places=("$only") ;;
  *) echo "run.sh: --only takes tmpfs or disk, not '$only'" >&2; exit 2 ;;
esac

# What the benchmark needs: Debian's hugo and GNU time (installed with apt when missing).
debs=()
command -v "$HUGO" >/dev/null || { [ "$HUGO" = hugo ] && debs+=(hugo); }
[ -x /usr/bin/time ] || debs+=(time)
if [ ${#debs[@]} -gt 0 ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  echo "Installing Debian packages: ${debs[*]}" >&2
  $sudo apt-get install -y -qq "${debs[@]}" >/dev/null
fi
command -v "$HUGO" >/dev/null || { echo "run.sh: no hugo ($HUGO); apt-get install -y hugo" >&2; exit 1; }
[ -x "$TANDEM" ] || { echo "run.sh: no tandem at $TANDEM; build it: cmake --build build -j2" >&2; exit 1; }
TANDEM=$(cd "$(dirname "$TANDEM")" && pwd)/$(basename "$TANDEM")
mkdir -p "$work"
# warn MESSAGE: on stderr now, and in the report's "Machine" section.
warnings=()
warn() {
  echo "run.sh: warning: $*" >&2
  warnings+=("$*")
}

# The allocator comparison: the same program built with glibc's malloc instead of jemalloc, in
# its own build folder, built here when it is missing (and TANDEM_SYSMALLOC does not name one).
if [ -z "$SYSMALLOC" ]; then
  SYSMALLOC=$root/build-sysmalloc/tandem
  if [ ! -x "$SYSMALLOC" ]; then
    echo "run.sh: building $SYSMALLOC (tandem without jemalloc); log: $work/build-sysmalloc.log" >&2
    if ! { cmake -S "$root" -B "$root/build-sysmalloc" -DCMAKE_BUILD_TYPE=Release -DTANDEM_JEMALLOC=OFF \
             -DBUILD_TESTING=OFF &&
           cmake --build "$root/build-sysmalloc" -j2 --target tandem; } >"$work/build-sysmalloc.log" 2>&1; then
      echo "run.sh: building build-sysmalloc failed; the end of $work/build-sysmalloc.log:" >&2
      tail -n 20 "$work/build-sysmalloc.log" >&2
      exit 1
    fi
  fi
fi
[ -x "$SYSMALLOC" ] || { echo "run.sh: no tandem at TANDEM_SYSMALLOC=$SYSMALLOC" >&2; exit 1; }
SYSMALLOC=$(cd "$(dirname "$SYSMALLOC")" && pwd)/$(basename "$SYSMALLOC")
allocator() {  # of a dynamically linked program
  case $(ldd "$1" 2>/dev/null) in
    *libjemalloc*) echo jemalloc ;;
    *) echo "glibc malloc" ;;
  esac
}
[ "$(allocator "$TANDEM")" = jemalloc ] ||
  warn "$TANDEM does not link jemalloc; the allocator comparison compares glibc with glibc"
[ "$(allocator "$SYSMALLOC")" = "glibc malloc" ] ||
  warn "$SYSMALLOC links jemalloc; it should be built with -DTANDEM_JEMALLOC=OFF"
# Both programs should come from the same sources: none changed since the older was built.
older=$TANDEM
[ "$SYSMALLOC" -nt "$TANDEM" ] || older=$SYSMALLOC
changed=$(find "$root/generator" "$root/CMakeLists.txt" -type f -newer "$older" -print -quit)
if [ -n "$changed" ]; then
  warn "${changed#"$root"/} changed after $older was built: the two tandems may not come from the" \
       "same sources; rebuild both (cmake --build build -j2 --target tandem;" \
       "cmake --build $(dirname "$SYSMALLOC") -j2 --target tandem)"
fi

# Where the sites are built: (place_dir PLACE N)/{tandem,hugo,hugo-cache,tandem-glibc}. The tmpfs
# folder is deleted when the run ends; the disk one is kept (git-ignored, replaced next run).
tmpfs_base=/dev/shm/tandem-bench-$(id -u)
if [ -n "$out_dir" ]; then
  mkdir -p "$out_dir"
  disk_base=$(cd "$out_dir" && pwd)
else
  disk_base=$work
fi
place_base() {  # PLACE
  case $1 in
    tmpfs) echo "$tmpfs_base" ;;
    disk) echo "$disk_base" ;;
  esac
}
place_dir() {  # PLACE N
  case $1 in
    tmpfs) echo "$tmpfs_base/$2" ;;
    disk) echo "$disk_base/$2/out" ;;
  esac
}
fstype() { stat -f -c %T "$1"; }
has_place() { [[ " ${places[*]} " == *" $1 "* ]]; }
if has_place tmpfs; then
  if ! { [ -d /dev/shm ] && [ -w /dev/shm ]; }; then
    echo "run.sh: no writable /dev/shm for the tmpfs builds; run with --only disk" >&2
    exit 1
  fi
  mkdir -p "$tmpfs_base"
  trap 'rm -rf "${tmpfs_base:?}"' EXIT
  [ "$(fstype "$tmpfs_base")" = tmpfs ] || warn "/dev/shm is not a tmpfs here ($(fstype "$tmpfs_base"))"
fi
if has_place disk; then
  mkdir -p "$disk_base"
  case $(fstype "$disk_base") in
    tmpfs|ramfs) warn "$disk_base, for the disk builds, is in memory ($(fstype "$disk_base"))" ;;
  esac
fi
# The build without jemalloc runs in one place: the tmpfs unless --only disk.
alloc_place=${places[0]}

# measure LOG CMD...: waits for a quiet machine, then runs CMD under GNU time. Leaves LOG.wall
# (seconds on the clock around the command), LOG.time (the time -v report), LOG.out, LOG.err,
# LOG.rc, LOG.load (clock ticks every CPU spent busy during the command, from /proc/stat, so
# that the report can tell the CPU time other programs took) and LOG.busy when the machine
# did not quiet down before it.
measure() {
  local log=$1; shift
  local t0 t1 s0 s1 rc=0
  rm -f "$log.busy"
  settle 2 30 || echo "the CPUs were not 90% idle for 2 s in a row within 30 s" >"$log.busy"
  s0=$(cpu_busy_ticks)
  t0=${EPOCHREALTIME/[.,]/}
  /usr/bin/time -v -o "$log.time" "$@" >"$log.out" 2>"$log.err" || rc=$?
  t1=${EPOCHREALTIME/[.,]/}
  s1=$(cpu_busy_ticks)
  echo "$rc" >"$log.rc"
  printf '%d.%06d\n' $(((t1 - t0) / 1000000)) $(((t1 - t0) % 1000000)) >"$log.wall"
  echo $((s1 - s0)) >"$log.load"
  return "$rc"
}
cpu_busy_ticks() {  # user, nice, system, irq, softirq and steal time of all CPUs
  awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

# settle [S [T]]: waits (at most T seconds, default 120) until the CPUs have been at least 90%
# idle for S seconds (default 3) in a row, so that the kernel's work after writing or deleting
# files (writeback, discards) or another job on the machine does not land in the measurements.
# Returns 1 when it gives up.
cpu_idle_percent() {  # over one second
  local a b
  a=$(awk '/^cpu / {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)
  sleep 1
  b=$(awk '/^cpu / {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat)
  echo "$a $b" | awk '{ d = $4 - $2; print (d > 0 ? int(100 * ($3 - $1) / d) : 100) }'
}
settle() {
  local quiet=0 waited=0 need=${1:-3} limit=${2:-120}
  while [ "$quiet" -lt "$need" ]; do
    if [ "$(cpu_idle_percent)" -ge 90 ]; then quiet=$((quiet + 1)); else quiet=0; fi
    waited=$((waited + 1))
    if [ "$waited" -ge "$limit" ]; then
      echo "run.sh: warning: the machine is still busy after $limit s; measuring anyway" >&2
      return 1
    fi
  done
}

# fresh FOLDER...: deletes the folders, then has the kernel write out (and discard) what that
# changed now rather than during the next measurement.
fresh() {
  rm -rf "$@"
  sync
}

# startup LOGDIR: the wall time, in microseconds (one a line), of `tandem --version`, of the same
# with the glibc-malloc tandem and of /bin/true (the cost of starting any program), alternating,
# $startup_runs times each: LOGDIR/startup-{tandem,glibc,true}.us.
startup() {
  local d=$1 _ name t0 t1
  rm -f "$d"/startup-*.us "$d/startup.busy"
  settle 2 30 || echo "the CPUs were not 90% idle for 2 s in a row within 30 s" >"$d/startup.busy"
  for _ in $(seq 1 "$startup_runs"); do
    for name in true tandem glibc; do
      case $name in
        true) set -- /bin/true ;;
        tandem) set -- "$TANDEM" --version ;;
        glibc) set -- "$SYSMALLOC" --version ;;
      esac
      t0=${EPOCHREALTIME/[.,]/}
      "$@" >/dev/null
      t1=${EPOCHREALTIME/[.,]/}
      echo $((t1 - t0)) >>"$d/startup-$name.us"
    done
  done
}

fail() {  # tool log
  echo "run.sh: $1 failed (exit status $(cat "$2.rc")); the end of its output ($2.err):" >&2
  tail -n 20 "$2.err" >&2
  grep "terminated by signal" "$2.time" >&2 || true
  if [ "$1" = tandem ] && [ ${#gen_args[@]} -eq 0 ]; then
    echo "run.sh: if the funding tables are the problem, rerun with --no-funding" >&2
  fi
  exit 1
}

main() {
  local cores n dir corpus logs r place o w outputs=()
  cores=$(nproc)
  echo "## Machine"
  echo
  echo "- cores (nproc): $cores"
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- transparent huge pages: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo unknown)"
  echo "- $("$TANDEM" --version) ($TANDEM, $(allocator "$TANDEM"))"
  echo "- $("$SYSMALLOC" --version) ($SYSMALLOC, $(allocator "$SYSMALLOC")), for the allocator comparison"
  echo "- $("$HUGO" version)"
  for place in "${places[@]}"; do
    echo "- outputs on $place: $(place_dir "$place" N) ($(findmnt -no FSTYPE,OPTIONS -T "$(place_base "$place")" | tail -n 1))"
  done
  echo "- runs per measurement: $runs (median shown); seed $seed${gen_args:+; ${gen_args[*]}}"
  for w in "${warnings[@]}"; do echo "- WARNING: $w"; done
  echo

  for n in "${sizes[@]}"; do
    dir=$work/$n
    corpus=$dir/corpus
    logs=$dir/runs
    outputs=()
    for place in "${places[@]}"; do
      o=$(place_dir "$place" "$n")
      rm -rf "$o"
      mkdir -p "$o"
      outputs+=(--output "$place=$o")
    done
    rm -rf "$logs" "$dir/hugo-cache" "$dir/results.json"
    mkdir -p "$logs"
    python3 "$here/gen_site.py" "$n" "$corpus" --seed "$seed" "${gen_args[@]}" >"$dir/gen.log"
    sync  # write the new corpus to disk now, not during the measurements
    settle || true
    for r in $(seq 1 "$runs"); do
      for place in "${places[@]}"; do
        o=$(place_dir "$place" "$n")
        # tandem, clean: no output folder, so no cache.
        fresh "$o/tandem"
        measure "$logs/tandem-$place-$r" "$TANDEM" build --source "$corpus/tandem" --output "$o/tandem" --stats ||
          fail tandem "$logs/tandem-$place-$r"
        # Hugo, clean: no output folder, no resources/, its own empty cache folder.
        fresh "$o/hugo" "$corpus/hugo/resources" "$corpus/hugo/.hugo_build.lock" "$o/hugo-cache"
        measure "$logs/hugo-$place-$r" "$HUGO" --quiet -s "$corpus/hugo" -d "$o/hugo" --cacheDir "$o/hugo-cache" ||
          fail hugo "$logs/hugo-$place-$r"
        if [ "$place" = "$alloc_place" ]; then
          # tandem without jemalloc, clean.
          fresh "$o/tandem-glibc"
          measure "$logs/glibc-$place-$r" "$SYSMALLOC" build --source "$corpus/tandem" --output "$o/tandem-glibc" \
            --stats || fail tandem "$logs/glibc-$place-$r"
        fi
      done
    done
    # tandem again on the unchanged corpus and output: the no-op rebuild.
    for r in $(seq 1 "$runs"); do
      for place in "${places[@]}"; do
        o=$(place_dir "$place" "$n")
        measure "$logs/noop-$place-$r" "$TANDEM" build --source "$corpus/tandem" --output "$o/tandem" --stats ||
          fail tandem "$logs/noop-$place-$r"
      done
    done
    startup "$logs"
    python3 "$here/report.py" size "$dir" "$n" --cores "$cores" --runs "$runs" --startup-runs "$startup_runs" \
      --allocator-place "$alloc_place" "${outputs[@]}" | tee "$dir/table.md"
    echo
    if has_place tmpfs; then rm -rf "$(place_dir tmpfs "$n")"; fi
  done
  python3 "$here/report.py" summary "$work" "${sizes[@]}" | tee "$work/summary.md"
}

main | tee "$work/report.md"
