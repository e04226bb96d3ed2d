// Inline SVG charts of the HTML documents: a line chart with interval
// bands and a share bar, each with a text alternative for screen readers.
#ifndef CXSCORE_CLIENT_DOCUMENTS_SVG_CHART_H_
#define CXSCORE_CLIENT_DOCUMENTS_SVG_CHART_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/documents/messages.h"

namespace cxscore::client {

// One series of a line chart; points align with the chart's x labels.
struct ChartSeries {
  std::string name;  // for the text alternative
  std::vector<std::optional<double>> values;
  // Interval band (drawn when both are present at a point).
  std::vector<std::optional<double>> lows, highs;
  std::vector<bool> flagged;  // a ring around the point (e.g. a change)
  std::string color;          // CSS color
  bool dashed = false;
};

struct LineChart {
  std::string id;     // unique in the page (for aria-labelledby)
  std::string title;  // <title>: what the chart shows
  std::string desc;   // <desc>: the numbers, for screen readers
  std::vector<std::string> x_labels;
  std::vector<ChartSeries> series;
  // The value axis: the data's range padded to round steps, kept inside
  // [domain_min, domain_max].
  double domain_min = 0, domain_max = 100;
  bool percent = true;  // axis labels with %
};

// An inline <svg role="img"> with <title> and <desc>, scaling to its box.
std::string LineChartSvg(const LineChart& chart, const LocaleFormat& format);

// A horizontal bar split into parts (shares in percent), labelled inside
// when there is room.
struct BarPart {
  std::string label;  // "60% promoters"
  double share = 0;
  std::string color;
  std::string text_color = "#fff";
};
std::string ShareBarSvg(std::string_view id, std::string_view title,
                        std::string_view desc,
                        const std::vector<BarPart>& parts);

// Colors of the charts, shared by the pages' legends.
inline constexpr std::string_view kAgentColor = "#2458a6";
inline constexpr std::string_view kTeamColor = "#6b7280";
inline constexpr std::string_view kPromoterColor = "#1b7a3d";
inline constexpr std::string_view kPassiveColor = "#b8bec9";
inline constexpr std::string_view kDetractorColor = "#b42318";
// Distinct line colors for several series (channels).
const std::vector<std::string>& SeriesPalette();

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DOCUMENTS_SVG_CHART_H_
