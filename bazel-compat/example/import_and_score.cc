// import_and_score SERVER FILE: imports FILE (canonical responses CSV) into
// the cxscored at SERVER, then prints the overall scores as a Snapshot.
#include <fstream>
#include <iostream>

#include "client/import/csv_import.h"
#include "client/rpc.h"
#include "cxscore/v1/cxscore.grpc.pb.h"
#include "grpcpp/grpcpp.h"
#include "snapshot.pb.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: import_and_score SERVER FILE\n";
    return 2;
  }
  auto stub = cxscore::v1::CxScore::NewStub(cxscore::client::MakeChannel(argv[1]));
  std::ifstream in(argv[2], std::ios::binary);
  cxscore::client::ImportOptions options;
  options.server = argv[1];
  auto report = cxscore::client::ImportCsv(*stub, in, argv[2], options, nullptr);
  if (!report.ok()) {
    std::cerr << report.status() << "\n";
    return 1;
  }
  std::cout << cxscore::client::SummaryLine(*report) << "\n";

  cxscore_example::Snapshot snapshot;
  snapshot.set_label(argv[2]);
  grpc::ClientContext context;
  grpc::Status status = stub->GetScores(&context, cxscore::v1::GetScoresRequest(),
                                        snapshot.mutable_scores());
  if (!status.ok()) {
    std::cerr << status.error_message() << "\n";
    return 1;
  }
  std::cout << snapshot.DebugString();
  return 0;
}
