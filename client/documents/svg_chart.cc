#include "client/documents/svg_chart.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/documents/html_page.h"

namespace cxscore::client {
namespace {

// Chart geometry in SVG user units; the SVG scales to its container.
constexpr double kWidth = 460, kHeight = 200;
constexpr double kLeft = 44, kRight = 24, kTop = 12, kBottom = 30;

std::string Coord(double v) { return absl::StrFormat("%.1f", v); }

double NiceStep(double range) {
  for (double step : {1.0, 2.0, 2.5, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0}) {
    if (range / step <= 5) return step;
  }
  return 100;
}

}  // namespace

const std::vector<std::string>& SeriesPalette() {
  static const std::vector<std::string> palette = {
      "#2458a6", "#c2410c", "#1b7a3d", "#7c3aed",
      "#0e7490", "#a16207", "#be185d", "#4b5563"};
  return palette;
}

std::string LineChartSvg(const LineChart& chart, const LocaleFormat& format) {
  // Value range of everything drawn.
  double lo = INFINITY, hi = -INFINITY;
  for (const ChartSeries& s : chart.series) {
    for (const auto* column : {&s.values, &s.lows, &s.highs}) {
      for (const auto& v : *column) {
        if (!v) continue;
        lo = std::min(lo, *v);
        hi = std::max(hi, *v);
      }
    }
  }
  if (lo > hi) {
    lo = chart.domain_min;
    hi = chart.domain_max;
  }
  if (hi - lo < 10) {
    const double mid = (hi + lo) / 2;
    lo = mid - 5;
    hi = mid + 5;
  }
  const double step = NiceStep(hi - lo);
  lo = std::max(chart.domain_min, std::floor(lo / step) * step);
  hi = std::min(chart.domain_max, std::ceil(hi / step) * step);
  if (hi <= lo) hi = lo + step;

  const size_t count = chart.x_labels.size();
  const double plot_w = kWidth - kLeft - kRight;
  const double plot_h = kHeight - kTop - kBottom;
  auto x = [&](size_t i) {
    return count <= 1 ? kLeft + plot_w / 2
                      : kLeft + plot_w * static_cast<double>(i) /
                                    static_cast<double>(count - 1);
  };
  auto y = [&](double v) {
    return kTop + plot_h * (1 - (std::clamp(v, lo, hi) - lo) / (hi - lo));
  };

  std::string svg =
      absl::StrCat("<svg viewBox=\"0 0 ", Coord(kWidth), " ", Coord(kHeight),
                   "\" role=\"img\" aria-labelledby=\"", chart.id, "-title ",
                   chart.id, "-desc\">\n<title id=\"", chart.id, "-title\">",
                   EscapeHtml(chart.title), "</title>\n<desc id=\"", chart.id,
                   "-desc\">", EscapeHtml(chart.desc), "</desc>\n");

  // Grid and value axis.
  svg += "<g font-size=\"11\" fill=\"#5b6475\">\n";
  for (double v = lo; v <= hi + 1e-9; v += step) {
    absl::StrAppend(&svg, "<line x1=\"", Coord(kLeft), "\" x2=\"",
                    Coord(kWidth - kRight), "\" y1=\"", Coord(y(v)), "\" y2=\"",
                    Coord(y(v)),
                    "\" stroke=\"#e5e8ee\" stroke-width=\"1\"/>\n");
    absl::StrAppend(&svg, "<text x=\"", Coord(kLeft - 6), "\" y=\"",
                    Coord(y(v) + 4), "\" text-anchor=\"end\">",
                    chart.percent ? format.Percent(v, 0) : format.Number(v, 0),
                    "</text>\n");
  }
  if (chart.domain_min < 0 && lo < 0 && hi > 0) {
    absl::StrAppend(&svg, "<line x1=\"", Coord(kLeft), "\" x2=\"",
                    Coord(kWidth - kRight), "\" y1=\"", Coord(y(0)), "\" y2=\"",
                    Coord(y(0)),
                    "\" stroke=\"#9aa3b2\" stroke-width=\"1\"/>\n");
  }
  // Period labels; thinned so that they do not collide.
  const size_t every = std::max<size_t>(1, (count + 7) / 8);
  for (size_t i = 0; i < count; ++i) {
    if (i % every != 0 && i + 1 != count) continue;
    absl::StrAppend(&svg, "<text x=\"", Coord(x(i)), "\" y=\"",
                    Coord(kHeight - 10), "\" text-anchor=\"middle\">",
                    EscapeHtml(chart.x_labels[i]), "</text>\n");
  }
  svg += "</g>\n";

  for (const ChartSeries& s : chart.series) {
    const size_t n = std::min(count, s.values.size());
    // Interval bands over runs of consecutive points with both bounds;
    // a lone point gets an error bar.
    size_t i = 0;
    while (i < n) {
      auto has_band = [&](size_t k) {
        return k < s.lows.size() && k < s.highs.size() && s.lows[k] &&
               s.highs[k];
      };
      if (!has_band(i)) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j + 1 < n && has_band(j + 1)) ++j;
      if (j == i) {
        absl::StrAppend(&svg, "<line x1=\"", Coord(x(i)), "\" x2=\"",
                        Coord(x(i)), "\" y1=\"", Coord(y(*s.lows[i])),
                        "\" y2=\"", Coord(y(*s.highs[i])), "\" stroke=\"",
                        s.color,
                        "\" stroke-opacity=\"0.35\" stroke-width=\"6\" "
                        "stroke-linecap=\"round\"/>\n");
      } else {
        std::string points;
        for (size_t k = i; k <= j; ++k) {
          absl::StrAppend(&points, Coord(x(k)), ",", Coord(y(*s.highs[k])),
                          " ");
        }
        for (size_t k = j + 1; k-- > i;) {
          absl::StrAppend(&points, Coord(x(k)), ",", Coord(y(*s.lows[k])), " ");
        }
        absl::StrAppend(&svg, "<polygon points=\"", points, "\" fill=\"",
                        s.color, "\" fill-opacity=\"0.14\"/>\n");
      }
      i = j + 1;
    }
    // The line, broken where a period has no value.
    std::string path;
    bool pen_down = false;
    for (size_t k = 0; k < n; ++k) {
      if (!s.values[k]) {
        pen_down = false;
        continue;
      }
      absl::StrAppend(&path, pen_down ? "L" : "M", Coord(x(k)), ",",
                      Coord(y(*s.values[k])), " ");
      pen_down = true;
    }
    if (!path.empty()) {
      absl::StrAppend(&svg, "<path d=\"", path, "\" fill=\"none\" stroke=\"",
                      s.color, "\" stroke-width=\"", s.dashed ? "1.6" : "2.2",
                      "\"", s.dashed ? " stroke-dasharray=\"5 4\"" : "",
                      " stroke-linejoin=\"round\"/>\n");
    }
    if (s.dashed) continue;
    for (size_t k = 0; k < n; ++k) {
      if (!s.values[k]) continue;
      absl::StrAppend(&svg, "<circle cx=\"", Coord(x(k)), "\" cy=\"",
                      Coord(y(*s.values[k])), "\" r=\"3.2\" fill=\"", s.color,
                      "\"/>\n");
      if (k < s.flagged.size() && s.flagged[k]) {
        absl::StrAppend(&svg, "<circle cx=\"", Coord(x(k)), "\" cy=\"",
                        Coord(y(*s.values[k])),
                        "\" r=\"7\" fill=\"none\" stroke=\"", s.color,
                        "\" stroke-width=\"1.5\"/>\n");
      }
    }
  }
  svg += "</svg>";
  return svg;
}

std::string ShareBarSvg(std::string_view id, std::string_view title,
                        std::string_view desc,
                        const std::vector<BarPart>& parts) {
  constexpr double kBarWidth = 600, kBarHeight = 24;
  const absl::string_view id_view = AbslView(id);
  std::string svg = absl::StrCat(
      "<svg viewBox=\"0 0 ", Coord(kBarWidth), " ", Coord(kBarHeight),
      "\" role=\"img\" aria-labelledby=\"", id_view, "-title ", id_view,
      "-desc\">\n<title id=\"", id_view, "-title\">", EscapeHtml(title),
      "</title>\n<desc id=\"", id_view, "-desc\">", EscapeHtml(desc),
      "</desc>\n");
  double total = 0;
  for (const BarPart& p : parts) total += std::max(p.share, 0.0);
  if (total <= 0) return svg + "</svg>";
  double at = 0;
  for (const BarPart& p : parts) {
    const double w = kBarWidth * std::max(p.share, 0.0) / total;
    if (w <= 0) continue;
    absl::StrAppend(&svg, "<rect x=\"", Coord(at), "\" y=\"0\" width=\"",
                    Coord(w), "\" height=\"", Coord(kBarHeight), "\" fill=\"",
                    p.color, "\"/>\n");
    // Roughly 6.5 units per character at this size.
    if (w > 6.5 * static_cast<double>(p.label.size()) + 12) {
      absl::StrAppend(&svg, "<text x=\"", Coord(at + w / 2), "\" y=\"",
                      Coord(kBarHeight / 2 + 4),
                      "\" text-anchor=\"middle\" font-size=\"12\" "
                      "font-weight=\"600\" fill=\"",
                      p.text_color, "\">", EscapeHtml(p.label), "</text>\n");
    }
    at += w;
  }
  svg += "</svg>";
  return svg;
}

}  // namespace cxscore::client
