// Renders the HTML scorecards and team report in real headless Chromium (Debian
// package chromium; skipped when it is not installed): screenshots at 1280 px
// (a laptop) and at A4 width (794 px = 210 mm at 96 dpi) must not be blank, the
// page must not overflow horizontally at either width, and the PDF must be
// A4. The shipped page has no script; the overflow check renders a copy with
// a probe script appended and reads its measurements back with --dump-dom.
// Screenshots stay in $CXSCORE_SCREENSHOT_DIR when set (to look at them).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "client/documents/pdf_export.h"
#include "client/documents/report_document.h"
#include "client/documents/scorecard_command.h"
#include "client/documents/scorecard_document.h"
#include "client/documents/scorecard_render.h"
#include "core/calendar.h"
#include "tests/client/documents/png_image.h"
#include "tests/client/documents/scorecard_world.h"
#include "tests/client/documents/scripted_cxscore_service.h"
#include "tests/client/golden_file.h"
#include "tests/client/subprocess.h"

namespace cxscore::client {
namespace {

constexpr int kLaptopWidth = 1280;
constexpr int kA4Width = 794;

struct Layout {
  int scroll_width = 0, client_width = 0, scroll_height = 0;
  int wide_elements = 0;  // elements reaching past the right edge
};

class ChromiumRenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::optional<std::string> chromium = FindChromium();
    if (!chromium) GTEST_SKIP() << "Chromium is not installed";
    chromium_ = *chromium;
    ASSERT_TRUE(work_.ok());
    const char* keep = std::getenv("CXSCORE_SCREENSHOT_DIR");
    shots_ = keep != nullptr && *keep != '\0' ? keep : work_.path();
    std::filesystem::create_directories(shots_);
    InstallScorecardWorld(server_.service());
  }

  std::string ScorecardHtml(const std::string& agent, Lang lang) {
    ScorecardRequest request;
    request.agent = agent;
    request.today = DayNumberOf(WorldNow());
    request.period = DefaultScorecardPeriod(request.today);
    CallOptions call;
    call.server = server_.address();
    auto stub = server_.NewStub();
    absl::StatusOr<ScorecardDocument> doc =
        FetchScorecard(*stub, request, call);
    EXPECT_TRUE(doc.ok()) << doc.status();
    std::ostringstream out;
    if (doc.ok()) WriteScorecardHtml(*doc, lang, out);
    return out.str();
  }

  std::string ReportHtml(Lang lang) {
    ReportSelection selection;
    selection.teams = {"blue"};
    const int32_t today = DayNumberOf(WorldNow());
    selection.period = DefaultScorecardPeriod(today);
    CallOptions call;
    call.server = server_.address();
    auto stub = server_.NewStub();
    absl::StatusOr<ReportDocument> doc =
        FetchReport(*stub, selection, today, call);
    EXPECT_TRUE(doc.ok()) << doc.status();
    std::ostringstream out;
    if (doc.ok()) WriteReportHtml(*doc, lang, out);
    return out.str();
  }

  std::string Write(const std::string& name, const std::string& text) {
    const std::string path = work_.path() + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  std::vector<std::string> Flags(int width, int height) {
    std::vector<std::string> args = {chromium_};
    const std::string profile =
        absl::StrCat(work_.path(), "/profile-", ++runs_);
    for (const std::string& f : HeadlessChromiumFlags(profile)) {
      args.push_back(f);
    }
    args.push_back("--force-device-scale-factor=1");
    args.push_back(absl::StrCat("--window-size=", width, ",", height));
    return args;
  }

  // Layout of `html` at `width` px, measured by a probe script in a copy.
  Layout Measure(const std::string& html, int width) {
    std::string probe = html;
    const std::string script =
        "<script>(function(){var d=document.documentElement,n=0;"
        "document.querySelectorAll('body *').forEach(function(e){"
        "if(e.getBoundingClientRect().right>d.clientWidth+0.5)n++;});"
        "d.setAttribute('data-probe','sw='+d.scrollWidth+';cw='+d.clientWidth"
        "+';sh='+d.scrollHeight+';wide='+n);})();</script>";
    probe.insert(probe.rfind("</body>"), script);
    const std::string path =
        Write(absl::StrCat("probe-", width, ".html"), probe);
    std::vector<std::string> args = Flags(width, 900);
    args.push_back("--dump-dom");
    args.push_back("file://" + path);
    ProcessResult r = RunProcess(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::smatch m;
    Layout layout;
    const std::regex re("sw=(\\d+);cw=(\\d+);sh=(\\d+);wide=(\\d+)");
    EXPECT_TRUE(std::regex_search(r.out, m, re)) << r.out.substr(0, 300);
    if (m.size() == 5) {
      layout = {std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]),
                std::stoi(m[4])};
    }
    return layout;
  }

  RgbImage Screenshot(const std::string& html_path, int width, int height,
                      const std::string& png) {
    std::vector<std::string> args = Flags(width, height);
    args.push_back("--screenshot=" + png);
    args.push_back("file://" + html_path);
    ProcessResult r = RunProcess(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    absl::StatusOr<RgbImage> image = DecodePng(ReadFile(png));
    EXPECT_TRUE(image.ok()) << image.status();
    return image.ok() ? *image : RgbImage{};
  }

  // Screenshots of the whole page at both widths; checks them.
  void CheckPage(const std::string& name, const std::string& html) {
    const std::string path = Write(name + ".html", html);
    for (int width : {kLaptopWidth, kA4Width}) {
      SCOPED_TRACE(absl::StrCat(name, " at ", width, " px"));
      const Layout layout = Measure(html, width);
      EXPECT_EQ(layout.client_width, width);
      EXPECT_LE(layout.scroll_width, layout.client_width)
          << "the page overflows horizontally";
      EXPECT_EQ(layout.wide_elements, 0);
      const int height = std::clamp(layout.scroll_height, 600, 8000);
      const std::string png =
          absl::StrCat(shots_, "/", name, "-", width, ".png");
      const RgbImage image = Screenshot(path, width, height, png);
      EXPECT_EQ(image.width, width);
      // A blank page has no ink; a text-only page such as the scorecards index
      // has about 3%, a page with charts 10% or more.
      EXPECT_GT(InkShare(image), 0.015) << png << " looks blank";
      EXPECT_GT(DistinctColors(image), 40) << png;
    }
    // And printed: A4 (595 x 842 points).
    const std::string pdf = absl::StrCat(shots_, "/", name, ".pdf");
    absl::Status status = HtmlToPdf(html, pdf, chromium_);
    ASSERT_TRUE(status.ok()) << status;
    const std::string bytes = ReadFile(pdf);
    EXPECT_EQ(bytes.substr(0, 5), "%PDF-");
    EXPECT_TRUE(std::regex_search(
        bytes, std::regex("/MediaBox \\[0 0 59[45]\\.?[0-9]* 84[12]")))
        << "not A4";
  }

  std::string chromium_;
  TempDir work_;
  std::string shots_;
  int runs_ = 0;
  ScriptedServer server_;
};

TEST_F(ChromiumRenderTest, ScorecardRendersAtLaptopAndA4Width) {
  CheckPage("scorecard-ann-en", ScorecardHtml("ann", Lang::kEn));
}

TEST_F(ChromiumRenderTest, DutchScorecardRendersAtLaptopAndA4Width) {
  CheckPage("scorecard-bob-nl", ScorecardHtml("bob", Lang::kNl));
}

TEST_F(ChromiumRenderTest, ScorecardsIndexRendersAtLaptopAndA4Width) {
  ScorecardsCommandOptions options;
  options.team = "blue";
  options.out_dir = work_.path() + "/team";
  options.document.now = WorldNow();
  options.document.call.server = server_.address();
  std::ostringstream out, err;
  auto stub = server_.NewStub();
  ASSERT_EQ(RunScorecardsCommand(*stub, options, out, err), 0) << err.str();
  CheckPage("scorecards-index-en", ReadFile(options.out_dir + "/index.html"));
}

TEST_F(ChromiumRenderTest, TeamReportRendersAtLaptopAndA4Width) {
  CheckPage("report-blue-en", ReportHtml(Lang::kEn));
}

}  // namespace
}  // namespace cxscore::client
