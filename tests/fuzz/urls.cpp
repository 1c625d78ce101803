// Slugs, URLs and output paths: Locale::Slugify (en-CA and fr-CA, made once), SlugProblem and
// UrlProblem (assemble/urls.hpp), IsPlainRelativePath (output/beneath.hpp), on the whole input.
//
// Invariants (any broken one aborts, so libFuzzer saves the input):
// - Slugify gives lowercase ASCII letters and digits in words joined by single hyphens, and
//   is idempotent; a slug it gives that is not empty passes SlugProblem;
// - a slug SlugProblem accepts is one plain path segment: not empty, only [a-z0-9_-], and
//   IsPlainRelativePath holds for it, alone and below a folder;
// - a url UrlProblem accepts never contains "..", "//", "\", ':', '%', a control character,
//   and the output path a build makes of it (assemble/urls.cpp: leading '/' dropped, a '/'
//   added, "<lang>/" before and "index.html" after) is a plain relative path;
// - a path IsPlainRelativePath accepts has no empty, "." or ".." part, no leading or trailing
//   '/', no control byte, and stays below its folder once joined and normalized.
#include "assemble/urls/urls.hpp"

#include <filesystem>
#include <memory>

#include "fuzz_common.hpp"
#include "i18n/locale.hpp"
#include "output/beneath.hpp"
#include "support/text.hpp"

namespace {

using namespace tandem;

// Past this, Slugify's transliteration measures ICU's speed, not tandem's code.
constexpr size_t kMaxUrlInput = 4096;

bool IsSlugWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

void CheckSlugify(const Locale& locale, const std::string& text) {
  std::string slug = locale.Slugify(text);
  std::string shown = locale.tag() + " Slugify(" + fuzz::Quoted(text) + ") = " + fuzz::Quoted(slug);
  for (size_t i = 0; i < slug.size(); ++i) {
    FUZZ_CHECK(IsSlugWordChar(slug[i]) || slug[i] == '-', shown);
    if (slug[i] == '-')
      FUZZ_CHECK(i > 0 && i + 1 < slug.size() && slug[i - 1] != '-', shown + ": a stray hyphen");
  }
  FUZZ_CHECK(locale.Slugify(slug) == slug, shown + ", not idempotent");
  if (!slug.empty()) {
    auto problem = SlugProblem(slug);
    FUZZ_CHECK(!problem, shown + " is refused: " + problem.value_or(""));
  }
}

void CheckSlug(const std::string& slug) {
  if (SlugProblem(slug)) return;
  std::string shown = "SlugProblem accepts " + fuzz::Quoted(slug);
  FUZZ_CHECK(!slug.empty(), shown);
  for (char c : slug) FUZZ_CHECK(IsSlugWordChar(c) || c == '-' || c == '_', shown);
  FUZZ_CHECK(IsPlainRelativePath(slug), shown + ", which is not a plain relative path");
  FUZZ_CHECK(IsPlainRelativePath("en/" + slug + "/index.html"), shown + ", which makes no plain output path");
  FUZZ_CHECK(!UrlProblem("/" + slug + "/"), shown + ", but UrlProblem refuses /" + slug + "/");
}

void CheckUrl(const std::string& url) {
  if (UrlProblem(url)) return;
  std::string shown = "UrlProblem accepts " + fuzz::Quoted(url);
  for (const char* bad : {"..", "//", "\\", ":", "%"})
    FUZZ_CHECK(url.find(bad) == std::string::npos, shown + ", which contains " + fuzz::Quoted(bad));
  for (unsigned char c : url) FUZZ_CHECK(c >= 0x20 && c != 0x7f, shown + ", which holds a control byte");
  // What assemble/urls.cpp (RelativeUrlOf, AssignTree) makes of it.
  std::string rel = url;
  while (StartsWith(rel, "/")) rel.erase(0, 1);
  if (!rel.empty() && rel.back() != '/') rel += '/';
  std::string output = "en/" + rel + "index.html";
  FUZZ_CHECK(IsPlainRelativePath(output), shown + ", whose output path " + fuzz::Quoted(output) +
                                              " is not a plain relative path (the writer refuses it)");
}

void CheckPlainPath(const std::string& path) {
  if (!IsPlainRelativePath(path)) return;
  std::string shown = "IsPlainRelativePath accepts " + fuzz::Quoted(path);
  FUZZ_CHECK(!path.empty() && path.front() != '/' && path.back() != '/', shown);
  for (unsigned char c : path) FUZZ_CHECK(c >= 0x20 && c != 0x7f, shown + ", which holds a control byte");
  for (size_t start = 0; start <= path.size();) {
    size_t slash = std::min(path.find('/', start), path.size());
    std::string part = path.substr(start, slash - start);
    FUZZ_CHECK(!part.empty() && part != "." && part != "..",
               shown + ", which has the part " + fuzz::Quoted(part));
    start = slash + 1;
  }
  namespace fs = std::filesystem;
  std::string joined = (fs::path("/out") / path).lexically_normal().generic_string();
  FUZZ_CHECK(StartsWith(joined, "/out/") && joined.size() > 5,
             shown + ", which leaves the folder: " + fuzz::Quoted(joined));
}

const Locale& English() {
  static const Locale* locale = new Locale("en-CA");
  return *locale;
}

const Locale& French() {
  static const Locale* locale = new Locale("fr-CA");
  return *locale;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > kMaxUrlInput) return -1;
  std::string text(tandem::fuzz::AsText(data, size));
  CheckSlugify(English(), text);
  CheckSlugify(French(), text);
  CheckSlug(text);
  CheckUrl(text);
  CheckPlainPath(text);
  return 0;
}
