// Building blocks of the HTML documents (scorecards, index, team report):
// escaping, the shared style sheet and inline SVG charts. Pages are one
// self-contained file: no scripts, no fonts or images from the network.
#ifndef CXSCORE_CLIENT_HTML_UTIL_H_
#define CXSCORE_CLIENT_HTML_UTIL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "client/messages.h"

namespace cxscore::client {

// Text for HTML content and attribute values (& < > " ').
std::string EscapeHtml(std::string_view text);

// The style sheet of every page: screen (a laptop, up to ~1000 px wide) and
// print (A4 portrait via @page).
std::string_view DocumentCss();

// <!DOCTYPE html> ... <main>: the page's head with `title` and the style.
std::string HtmlPageStart(Lang lang, std::string_view title);
// </main></body></html>
std::string_view HtmlPageEnd();

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

#endif  // CXSCORE_CLIENT_HTML_UTIL_H_
