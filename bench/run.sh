#!/usr/bin/env bash
# tandem against Hugo on the same synthetic bilingual site. See bench/README.md.
#
#   bench/run.sh [--no-funding] [--runs R] [--seed S] [--out-dir DIR] [N ...]   (default N: 1000 10000)
#
# For each N: generate the corpus (bench/gen_site.py) into bench/work/N/, then R times each
# (alternating) a clean tandem build and a clean Hugo build, then R no-op tandem rebuilds,
# each under /usr/bin/time -v. Prints one table per N (medians) and keeps every log in
# bench/work/N/runs/. Both sites are built into a tmpfs (/dev/shm) and deleted afterwards,
# so that the disk's state does not decide the result; --out-dir DIR builds them in DIR/N/
# and keeps them. Environment: TANDEM (default build/tandem), HUGO (default hugo).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
work=$here/work
TANDEM=${TANDEM:-$root/build/tandem}
HUGO=${HUGO:-hugo}
runs=3
seed=20260
gen_args=()
sizes=()
out_dir=

usage() { sed -n '2,9s/^# \{0,1\}//p' "$0"; }
while [ $# -gt 0 ]; do
  case $1 in
    --no-funding) gen_args+=(--no-funding) ;;
    --runs) runs=$2; shift ;;
    --runs=*) runs=${1#*=} ;;
    --seed) seed=$2; shift ;;
    --seed=*) seed=${1#*=} ;;
    --out-dir) out_dir=$2; shift ;;
    --out-dir=*) out_dir=${1#*=} ;;
    -h|--help) usage; exit 0 ;;
    [0-9]*) sizes+=("$1") ;;
    *) echo "run.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

# What the benchmark needs: Debian's hugo and GNU time (installed with apt when missing).
need=()
command -v "$HUGO" >/dev/null || { [ "$HUGO" = hugo ] && need+=(hugo); }
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  sudo=$([ "$(id -u)" = 0 ] || echo sudo)
  echo "Installing Debian packages: ${need[*]}"
  $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v "$HUGO" >/dev/null || { echo "run.sh: no hugo ($HUGO); apt-get install -y hugo" >&2; exit 1; }
[ -x "$TANDEM" ] || { echo "run.sh: no tandem at $TANDEM; build it: cmake --build build -j2" >&2; exit 1; }
TANDEM=$(cd "$(dirname "$TANDEM")" && pwd)/$(basename "$TANDEM")

# Where the sites are built: a tmpfs unless --out-dir.
keep_outputs=1
if [ -z "$out_dir" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then
    out_dir=/dev/shm/tandem-bench-$(id -u)
    keep_outputs=0
  else
    out_dir=$work
  fi
fi
mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)

cores=$(nproc)
echo "## Machine"
echo
echo "- cores (nproc): $cores"
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "- memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "- $("$TANDEM" --version) ($TANDEM)"
echo "- $("$HUGO" version)"
echo "- outputs built in: $out_dir ($(df --output=fstype "$out_dir" | tail -n 1))"
echo "- runs per measurement: $runs (median shown); seed $seed${gen_args:+; ${gen_args[*]}}"
echo

# measure LOG CMD...: runs CMD under GNU time; LOG.wall (seconds, from the clock around the
# command), LOG.time (time -v report), LOG.out, LOG.err, LOG.rc.
measure() {
  local log=$1; shift
  local t0 t1 rc=0
  settle 2 30
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$log.time" "$@" >"$log.out" 2>"$log.err" || rc=$?
  t1=$(date +%s%N)
  echo "$rc" >"$log.rc"
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f\n", (b - a) / 1e9 }' >"$log.wall"
  return "$rc"
}

# settle [S [T]]: waits (at most T seconds, default 120) until the CPUs have been at least 90%
# idle for S seconds (default 3) in a row, so that the kernel's work after writing or deleting
# files (writeback, discards) or another job on the machine does not land in the measurements.
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
      return
    fi
  done
}

fail() {  # tool log
  echo "run.sh: $1 failed (exit status $(cat "$2.rc")); the end of its output ($2.err):" >&2
  tail -n 20 "$2.err" >&2
  grep "terminated by signal" "$2.time" >&2 || true
  if [ "$1" = tandem ] && [ ${#gen_args[@]} -eq 0 ]; then
    echo "run.sh: if the funding tables are the problem, rerun with --no-funding" >&2
  fi
  if [ "$keep_outputs" = 0 ]; then rm -rf "${out_dir:?}/$n"; fi
  exit 1
}

if [ "$keep_outputs" = 0 ]; then trap 'rm -rf "${out_dir:?}"' EXIT; fi
for n in "${sizes[@]}"; do
  dir=$work/$n
  corpus=$dir/corpus
  out_t=$out_dir/$n/out-tandem
  out_h=$out_dir/$n/out-hugo
  rm -rf "$dir/runs" "$dir/hugo-cache" "$out_t" "$out_h"
  mkdir -p "$dir/runs" "$out_dir/$n"
  python3 "$here/gen_site.py" "$n" "$corpus" --seed "$seed" "${gen_args[@]}" >"$dir/gen.log"
  sync  # write the new corpus to disk now, not during the measurements
  settle
  for r in $(seq 1 "$runs"); do
    # tandem, clean: no output folder, so no cache.
    rm -rf "$out_t"
    measure "$dir/runs/tandem-$r" "$TANDEM" build --source "$corpus/tandem" --output "$out_t" --quiet ||
      fail tandem "$dir/runs/tandem-$r"
    # Hugo, clean: no output folder, no resources/, its own empty cache folder.
    rm -rf "$out_h" "$corpus/hugo/resources" "$corpus/hugo/.hugo_build.lock" "$dir/hugo-cache"
    measure "$dir/runs/hugo-$r" "$HUGO" --quiet -s "$corpus/hugo" -d "$out_h" --cacheDir "$dir/hugo-cache" ||
      fail hugo "$dir/runs/hugo-$r"
  done
  # tandem again on the unchanged corpus and output: the no-op rebuild.
  for r in $(seq 1 "$runs"); do
    measure "$dir/runs/noop-$r" "$TANDEM" build --source "$corpus/tandem" --output "$out_t" ||
      fail tandem "$dir/runs/noop-$r"
  done
  python3 "$here/report.py" "$dir" "$n" "$cores" "$runs" "$out_t" "$out_h" | tee "$dir/table.md"
  echo
  if [ "$keep_outputs" = 0 ]; then rm -rf "${out_dir:?}/$n"; fi
done
