// A group's key (KeyPart list) as every query command prints it: a JSON
// object, CSV cells and a line of text.
#ifndef CXSCORE_CLIENT_COMMANDS_GROUP_KEY_H_
#define CXSCORE_CLIENT_COMMANDS_GROUP_KEY_H_

#include <string>
#include <vector>

#include "client/commands/scores_query.h"
#include "client/printers/json_format.h"
#include "cxscore/v1/cxscore.pb.h"
#include "google/protobuf/repeated_ptr_field.h"

namespace cxscore::client {

using Key = google::protobuf::RepeatedPtrField<v1::KeyPart>;

// One entry per key part, named as on the command line (KeyPartName), in
// the order of the parts; null for an unattributed value; {} for no parts.
Json KeyToJson(const Key& key);

// One CSV cell per column of `columns` (Grouping::ColumnNames): the key's
// value, "" when unattributed or when the key has no such part.
std::vector<std::string> KeyCsvCells(const Key& key,
                                     const std::vector<std::string>& columns);

// "channel email, agent (none)": each grouped dimension and its value, "-"
// when the key has no such part; "all" without grouping.
std::string KeyText(const Key& key, const Grouping& grouping);

}  // namespace cxscore::client

#endif  // CXSCORE_CLIENT_COMMANDS_GROUP_KEY_H_
