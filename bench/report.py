#!/usr/bin/env python3
"""Prints the table of one benchmark size from the logs bench/run.sh left in DIR/runs/.

    bench/report.py DIR N CORES RUNS TANDEM_OUTPUT HUGO_OUTPUT

Each measurement is the median of its runs: wall time from the clock around the command,
CPU time as user + system and peak memory as the maximum resident set size from GNU
time -v (for Hugo these include every thread; tandem's too).
"""

import os
import re
import statistics
import sys


def read_time_report(path):
    text = open(path, encoding="utf-8", errors="replace").read()

    def field(label):
        m = re.search(r"^\s*" + re.escape(label) + r":\s*([0-9.]+)\s*$", text, re.M)
        if not m:
            sys.exit(f"report.py: no '{label}' in {path}")
        return float(m.group(1))

    return {"cpu": field("User time (seconds)") + field("System time (seconds)"),
            "rss": field("Maximum resident set size (kbytes)") / 1024.0}


def runs_of(runs_dir, tool, runs):
    out = []
    for r in range(1, runs + 1):
        base = os.path.join(runs_dir, f"{tool}-{r}")
        m = read_time_report(base + ".time")
        m["wall"] = float(open(base + ".wall").read())
        m["stdout"] = open(base + ".out", encoding="utf-8", errors="replace").read()
        out.append(m)
    return out


def median(ms, key):
    return statistics.median(m[key] for m in ms)


def html_files(folder):
    count = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d != ".tandem"]
        count += sum(1 for f in filenames if f.endswith(".html"))
    return count


def secs(x):
    return f"{x:.3f}" if x < 10 else f"{x:.2f}"


def main():
    folder, n, cores, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    out_tandem, out_hugo = sys.argv[5], sys.argv[6]
    runs_dir = os.path.join(folder, "runs")
    t, h, noop = (runs_of(runs_dir, tool, runs) for tool in ("tandem", "hugo", "noop"))
    pages = 2 * n
    tw, hw = median(t, "wall"), median(h, "wall")
    tc, hc = median(t, "cpu"), median(h, "cpu")
    tm, hm = median(t, "rss"), median(h, "rss")
    nw = median(noop, "wall")
    floor = n * 2 * 0.2e-3 / cores
    gen = open(os.path.join(folder, "gen.log"), encoding="utf-8").read().strip()
    gen = re.sub(r"; into .*$", "", gen.replace("gen_site.py: ", ""))

    print(f"### N = {n}: {pages} pages ({n} per language)")
    print()
    print(f"Corpus: {gen}. Each figure is the median of {runs} runs.")
    print()
    print("| | tandem | Hugo | Hugo/tandem |")
    print("|---|--:|--:|--:|")
    print(f"| wall time (s) | {secs(tw)} | {secs(hw)} | {hw / tw:.2f} |")
    print(f"| CPU time, user+sys (s) | {secs(tc)} | {secs(hc)} | {hc / tc:.2f} |")
    print(f"| peak memory, max RSS (MiB) | {tm:.0f} | {hm:.0f} | {hm / tm:.2f} |")
    print(f"| pages per second (2×N ÷ wall) | {pages / tw:.0f} | {pages / hw:.0f} | {tw / hw:.2f} |")
    print(f"| HTML files in the output | {html_files(out_tandem)} | {html_files(out_hugo)} | |")
    print()
    said = "nothing changed" in noop[-1]["stdout"]
    print(f"- tandem no-op rebuild (unchanged corpus and output): {secs(nw)} s wall, "
          f"{median(noop, 'cpu'):.2f} s CPU, {median(noop, 'rss'):.0f} MiB; "
          f"{nw / tw:.3f} × its clean build"
          + ("" if said else " (WARNING: tandem did not say \"nothing changed\")"))
    print(f"- cmark floor: {n} × 2 × 0.2 ms ÷ {cores} cores = {secs(floor)} s; "
          f"tandem's clean build takes {tw / floor:.2f} × the floor ({tw - floor:+.3f} s)")
    print(f"- every run, wall (s): tandem {' '.join(secs(m['wall']) for m in t)}; "
          f"Hugo {' '.join(secs(m['wall']) for m in h)}; no-op {' '.join(secs(m['wall']) for m in noop)}")


if __name__ == "__main__":
    main()
