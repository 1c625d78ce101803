#include "markdown/cmark_threads.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <dlfcn.h>

#include <atomic>
#include <cstdlib>
#include <string_view>

namespace {

std::atomic<int> replacement_calls{0};

}  // namespace

// The library calls this through its PLT, so this definition, exported from the
// program (see cmark-overrides.list), takes the library's place.
extern "C" void cmark_manage_extensions_special_characters(cmark_parser* parser, int add) {
  using Original = void (*)(cmark_parser*, int);
  static std::once_flag once;
  replacement_calls.fetch_add(1, std::memory_order_relaxed);
  if (!add) return;
  std::call_once(once, [parser] {
    auto original =
        reinterpret_cast<Original>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
    if (original) original(parser, 1);
  });
}

namespace tandem {

bool CmarkParsersRunInParallel() {
  static const bool interposed = [] {
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (const char* name : kCmarkExtensions)
      cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
    std::string_view probe = "~~probe~~\n";
    cmark_parser_feed(parser, probe.data(), probe.size());
    cmark_node* root = cmark_parser_finish(parser);
    cmark_node_free(root);
    cmark_parser_free(parser);
    return replacement_calls.load() > 0;
  }();
  return interposed;
}

namespace {
std::mutex parse_mutex;
}  // namespace

CmarkParseGuard::CmarkParseGuard() {
  if (!CmarkParsersRunInParallel()) lock_ = std::unique_lock(parse_mutex);
}

CmarkParseGuard::~CmarkParseGuard() = default;

}  // namespace tandem
