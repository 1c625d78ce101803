// The site's own search: words folded by the Locale, the index split into files by prefix, the
// search page of each language, checked by reading the files the browser script reads.
#include "publish/search.hpp"

#include <catch2/catch.hpp>

#include "fixture.hpp"
#include "i18n/locale.hpp"
#include "support/text.hpp"

using namespace tandem;
using namespace tandem::testing;

namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

const FixtureSite& SearchSite() {
  static FixtureSite site("search");
  static bool built = false;
  if (!built) {
    auto result = site.Build();
    INFO(result.errors);
    REQUIRE(result.report.ok);
    built = true;
  }
  return site;
}

std::string Hex(const std::string& bytes) {
  std::string out;
  char two[3];
  for (unsigned char c : bytes) std::snprintf(two, sizeof two, "%02x", c), out += two;
  return out;
}

// The prefixes the manifest lists, in order.
std::vector<std::string> Shards(const std::string& manifest) {
  std::vector<std::string> shards;
  size_t at = manifest.find("\"shards\":[");
  for (at = manifest.find('"', at + 10); at != std::string::npos; at = manifest.find('"', at + 1)) {
    size_t end = manifest.find('"', at + 1);
    shards.push_back(manifest.substr(at + 1, end - at - 1));
    at = end;
  }
  return shards;
}

// The shard file a term is in: its longest prefix that the manifest lists, as the script picks it.
std::string ShardOf(const std::vector<std::string>& shards, const std::string& term) {
  std::string best;
  for (const std::string& p : shards)
    if (StartsWith(term, p) && p.size() > best.size()) best = p;
  return "t-" + Hex(best) + ".json";
}

}  // namespace

TEST_CASE("search folds words: case, accents and compatibility forms", "[search]") {
  Locale fr("fr-CA");
  CHECK(fr.Fold("École") == "ecole");
  CHECK(fr.Fold("RÉALISATIONS") == "realisations");
  CHECK(fr.Fold("ﬁche") == "fiche");
  CHECK(fr.Fold("Ça") == "ca");
  CHECK(fr.Fold("plain") == "plain");
  CHECK(fr.SearchWords("L’école d'été, 2024 ! Œuvre") ==
        std::vector<std::string>{"l", "ecole", "d", "ete", "2024", "œuvre"});
}

TEST_CASE("a language's index finds a page by a word with or without its accents", "[search]") {
  std::string manifest = SearchSite().Read("fr/search/manifest.json");
  std::vector<std::string> shards = Shards(manifest);
  REQUIRE_FALSE(shards.empty());
  CHECK(StartsWith(manifest, "{\"documents\":3,\"per_file\":50,\"shards\":["));
  std::string shard = SearchSite().Read("fr/search/" + ShardOf(shards, "ecole"));
  CHECK(Contains(shard, "\"ecole\":["));
  CHECK(Contains(shard, "\"ecoles\":["));
  CHECK_FALSE(Contains(shard, "École"));
  std::string documents = SearchSite().Read("fr/search/d-0.json");
  CHECK(Contains(documents, "[\"/fr/ecoles/\",\"Écoles et l’École polytechnique\",\"Où sont les écoles.\"]"));
  CHECK(Contains(SearchSite().Read("fr/search/" + ShardOf(shards, "realisations")), "\"realisations\":["));
}

TEST_CASE("the index weighs titles above text, and leaves out tags and link targets", "[search]") {
  std::string manifest = SearchSite().Read("en/search/manifest.json");
  std::vector<std::string> shards = Shards(manifest);
  // Documents are numbered in path order: _index.md, report.md, schools.md.
  CHECK(Contains(SearchSite().Read("en/search/" + ShardOf(shards, "schools")), "\"schools\":[0,1,1,1,1,14]"));
  CHECK(Contains(SearchSite().Read("en/search/" + ShardOf(shards, "fine")), "\"fine\":[2,1]"));
  for (const auto& [path, bytes] : SearchSite().Snapshot())
    if (StartsWith(path, "en/search/t-")) {
      CHECK_FALSE(Contains(bytes, "\"hidden\""));
      CHECK_FALSE(Contains(bytes, "\"em\""));
    }
}

TEST_CASE("past its budget a prefix is split into longer ones, and each term is in its longest", "[search]") {
  SearchIndex index;
  index.documents = {{"/a/", "A", ""}, {"/b/", "B", ""}};
  for (const char* term : {"ec", "eco", "ecole", "ecoles", "economie", "ete", "été"})
    index.postings[term] = {{0, 1}, {1, 3}};
  SearchLimits tight;
  tight.shard_bytes = 40;
  tight.documents_per_file = 1;
  std::vector<Attachment> files = SearchIndexFiles(index, "en/search/", tight);
  std::map<std::string, std::string> by_path;
  for (const Attachment& f : files) by_path[f.path] = f.bytes;
  REQUIRE(by_path.count("en/search/manifest.json"));
  std::vector<std::string> shards = Shards(by_path["en/search/manifest.json"]);
  CHECK(shards.size() > 3);
  for (const char* term : {"ec", "eco", "ecole", "ecoles", "economie", "ete", "été"}) {
    INFO(term);
    std::string file = "en/search/" + ShardOf(shards, term);
    REQUIRE(by_path.count(file));
    CHECK(Contains(by_path[file], "\"" + std::string(term) + "\":[0,1,1,3]"));
  }
  CHECK(by_path["en/search/d-1.json"] == "[\n[\"/b/\",\"B\",\"\"]\n]\n");
}

TEST_CASE("each language has a search page that says what to do without JavaScript", "[search]") {
  std::string en = SearchSite().Read("en/search/index.html");
  CHECK(Contains(en, "<title>Search this site"));
  CHECK(Contains(en, "data-index=\"/en/search/\""));
  CHECK(Contains(en, "<script src=\"/js/search.js\" defer></script>"));
  CHECK(Contains(en, "<noscript>\n<p>This search runs in your browser and needs JavaScript"));
  CHECK(
      Contains(en, "<form action=\"https://www.canada.ca/en/sr/srb.html\" method=\"get\" role=\"search\">"));
  std::string fr = SearchSite().Read("fr/search/index.html");
  CHECK(Contains(fr, "<form action=\"https://recherche.example.ca/\" method=\"get\" role=\"search\">"));
  CHECK(Contains(fr, "hreflang=\"en\" href=\"https://example.ca/en/search/\""));
  CHECK(SearchSite().Exists("js/search.js"));
}

TEST_CASE("the site's own search is off unless site.toml turns it on", "[search]") {
  FixtureSite site("minimal");
  REQUIRE(site.Build().report.ok);
  CHECK_FALSE(site.Exists("en/search/index.html"));
  CHECK_FALSE(site.Exists("en/search/manifest.json"));
}

TEST_CASE("the search index is the same on 1 and on 4 threads", "[search]") {
  FixtureSite one("search"), four("search");
  BuildOptions a, b;
  a.jobs = 1;
  b.jobs = 4;
  REQUIRE(one.Build(a).report.ok);
  REQUIRE(four.Build(b).report.ok);
  CHECK(one.Snapshot() == four.Snapshot());
}
