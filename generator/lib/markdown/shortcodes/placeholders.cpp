#include "markdown/shortcodes/placeholders.hpp"

#include <cmark-gfm.h>

#include "markdown/cmark_threads.hpp"
#include "markdown/nodes.hpp"
#include "support/text.hpp"

namespace tandem {

namespace {

// Placeholder characters: U+10FF00 starts, U+10FF10..U+10FF1F are the hex digits of its number,
// U+10FF01 ends the number, U+10FF02 fills up to the width of the call. In UTF-8 they share
// their first three bytes, and cmark treats them as letters (not spaces, not punctuation).
constexpr std::string_view kPrefix = "\xF4\x8F\xBC";
constexpr unsigned char kStart = 0x80, kEnd = 0x81, kFill = 0x82, kDigit0 = 0x90;

std::string Char(unsigned char last) {
  return std::string(kPrefix) + static_cast<char>(last);
}

// The last byte of the placeholder character at `at`, or 0 when there is none there.
unsigned char PlaceholderChar(std::string_view s, size_t at) {
  if (s.compare(at, kPrefix.size(), kPrefix) != 0 || at + 3 >= s.size()) return 0;
  return static_cast<unsigned char>(s[at + 3]);
}

std::string Header(size_t number) {
  std::string digits;
  do {
    digits.insert(0, Char(static_cast<unsigned char>(kDigit0 + number % 16)));
    number /= 16;
  } while (number);
  return Char(kStart) + digits + Char(kEnd);
}

std::string Fill(size_t chars) {
  std::string out;
  for (size_t i = 0; i < chars; ++i) out += Char(kFill);
  return out;
}

class Builder {
 public:
  explicit Builder(std::string_view markdown) : markdown_(markdown) {}

  void Add(const std::vector<ShortcodeCall>& calls) {
    for (const ShortcodeCall& call : calls) {
      if (!call.markdown || !call.paired()) {
        Region(call.begin, call.end, {&call, Placeholder::Kind::kWhole});
        continue;
      }
      Region(call.begin, call.open_end, {&call, Placeholder::Kind::kOpen});
      Add(call.children);
      Region(call.close_begin, call.end, {&call, Placeholder::Kind::kClose});
    }
  }

  PlaceholderMarkdown Finish() {
    out_.text.append(markdown_.substr(done_));
    return std::move(out_);
  }

 private:
  // [begin, end) becomes placeholder number `placeholders.size()`: the same lines, and on each
  // the same width, less what the number itself needs on the first.
  void Region(size_t begin, size_t end, Placeholder placeholder) {
    out_.text.append(markdown_.substr(done_, begin - done_));
    done_ = end;
    bool alone = Alone(begin, end);
    std::string header = Header(out_.placeholders.size());
    out_.placeholders.push_back(placeholder);
    std::string_view region = markdown_.substr(begin, end - begin);
    size_t newline = region.find('\n');
    std::string_view first = region.substr(0, newline);
    std::string text = (alone ? "<!--" : "") + header;
    size_t width = CharacterCount(first), header_width = header.size() / 4;
    text += Fill(width > header_width ? width - header_width : 0);
    while (newline != std::string_view::npos) {
      size_t next = region.find('\n', newline + 1);
      std::string_view line =
          region.substr(newline + 1, next == std::string_view::npos ? next : next - newline - 1);
      size_t indent = std::min(line.find_first_not_of(" \t"), line.size());
      text += "\n" + std::string(line.substr(0, indent)) +
              Fill(std::max<size_t>(1, CharacterCount(line.substr(indent))));
      newline = next;
    }
    out_.text += text + (alone ? "-->" : "");
  }

  // Whether [begin, end) stands alone on its lines: fewer than 4 blanks before it, only blanks
  // after. Looking no further than that keeps thousands of calls on one line linear.
  bool Alone(size_t begin, size_t end) const {
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    size_t before = begin;
    while (before > 0 && begin - before < 4 && blank(markdown_[before - 1])) --before;
    if (begin - before >= 4 || (before > 0 && markdown_[before - 1] != '\n')) return false;
    size_t after = end;
    while (after < markdown_.size() && blank(markdown_[after])) ++after;
    return after == markdown_.size() || markdown_[after] == '\n';
  }

  std::string_view markdown_;
  size_t done_ = 0;
  PlaceholderMarkdown out_;
};

// In one pass: replacing in place moves the rest of the text each time.
void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  size_t at = s.find(from);
  if (at == std::string::npos) return;
  std::string out;
  size_t done = 0;
  for (; at != std::string::npos; at = s.find(from, done)) {
    out.append(s, done, at - done).append(to);
    done = at + from.size();
  }
  s = out.append(s, done, std::string::npos);
}

}  // namespace

LineRanges CodeBlockLines(std::string_view markdown) {
  cmark_parser* parser = nullptr;
  cmark_node* root = nullptr;
  {
    CmarkParseGuard guard;
    parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    root = cmark_parser_finish(parser);
  }
  LineRanges lines;
  for (cmark_node* node : CollectNodes(root, CMARK_NODE_CODE_BLOCK))
    lines.emplace_back(cmark_node_get_start_line(node), cmark_node_get_end_line(node));
  cmark_node_free(root);
  cmark_parser_free(parser);
  return lines;
}

PlaceholderMarkdown WithPlaceholders(std::string_view markdown, const std::vector<ShortcodeCall>& calls) {
  Builder builder(markdown);
  builder.Add(calls);
  return builder.Finish();
}

std::optional<FoundPlaceholder> FindPlaceholder(std::string_view html, size_t from,
                                                std::optional<bool> in_tag_at_from) {
  for (size_t at = html.find(kPlaceholderStart, from); at != std::string_view::npos;
       at = html.find(kPlaceholderStart, at + 4)) {
    FoundPlaceholder found{at, at + 4, 0, false};
    unsigned char c = 0;
    for (; (c = PlaceholderChar(html, found.end)) >= kDigit0 && c < kDigit0 + 16; found.end += 4)
      found.number = found.number * 16 + (c - kDigit0);
    if (c != kEnd || found.end == at + 4) continue;  // not one tandem wrote
    found.end += 4;
    for (;;) {
      if (PlaceholderChar(html, found.end) == kFill) {
        found.end += 4;
        continue;
      }
      // A call over several lines: cmark ends each but the last with a newline.
      if (found.end >= html.size() || html[found.end] != '\n') break;
      size_t next = found.end + 1;
      while (next < html.size() && (html[next] == ' ' || html[next] == '\t')) ++next;
      if (PlaceholderChar(html, next) != kFill) break;
      found.end = next;
    }
    std::string_view before = in_tag_at_from ? html.substr(from, at - from) : html.substr(0, at);
    size_t back = before.find_last_of("<>");
    found.in_tag = back == std::string_view::npos ? in_tag_at_from.value_or(false) : before[back] == '<';
    return found;
  }
  return std::nullopt;
}

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string DecodePlaceholdersInUrls(std::string html) {
  static constexpr std::string_view kEncoded = "%F4%8F%BC%";
  size_t at = html.find(kEncoded);
  if (at == std::string::npos) return html;
  std::string out;
  out.reserve(html.size());
  size_t done = 0;
  for (; at != std::string::npos; at = html.find(kEncoded, done)) {
    size_t hex = at + kEncoded.size();
    int high = hex + 2 <= html.size() ? HexDigit(html[hex]) : -1;
    int low = hex + 2 <= html.size() ? HexDigit(html[hex + 1]) : -1;
    if (high < 0 || low < 0) {  // not a placeholder's: as written (its last '%' may start one)
      out.append(html, done, hex - 1 - done);
      done = hex - 1;
      continue;
    }
    out.append(html, done, at - done).append(Char(static_cast<unsigned char>(high * 16 + low)));
    done = hex + 2;
  }
  return out.append(html, done, std::string::npos);
}

std::string ReplacePlaceholders(std::string_view text, const std::function<std::string(size_t)>& with) {
  std::string out;
  size_t done = 0;
  for (auto found = FindPlaceholder(text, 0); found; found = FindPlaceholder(text, found->end)) {
    out.append(text.substr(done, found->begin - done)).append(with(found->number));
    done = found->end;
  }
  return out.append(text.substr(done));
}

std::string ShowEscapedShortcodesInHtml(std::string html) {
  ReplaceAll(html, "{{&lt;/*", "{{&lt;");
  ReplaceAll(html, "*/&gt;}}", "&gt;}}");
  ReplaceAll(html, "{{%/*", "{{%");
  ReplaceAll(html, "*/%}}", "%}}");
  return html;
}

std::string ShowEscapedShortcodes(std::string text) {
  ReplaceAll(text, "{{</*", "{{<");
  ReplaceAll(text, "*/>}}", ">}}");
  ReplaceAll(text, "{{%/*", "{{%");
  ReplaceAll(text, "*/%}}", "%}}");
  return text;
}

}  // namespace tandem
