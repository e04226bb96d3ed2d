// The frame of the HTML documents (scorecards, index, team report):
// escaping, the shared style sheet, the page's head and end. Pages are one
// self-contained file: no scripts, no fonts or images from the network.
#ifndef CXSCORE_CLIENT_DOCUMENTS_HTML_PAGE_H_
#define CXSCORE_CLIENT_DOCUMENTS_HTML_PAGE_H_

#include <string>
#include <string_view>

#include "client/documents/messages.h"

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

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_DOCUMENTS_HTML_PAGE_H_
