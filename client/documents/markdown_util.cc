#include "client/documents/markdown_util.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "absl/strings/str_cat.h"

namespace cxscore::client {

std::string EscapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!space) out.push_back(' ');
      space = true;
      continue;
    }
    space = false;
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
      case '|':
      case '~':
        out.push_back('\\');
        break;
      default:
        break;
    }
    out.push_back(c);
  }
  return out;
}

std::string MarkdownTable(const std::vector<std::string>& header,
                          const std::vector<bool>& right,
                          const std::vector<std::vector<std::string>>& rows) {
  std::string out = "|";
  for (const std::string& h : header) absl::StrAppend(&out, " ", h, " |");
  out += "\n|";
  for (size_t i = 0; i < header.size(); ++i) {
    out += i < right.size() && right[i] ? "---:|" : "---|";
  }
  out += "\n";
  for (const auto& row : rows) {
    out += "|";
    for (const std::string& cell : row) absl::StrAppend(&out, " ", cell, " |");
    out += "\n";
  }
  return out;
}

std::string MarkdownSparkline(
    const std::vector<std::optional<double>>& values) {
  static constexpr std::array<std::string_view, 8> kBlocks = {
      "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  double lo = INFINITY, hi = -INFINITY;
  for (const auto& v : values) {
    if (!v) continue;
    lo = std::min(lo, *v);
    hi = std::max(hi, *v);
  }
  if (lo > hi) return "";
  std::string out;
  for (const auto& v : values) {
    if (!v) {
      out += "·";
      continue;
    }
    int level =
        hi > lo ? static_cast<int>(std::lround((*v - lo) / (hi - lo) * 7)) : 3;
    out += kBlocks[std::clamp(level, 0, 7)];
  }
  return out;
}

std::string ShareBar(const std::vector<double>& shares,
                     const std::vector<std::string_view>& glyphs, int width) {
  const double total = std::accumulate(shares.begin(), shares.end(), 0.0);
  if (total <= 0) return "";
  std::vector<int> cells(shares.size());
  std::vector<std::pair<double, size_t>> remainders;
  int used = 0;
  for (size_t i = 0; i < shares.size(); ++i) {
    const double exact = shares[i] / total * width;
    cells[i] = static_cast<int>(std::floor(exact));
    used += cells[i];
    remainders.push_back({exact - cells[i], i});
  }
  std::stable_sort(
      remainders.begin(), remainders.end(),
      [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t k = 0; used < width && k < remainders.size(); ++k, ++used) {
    ++cells[remainders[k].second];
  }
  std::string out;
  for (size_t i = 0; i < shares.size(); ++i) {
    for (int c = 0; c < cells[i]; ++c) out += glyphs[i];
  }
  return out;
}

}  // namespace cxscore::client
