#!/usr/bin/env python3
"""Measures `tandem serve`: from saving a page's Markdown to the browser having the new page.

    bench/serve_latency.py [N] [--edits 20] [--tandem build/tandem] [--work bench/work/serve-N]

Generates the benchmark corpus with N pages per language (bench/gen_site.py; default 10000)
unless WORK/corpus/ already holds it, starts `tandem serve` on it (port picked free), opens the
live-reload stream as a page would, then edits one page's Markdown EDITS times. Each edit is
timed from the moment the file is saved (written and closed) to the reload event arriving and
to the page being fetched with the new text, which is what a reader of the open tab sees.
Prints every edit, the median and 90th percentile of each, and the rebuild times tandem printed
(an edit of the Markdown alone renders just that page: "1 page rendered (only the Markdown of …"). Python 3 standard
library only; needs nothing but a built tandem.
"""

import argparse
import os
import queue
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_corpus(n, work):
    corpus = os.path.join(work, "corpus")
    if not os.path.isfile(os.path.join(corpus, "tandem", "site.toml")):
        print(f"generating the corpus (N = {n}) in {corpus}", flush=True)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_site.py"), str(n), corpus], check=True,
                       stdout=subprocess.DEVNULL)
    return os.path.join(corpus, "tandem")


def pick_page(site):
    """A regular English page and its URL path (its section folder and its slug)."""
    section = os.path.join(site, "content", "en", "community-safety")
    name = sorted(f for f in os.listdir(section) if f.endswith(".md") and f != "_index.md")[0]
    path = os.path.join(section, name)
    with open(path, encoding="utf-8") as f:
        slug = re.search(r'^slug = "([^"]+)"', f.read(), re.M).group(1)
    return path, f"/en/community-safety/{slug}/"


def watch_events(port, events, ready):
    """Reads the live-reload stream; puts the arrival time of each reload event in `events`."""
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(f"GET /__tandem/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    buffer = b""
    while True:
        data = s.recv(65536)
        if not data:
            return
        buffer += data
        if b": connected" in buffer:
            ready.set()
        while b"event: reload" in buffer:
            events.put(time.monotonic())
            buffer = buffer[buffer.index(b"event: reload") + 13:]


def p90(values):
    """The 90th percentile, by nearest rank: 18th of 20."""
    ranked = sorted(values)
    return ranked[max(0, -(-len(ranked) * 9 // 10) - 1)]


def fetch(port, path):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read().decode("utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", nargs="?", type=int, default=10000)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--tandem", default=os.path.join(HERE, "..", "build", "tandem"))
    ap.add_argument("--work", default=None)
    args = ap.parse_args()
    work = args.work or os.path.join(HERE, "work", f"serve-{args.n}")
    os.makedirs(work, exist_ok=True)
    site = ensure_corpus(args.n, work)
    page, url = pick_page(site)
    with open(page, encoding="utf-8") as f:
        original = f.read()

    port = free_port()
    log = []
    started = time.monotonic()
    proc = subprocess.Popen([args.tandem, "serve", "--source", site, "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    serving = threading.Event()

    def read_output():
        for line in proc.stdout:
            log.append((time.monotonic(), line.rstrip("\n")))
            # The address is printed at once; the first build's summary says it is served.
            if line.startswith(("built in", "nothing changed", "build failed")):
                serving.set()

    threading.Thread(target=read_output, daemon=True).start()
    if not serving.wait(600):
        proc.kill()
        sys.exit("tandem serve did not start:\n" + "\n".join(l for _, l in log))
    print(f"first build and start: {time.monotonic() - started:.2f} s", flush=True)

    events, ready = queue.Queue(), threading.Event()
    threading.Thread(target=watch_events, args=(port, events, ready), daemon=True).start()
    if not ready.wait(30):
        sys.exit("the live-reload stream did not open")
    to_event, to_page = [], []
    try:
        for i in range(args.edits):
            marker = f"Edit number {i} of the latency benchmark."
            time.sleep(0.5)  # one edit at a time: the last one's rebuild is over
            while not events.empty():
                events.get()
            with open(page, "w", encoding="utf-8") as f:
                f.write(original + "\n" + marker + "\n")
            saved = time.monotonic()
            arrived = events.get(timeout=60)
            body = fetch(port, url)
            while marker not in body:  # a reload for an earlier save: wait for the next
                arrived = events.get(timeout=60)
                body = fetch(port, url)
            shown = time.monotonic()
            to_event.append((arrived - saved) * 1000)
            to_page.append((shown - saved) * 1000)
            print(f"edit {i + 1:2}: reload event {to_event[-1]:7.1f} ms, page with the new text {to_page[-1]:7.1f} ms",
                  flush=True)
    finally:
        with open(page, "w", encoding="utf-8") as f:
            f.write(original)
        proc.send_signal(signal.SIGINT)
        status = proc.wait(timeout=60)
    rebuilds = [l for _, l in log if l.startswith(("built in", "nothing changed", "build failed"))]
    print("tandem printed, for its last builds:")
    for line in rebuilds[-5:]:
        print("  " + line)
    print(f"N = {args.n} pages per language, {args.edits} edits of {os.path.relpath(page, site)}")
    print(f"reload event: median {statistics.median(to_event):.1f} ms, p90 {p90(to_event):.1f} ms; "
          f"page with the new text: median {statistics.median(to_page):.1f} ms, p90 {p90(to_page):.1f} ms "
          f"(min {min(to_page):.1f}, max {max(to_page):.1f}); tandem serve exited with {status}")


if __name__ == "__main__":
    main()
