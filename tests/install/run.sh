#!/bin/sh
# Installs tandem into a temporary prefix, moves the prefix elsewhere, and builds a site with
# the moved program: it must find its theme beside itself (../share/tandem/themes), not in
# the source tree. Also checks the manual page and completion are installed, and that a
# program copied without its themes says so. Usage: run.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/first" >/dev/null
mv "$work/first" "$work/moved"
for f in bin/tandem share/tandem/themes/gc/templates/page.mustache share/tandem/themes/gc/archetypes/fr/default.md \
         share/man/man1/tandem.1 share/bash-completion/completions/tandem; do
  [ -f "$work/moved/$f" ] || { echo "not installed: $f"; exit 1; }
done

cp -R "$source/tests/sites/minimal" "$work/site"
"$work/moved/bin/tandem" build --quiet --source "$work/site" --output "$work/out"
[ -f "$work/out/en/index.html" ] && [ -f "$work/out/fr/index.html" ] || { echo "no pages built"; exit 1; }

# tandem new, from the installed theme's archetypes
mkdir -p "$work/site/content/en/news"
"$work/moved/bin/tandem" new news/road-safety --source "$work/site" >/dev/null
grep -q 'slug = "road-safety"' "$work/site/content/fr/news/road-safety.md"

# A program alone, without share/tandem/themes beside it, finds no theme, and says so.
mkdir "$work/alone"
cp "$work/moved/bin/tandem" "$work/alone/tandem"
if "$work/alone/tandem" build --source "$work/site" --output "$work/out2" >"$work/alone.log" 2>&1; then
  echo "a program without its themes built a site"; exit 1
fi
grep -q "unknown theme \"gc\": no folder themes/gc in the site or in tandem's installation" "$work/alone.log" ||
  { cat "$work/alone.log"; exit 1; }
echo "install test: ok"
