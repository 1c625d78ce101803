#include "i18n/locale.hpp"

#include <unicode/coll.h>
#include <unicode/datefmt.h>
#include <unicode/timezone.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

namespace tandem {

namespace {

namespace num = icu::number;

void Check(UErrorCode status, const std::string& what) {
  if (U_FAILURE(status)) throw std::runtime_error(what + ": " + u_errorName(status));
}

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string Format(const num::LocalizedNumberFormatter& f, int64_t n) {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s = f.formatInt(n, status).toString(status);
  Check(status, "number formatting");
  return ToUtf8(s);
}

}  // namespace

// ICU falls back to its default locale, taken from LANG, for a locale it has no data for;
// the root locale instead makes the output the same on every machine.
static void UseRootAsDefault() {
  static std::once_flag once;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale::setDefault(icu::Locale::getRoot(), status);
  });
}

Locale::Locale(const std::string& tag, const std::string& currency) : tag_(tag) {
  UseRootAsDefault();
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(tag, status);
  Check(status, "locale " + tag);
  if (loc.isBogus() || *loc.getLanguage() == '\0') throw std::runtime_error("it names no language");
  iso3_ = loc.getISO3Language();
  // ICU makes its shared NFKD normalizer on first use; made here, before threads share the
  // Locale, its creation never races (ThreadSanitizer saw it in the search index's workers).
  icu::Normalizer2::getNFKDInstance(status);
  Check(status, "NFKD normalizer");
  auto base = num::NumberFormatter::withLocale(loc);
  integer_ = std::make_unique<num::LocalizedNumberFormatter>(base.precision(num::Precision::integer()));
  currency_ = std::make_unique<num::LocalizedNumberFormatter>(
      base.unit(icu::CurrencyUnit(icu::UnicodeString::fromUTF8(currency).getTerminatedBuffer(), status))
          .precision(num::Precision::integer()));
  Check(status, "currency " + currency);
  compact_ = std::make_unique<num::LocalizedNumberFormatter>(
      base.notation(num::Notation::compactLong()).precision(num::Precision::minMaxSignificantDigits(1, 3)));
  // ICU compiles a number formatter on its third use and hands the result to other threads
  // through an atomic of its own, which ThreadSanitizer cannot see: made ready here, before any
  // worker starts, there is nothing left to hand over.
  for (int i = 0; i < 3; ++i)
    for (const auto* f : {integer_.get(), currency_.get(), compact_.get()}) Format(*f, 1234567);
  plurals_.reset(icu::PluralRules::forLocale(loc, status));
  Check(status, "plural rules " + tag);
  collator_.reset(icu::Collator::createInstance(loc, status));
  Check(status, "collator " + tag);
  long_date_.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, loc));
  if (!long_date_) throw std::runtime_error("no date format for " + tag);
  long_date_->adoptTimeZone(icu::TimeZone::createTimeZone("UTC"));
}

Locale::~Locale() = default;

std::string Locale::FormatInteger(int64_t n) const {
  return Format(*integer_, n);
}
std::string Locale::FormatCurrency(int64_t amount) const {
  return Format(*currency_, amount);
}
std::string Locale::FormatCompact(int64_t n) const {
  return Format(*compact_, n);
}

std::string Locale::PluralCategory(int64_t n) const {
  return ToUtf8(plurals_->select(static_cast<double>(n)));
}

int Locale::Compare(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = collator_->compareUTF8(icu::StringPiece(a.data(), a.size()),
                                              icu::StringPiece(b.data(), b.size()), status);
  if (U_FAILURE(status)) return a.compare(b);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

std::string Locale::LanguageName(std::string_view code) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale in = icu::Locale::forLanguageTag(tag_, status);
  icu::Locale language(std::string(code).c_str());
  icu::UnicodeString name;
  language.getDisplayLanguage(in, name);
  return ToUtf8(name);
}

std::string Locale::CountryName(std::string_view code) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale in = icu::Locale::forLanguageTag(tag_, status);
  icu::Locale country("", std::string(code).c_str());
  icu::UnicodeString name;
  country.getDisplayCountry(in, name);
  return ToUtf8(name);
}

namespace {

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

// ICU sets up its transliterators on first use, which costs more than the rest of a locale
// (~7 ms), and most names are ASCII already: the transliterator is made on first need, and
// used under a lock since it is not thread-safe.
std::string Locale::ToAsciiLower(std::string_view text) const {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  std::lock_guard lock(to_ascii_mutex_);
  if (!to_ascii_) {
    UErrorCode status = U_ZERO_ERROR;
    to_ascii_.reset(
        icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    Check(status, "transliterator");
  }
  to_ascii_->transliterate(u);
  return ToUtf8(u);
}

std::string Locale::Slugify(std::string_view text) const {
  std::string ascii;
  if (IsAscii(text)) {
    ascii.assign(text);
    for (char& c : ascii) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  } else {
    ascii = ToAsciiLower(text);
  }
  std::string slug;
  for (char c : ascii) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

bool IsUnicodeSlug(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  Check(status, "NFC normalizer");
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  if (!nfc->isNormalized(u, status) || U_FAILURE(status)) return false;
  for (int32_t i = 0; i < u.length(); i += U16_LENGTH(u.char32At(i))) {
    UChar32 c = u.char32At(i);
    bool allowed = c == u'-' || c == u'_' || (U_GET_GC_MASK(c) & U_GC_M_MASK) ||
                   (u_isalnum(c) && !u_isupper(c) && !u_istitle(c));
    if (!allowed) return false;
  }
  return true;
}

std::string Locale::SlugifyUnicode(std::string_view text) const {
  if (IsAscii(text)) return Slugify(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  Check(status, "NFC normalizer");
  icu::UnicodeString lower = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  lower.toLower(icu::Locale::forLanguageTag(tag_, status));
  icu::UnicodeString composed = nfc->normalize(lower, status);
  Check(status, "NFC normalization");
  icu::UnicodeString slug;
  for (int32_t i = 0; i < composed.length(); i += U16_LENGTH(composed.char32At(i))) {
    UChar32 c = composed.char32At(i);
    bool mark = U_GET_GC_MASK(c) & U_GC_M_MASK;
    if (u_isalnum(c) || (mark && !slug.isEmpty() && slug.char32At(slug.length() - 1) != u'-'))
      slug.append(c);
    else if (!slug.isEmpty() && slug.char32At(slug.length() - 1) != u'-')
      slug.append(u'-');
  }
  while (!slug.isEmpty() && slug.char32At(slug.length() - 1) == u'-') slug.truncate(slug.length() - 1);
  return ToUtf8(slug);
}

std::string Locale::SlugifyHugo(std::string_view text, bool ascii) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  u.toLower(icu::Locale::forLanguageTag(tag_, status));
  const icu::Normalizer2* form =
      ascii ? icu::Normalizer2::getNFDInstance(status) : icu::Normalizer2::getNFCInstance(status);
  Check(status, "normalizer");
  icu::UnicodeString normal = form->normalize(u, status);
  Check(status, "normalization");
  icu::UnicodeString slug;
  bool hyphen = false;
  for (int32_t i = 0; i < normal.length(); i += U16_LENGTH(normal.char32At(i))) {
    UChar32 c = normal.char32At(i);
    bool mark = U_GET_GC_MASK(c) & U_GC_M_MASK;
    if (ascii && mark) continue;  // the accent of a decomposed letter
    bool keep = u_isalnum(c) || mark || c == u'.' || c == u'_' || c == u'~' || c == u'+';
    if (keep && (c != u'.' || !slug.isEmpty())) {
      if (hyphen && !slug.isEmpty()) slug.append(u'-');
      hyphen = false;
      slug.append(c);
    } else if (c == u'-' || u_isUWhiteSpace(c)) {
      hyphen = true;
    }
  }
  std::string out = ToUtf8(slug);
  if (!ascii || IsAscii(out)) return out;
  std::string plain;  // letters of other scripts, written in Latin
  for (char c : ToAsciiLower(out))
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~' ||
        c == '+')
      plain += c;
  return plain;
}

std::string Locale::Fold(std::string_view word) const {
  if (IsAscii(word)) {
    std::string lower(word);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  Check(status, "NFKD normalizer");
  icu::UnicodeString decomposed =
      nfkd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), word.size())), status);
  Check(status, "NFKD normalization");
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  return ToUtf8(bare.toLower(icu::Locale::getRoot()));
}

std::vector<std::string> Locale::SearchWords(std::string_view text) const {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(Fold(word));
    word.clear();
  };
  for (size_t i = 0; i < text.size();) {
    UChar32 c;
    size_t start = i;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c >= 0 && (u_isalnum(c) || u_charType(c) == U_NON_SPACING_MARK)) {
      word.append(text.substr(start, i - start));
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::string Locale::FormatDateLong(std::string_view day) const {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return "";
  int y = 0, m = 0, d = 0;
  for (char c : day.substr(0, 4)) y = y * 10 + (c - '0');
  for (char c : day.substr(5, 2)) m = m * 10 + (c - '0');
  for (char c : day.substr(8, 2)) d = d * 10 + (c - '0');
  // Days since 1970-01-01 (Howard Hinnant's days_from_civil), at noon UTC.
  int yy = y - (m <= 2);
  int era = (yy >= 0 ? yy : yy - 399) / 400;
  int yoe = yy - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  double days = static_cast<double>(era) * 146097 + doe - 719468;
  icu::UnicodeString out;
  std::lock_guard lock(long_date_mutex_);
  long_date_->format((days + 0.5) * 86400000.0, out);
  return ToUtf8(out);
}

}  // namespace tandem
