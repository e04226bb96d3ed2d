// cxscore-datagen: writes the synthetic data set as canonical CSV files
// (DIR/interactions.csv and DIR/responses.csv), for `cxscore import` and for
// bench/compare. Same flags, same bytes.
#include <cstdio>
#include <filesystem>
#include <future>
#include <iostream>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "bench/datagen/csv.h"
#include "bench/datagen/datagen.h"
#include "bench/datagen/flags.h"

namespace {

struct Chunk {
  std::string interactions, responses;
};

Chunk Render(const cxscore::bench::DataGenerator& gen, int64_t begin,
             int64_t end) {
  Chunk chunk;
  chunk.interactions.reserve((end - begin) * 130);
  chunk.responses.reserve((end - begin) * 110);
  cxscore::Interaction interaction;
  cxscore::SurveyResponse response;
  for (int64_t i = begin; i < end; ++i) {
    gen.Generate(i, &interaction, &response);
    cxscore::bench::AppendCsvRow(interaction, &chunk.interactions);
    cxscore::bench::AppendCsvRow(response, &chunk.responses);
  }
  return chunk;
}

bool WriteAll(std::FILE* f, const std::string& s) {
  return std::fwrite(s.data(), 1, s.size(), f) == s.size();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "cxscore-datagen: deterministic synthetic interactions and survey "
      "responses as canonical CSV"};
  cxscore::bench::DataGenFlags flags;
  cxscore::bench::AddDataGenFlags(app, &flags);
  std::string out_dir;
  int threads = 2;
  app.add_option("--out", out_dir,
                 "directory for interactions.csv and responses.csv")
      ->required();
  app.add_option("--threads", threads, "generator threads")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  if (absl::Status s = cxscore::bench::FinishDataGenFlags(&flags); !s.ok()) {
    std::cerr << "cxscore-datagen: " << s.message() << "\n";
    return 2;
  }

  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  const std::string ipath = out_dir + "/interactions.csv";
  const std::string rpath = out_dir + "/responses.csv";
  std::FILE* fi = std::fopen(ipath.c_str(), "wb");
  std::FILE* fr = std::fopen(rpath.c_str(), "wb");
  if (fi == nullptr || fr == nullptr) {
    std::cerr << "cxscore-datagen: cannot write to " << out_dir << "\n";
    return 2;
  }
  const cxscore::bench::DataGenerator gen(flags.options);
  bool ok = WriteAll(fi, cxscore::bench::InteractionsCsvHeader()) &&
            WriteAll(fr, cxscore::bench::ResponsesCsvHeader());
  constexpr int64_t kChunk = 1 << 16;
  const int64_t n = flags.options.n;
  for (int64_t begin = 0; ok && begin < n; begin += kChunk * threads) {
    std::vector<std::future<Chunk>> parts;
    for (int t = 0; t < threads; ++t) {
      const int64_t b = begin + t * kChunk;
      if (b >= n) break;
      const int64_t e = std::min(n, b + kChunk);
      parts.push_back(std::async(std::launch::async, Render, std::cref(gen), b, e));
    }
    for (auto& part : parts) {
      Chunk chunk = part.get();
      ok = ok && WriteAll(fi, chunk.interactions) && WriteAll(fr, chunk.responses);
    }
  }
  ok = (std::fclose(fi) == 0) && ok;
  ok = (std::fclose(fr) == 0) && ok;
  if (!ok) {
    std::cerr << "cxscore-datagen: write error in " << out_dir << "\n";
    return 1;
  }
  std::cerr << "cxscore-datagen: " << n << " interactions and " << n
            << " responses in " << out_dir << "\n";
  return 0;
}
