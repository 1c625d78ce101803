#!/usr/bin/env python3
"""Prints the report of bench/run.sh from the logs it leaves in bench/work/.

    bench/report.py size DIR N --cores C --runs R --startup-runs S --allocator-place PLACE
                         --output PLACE=FOLDER [--output PLACE=FOLDER]
    bench/report.py summary WORK N [N ...]

`size` prints the section of one N from the logs in DIR/runs/ (DIR is bench/work/N; FOLDER holds
that place's outputs: tandem/, hugo/, tandem-glibc/) and writes its medians to DIR/results.json;
`summary` prints the closing summary from WORK/N/results.json of each N.

A run's logs are DIR/runs/KIND-PLACE-R.*, KIND being tandem (clean), hugo (clean), glibc (clean,
tandem without jemalloc) or noop (tandem on an unchanged corpus and output), PLACE tmpfs or disk:
.wall (seconds on the clock around the command), .time (GNU time -v: CPU time is user + system,
peak memory the maximum resident set size, both including threads and waited-for children),
.out (for tandem, the --stats block), .load (clock ticks all CPUs were busy during the run) and
.busy (present when the machine did not quiet down before the run). Each figure shown is the
median of the runs.
"""

import argparse
import json
import os
import re
import statistics
import sys

TARGET = 6.0                   # tandem's wall time at most 1/6 of Hugo's ...
TARGET_SIZES = (1000, 10000)   # ... at these N (pages per language) ...
TARGET_PLACES = ("tmpfs", "disk")  # ... with the outputs on a tmpfs and on the disk.
OTHERS_LIMIT = 0.10            # a run is marked when other work took > 10% of the CPUs during it


# Reading the logs ---------------------------------------------------------------------------


def read_text(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def read_time_report(path):
    text = read_text(path)

    def field(label):
        m = re.search(r"^\s*" + re.escape(label) + r":\s*([0-9.]+)\s*$", text, re.M)
        if not m:
            sys.exit(f"report.py: no '{label}' in {path}")
        return float(m.group(1))

    return {"cpu": field("User time (seconds)") + field("System time (seconds)"),
            "rss": field("Maximum resident set size (kbytes)") / 1024.0}


def parse_stats(stdout):
    """The stages of `tandem build --stats` as [(name, ms)], and tandem's own total in ms."""
    stages = []
    m = re.search(r"^stages:\n(.*?)^slowest pages:", stdout, re.M | re.S)
    if m:
        for line in m.group(1).splitlines():
            s = re.match(r"^  (.+?)\s+(-?[0-9.]+) ms$", line)
            if s:
                stages.append((s.group(1), float(s.group(2))))
    t = re.search(r"errors?, ([0-9.]+) ms\s*$", stdout)
    return stages, (float(t.group(1)) if t else None)


def read_run(base, cores):
    m = read_time_report(base + ".time")
    m["wall"] = float(read_text(base + ".wall"))
    m["stdout"] = read_text(base + ".out")
    m["stages"], m["total_ms"] = parse_stats(m["stdout"])
    m["busy"] = os.path.exists(base + ".busy")
    # CPU time everything else took while the command ran (other programs, kernel threads).
    ticks = float(read_text(base + ".load")) if os.path.exists(base + ".load") else 0.0
    m["others"] = max(0.0, ticks / os.sysconf("SC_CLK_TCK") - m["cpu"])
    m["noisy"] = m["busy"] or m["others"] > max(OTHERS_LIMIT * cores * m["wall"], 0.05)
    return m


def runs_of(runs_dir, kind, place, runs, cores):
    return [read_run(os.path.join(runs_dir, f"{kind}-{place}-{r}"), cores) for r in range(1, runs + 1)]


def median(ms, key):
    return statistics.median(m[key] for m in ms)


def medians(ms):
    return {k: median(ms, k) for k in ("wall", "cpu", "rss")}


def stage_medians(ms):
    """{stage: median ms} over the runs that report the stage, in the order tandem prints them."""
    order, values = [], {}
    for m in ms:
        for name, v in m["stages"]:
            if name not in values:
                order.append(name)
                values[name] = []
            values[name].append(v)
    return order, {name: statistics.median(values[name]) for name in order}


def html_files(folder):
    count = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d != ".tandem"]
        count += sum(1 for f in filenames if f.endswith(".html"))
    return count


# Formatting ---------------------------------------------------------------------------------


def secs(x):
    return f"{x:.3f}" if x < 10 else f"{x:.2f}"


def times(x):
    """A ratio as N.N×, with two decimals near the target so that 5.96 does not read 6.0."""
    return f"{x:.2f}×" if TARGET - 0.05 <= x < TARGET else f"{x:.1f}×"


def fraction(x):
    """x < 1 as '1/k'."""
    return f"1/{1 / x:.1f}" if 0 < x < 1 else f"{x:.2f}"


def marked(ms):
    return " ".join(secs(m["wall"]) + ("*" if m["noisy"] else "") for m in ms)


# One size -----------------------------------------------------------------------------------


def size_report(a):
    folder, n, cores, runs = a.dir, a.n, a.cores, a.runs
    outputs = dict(o.split("=", 1) for o in a.output)
    places = list(outputs)
    runs_dir = os.path.join(folder, "runs")
    clean = {p: {k: runs_of(runs_dir, k, p, runs, cores) for k in ("tandem", "hugo")} for p in places}
    noop = {p: runs_of(runs_dir, "noop", p, runs, cores) for p in places}
    ap = a.allocator_place
    glibc = runs_of(runs_dir, "glibc", ap, runs, cores)
    pages = 2 * n
    gen = read_text(os.path.join(folder, "gen.log")).strip()
    gen = re.sub(r"; into .*$", "", gen.replace("gen_site.py: ", ""))
    warnings = []

    print(f"### N = {n}: {pages} pages ({n} per language)")
    print()
    print(f"Corpus: {gen}. Each figure is the median of {runs} runs.")
    print()

    # Clean builds, tandem and Hugo, in each place.
    print("#### Clean builds")
    print()
    med = {p: {k: medians(clean[p][k]) for k in ("tandem", "hugo")} for p in places}
    head = "| |" + "".join(f" tandem, {p} | Hugo, {p} | Hugo/tandem |" for p in places)
    print(head)
    print("|---|" + "--:|--:|--:|" * len(places))
    rows = [("wall time (s)", "wall", secs), ("CPU time, user+sys (s)", "cpu", secs),
            ("peak memory, max RSS (MiB)", "rss", lambda x: f"{x:.0f}")]
    for label, key, fmt in rows:
        cells = ""
        for p in places:
            t, h = med[p]["tandem"][key], med[p]["hugo"][key]
            cells += f" {fmt(t)} | {fmt(h)} | {h / t:.2f} |"
        print(f"| {label} |{cells}")
    cells = ""
    for p in places:
        t, h = med[p]["tandem"]["wall"], med[p]["hugo"]["wall"]
        cells += f" {pages / t:.0f} | {pages / h:.0f} | {t / h:.2f} |"
    print(f"| pages per second (2×N ÷ wall) |{cells}")
    cells = ""
    for p in places:
        cells += f" {html_files(os.path.join(outputs[p], 'tandem'))} | {html_files(os.path.join(outputs[p], 'hugo'))} | |"
    print(f"| HTML files in the output |{cells}")
    print()
    for p in places:
        nm, t, h = medians(noop[p]), med[p]["tandem"]["wall"], med[p]["hugo"]["wall"]
        print(f"- tandem no-op rebuild, {p} (unchanged corpus and output): {secs(nm['wall'])} s wall, "
              f"{nm['cpu']:.2f} s CPU, {nm['rss']:.0f} MiB: {nm['wall'] / t:.3f} × tandem's clean build "
              f"({fraction(nm['wall'] / t)}), {nm['wall'] / h:.4f} × Hugo's ({fraction(nm['wall'] / h)})")
        if not all("nothing changed" in m["stdout"] for m in noop[p]):
            warnings.append(f"a no-op rebuild on {p} did not say \"nothing changed\"")
        if any("nothing changed" in m["stdout"] for m in clean[p]["tandem"]):
            warnings.append(f"a clean tandem build on {p} said \"nothing changed\"")
    floor = n * 2 * 0.2e-3 / cores
    t = med[places[0]]["tandem"]["wall"]
    print(f"- cmark floor: {n} × 2 × 0.2 ms ÷ {cores} cores = {secs(floor)} s; "
          f"tandem's clean build on {places[0]} takes {t / floor:.2f} × the floor ({t - floor:+.3f} s)")
    print()

    # Fixed costs: the stages of the clean and no-op builds, and the program's start-up.
    print("#### Fixed costs: tandem's stages (ms, from --stats) and start-up")
    print()
    columns = [(f"clean, {p}", clean[p]["tandem"]) for p in places]
    columns.append((f"clean, glibc malloc, {ap}", glibc))
    columns += [(f"no-op, {p}", noop[p]) for p in places]
    order, stage_cols = [], []
    for _, ms in columns:
        o, vals = stage_medians(ms)
        order += [s for s in o if s not in order]
        stage_cols.append(vals)
    print("| stage |" + "".join(f" {label} |" for label, _ in columns))
    print("|---|" + "--:|" * len(columns))
    for s in order:
        print(f"| {s} |" + "".join(f" {v[s]:.1f} |" if s in v else " |" for v in stage_cols))

    def row(label, f):
        vals = []
        for _, ms in columns:
            xs = [f(m) for m in ms]
            vals.append(statistics.median(xs) if all(x is not None for x in xs) else None)
        print(f"| {label} |" + "".join(f" {v:.1f} |" if v is not None else " ? |" for v in vals))

    row("**sum of the stages**", lambda m: sum(v for _, v in m["stages"]))
    row("tandem's own total (last line)", lambda m: m["total_ms"])
    row("outside the build: wall − total", lambda m: None if m["total_ms"] is None
        else 1000 * m["wall"] - m["total_ms"])
    print()
    startup = {}
    for name in ("tandem", "glibc", "true"):
        us = [int(x) for x in read_text(os.path.join(runs_dir, f"startup-{name}.us")).split()]
        startup[name] = statistics.median(us) / 1000.0
    busy = " (the machine was busy: it did not quiet down before)" if os.path.exists(
        os.path.join(runs_dir, "startup.busy")) else ""
    print(f"- start-up: `tandem --version` takes {startup['tandem']:.2f} ms (median of {a.startup_runs}), "
          f"the glibc-malloc tandem {startup['glibc']:.2f} ms, and `/bin/true`, the cost of starting any "
          f"program, {startup['true']:.2f} ms{busy}")
    print("- \"outside the build\" is the command's wall time less tandem's own total: starting the "
          "program (as above), what it does after the build (freeing memory, exiting) and GNU time")
    print()

    # The allocator: the same clean build with glibc's malloc.
    print(f"#### Allocator: jemalloc against glibc malloc (clean builds, {ap})")
    print()
    je, gl = medians(clean[ap]["tandem"]), medians(glibc)
    print("| | jemalloc (build/tandem) | glibc malloc (build-sysmalloc/tandem) | glibc/jemalloc |")
    print("|---|--:|--:|--:|")
    print(f"| wall time (s) | {secs(je['wall'])} | {secs(gl['wall'])} | {gl['wall'] / je['wall']:.2f} |")
    print(f"| CPU time, user+sys (s) | {secs(je['cpu'])} | {secs(gl['cpu'])} | {gl['cpu'] / je['cpu']:.2f} |")
    print(f"| peak memory, max RSS (MiB) | {je['rss']:.0f} | {gl['rss']:.0f} | {gl['rss'] / je['rss']:.2f} |")
    print(f"| HTML files in the output | {html_files(os.path.join(outputs[ap], 'tandem'))} | "
          f"{html_files(os.path.join(outputs[ap], 'tandem-glibc'))} | |")
    print()

    # Every run, so that the spread shows; * marks a run on a machine that was not quiet.
    parts = []
    for p in places:
        parts += [f"tandem {p} {marked(clean[p]['tandem'])}", f"Hugo {p} {marked(clean[p]['hugo'])}"]
    parts.append(f"glibc-malloc tandem {ap} {marked(glibc)}")
    parts += [f"no-op {p} {marked(noop[p])}" for p in places]
    print(f"- every run, wall (s): {'; '.join(parts)}")
    every = [m for p in places for ms in (clean[p]["tandem"], clean[p]["hugo"], noop[p]) for m in ms] + glibc
    noisy = sum(1 for m in every if m["noisy"])
    share = [min(1.0, m["others"] / (cores * m["wall"])) for m in every]
    print(f"- other work on the machine during the runs (CPU time not the command's ÷ cores × wall): "
          f"median {statistics.median(share):.0%}, at most {max(share):.0%}")
    if noisy:
        print(f"- \\* {noisy} of {len(every)} runs were measured on a machine that was not quiet: it did not "
              f"quiet down within 30 s before the run, or other work took more than {OTHERS_LIMIT:.0%} of the "
              f"CPUs during it (runs/*.busy, runs/*.load)")
    for w in warnings:
        print(f"- WARNING: {w}")

    results = {"n": n, "runs": runs, "noisy_runs": noisy, "all_runs": len(every), "places": {}}
    for p in places:
        results["places"][p] = {"tandem": med[p]["tandem"], "hugo": med[p]["hugo"], "noop": medians(noop[p])}
    results["allocator"] = {"place": ap, "jemalloc": je, "glibc": gl}
    results["startup_ms"] = startup
    with open(os.path.join(folder, "results.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)


# The summary --------------------------------------------------------------------------------


def summary(a):
    sizes = list(dict.fromkeys(a.n))
    results = []
    for n in sizes:
        with open(os.path.join(a.work, str(n), "results.json"), encoding="utf-8") as f:
            results.append(json.load(f))
    print("## Summary")
    print()
    print(f"Hugo/tandem from the medians above; the target: tandem at least {TARGET:g}× faster than Hugo in "
          f"wall time at N = {' and N = '.join(map(str, TARGET_SIZES))}, with the outputs on a tmpfs and on the disk.")
    print()
    measured, short = set(), []
    for res in results:
        n = res["n"]
        for p, r in res["places"].items():
            t, h = r["tandem"], r["hugo"]
            w = h["wall"] / t["wall"]
            met = w >= TARGET
            measured.add((n, p))
            if not met and n in TARGET_SIZES:
                short.append(f"N = {n} on {p}: {w:.2f}×")
            print(f"- N = {n}, {p}: tandem is {times(w)} faster than Hugo (wall), {times(h['cpu'] / t['cpu'])} "
                  f"(CPU), uses 1/{h['rss'] / t['rss']:.1f} of its memory; no-op rebuild "
                  f"{1000 * r['noop']['wall']:.0f} ms — {TARGET:g}× wall: {'met' if met else 'NOT met'}")
        al = res["allocator"]
        print(f"- N = {n}, allocator ({al['place']}): with glibc malloc instead of jemalloc the clean build takes "
              f"{al['glibc']['cpu'] / al['jemalloc']['cpu']:.2f}× the CPU time, "
              f"{al['glibc']['wall'] / al['jemalloc']['wall']:.2f}× the wall time and "
              f"{al['glibc']['rss'] / al['jemalloc']['rss']:.2f}× the memory")
    print()
    missing = [f"N = {n} on {p}" for n in TARGET_SIZES for p in TARGET_PLACES if (n, p) not in measured]
    noisy = sum(res["noisy_runs"] for res in results)
    every = sum(res.get("all_runs", 0) for res in results)
    if short:
        verdict = "**not met**: " + "; ".join(short)
        if missing:
            verdict += "; and not measured: " + ", ".join(missing)
    elif missing:
        verdict = "not judged: this run did not measure " + ", ".join(missing)
        if any(n in TARGET_SIZES for n, _ in measured):
            verdict += " (met wherever it did)"
    else:
        verdict = "**met** at both sizes on both"
    print(f"Target ({TARGET:g}× Hugo's wall time at N = {' and '.join(map(str, TARGET_SIZES))}, "
          f"tmpfs and disk): {verdict}.")
    if noisy:
        print(f"{noisy} of {every} runs were measured on a machine that was not quiet (marked * above): "
              f"rerun on a quiet machine before trusting these figures.")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("size")
    s.add_argument("dir")
    s.add_argument("n", type=int)
    s.add_argument("--cores", type=int, required=True)
    s.add_argument("--runs", type=int, required=True)
    s.add_argument("--startup-runs", type=int, required=True)
    s.add_argument("--allocator-place", required=True)
    s.add_argument("--output", action="append", required=True, help="PLACE=FOLDER")
    s.set_defaults(func=size_report)
    m = sub.add_parser("summary")
    m.add_argument("work")
    m.add_argument("n", type=int, nargs="+")
    m.set_defaults(func=summary)
    a = ap.parse_args()
    a.func(a)


if __name__ == "__main__":
    main()
