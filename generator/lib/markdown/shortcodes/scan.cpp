#include "markdown/shortcodes/scan.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>

#include "markdown/nodes.hpp"

namespace tandem {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

bool IsKeyChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

// Letters, digits, '-', '_', '.', and '/' between parts: "docs/note", never "../x" or "/x".
bool IsShortcodeName(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.back() == '/' || name.front() == '.') return false;
  if (name.find("//") != std::string_view::npos || name.find("/.") != std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return IsKeyChar(c) || c == '.' || c == '/'; });
}

// What is between a tag's delimiters, parsed.
struct Tag {
  bool closing = false;
  std::string name;
  std::vector<ShortcodeArg> args;
};

// Reads the arguments of a tag, reporting the first thing that is not one.
class ArgReader {
 public:
  ArgReader(std::string_view text, const std::string& tag) : text_(text), tag_(tag) {}

  // The arguments, or nullopt with `error` set.
  std::optional<std::vector<ShortcodeArg>> Read() {
    std::vector<ShortcodeArg> args;
    size_t positional = 0, named = 0;
    while (SkipSpace()) {
      ShortcodeArg arg;
      if (Peek() == '"' || Peek() == '`') {
        if (!ReadValue(arg.value, "a positional argument")) return std::nullopt;
      } else {
        std::string token = ReadBare();
        if (Peek() == '=') {
          ++at_;
          arg.key = token;
          if (!CheckKey(arg.key) || !ReadNamedValue(arg)) return std::nullopt;
        } else {
          arg.value = token;
        }
      }
      (arg.key.empty() ? positional : named) += 1;
      if (positional && named)
        return Fail(tag_ +
                    " mixes named arguments (key=\"value\") and positional ones (\"value\"); "
                    "use one kind");
      for (const ShortcodeArg& other : args)
        if (!arg.key.empty() && other.key == arg.key)
          return Fail("argument \"" + arg.key + "\" is given twice in " + tag_ + "; keep one");
      args.push_back(std::move(arg));
    }
    return args;
  }

  std::string error;

 private:
  char Peek() const { return at_ < text_.size() ? text_[at_] : '\0'; }
  bool SkipSpace() {
    while (at_ < text_.size() && IsSpace(text_[at_])) ++at_;
    return at_ < text_.size();
  }
  std::nullopt_t Fail(std::string message) {
    error = std::move(message);
    return std::nullopt;
  }
  std::string ReadBare() {
    size_t start = at_;
    while (at_ < text_.size() && !IsSpace(text_[at_]) && text_[at_] != '=' && text_[at_] != '"' &&
           text_[at_] != '`')
      ++at_;
    return std::string(text_.substr(start, at_ - start));
  }
  bool CheckKey(const std::string& key) {
    if (!key.empty() && std::all_of(key.begin(), key.end(), IsKeyChar)) return true;
    error = "\"" + key +
            "\" is not an argument name: a name is letters, digits, '-' and '_', as in key=\"value\"";
    return false;
  }
  bool ReadNamedValue(ShortcodeArg& arg) {
    if (Peek() == '"' || Peek() == '`') return ReadValue(arg.value, "argument \"" + arg.key + "\"");
    arg.value = ReadBare();
    if (!arg.value.empty() && (at_ >= text_.size() || IsSpace(text_[at_]))) return true;
    error = "argument \"" + arg.key + "\" has no value; write " + arg.key + "=\"value\"";
    return false;
  }
  // A "quoted" value (\" and \\ are a quote and a backslash) or a `raw` one, taken as written.
  bool ReadValue(std::string& out, const std::string& what) {
    char quote = text_[at_++];
    for (; at_ < text_.size(); ++at_) {
      char c = text_[at_];
      if (c == quote) {
        ++at_;
        if (at_ < text_.size() && !IsSpace(text_[at_])) {
          error = "the value of " + what + " is followed by \"" + std::string(1, text_[at_]) +
                  "\"; put a space between arguments";
          return false;
        }
        return true;
      }
      if (quote == '"' && c == '\\' && at_ + 1 < text_.size() &&
          (text_[at_ + 1] == '"' || text_[at_ + 1] == '\\'))
        c = text_[++at_];
      out += c;
    }
    error = "the value of " + what + " never closes; end it with " + std::string(1, quote);
    return false;
  }

  std::string_view text_;
  std::string tag_;
  size_t at_ = 0;
};

struct Frame {
  ShortcodeCall call;
  std::vector<ShortcodeCall> children;
};

class Scanner {
 public:
  Scanner(std::string_view markdown, const LineRanges& code_blocks)
      : text_(markdown), lines_(markdown), code_blocks_(code_blocks) {}

  ShortcodeScan Run(int max_depth) {
    stack_.push_back({});
    for (size_t at = 0; at < text_.size();) at = Step(at);
    CollapseAbove(1);
    out_.calls = std::move(stack_.back().children);
    LimitDepth(out_.calls, max_depth);
    return std::move(out_);
  }

 private:
  // Looks at `at`; returns where to look next.
  size_t Step(size_t at) {
    if (at == 0 || text_[at - 1] == '\n')
      if (size_t past = PastCodeBlock(lines_.PosOf(at).line); past != 0) return past;
    char c = text_[at];
    if (c == '\\') return at + 2;
    if (c == '`') return PastCodeSpan(at);
    if (c == '{' && text_.compare(at, 3, "{{<") == 0) return ReadTag(at, false);
    if (c == '{' && text_.compare(at, 3, "{{%") == 0) return ReadTag(at, true);
    return at + 1;
  }

  // Past the code block starting on `line`, or 0 when none does.
  size_t PastCodeBlock(int line) {
    while (next_block_ < code_blocks_.size() && code_blocks_[next_block_].second < line) ++next_block_;
    if (next_block_ == code_blocks_.size() || code_blocks_[next_block_].first > line) return 0;
    return std::max(lines_.Start(code_blocks_[next_block_].second + 1), lines_.Start(line) + 1);
  }

  // A run of backticks opens a code span if the same run closes it in the same paragraph.
  size_t PastCodeSpan(size_t at) {
    size_t n = 0;
    while (at + n < text_.size() && text_[at + n] == '`') ++n;
    size_t limit = text_.find("\n\n", at);
    for (size_t close = text_.find(std::string(n, '`'), at + n); close < limit;
         close = text_.find(std::string(n, '`'), close + n)) {
      size_t run = 0;
      while (close + run < text_.size() && text_[close + run] == '`') ++run;
      if (run == n) return close + n;
      close += run - n;
    }
    return at + n;
  }

  void Problem(size_t at, std::string message) {
    TextPos pos = lines_.PosOf(at);
    out_.problems.push_back({pos.line, pos.column, std::move(message)});
  }

  // The next "{{<" or "{{%" from `from`: each search starts where the last one ended, so that the
  // scan stays linear in the text however many tags it holds.
  size_t NextOpening(size_t from) {
    return std::min(NextOf("{{<", from, next_angle_), NextOf("{{%", from, next_percent_));
  }
  struct Found {
    bool searched = false;
    size_t from = 0;
    size_t at = std::string_view::npos;
  };
  size_t NextOf(std::string_view what, size_t from, Found& last) {
    if (!last.searched || from < last.from || last.at < from) last = {true, from, text_.find(what, from)};
    return last.at;
  }
  // The next `closer` from `from`, searched again only once passed, as NextOpening.
  size_t NextCloser(bool markdown, size_t from) {
    return markdown ? NextOf("%}}", from, next_percent_close_) : NextOf(">}}", from, next_angle_close_);
  }

  size_t ReadTag(size_t at, bool markdown) {
    std::string closer = markdown ? "%}}" : ">}}";
    size_t body = at + 3;
    if (text_.compare(body, 2, "/*") == 0) {  // Hugo's escape: shown as written, less the comment marks
      size_t escape_end =
          markdown ? NextOf("*/%}}", body, next_percent_escape_) : NextOf("*/>}}", body, next_angle_escape_);
      if (escape_end != std::string_view::npos) return escape_end + 2 + closer.size();
    }
    size_t close = NextCloser(markdown, body);
    if (close == std::string_view::npos || NextOpening(body) < close) {
      std::string_view name = Trim(text_.substr(body, std::min(close, NextOpening(body)) - body));
      name = name.substr(0, std::find_if(name.begin(), name.end(), IsSpace) - name.begin());
      Problem(at, std::string(markdown ? "{{%" : "{{<") + (name.empty() ? "" : " ") + std::string(name) +
                      " is never closed; end the tag with \"" + closer + "\"");
      return body;
    }
    size_t end = close + closer.size();
    if (auto tag = ParseTag(Trim(text_.substr(body, close - body)), markdown, at)) {
      if (tag->closing)
        Close(*tag, markdown, at, end);
      else
        Open(std::move(*tag), markdown, at, end, text_.substr(body, close - body));
    }
    return end;
  }

  std::optional<Tag> ParseTag(std::string_view inner, bool markdown, size_t at) {
    Tag tag;
    tag.closing = !inner.empty() && inner.front() == '/';
    if (tag.closing) inner = Trim(inner.substr(1));
    size_t name_end = std::find_if(inner.begin(), inner.end(), IsSpace) - inner.begin();
    tag.name = std::string(inner.substr(0, name_end));
    if (!tag.closing && !tag.name.empty() && tag.name.back() == '/' && name_end == inner.size())
      tag.name.pop_back();  // {{< name/>}}
    std::string shown = ShortcodeTag(tag.name, markdown);
    if (tag.name.empty()) {
      Problem(at, std::string("a shortcode needs a name: ") + (markdown ? "{{% name %}}" : "{{< name >}}"));
      return std::nullopt;
    }
    if (!IsShortcodeName(tag.name)) {
      Problem(at, "\"" + tag.name +
                      "\" is not a shortcode name: letters, digits, '-', '_', '.', and '/' between folders");
      return std::nullopt;
    }
    std::string_view rest = Trim(inner.substr(name_end));
    if (tag.closing) {
      if (rest.empty()) return tag;
      Problem(at, "a closing tag holds only the name: " + std::string(markdown ? "{{% /" : "{{< /") +
                      tag.name + (markdown ? " %}}" : " >}}"));
      return std::nullopt;
    }
    if (!rest.empty() && rest.back() == '/') rest = Trim(rest.substr(0, rest.size() - 1));
    ArgReader reader(rest, shown);
    auto args = reader.Read();
    if (!args) {
      Problem(at, reader.error);
      return std::nullopt;
    }
    tag.args = std::move(*args);
    return tag;
  }

  void Open(Tag tag, bool markdown, size_t at, size_t end, std::string_view written) {
    ShortcodeCall call;
    call.name = std::move(tag.name);
    call.markdown = markdown;
    call.args = std::move(tag.args);
    call.begin = at;
    call.open_end = call.end = end;
    TextPos pos = lines_.PosOf(at);
    call.line = pos.line;
    call.column = pos.column;
    bool self_closing = !Trim(written).empty() && Trim(written).back() == '/';
    if (self_closing) {
      stack_.back().children.push_back(std::move(call));
    } else {
      open_[call.name].push_back(stack_.size());
      stack_.push_back({std::move(call), {}});
    }
  }

  // Closes the nearest open call of that name; those opened after it close nothing, so they
  // stand alone, followed by what was inside them.
  void Close(const Tag& tag, bool markdown, size_t at, size_t end) {
    auto open = open_.find(tag.name);
    if (open == open_.end() || open->second.empty()) {
      std::string opening = ShortcodeTag(tag.name, markdown);
      Problem(at, std::string(markdown ? "{{% /" : "{{< /") + tag.name + (markdown ? " %}}" : " >}}") +
                      " closes no " + opening + "; remove it, or open the shortcode before it");
      return;
    }
    CollapseAbove(open->second.back() + 1);
    Frame done = std::move(stack_.back());
    open->second.pop_back();
    stack_.pop_back();
    done.call.close_begin = at;
    done.call.end = end;
    done.call.children = std::move(done.children);
    stack_.back().children.push_back(std::move(done.call));
  }

  // The open calls above the first `keep` frames have no closing tag: each stands alone, and
  // what followed it is the frame's below them, in order. Each frame collapses once.
  void CollapseAbove(size_t keep) {
    auto& siblings = stack_[keep - 1].children;
    for (size_t i = keep; i < stack_.size(); ++i) {
      open_[stack_[i].call.name].pop_back();
      siblings.push_back(std::move(stack_[i].call));
      for (ShortcodeCall& child : stack_[i].children) siblings.push_back(std::move(child));
    }
    stack_.resize(keep);
  }

  // Sets each call's depth; the calls inside one at `max_depth` are a problem, and are dropped.
  void LimitDepth(std::vector<ShortcodeCall>& calls, int max_depth) {
    std::vector<std::pair<std::vector<ShortcodeCall>*, int>> todo{{&calls, 1}};
    while (!todo.empty()) {
      auto [list, depth] = todo.back();
      todo.pop_back();
      for (ShortcodeCall& call : *list) {
        call.depth = depth;
        if (call.children.empty()) continue;
        if (depth < max_depth) {
          todo.emplace_back(&call.children, depth + 1);
          continue;
        }
        const ShortcodeCall& first = call.children.front();
        out_.problems.push_back({first.line, first.column,
                                 ShortcodeTag(first.name, first.markdown) + " is inside " +
                                     std::to_string(depth) + " other shortcodes; they nest at most " +
                                     std::to_string(kMaxShortcodeDepth) + " deep: close some before it",
                                 true});
        DropAll(std::move(call.children));
        call.children.clear();
        call.too_deep_inside = true;
      }
    }
  }

  // Destroys calls one by one: a nested call's destructor would recurse once a level.
  static void DropAll(std::vector<ShortcodeCall> calls) {
    while (!calls.empty()) {
      ShortcodeCall last = std::move(calls.back());
      calls.pop_back();
      for (ShortcodeCall& child : last.children) calls.push_back(std::move(child));
    }
  }

  std::string_view text_;
  LineIndex lines_;
  const LineRanges& code_blocks_;
  size_t next_block_ = 0;
  std::vector<Frame> stack_;
  std::unordered_map<std::string, std::vector<size_t>> open_;  // name -> its frames, in order
  Found next_angle_, next_percent_, next_angle_close_, next_percent_close_, next_angle_escape_,
      next_percent_escape_;
  ShortcodeScan out_;
};

}  // namespace

bool MayHoldShortcodes(std::string_view markdown) {
  return markdown.find("{{<") != std::string_view::npos || markdown.find("{{%") != std::string_view::npos;
}

ShortcodeScan ScanShortcodes(std::string_view markdown, const LineRanges& code_blocks, int max_depth) {
  return Scanner(markdown, code_blocks).Run(max_depth);
}

std::string ShortcodeTag(const std::string& name, bool markdown) {
  return markdown ? "{{% " + name + " %}}" : "{{< " + name + " >}}";
}

}  // namespace tandem
