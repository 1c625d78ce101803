#include "serve/live_reload.hpp"

#include "support/text.hpp"

namespace tandem {

namespace {

// EventSource reconnects on its own after a restart of the server; a "reload" event means a
// build finished, well or not: the page then shows the new output, or the overlay.
const std::string_view kScript =
    "<script>(function(){var s=new EventSource(\"/__tandem/events\");"
    "s.addEventListener(\"reload\",function(){s.close();location.reload();});})();</script>";

const std::string_view kOverlayStyle =
    "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;"
    "background:#1b1b1b;color:#f5f5f5;font:15px/1.5 monospace;text-align:left";

}  // namespace

std::string ErrorOverlay(std::string_view errors) {
  if (errors.empty()) return {};
  std::string html = "<div id=\"tandem-error-overlay\" role=\"alert\" style=\"";
  html.append(kOverlayStyle).append("\">");
  html +=
      "<p style=\"margin:0 0 1rem;font-weight:bold;color:#ff8a80\">tandem: the build failed. "
      "This page is the last good build; save a fix and it reloads.</p>";
  html += "<pre style=\"margin:0;white-space:pre-wrap;font:inherit\">" + EscapeHtml(errors) + "</pre></div>";
  return html;
}

std::string InjectLiveReload(std::string html, std::string_view overlay) {
  std::string insert = std::string(overlay) + std::string(kScript);
  size_t body = html.rfind("</body>");
  if (body == std::string::npos) body = html.size();
  html.insert(body, insert);
  return html;
}

std::string FallbackNotFoundPage() {
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>404</title></head>"
         "<body><h1>404</h1><p>No file here (the site has no 404.html yet).</p></body></html>\n";
}

std::string BuildingPage() {
  return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"1\">"
         "<title>Building the site… / Construction du site…</title></head><body>"
         "<p lang=\"en\">tandem is building the site. This page reloads when it is ready.</p>"
         "<p lang=\"fr\">tandem construit le site. Cette page se recharge dès qu’il est prêt.</p>"
         "</body></html>\n";
}

}  // namespace tandem
