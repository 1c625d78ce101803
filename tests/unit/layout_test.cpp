// The folders of generator/lib are the map of the architecture: each is a stage or a layer,
// and includes only run down the layers, so the graph has no cycle.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// Bottom to top. A folder may include its own files and those of folders before it.
const std::vector<std::string> kLayers = {
    "support", "config",  "theme",  "i18n",  "model",    "content", "assemble", "markdown", "directives",
    "render",  "publish", "output", "check", "pipeline", "serve",   "scaffold", "migrate"};

int LayerOf(const std::string& folder) {
  for (size_t i = 0; i < kLayers.size(); ++i)
    if (kLayers[i] == folder) return static_cast<int>(i);
  return -1;
}

}  // namespace

TEST_CASE("every folder of the core library includes only itself and the layers below it", "[layout]") {
  fs::path lib = fs::path(TANDEM_TEST_SITES) / "../../generator/lib";
  std::regex include(R"re(#include "([a-z_]+)/)re");
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(lib)) {
    if (!entry.is_regular_file()) continue;
    std::string ext = entry.path().extension().string();
    if (ext != ".cpp" && ext != ".hpp") continue;
    ++files;
    std::string folder = *entry.path().lexically_relative(lib).begin();
    INFO(entry.path().lexically_relative(lib).string());
    REQUIRE(LayerOf(folder) >= 0);
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (!std::regex_search(line, m, include)) continue;
      INFO(line);
      CHECK(LayerOf(m[1]) >= 0);
      CHECK(LayerOf(m[1]) <= LayerOf(folder));
    }
  }
  CHECK(files > 40);
}

TEST_CASE("each folder of the core library is a handful of concerns", "[layout]") {
  // A concern is a name: phases.hpp alone, or load.cpp with load.hpp. Splitting a file in two
  // along its concerns adds one; a folder past twelve is two stages in one.
  fs::path lib = fs::path(TANDEM_TEST_SITES) / "../../generator/lib";
  for (const std::string& folder : kLayers) {
    std::set<std::string> concerns;
    for (const auto& entry : fs::directory_iterator(lib / folder))
      if (entry.is_regular_file()) concerns.insert(entry.path().stem().string());
    INFO(folder);
    CHECK(!concerns.empty());
    CHECK(concerns.size() <= 12);
  }
}
