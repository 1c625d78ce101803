#!/usr/bin/env python3
"""Deploys each host folder of a tandem build on its own local HTTP server and crawls it.

    crawl.py ORIGIN=FOLDER [ORIGIN=FOLDER ...]

Each FOLDER (a host's folder of the output, e.g. public/fr.example.ca) is served alone by
Python's http.server on an ephemeral port, as if deployed to ORIGIN. The crawl starts at each
host's /, /404.html, /robots.txt and the URLs of its sitemap, and follows every href and src:
a link to one of the ORIGINs is fetched from that host's server, any other absolute link is
left alone. Prints each broken link with the page it is on, then a summary; exits 1 if any.
"""
import functools
import html.parser
import http.server
import re
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(Quiet, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(args):
    hosts = dict(arg.split("=", 1) for arg in args)
    servers = {origin: serve(folder) for origin, folder in hosts.items()}
    local = {origin: "http://127.0.0.1:%d" % s.server_address[1] for origin, s in servers.items()}

    def to_local(url):
        parts = urllib.parse.urlsplit(url)
        origin = "%s://%s" % (parts.scheme, parts.netloc)
        return local[origin] + parts.path if origin in local else None

    def fetch(url):
        try:
            with urllib.request.urlopen(to_local(url)) as response:
                return response.status, response.headers.get_content_type(), response.read()
        except urllib.error.HTTPError as e:
            return e.code, "", b""

    queue, seen, broken, pages = [], set(), [], 0
    for origin in hosts:
        for path in ("/", "/404.html", "/robots.txt", "/sitemap.xml"):
            queue.append((origin + path, "(start)"))
    while queue:
        url, source = queue.pop()
        url = urllib.parse.urldefrag(url)[0]
        if url in seen:
            continue
        seen.add(url)
        status, kind, body = fetch(url)
        if status != 200:
            broken.append("%s -> %s (%d)" % (source, url, status))
            continue
        pages += 1
        text = body.decode("utf-8", "replace")
        found = []
        if kind == "text/html":
            parser = Links()
            parser.feed(text)
            found = parser.links
        elif url.endswith(".xml") or url.endswith(".txt"):
            found = re.findall(r"<loc>([^<]+)</loc>", text) + re.findall(r"^Sitemap: (\S+)$", text, re.M)
        for link in found:
            absolute = urllib.parse.urljoin(url, link)
            if to_local(absolute) is not None:
                queue.append((absolute, url))
    for line in sorted(broken):
        print("broken: " + line)
    print("%d files fetched from %d hosts, %d broken links" % (pages, len(hosts), len(broken)))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
