#include "support/diagnostics.hpp"

#include <catch2/catch.hpp>

#include "support/text.hpp"

using namespace tandem;

TEST_CASE("a diagnostic shows the place, the message, the line and a caret under the column",
          "[diagnostics]") {
  Diagnostic d{Severity::kError, {"content/fr/x.md", 3, 9}, "bad", "title = \"Été\""};
  CHECK(FormatDiagnostic(d) ==
        "content/fr/x.md:3:9: error: bad\n"
        " 3 | title = \"Été\"\n"
        "   |         ^");
}

TEST_CASE("the caret counts characters, not bytes", "[diagnostics]") {
  Diagnostic d{Severity::kWarning, {"a.md", 12, 4}, "here", "ééé!"};
  CHECK(FormatDiagnostic(d) ==
        "a.md:12:4: warning: here\n"
        " 12 | ééé!\n"
        "    |    ^");
}

TEST_CASE("errors past the cap are counted, not shown", "[diagnostics]") {
  Diagnostics diags;
  for (size_t i = 0; i < Diagnostics::kMaxErrors + 5; ++i)
    diags.Error({"a.md", static_cast<int>(i) + 1}, "e");
  CHECK(diags.error_count() == Diagnostics::kMaxErrors + 5);
  CHECK(diags.Sorted().size() == Diagnostics::kMaxErrors + 5);
  CHECK(diags.Shown().size() == Diagnostics::kMaxErrors);
  CHECK(diags.Render().find("error: 5 more errors not shown, of these kinds:\n  5 × e\n") !=
        std::string::npos);
}

TEST_CASE("errors past the cap are summed up by kind, their quoted parts elided, most frequent first",
          "[diagnostics]") {
  Diagnostics diags;
  for (int i = 0; i < 50; ++i) diags.Error({"a.md", i + 1}, "first");
  for (int i = 0; i < 3; ++i)
    diags.Error({"b.md", i + 1}, "slug \"X" + std::to_string(i) + "\" must be lowercase; write \"x\"");
  for (int i = 0; i < 7; ++i)
    diags.Error({"c.md", i + 1}, "\"date\" must be a date written YYYY-MM-DD, not \"2021-07-30 09:00\"");
  CHECK(diags.LeftOut() ==
        "error: 10 more errors not shown, of these kinds:\n"
        "  7 × \"…\" must be a date written YYYY-MM-DD, not \"…\"\n"
        "  3 × slug \"…\" must be lowercase\n");
  Diagnostics few;
  few.Error({"a.md", 1}, "e");
  CHECK(few.LeftOut().empty());
}

TEST_CASE("did you mean: one slip per three letters, a swap of two letters counting as one",
          "[diagnostics]") {
  const std::vector<std::string> keys = {"title", "description", "translation_key", "weight"};
  CHECK(DidYouMean("tilte", keys) == "title");  // swapped letters
  CHECK(DidYouMean("titel", keys) == "title");
  CHECK(DidYouMean("descripton", keys) == "description");  // a letter missing
  CHECK(DidYouMean("wieght", keys) == "weight");
  CHECK(DidYouMean("translation-key", keys) == "translation_key");
  CHECK_FALSE(DidYouMean("colour", keys).has_value());
  CHECK_FALSE(DidYouMean("tx", keys).has_value());
}

TEST_CASE("the same finding at the same place is kept once; at another place or severity it is kept",
          "[diagnostics]") {
  Diagnostics diags;
  diags.Error({"data/x.toml", 1, 11}, "bad");
  diags.Error({"data/x.toml", 1, 11}, "bad");
  diags.Error({"data/x.toml", 1, 12}, "bad");
  diags.Warning({"data/x.toml", 1, 11}, "bad");
  CHECK(diags.error_count() == 2);
  CHECK(diags.warning_count() == 1);
  CHECK(diags.Sorted().size() == 3);
  diags.Clear();
  diags.Error({"data/x.toml", 1, 11}, "bad");
  CHECK(diags.error_count() == 1);
}

TEST_CASE("control characters from content reach the terminal as U+FFFD, never as escape sequences",
          "[diagnostics]") {
  // ESC [ 2 J clears a terminal; a line feed in a value would start a line that reads as a finding;
  // U+009B is the one-byte form of ESC [.
  Diagnostic d{Severity::kError,
               {"content/en/\x1b[2Jx.md", 2, 12},
               "slug \"a\nx.md:1:1: error: fake\" is bad \xc2\x9b",
               "slug = \"a\x1b[31mb\"\ttail"};
  CHECK(FormatDiagnostic(d) ==
        "content/en/\uFFFD[2Jx.md:2:12: error: slug \"a\uFFFDx.md:1:1: error: fake\" is bad \uFFFD\n"
        " 2 | slug = \"a\uFFFD[31mb\"\ttail\n"
        "   |            ^");
}
