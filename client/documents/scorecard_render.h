// Renderers of a scorecard: JSON (for programs; the shape is a contract,
// docs/scorecards.md), Markdown (for a terminal, a wiki or a chat) and HTML
// (one self-contained page that prints on A4; the PDF is made from it).
#ifndef CXSCORE_CLIENT_DOCUMENTS_SCORECARD_RENDER_H_
#define CXSCORE_CLIENT_DOCUMENTS_SCORECARD_RENDER_H_

#include <ostream>
#include <string>
#include <vector>

#include "client/documents/messages.h"
#include "client/documents/scorecard_document.h"
#include "client/documents/scorecard_text.h"
#include "nlohmann/json.hpp"

namespace cxscore::client {

nlohmann::ordered_json ScorecardJson(const ScorecardDocument& doc, Lang lang);
// Indented JSON and a newline; invalid UTF-8 becomes U+FFFD.
void WriteJsonDocument(const nlohmann::ordered_json& json, std::ostream& out);

void WriteScorecardMarkdown(const ScorecardDocument& doc, Lang lang,
                            std::ostream& out);

void WriteScorecardHtml(const ScorecardDocument& doc, Lang lang,
                        std::ostream& out);

// The "Read this first" box of the scorecard and the report pages; nothing
// when `warnings` is empty.
void WriteWarningsHtml(const std::vector<WarningView>& warnings, Lang lang,
                       std::ostream& out);

// The index page of `cxscore scorecards`: one row per agent, linking to
// `files[i]` (relative to the index).
void WriteScorecardIndexHtml(const std::string& team, const DayRange& period,
                             int32_t today,
                             const std::vector<ScorecardDocument>& docs,
                             const std::vector<std::string>& files, Lang lang,
                             std::ostream& out);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DOCUMENTS_SCORECARD_RENDER_H_
