// Reading funding data: every data/*.toml file that holds [[programs]],
// [[streams]] or [[projects]], checked field by field so that each mistake is
// reported at its line and column.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "config/toml_source.hpp"
#include "directives/funding/model.hpp"
#include "i18n/locale.hpp"
#include "support/text.hpp"
#include "support/url/url_policy.hpp"

namespace fs = std::filesystem;

namespace tandem::funding {

const std::vector<std::string> kProvinces = {"AB", "BC", "MB", "NB", "NL", "NS", "NT",
                                             "NU", "ON", "PE", "QC", "SK", "YT"};
const std::vector<std::string> kFlags = {"indigenous-led", "indigenous-serving"};

const std::string& Text::In(const std::string& lang) const {
  static const std::string kNone;
  auto it = values.find(lang);
  return it != values.end() ? it->second : kNone;
}

bool HasFlag(const Project& project, std::string_view flag) {
  if (flag == "indigenous-led") return project.indigenous_led;
  if (flag == "indigenous-serving") return project.indigenous_serving;
  return false;
}

std::string FiscalYear(int first_year) {
  return std::to_string(first_year) + "-" + std::to_string(first_year + 1);
}

const Program* Dataset::FindProgram(std::string_view id) const {
  for (const Program& p : programs)
    if (p.id == id) return &p;
  return nullptr;
}

const Stream* Dataset::FindStream(std::string_view id) const {
  for (const Stream& s : streams)
    if (s.id == id) return &s;
  return nullptr;
}

std::vector<std::string> Dataset::ProgramIds() const {
  std::vector<std::string> ids;
  for (const Program& p : programs) ids.push_back(p.id);
  return ids;
}

std::vector<std::string> Dataset::StreamIds(std::string_view program) const {
  std::vector<std::string> ids;
  for (const Stream& s : streams)
    if (program.empty() || s.program == program) ids.push_back(s.id);
  return ids;
}

namespace {

const std::vector<std::string> kTopKeys = {"programs", "streams", "projects"};
const std::vector<std::string> kProgramKeys = {"id", "name", "department"};
const std::vector<std::string> kStreamKeys = {"id", "program", "name"};
const std::vector<std::string> kProjectKeys = {"id",
                                               "program",
                                               "stream",
                                               "recipient",
                                               "title",
                                               "city",
                                               "province",
                                               "country",
                                               "amount",
                                               "first_fiscal_year",
                                               "duration_years",
                                               "indigenous_led",
                                               "indigenous_serving",
                                               "link"};
const std::vector<std::string> kProjectRequired = {
    "id", "program", "stream", "recipient", "title", "city", "amount", "first_fiscal_year", "duration_years"};
// Messages are in English: "French", "Inuktitut".
const Locale& English() {
  static const Locale english("en-CA");
  return english;
}
constexpr int64_t kMaxAmount = 1'000'000'000'000;  // a trillion dollars: anything above is a typo

// One data file, parsed, kept while the whole data set is checked.
struct File {
  std::string shown;  // "data/funding.toml"
  std::string text;
  toml::table table;
  TomlSource Source() const { return {shown, text, 1, text}; }
};

std::string Where(const File& file, const toml::node& node) {
  return file.shown + ":" + std::to_string(node.source().begin.line);
}

// Checks and reads the entries of one kind ([[programs]], ...) of every file.
class Reader {
 public:
  Reader(Dataset& data, Diagnostics& diags) : data_(data), diags_(diags) {}

  void ReadPrograms(const File& file);
  void ReadStreams(const File& file);
  void ReadProjects(const File& file);

 private:
  // The parts of a project, each read into `project`: false when one is missing or wrong (reported).
  bool ReadProgramAndStream(const File& file, const toml::table& p, Project& project);
  bool ReadProjectTexts(const File& file, const toml::table& p, Project& project);
  bool ReadPlace(const File& file, const toml::table& p, const std::string& who, Project& project);
  bool ReadAmountAndYears(const File& file, const toml::table& p, Project& project);
  bool ReadFlagsAndLink(const File& file, const toml::table& p, Project& project);
  // The tables of `key` in `file`, or none if it is not an array of tables (reported).
  std::vector<const toml::table*> Entries(const File& file, const std::string& key, const std::string& what);
  void Error(const File& file, const toml::node& node, const std::string& message) {
    ErrorAt(file.Source(), node, message, diags_);
  }
  // "program \"csoc\"" or "this program" when it has no usable id.
  static std::string Name(const std::string& kind, const std::string& id) {
    return id.empty() ? "this " + kind : kind + " " + Quoted(id);
  }
  std::string UnknownProgram(const std::string& id) const {
    std::vector<std::string> ids = data_.ProgramIds();
    if (ids.empty()) return "unknown program " + Quoted(id) + ": the data has no [[programs]] yet";
    return "unknown program " + Quoted(id) + DidYouMeanSuffix(id, ids) +
           "; known programs: " + JoinQuoted(ids);
  }
  bool Require(const File& file, const toml::table& t, const std::vector<std::string>& keys,
               const std::string& who);
  // Records where `id` of `kind` is declared; false, with an error naming the first, if it was already.
  bool ClaimId(const File& file, const toml::table& t, const std::string& kind, const std::string& id,
               std::map<std::string, std::string>& seen) {
    auto [it, fresh] = seen.emplace(id, Where(file, *t.get("id")));
    if (!fresh)
      Error(file, *t.get("id"),
            "duplicate " + kind + " id " + Quoted(id) + "; the first is at " + it->second);
    return fresh;
  }
  std::optional<std::string> ReadId(const File& file, const toml::table& t);
  std::optional<std::string> ReadString(const File& file, const toml::table& t, const std::string& key);
  std::optional<Text> ReadText(const File& file, const toml::table& t, const std::string& key, bool required);
  std::optional<bool> ReadFlag(const File& file, const toml::table& t, const std::string& key);

  Dataset& data_;
  Diagnostics& diags_;
  std::map<std::string, std::string> program_at_, stream_at_, project_at_;  // id -> "file:line"
};

std::vector<const toml::table*> Reader::Entries(const File& file, const std::string& key,
                                                const std::string& what) {
  std::vector<const toml::table*> out;
  const toml::node* node = file.table.get(key);
  if (!node) return out;
  const toml::array* array = node->as_array();
  bool ok = array != nullptr;
  if (array)
    for (const toml::node& item : *array) ok = ok && item.is_table();
  if (!ok) {
    Error(file, *node,
          Quoted(key) + " must be a list of tables: write each " + what + " under its own [[" + key + "]]");
    return out;
  }
  for (const toml::node& item : *array) out.push_back(item.as_table());
  return out;
}

bool Reader::Require(const File& file, const toml::table& t, const std::vector<std::string>& keys,
                     const std::string& who) {
  bool ok = true;
  for (const std::string& key : keys)
    if (!t.contains(key)) {
      Error(file, t, who + " is missing the required field " + Quoted(key));
      ok = false;
    }
  return ok;
}

std::optional<std::string> Reader::ReadString(const File& file, const toml::table& t,
                                              const std::string& key) {
  const toml::node* node = t.get(key);
  if (!node) return std::nullopt;
  if (auto s = node->value<std::string>()) return *s;
  Error(file, *node, Quoted(key) + " must be a string, in quotes");
  return std::nullopt;
}

std::optional<std::string> Reader::ReadId(const File& file, const toml::table& t) {
  auto id = ReadString(file, t, "id");
  if (!id) return std::nullopt;
  bool ok = !id->empty() && std::all_of(id->begin(), id->end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  });
  if (!ok) {
    Error(file, *t.get("id"),
          "id " + Quoted(*id) +
              " may hold only lowercase letters, digits, hyphens and underscores, like \"youth-pilots\"");
    return std::nullopt;
  }
  return id;
}

std::optional<Text> Reader::ReadText(const File& file, const toml::table& t, const std::string& key,
                                     bool required) {
  const toml::node* node = t.get(key);
  if (!node) return required ? std::nullopt : std::optional<Text>(Text{});
  const toml::table* values = node->as_table();
  const std::vector<std::string>& languages = data_.languages;
  if (!values) {
    std::string example;
    for (const std::string& lang : languages)
      example += (example.empty() ? "" : " and ") + key + "." + lang + " = \"...\"";
    Error(file, *node, Quoted(key) + " needs a value in each of the site's languages: write " + example);
    return std::nullopt;
  }
  bool ok = CheckKeys(file.Source(), *values, languages, Quoted(key), diags_);
  Text text;
  for (const std::string& lang : languages) {
    const toml::node* value = values->get(lang);
    std::string field = key + "." + lang;
    if (!value) {
      Error(file, *node,
            Quoted(key) + " has no " + English().LanguageName(lang) + " value: add " + field + " = \"...\"");
      ok = false;
    } else if (auto s = value->value<std::string>(); !s) {
      Error(file, *value, field + " must be a string, in quotes");
      ok = false;
    } else if (s->find_first_not_of(" \t") == std::string::npos) {
      Error(file, *value, field + " is empty");
      ok = false;
    } else {
      text.values[lang] = *s;
    }
  }
  if (!ok) return std::nullopt;
  return text;
}

std::optional<bool> Reader::ReadFlag(const File& file, const toml::table& t, const std::string& key) {
  const toml::node* node = t.get(key);
  if (!node) return false;
  if (auto b = node->value<bool>(); b && node->is_boolean()) return *b;
  Error(file, *node, key + " must be true or false (without quotes)");
  return std::nullopt;
}

void Reader::ReadPrograms(const File& file) {
  for (const toml::table* t : Entries(file, "programs", "program")) {
    bool ok = CheckKeys(file.Source(), *t, kProgramKeys, "[[programs]]", diags_);
    auto id = ReadId(file, *t);
    ok = Require(file, *t, {"id", "name"}, Name("program", id.value_or(""))) && ok;
    auto name = ReadText(file, *t, "name", true);
    auto department = ReadText(file, *t, "department", false);
    if (id) ok = ClaimId(file, *t, "program", *id, program_at_) && ok;
    if (ok && id && name && department) data_.programs.push_back({*id, *name, *department});
  }
}

void Reader::ReadStreams(const File& file) {
  for (const toml::table* t : Entries(file, "streams", "stream")) {
    bool ok = CheckKeys(file.Source(), *t, kStreamKeys, "[[streams]]", diags_);
    auto id = ReadId(file, *t);
    ok = Require(file, *t, {"id", "program", "name"}, Name("stream", id.value_or(""))) && ok;
    auto program = ReadString(file, *t, "program");
    auto name = ReadText(file, *t, "name", true);
    if (program && !data_.FindProgram(*program) && !program_at_.count(*program)) {
      Error(file, *t->get("program"), UnknownProgram(*program));
      ok = false;
    }
    if (id) ok = ClaimId(file, *t, "stream", *id, stream_at_) && ok;
    if (ok && id && program && name) data_.streams.push_back({*id, *program, *name});
  }
}

// "2020-2021" -> 2020; nullopt unless the second year follows the first.
std::optional<int> ParseFiscalYear(const std::string& s) {
  if (s.size() != 9 || s[4] != '-') return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i)
    if (i != 4 && (s[i] < '0' || s[i] > '9')) return std::nullopt;
  int first = std::stoi(s.substr(0, 4)), second = std::stoi(s.substr(5));
  if (second != first + 1 || first < 1900) return std::nullopt;
  return first;
}

bool IsKnownCountry(const std::string& code) {
  if (code.size() != 2 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return false;
  std::string name = English().CountryName(code);
  return !name.empty() && name != code && name != "Unknown Region";
}

// Its program and stream: known, and the stream the program's.
bool Reader::ReadProgramAndStream(const File& file, const toml::table& p, Project& project) {
  auto program = ReadString(file, p, "program");
  auto stream = ReadString(file, p, "stream");
  bool ok = program && stream;
  if (program && !data_.FindProgram(*program) && program_at_.count(*program)) {
    ok = false;  // a program with errors of its own, already reported
    program.reset();
  } else if (program && !data_.FindProgram(*program)) {
    Error(file, *p.get("program"), UnknownProgram(*program));
    ok = false;
    program.reset();
  }
  if (stream) {
    const Stream* s = data_.FindStream(*stream);
    std::vector<std::string> candidates = data_.StreamIds(program.value_or(""));
    if (!s && stream_at_.count(*stream)) {
      ok = false;  // a stream with errors of its own, already reported
    } else if (!s) {
      Error(file, *p.get("stream"),
            "unknown stream " + Quoted(*stream) + DidYouMeanSuffix(*stream, candidates) +
                (program ? "; the streams of program " + Quoted(*program) + ": " : "; known streams: ") +
                JoinQuoted(candidates));
      ok = false;
    } else if (program && s->program != *program) {
      Error(file, *p.get("stream"),
            "stream " + Quoted(*stream) + " belongs to program " + Quoted(s->program) + ", not " +
                Quoted(*program) + "; the streams of program " + Quoted(*program) + ": " +
                JoinQuoted(candidates));
      ok = false;
    }
  }
  if (program) project.program = *program;
  if (stream) project.stream = *stream;
  return ok;
}

// Its texts, in each language.
bool Reader::ReadProjectTexts(const File& file, const toml::table& p, Project& project) {
  auto recipient = ReadText(file, p, "recipient", true);
  auto title = ReadText(file, p, "title", true);
  auto city = ReadText(file, p, "city", true);
  if (recipient) project.recipient = *recipient;
  if (title) project.title = *title;
  if (city) project.city = *city;
  return recipient && title && city;
}

// Where: a province or territory, or a country abroad. `who` names the project.
bool Reader::ReadPlace(const File& file, const toml::table& p, const std::string& who, Project& project) {
  bool ok = true;
  bool country_ok = true;
  if (auto country = ReadString(file, p, "country")) {
    if (!IsKnownCountry(*country)) {
      country_ok = false;
      Error(file, *p.get("country"),
            "unknown country code " + Quoted(*country) +
                ": use an ISO 3166 two-letter code in capitals, like \"AT\" for Austria");
      ok = false;
    } else {
      project.country = *country;
    }
  } else if (p.contains("country")) {
    country_ok = ok = false;
  }
  auto province = ReadString(file, p, "province");
  if (province) {
    if (std::find(kProvinces.begin(), kProvinces.end(), *province) == kProvinces.end()) {
      std::string upper = *province;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      bool close = std::find(kProvinces.begin(), kProvinces.end(), upper) != kProvinces.end();
      Error(file, *p.get("province"),
            "unknown province or territory code " + Quoted(*province) +
                (close ? " (did you mean " + Quoted(upper) + "?)" : "") + "; use one of " +
                JoinQuoted(kProvinces));
      ok = false;
    } else if (project.country != "CA") {
      Error(file, *p.get("province"),
            "province is only for projects in Canada, and this one's country is " + Quoted(project.country) +
                "; remove one of them");
      ok = false;
    } else {
      project.province = *province;
    }
  } else if (p.contains("province")) {
    ok = false;
  } else if (project.country != "CA" || !country_ok) {
    // abroad, or a bad country already reported
  } else if (!p.contains("country")) {
    Error(file, p, who + " is missing the required field \"province\" (or country, for a project abroad)");
    ok = false;
  } else {
    Error(file, p, who + " is in Canada but has no province: add province = \"ON\" (or its own code)");
    ok = false;
  }
  return ok;
}

// Money and time: its amount, first fiscal year and duration.
bool Reader::ReadAmountAndYears(const File& file, const toml::table& p, Project& project) {
  bool ok = true;
  if (const toml::node* amount = p.get("amount")) {
    if (!amount->is_integer()) {
      Error(file, *amount,
            "amount must be a whole number of dollars, like amount = 54919: no decimals, quotes or "
            "separators");
      ok = false;
    } else if (int64_t n = amount->as_integer()->get(); n < 0) {
      Error(file, *amount, "amount must not be negative");
      ok = false;
    } else if (n > kMaxAmount) {
      Error(file, *amount, "amount is over a trillion dollars; check it");
      ok = false;
    } else {
      project.amount = n;
    }
  }
  if (const toml::node* year = p.get("first_fiscal_year")) {
    auto text = year->value<std::string>();
    auto first = text && year->is_string() ? ParseFiscalYear(*text) : std::nullopt;
    if (!first) {
      Error(file, *year,
            "first_fiscal_year must be a fiscal year written as its two calendar years, in quotes, like "
            "first_fiscal_year = \"2020-2021\"");
      ok = false;
    } else {
      project.first_year = *first;
    }
  }
  if (const toml::node* duration = p.get("duration_years")) {
    if (!duration->is_integer() || duration->as_integer()->get() < 1 || duration->as_integer()->get() > 100) {
      Error(file, *duration,
            "duration_years must be a whole number of years, 1 or more, like duration_years = 4");
      ok = false;
    } else {
      project.duration_years = static_cast<int>(duration->as_integer()->get());
    }
  }
  return ok;
}

// Its flags and link.
bool Reader::ReadFlagsAndLink(const File& file, const toml::table& p, Project& project) {
  auto led = ReadFlag(file, p, "indigenous_led");
  auto serving = ReadFlag(file, p, "indigenous_serving");
  bool ok = led && serving;
  project.indigenous_led = led.value_or(false);
  project.indigenous_serving = serving.value_or(false);
  if (auto link = ReadString(file, p, "link")) {
    // The URL policy first (support/url/url_policy.hpp): "//host/x", "/\host" and "javascript:"
    // are no path of this site; then a project's page is on the web, or on this site.
    std::string problem;
    auto clean = CleanUrl(*link, problem);
    std::string scheme = clean ? UrlScheme(*clean) : "";
    if (!clean) {
      Error(file, *p.get("link"), problem);
      ok = false;
    } else if (scheme != "https" && scheme != "http" && !StartsWith(*clean, "/")) {
      Error(file, *p.get("link"),
            "link must be a full address starting with https:// (or a path starting with /)");
      ok = false;
    } else {
      project.link = *clean;
    }
  } else if (p.contains("link")) {
    ok = false;
  }
  return ok;
}

void Reader::ReadProjects(const File& file) {
  for (const toml::table* t : Entries(file, "projects", "project")) {
    const toml::table& p = *t;
    bool ok = CheckKeys(file.Source(), p, kProjectKeys, "[[projects]]", diags_);
    auto id = ReadId(file, p);
    std::string who = Name("project", id.value_or(""));
    ok = Require(file, p, kProjectRequired, who) && ok;
    Project project;
    if (id) {
      project.id = *id;
      ok = ClaimId(file, p, "project", *id, project_at_) && ok;
    } else {
      ok = false;
    }
    // Each part is read, and its mistakes reported, whatever the parts before it held.
    ok = ReadProgramAndStream(file, p, project) && ok;
    ok = ReadProjectTexts(file, p, project) && ok;
    ok = ReadPlace(file, p, who, project) && ok;
    ok = ReadAmountAndYears(file, p, project) && ok;
    ok = ReadFlagsAndLink(file, p, project) && ok;
    if (ok) data_.projects.push_back(std::move(project));
  }
}

// True if the file holds funding data, or looks like it meant to (a misspelt [[projects]]).
bool IsFundingFile(const toml::table& table) {
  for (const auto& [key, value] : table) {
    std::string name(key.str());
    if (std::find(kTopKeys.begin(), kTopKeys.end(), name) != kTopKeys.end() || DidYouMean(name, kTopKeys))
      return true;
  }
  return false;
}

}  // namespace

bool LoadDataset(const std::string& source_dir, const std::vector<std::string>& languages, Dataset& data,
                 std::string& fingerprint, Diagnostics& diags) {
  data = Dataset{};
  data.languages = languages;
  fingerprint.clear();

  std::vector<fs::path> paths;
  std::error_code ec;
  fs::path dir = fs::path(source_dir) / "data";
  if (fs::is_directory(dir, ec))
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
      std::string name = entry.path().filename().string();
      if (name.empty() || name[0] == '.' || !EndsWith(name, ".toml") || !entry.is_regular_file(ec)) continue;
      paths.push_back(entry.path());
    }
  std::sort(paths.begin(), paths.end());

  bool ok = true;
  std::vector<File> files;
  for (const fs::path& path : paths) {
    File file;
    file.shown = "data/" + path.filename().string();
    auto text = ReadSourceText(path.string(), file.shown, diags, {source_dir, "the site"});
    if (!text) {
      ok = false;
      continue;
    }
    file.text = std::move(*text);
    auto table = ParseToml(file.Source(), diags);
    if (!table) {
      ok = false;
      continue;
    }
    if (!IsFundingFile(*table)) continue;  // some other data
    file.table = std::move(*table);
    ok = CheckKeys(file.Source(), file.table, kTopKeys, "a funding data file", diags) && ok;
    files.push_back(std::move(file));
  }

  size_t errors_before = diags.error_count();
  Reader reader(data, diags);
  for (const File& file : files) reader.ReadPrograms(file);
  for (const File& file : files) reader.ReadStreams(file);
  for (const File& file : files) reader.ReadProjects(file);
  ok = ok && diags.error_count() == errors_before;

  for (const File& file : files) fingerprint += file.shown + '\0' + file.text + '\0';
  return ok;
}

}  // namespace tandem::funding
