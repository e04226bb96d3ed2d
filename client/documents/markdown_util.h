// Small helpers of the Markdown renderers (scorecard, team report).
#ifndef CXSCORE_CLIENT_DOCUMENTS_MARKDOWN_UTIL_H_
#define CXSCORE_CLIENT_DOCUMENTS_MARKDOWN_UTIL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cxscore::client {

// Text from the data (ids, comments) made inert in Markdown: special
// characters are backslash-escaped and line breaks become spaces.
std::string EscapeMarkdown(std::string_view text);

// A pipe table; `right[i]` right-aligns column i. Cells are written as
// given (escape data first).
std::string MarkdownTable(const std::vector<std::string>& header,
                          const std::vector<bool>& right,
                          const std::vector<std::vector<std::string>>& rows);

// One block character per value (▁..█) scaled between the values' minimum
// and maximum; "·" for a missing value; "" when no value is present.
std::string MarkdownSparkline(const std::vector<std::optional<double>>& values);

// A bar of `width` characters split by shares (percent, summing to ~100)
// with the given glyphs; largest-remainder rounding keeps the width exact.
std::string ShareBar(const std::vector<double>& shares,
                     const std::vector<std::string_view>& glyphs, int width);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DOCUMENTS_MARKDOWN_UTIL_H_
