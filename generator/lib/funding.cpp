// Placeholder until the funding data loader lands: no data, every block an error.
#include "funding.hpp"

namespace tandem {

struct FundingData::Impl {};

bool FundingData::Load(const std::string&, Diagnostics&) { return true; }
bool FundingData::empty() const { return true; }

std::optional<std::string> FundingData::RenderTable(std::string_view, int line, FundingContext& ctx,
                                                    Diagnostics& diags) const {
  diags.Error({ctx.source_path, ctx.first_line + line - 1, 1}, "funding tables are not supported yet");
  return std::nullopt;
}

std::optional<std::string> FundingData::RenderFigure(std::string_view, int line, int column, FundingContext& ctx,
                                                     Diagnostics& diags) const {
  diags.Error({ctx.source_path, ctx.first_line + line - 1, column}, "funding figures are not supported yet");
  return std::nullopt;
}

}  // namespace tandem
