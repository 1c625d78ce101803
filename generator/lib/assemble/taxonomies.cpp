#include "assemble/taxonomies.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "assemble/urls/urls.hpp"
#include "config/toml_source.hpp"
#include "content/lists.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// data/taxonomies/<key>.toml: one table per term, naming it in each language, like
// [boating] en = "Boating" fr = "Navigation de plaisance". The table's name only pairs them.
struct TermNames {
  std::string path;                                          // as shown: "data/taxonomies/tags.toml"
  std::vector<std::map<std::string, std::string>> entry_of;  // per language: slug -> entry
  std::map<std::string, std::vector<std::string>> names;     // entry -> per language ("" if none)
};

// One term of one language, as the pages of that language write it.
struct Term {
  std::string slug;
  std::string written;               // as first written, or as the term file names it
  SourcePos pos;                     // where first written
  const Page* written_in = nullptr;  // the page that first wrote it (its line is quoted from there:
                                     // not kept per term, as one line may hold thousands of terms)
  std::string entry;                 // of the term file, or ""
  std::vector<Page*> pages;
  Page* page = nullptr;  // its made-up page
};

size_t LanguageIndex(const Site& site, const std::string& code) {
  for (const Language& lang : site.languages)
    if (lang.code() == code) return lang.index;
  return site.languages.size();
}

void ReadTermEntry(const Site& site, const TomlSource& src, const toml::key& name, const toml::table& entry,
                   TermNames& out, Diagnostics& diags) {
  std::vector<std::string> codes = site.config.LanguageCodes();
  std::vector<std::string>& names = out.names[std::string(name.str())];
  names.assign(site.languages.size(), "");
  for (const auto& [code, value] : entry) {
    std::string lang(code.str());
    size_t index = LanguageIndex(site, lang);
    if (index == site.languages.size()) {
      ErrorAtKey(src, code,
                 "\"" + lang + "\" is not a language of the site" + DidYouMeanSuffix(lang, codes) +
                     "; site.toml defines " + JoinQuoted(codes),
                 diags);
      continue;
    }
    auto term = value.value<std::string>();
    std::string slug = term ? SlugOf(*site.languages[index].locale, *term, site.config) : "";
    if (slug.empty()) {
      ErrorAt(src, value,
              std::string(name.str()) + "." + lang + " must be the term as written in \"" + lang +
                  "\", with letters or digits, like " + lang + " = \"Boating\"",
              diags);
      continue;
    }
    auto [it, fresh] = out.entry_of[index].emplace(slug, std::string(name.str()));
    if (!fresh) {
      ErrorAt(src, value,
              std::string(name.str()) + "." + lang + " \"" + *term + "\" is also the \"" + lang +
                  "\" term of [" + it->second + "]; each term needs a name of its own",
              diags);
      continue;
    }
    names[index] = ToNfc(*term);
  }
}

TermNames LoadTermNames(const Site& site, const TaxonomyConfig& tax, Diagnostics& diags) {
  TermNames out;
  out.path = "data/taxonomies/" + tax.key + ".toml";
  out.entry_of.resize(site.languages.size());
  std::string file = site.source_dir + "/" + out.path;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return out;
  auto text = ReadSourceText(file, out.path, diags, {site.source_dir, "the site"});
  if (!text) return out;
  TomlSource src{out.path, *text, 1, *text, {}};
  auto table = ParseToml(src, diags);
  if (!table) return out;
  for (const auto& [name, value] : *table) {
    if (const toml::table* entry = value.as_table()) {
      ReadTermEntry(site, src, name, *entry, out, diags);
      continue;
    }
    ErrorAtKey(src, name,
               "\"" + std::string(name.str()) +
                   "\" must be a table naming the term in each language, like [boating] en = \"Boating\" "
                   "fr = \"Navigation de plaisance\"",
               diags);
  }
  return out;
}

bool SameButCase(const std::string& a, const std::string& b) {
  return icu::UnicodeString::fromUTF8(a).foldCase() == icu::UnicodeString::fromUTF8(b).foldCase();
}

std::string TermUrl(const Language& lang, const TaxonomyConfig& tax, const std::string& slug) {
  return lang.config.base_path + tax.SegmentIn(lang.code()) + "/" + slug + "/";
}

// The terms of one taxonomy in one language, by slug, from its pages in path order.
std::map<std::string, Term> CollectTerms(const Language& lang, const TaxonomyConfig& tax,
                                         const SiteConfig& config, Diagnostics& diags) {
  std::map<std::string, Term> terms;
  for (const auto& page : lang.pages) {
    for (const PageTerms& given : page->meta.terms) {
      if (given.key != tax.key) continue;
      for (size_t i = 0; i < given.terms.size(); ++i) {
        const std::string& written = given.terms[i];
        const SourcePos& pos = given.pos[i];
        std::string slug = SlugOf(*lang.locale, written, config);
        if (slug.empty()) {
          diags.Error(pos,
                      "cannot make a URL slug from the " + tax.name + " \"" + written +
                          "\"; write it with letters or digits",
                      page->FrontMatterLine(pos.line));
          continue;
        }
        if (auto problem = LongSegmentProblem(slug)) {
          diags.Error(pos, *problem + "; shorten the " + tax.name, page->FrontMatterLine(pos.line));
          continue;
        }
        auto [it, fresh] = terms.emplace(slug, Term{slug, written, pos, page.get(), "", {}, nullptr});
        Term& term = it->second;
        if (!fresh && term.written != written && !SameButCase(term.written, written)) {
          diags.Error(pos,
                      "the " + tax.name + " \"" + written + "\" would share the page " +
                          TermUrl(lang, tax, slug) + " with \"" + term.written + "\" (" + term.pos.path +
                          ":" + std::to_string(term.pos.line) +
                          "); write the term the same way on every page, or reword one",
                      page->FrontMatterLine(pos.line));
          continue;
        }
        if (term.pages.empty() || term.pages.back() != page.get()) term.pages.push_back(page.get());
      }
    }
  }
  return terms;
}

// A page tandem makes up, at `rel` (a path below the language's root, ending in '/').
std::unique_ptr<Page> MadeUpPage(const Language& lang, const std::string& id, const std::string& rel,
                                 const std::string& title) {
  auto page = std::make_unique<Page>();
  page->lang_index = lang.index;
  page->rel_path = "taxonomy:" + id;
  page->source_path = "taxonomy:" + lang.code() + ":" + id;
  page->implicit = true;
  page->meta.title = title;
  page->url_path = lang.config.base_path + PercentEncoded(rel, UrlSafe::kAscii);
  page->permalink = lang.config.base.Origin() + page->url_path;
  page->output_path =
      lang.config.output_dir + (lang.config.output_dir.empty() ? "" : "/") + rel + "index.html";
  return page;
}

std::string TitleOf(const Language& lang, const TaxonomyConfig& tax, Diagnostics& diags) {
  if (auto it = tax.title.find(lang.code()); it != tax.title.end()) return it->second;
  const std::string& ui = lang.String("taxonomy_" + tax.key);
  if (!ui.empty()) return ui;
  diags.Error(tax.pos,
              "the taxonomy \"" + tax.key + "\" has no title in \"" + lang.code() + "\": add title." +
                  lang.code() + " = \"...\" to [taxonomies." + tax.name + "] in site.toml, or taxonomy_" +
                  tax.key + " = \"...\" to i18n/" + lang.code() + ".toml",
              tax.line);
  return tax.key;
}

std::string LatestModified(const std::vector<Page*>& pages) {
  std::string latest;
  for (const Page* p : pages) latest = std::max(latest, p->modified);
  return latest;
}

// Everything one taxonomy adds to a site.
class TaxonomyMaker {
 public:
  TaxonomyMaker(Site& site, const TaxonomyConfig& tax, std::map<std::string, const Page*>& outputs,
                Diagnostics& diags)
      : site_(site), tax_(tax), outputs_(outputs), diags_(diags), names_(LoadTermNames(site, tax, diags)) {}

  void Make(std::vector<std::vector<std::unique_ptr<Page>>>& made) {
    size_t n = site_.languages.size();
    terms_.resize(n);
    lists_.resize(n);
    by_entry_.resize(n);
    for (Language& lang : site_.languages) {
      terms_[lang.index] = CollectTerms(lang, tax_, site_.config, diags_);
      MakeListPage(lang, made[lang.index]);
      for (auto& [slug, term] : terms_[lang.index]) MakeTermPage(lang, term, made[lang.index]);
      for (auto& [slug, term] : terms_[lang.index])
        if (!term.entry.empty()) by_entry_[lang.index][term.entry] = &term;
    }
    for (Language& lang : site_.languages) {
      for (auto& [slug, term] : terms_[lang.index]) PairTerm(lang, term);
      Page& list = *lists_[lang.index];
      list.translations = lists_;
      SortChildren(list, *lang.locale, *site_.time_zone);
      list.modified = LatestModified(list.children);
      GiveTermPages(lang);
    }
  }

 private:
  void Claim(Page& page, const std::string& what) {
    auto [it, fresh] = outputs_.emplace(page.output_path, &page);
    if (fresh) return;
    const Language& lang = site_.languages[page.lang_index];
    diags_.Error(tax_.pos,
                 what + " would be written to " + page.output_path + ", which " + it->second->source_path +
                     " has; give the taxonomy another segment, like segment." + lang.code() +
                     " = \"...\" in [taxonomies." + tax_.name + "]",
                 tax_.line);
  }

  void MakeListPage(Language& lang, std::vector<std::unique_ptr<Page>>& made) {
    const std::string& segment = tax_.SegmentIn(lang.code());
    auto page = MadeUpPage(lang, tax_.key, segment + "/", TitleOf(lang, tax_, diags_));
    page->taxonomy = tax_.key;
    page->slug = segment;
    page->parent = lang.home;
    page->meta.sort = "title";
    Claim(*page, "the \"" + lang.code() + "\" page of the taxonomy \"" + tax_.key + "\"");
    lists_[lang.index] = page.get();
    made.push_back(std::move(page));
  }

  void MakeTermPage(Language& lang, Term& term, std::vector<std::unique_ptr<Page>>& made) {
    if (auto it = names_.entry_of[lang.index].find(term.slug); it != names_.entry_of[lang.index].end()) {
      term.entry = it->second;
      term.written = names_.names[term.entry][lang.index];
    }
    Page& list = *lists_[lang.index];
    auto page = MadeUpPage(lang, tax_.key + "/" + term.slug, list.slug + "/" + term.slug + "/", term.written);
    page->taxonomy = tax_.key;
    page->is_term = true;
    page->slug = term.slug;
    page->parent = &list;
    page->meta.sort = "date";
    page->meta.paginate = tax_.paginate;
    page->meta.translation_key = term.entry.empty() ? "" : "taxonomy:" + tax_.key + ":" + term.entry;
    page->children = term.pages;
    SortChildren(*page, *lang.locale, *site_.time_zone);
    page->modified = LatestModified(page->children);
    Claim(*page, "the \"" + lang.code() + "\" page of the " + tax_.name + " \"" + term.written + "\"");
    term.page = page.get();
    list.children.push_back(page.get());
    made.push_back(std::move(page));
  }

  // A term's page in another language: when the term file names the term in both, the page of
  // that entry; else, as Hugo pairs pages by path, the page with the same slug, unless the file
  // pairs that one with another term.
  void PairTerm(const Language& lang, Term& term) {
    Page& page = *term.page;
    page.translations.assign(site_.languages.size(), nullptr);
    page.translations[lang.index] = &page;
    for (const Language& other : site_.languages) {
      if (other.index == lang.index) continue;
      if (const Term* there = CounterpartIn(term, lang, other))
        page.translations[other.index] = there->page;
      else
        WarnUntranslated(term, other);
    }
  }

  // Whether the term file names `term` in `other` too: then the file alone decides its pair there.
  bool NamedIn(const Term& term, const Language& other) const {
    return !term.entry.empty() && !names_.names.at(term.entry)[other.index].empty();
  }

  const Term* CounterpartIn(const Term& term, const Language& lang, const Language& other) const {
    if (NamedIn(term, other)) {
      auto it = by_entry_[other.index].find(term.entry);
      return it == by_entry_[other.index].end() ? nullptr : it->second;
    }
    const Term* same_slug = SameSlugIn(term, other);
    return same_slug && !NamedIn(*same_slug, lang) ? same_slug : nullptr;
  }

  const Term* SameSlugIn(const Term& term, const Language& other) const {
    auto it = terms_[other.index].find(term.slug);
    return it == terms_[other.index].end() ? nullptr : &it->second;
  }

  void WarnUntranslated(const Term& term, const Language& other) {
    const Language& lang = site_.languages[term.page->lang_index];
    std::string what = "the " + tax_.name + " \"" + term.written + "\"";
    std::string toggle = "; its language toggle goes to the \"" + other.code() + "\" page of " + tax_.key;
    std::string message;
    if (term.entry.empty())
      message = what + " is not in " + names_.path + SlugClause(term, lang, other) +
                ", so its page has no \"" + other.code() + "\" translation: add [" +
                NewEntryName(term, lang) + "] with " + lang.code() + " = \"" + term.written + "\" and " +
                other.code() + " = \"...\" there" + toggle;
    else if (names_.names[term.entry][other.index].empty())
      message = what + " has no \"" + other.code() + "\" name in " + names_.path +
                SlugClause(term, lang, other) + ": add " + other.code() + " = \"...\" to [" + term.entry +
                "]" + toggle;
    else
      message = what + " is \"" + names_.names[term.entry][other.index] + "\" in \"" + other.code() + "\" (" +
                names_.path + "), but no \"" + other.code() + "\" page has that " + tax_.name + toggle;
    diags_.Warning(term.pos, message, term.written_in->FrontMatterLine(term.pos.line), kTermUntranslated);
  }

  // A table name for the term that the term file does not have yet: its slug, else with its language.
  std::string NewEntryName(const Term& term, const Language& lang) const {
    return names_.names.count(term.slug) ? term.slug + "-" + lang.code() : term.slug;
  }

  // Why the slug did not pair a term the file leaves unpaired in `other`.
  std::string SlugClause(const Term& term, const Language& lang, const Language& other) const {
    const Term* same_slug = SameSlugIn(term, other);
    if (!same_slug)
      return " and no \"" + other.code() + "\" page has a " + tax_.name + " with its slug \"" + term.slug +
             "\"";
    return ", and the \"" + other.code() + "\" " + tax_.name + " with its slug, \"" + same_slug->written +
           "\", is paired there with \"" + names_.names.at(same_slug->entry)[lang.index] + "\"";
  }

  // Each page of content: the pages of its terms, in the order it writes them.
  void GiveTermPages(const Language& lang) {
    for (const auto& page : lang.pages) {
      std::vector<const Page*> mine;
      std::set<const Page*> seen;
      for (const PageTerms& given : page->meta.terms) {
        if (given.key != tax_.key) continue;
        for (const std::string& written : given.terms) {
          auto it = terms_[lang.index].find(SlugOf(*lang.locale, written, site_.config));
          if (it == terms_[lang.index].end() || !it->second.page) continue;
          if (seen.insert(it->second.page).second) mine.push_back(it->second.page);
        }
      }
      if (!mine.empty()) page->term_pages.emplace_back(tax_.key, std::move(mine));
    }
  }

  Site& site_;
  const TaxonomyConfig& tax_;
  std::map<std::string, const Page*>& outputs_;
  Diagnostics& diags_;
  TermNames names_;
  std::vector<std::map<std::string, Term>> terms_;  // per language, by slug
  std::vector<Page*> lists_;                        // per language: the taxonomy's page
  // Per language: the term of each entry of the term file that its pages have.
  std::vector<std::map<std::string, const Term*>> by_entry_;
};

}  // namespace

void MakeTaxonomies(Site& site, Diagnostics& diags) {
  if (site.config.taxonomies.empty()) return;
  std::map<std::string, const Page*> outputs;
  for (const Page* page : site.AllPages())
    if (!page->output_path.empty()) outputs.emplace(page->output_path, page);
  std::vector<std::vector<std::unique_ptr<Page>>> made(site.languages.size());
  for (const TaxonomyConfig& tax : site.config.taxonomies)
    TaxonomyMaker(site, tax, outputs, diags).Make(made);
  // Pages stay sorted by path: links find a page by binary search (render/links.cpp).
  for (Language& lang : site.languages) {
    for (auto& page : made[lang.index]) lang.pages.push_back(std::move(page));
    std::sort(lang.pages.begin(), lang.pages.end(),
              [](const auto& a, const auto& b) { return a->rel_path < b->rel_path; });
  }
}

}  // namespace tandem
