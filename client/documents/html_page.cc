#include "client/documents/html_page.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace cxscore::client {

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string_view DocumentCss() {
  return R"css(
:root {
  --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --soft: #f4f6f9;
  --accent: #2458a6; --better: #1b7a3d; --worse: #b42318; --warn: #9a6700;
}
* { box-sizing: border-box; }
html {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
    "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  color: var(--ink); background: #fff; font-size: 15px; line-height: 1.45;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
body { margin: 0; }
main { max-width: 1000px; margin: 0 auto; padding: 28px 32px 40px; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 6px; }
h2 {
  font-size: 1.1rem; margin: 28px 0 10px; padding-bottom: 4px;
  border-bottom: 1px solid var(--line);
}
h3 { font-size: 1rem; margin: 0 0 4px; }
p { margin: 0 0 8px; }
.doc-header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; }
.kicker {
  color: var(--accent); font-weight: 700; font-size: .8rem;
  letter-spacing: .08em; text-transform: uppercase; margin: 0 0 2px;
}
.meta { display: flex; flex-wrap: wrap; gap: 2px 22px; margin: 0; color: var(--muted); }
.meta div { display: flex; gap: 6px; }
.meta dt { font-weight: 600; color: var(--ink); }
.meta dd { margin: 0; }
.caption { color: var(--muted); font-size: .88rem; margin: -4px 0 10px; }
.warnings {
  margin: 16px 0 0; padding: 10px 14px 10px 16px; background: #fff8e6;
  border-left: 4px solid #d4a72c; border-radius: 0 6px 6px 0;
}
.warnings h2 { border: 0; margin: 0 0 4px; padding: 0; font-size: .95rem; color: var(--warn); }
.warnings ul { margin: 0; padding-left: 18px; }
.warnings li { margin: 2px 0; }
.cards { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px 12px; }
.card h3 { font-size: .78rem; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; margin: 0; }
.card .value { font-size: 1.9rem; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; }
.card .sub { font-size: .82rem; color: var(--muted); font-variant-numeric: tabular-nums; }
.badge {
  display: inline-block; padding: 1px 9px; border-radius: 999px;
  font-size: .78rem; font-weight: 600; white-space: nowrap;
  background: #eef0f4; color: var(--muted); border: 1px solid transparent;
}
.badge.better { background: #e3f4e8; color: var(--better); border-color: #b7e0c3; }
.badge.worse { background: #fde7e5; color: var(--worse); border-color: #f5c0ba; }
.points { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.6fr); gap: 16px; }
.points section h2 { margin-top: 22px; }
.point {
  border-left: 4px solid var(--line); background: var(--soft);
  border-radius: 0 6px 6px 0; padding: 9px 12px; margin: 0 0 10px;
}
.point.strength { border-color: var(--better); }
.point.focus { border-color: var(--worse); }
.point p { font-size: .9rem; margin: 2px 0 0; }
.point .why { color: var(--muted); }
.empty { color: var(--muted); font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin-bottom: 14px; }
caption { text-align: left; color: var(--muted); font-size: .85rem; padding-bottom: 6px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { font-size: .78rem; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); }
tbody th { font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.ci { color: var(--muted); font-size: .78rem; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--line); }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 14px 22px; }
figure { margin: 0; }
figure h3 { font-size: .9rem; }
figcaption { font-size: .82rem; color: var(--muted); }
svg { display: block; width: 100%; height: auto; }
svg text { font-family: inherit; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: .82rem; color: var(--muted); margin: 6px 0 0; padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
.swatch.line { height: 3px; border-radius: 0; width: 18px; }
.swatch.dashed { height: 0; border-top: 2px dashed; width: 18px; background: none !important; }
.comments { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
blockquote {
  margin: 0 0 10px; padding: 8px 12px; background: var(--soft);
  border-left: 3px solid var(--line); border-radius: 0 6px 6px 0;
}
blockquote.detractor { border-left-color: var(--worse); }
blockquote.promoter { border-left-color: var(--better); }
blockquote p { margin: 0; overflow-wrap: anywhere; }
blockquote footer { color: var(--muted); font-size: .8rem; margin-top: 4px; }
.method { margin-top: 30px; padding-top: 10px; border-top: 1px solid var(--line); font-size: .8rem; color: var(--muted); }
.method h2 { font-size: .9rem; border: 0; margin: 0 0 4px; padding: 0; color: var(--ink); }
a { color: var(--accent); }
td, th { overflow-wrap: break-word; }
.point, blockquote { overflow-wrap: anywhere; }
.mark { font-size: .8rem; margin-left: 4px; }
.mark.better { color: var(--better); }
.mark.worse { color: var(--worse); }
.sr {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap;
}
@page { size: A4 portrait; margin: 14mm 12mm 14mm 12mm; }
figure.bar { max-width: 720px; }
@media print {
  html { font-size: 9pt; }
  main { max-width: none; padding: 0; }
  h2 { margin: 16px 0 6px; }
  .card .value { font-size: 1.6rem; }
  th, td { padding: 4px 6px; }
  h2 { break-after: avoid; }
  .card, .point, figure, blockquote, tr, .warnings { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
@media (max-width: 700px) {
  main { padding: 18px 14px 30px; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .points, .charts, .comments { grid-template-columns: minmax(0, 1fr); }
}
)css";
}

std::string HtmlPageStart(Lang lang, std::string_view title) {
  return absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"", AbslView(LangCode(lang)),
      "\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<meta name=\"generator\" content=\"cxscore\">\n"
      "<title>",
      EscapeHtml(title), "</title>\n<style>", AbslView(DocumentCss()),
      "</style>\n</head>\n<body>\n<main>\n");
}

std::string_view HtmlPageEnd() { return "</main>\n</body>\n</html>\n"; }

}  // namespace cxscore::client
