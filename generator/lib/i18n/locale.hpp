// One Locale per language owns every ICU object that language needs: number
// and currency formatters, plural rules, the collator and the slug
// transliterator. Nothing else in tandem formats a number or compares text.
// ICU objects are expensive to create, so each is made once and shared by all
// threads (formatters and collators are only used through const calls; the
// slug transliterator, which is not thread-safe, sits behind a mutex and is made only when a
// name is not ASCII).
#pragma once

#include <unicode/uversion.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

U_NAMESPACE_BEGIN
class Collator;
class DateFormat;
class PluralRules;
class Transliterator;
namespace number {
class LocalizedNumberFormatter;
}
U_NAMESPACE_END

namespace tandem {

// Whether `text` can be a URL segment of a site with ascii_urls = false: lowercase letters,
// digits and their accents, hyphens and underscores, in NFC (é as one character, as typed).
bool IsUnicodeSlug(std::string_view text);

class Locale {
 public:
  // `tag` is a BCP 47 tag such as "en-CA", `currency` an ISO 4217 code such as "CAD";
  // throws std::runtime_error if ICU cannot build them.
  explicit Locale(const std::string& tag, const std::string& currency = "CAD");
  ~Locale();
  Locale(const Locale&) = delete;
  Locale& operator=(const Locale&) = delete;

  const std::string& tag() const { return tag_; }
  // ISO 639-2/T code, as Canada.ca's dcterms.language wants: "eng", "fra".
  const std::string& iso3_language() const { return iso3_; }

  std::string FormatInteger(int64_t n) const;        // 5,120,527 / 5 120 527
  std::string FormatCurrency(int64_t amount) const;  // $54,919 / 54 919 $ (whole units)
  std::string FormatCompact(int64_t n) const;        // 5.12 million / 5,12 millions
  // A day (YYYY-MM-DD) written out as the language does: "July 30, 2021" / "30 juillet 2021";
  // "" for anything else. Thread-safe.
  std::string FormatDateLong(std::string_view day) const;
  // ICU plural category of n: "one", "other", "many", ...
  std::string PluralCategory(int64_t n) const;
  // <0, 0, >0 like strcmp, by this language's collation (É sorts with E in French).
  int Compare(std::string_view a, std::string_view b) const;
  // A language's name in this language, from its code ("fr" → "French").
  std::string LanguageName(std::string_view code) const;
  // A country's name in this language, from its ISO 3166 code ("AT" → "Autriche").
  std::string CountryName(std::string_view code) const;
  // Lowercase ASCII words joined by hyphens: "Sécurité publique" → "securite-publique".
  std::string Slugify(std::string_view text) const;
  // The same keeping every letter, for sites with ascii_urls = false: lowercase words of letters,
  // digits and their accents, in NFC, joined by hyphens: "Sécurité publique" → "sécurité-publique".
  std::string SlugifyUnicode(std::string_view text) const;
  // Hugo's rule (site.toml slugs = "hugo"), so a site moving over keeps its URLs: lowercase; a run
  // of spaces and hyphens is one hyphen; letters, digits, marks and . _ ~ + stay; any other
  // character goes without a trace ("Eva’s exit: day 1" → "evas-exit-day-1"). `ascii` then
  // removes accents, as Hugo's removePathAccents. Never starts with a dot.
  std::string SlugifyHugo(std::string_view text, bool ascii) const;
  // A word as search compares it: lowercase, accents removed, compatibility forms unfolded
  // ("École" → "ecole", "ﬁche" → "fiche"). Thread-safe. The search script folds queries the same
  // way: String.normalize("NFKD"), marks (\p{Mn}) removed, toLowerCase().
  std::string Fold(std::string_view word) const;
  // The words of `text` for a search index, folded: runs of letters and decimal digits.
  std::vector<std::string> SearchWords(std::string_view text) const;

 private:
  std::string ToAsciiLower(std::string_view text) const;

  std::string tag_;
  std::string iso3_;
  std::unique_ptr<icu::number::LocalizedNumberFormatter> integer_;
  std::unique_ptr<icu::number::LocalizedNumberFormatter> currency_;
  std::unique_ptr<icu::number::LocalizedNumberFormatter> compact_;
  std::unique_ptr<icu::PluralRules> plurals_;
  std::unique_ptr<icu::Collator> collator_;
  std::unique_ptr<icu::DateFormat> long_date_;  // in UTC: a day is formatted as the day it is
  mutable std::mutex long_date_mutex_;           // ICU's date formats are not thread-safe
  mutable std::unique_ptr<icu::Transliterator> to_ascii_;
  mutable std::mutex to_ascii_mutex_;
};

}  // namespace tandem
