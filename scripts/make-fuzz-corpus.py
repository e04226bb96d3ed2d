#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets: tests/fuzz/corpus/<target>/.

Each seed is a small, valid (or nearly valid) input of its target, so that
the fuzzers start from the formats rather than from nothing: CSV files,
cell texts, protobuf request bytes, stored cells and stored records. The
protobuf and cell bytes are encoded here by hand (varints, zigzag,
length-delimited fields), following cxscore.proto, storage/records.proto
and storage/sparse_cell.h. Rerun after changing a format:

  scripts/make-fuzz-corpus.py            # rewrites tests/fuzz/corpus
"""
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests/fuzz/corpus"


# --- encoding helpers -------------------------------------------------------

def varint(v):
    v &= (1 << 64) - 1
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def zigzag(v):
    return ((v << 1) ^ (v >> 63)) & ((1 << 64) - 1)


def f_varint(field, v):
    return varint(field << 3) + varint(v)


def f_bytes(field, data):
    if isinstance(data, str):
        data = data.encode()
    return varint((field << 3) | 2) + varint(len(data)) + data


def timestamp(seconds, nanos=0):
    return f_varint(1, seconds) + (f_varint(2, nanos) if nanos else b"")


def map_entry(field, key, value):
    return f_bytes(field, f_bytes(1, key) + f_bytes(2, value))


def cell(fields):
    """A sparse cell (storage/sparse_cell.h): version 1, then (id, zigzag)."""
    out = b"\x01"
    for field_id, value in fields:
        out += varint(field_id) + varint(zigzag(value))
    return out


def driver_field(pair_id, row, column):
    return ((pair_id * 16 + row) << 12) | column


# --- seeds ------------------------------------------------------------------

T0 = 1739439000  # 2025-02-13T09:30:00Z


def csv_reader_seeds():
    return {
        "plain.csv": b"a,b,c\n1,2,3\n",
        "quoted.csv": b'id,comment\nr1,"said ""hi"",\nthen left"\r\nr2,x\r\n',
        "bom_cr.csv": b"\xef\xbb\xbfa,b\r1,2\r\r3,4",
        "unterminated.csv": b'a,b\n1,"open\n2,3\n',
        "stray_quote.csv": b'a,b\n1,x"y\n"q"z,2\n',
        "empty_fields.csv": b",,\n\n,\n",
    }


def cell_values_seeds():
    return {
        "int": b"42", "negative": b" -7 ", "int_max": b"2147483647",
        "bool_true": b"true", "bool_no": b"No", "bool_one": b"1",
        "rfc3339_z": b"2025-02-13T09:30:00Z",
        "rfc3339_offset": b"2025-02-13T10:30:00.25+01:00",
        "rfc3339_year1": b"0001-01-01T00:00:00Z",
        "date": b"2025-02-13", "utf8": "h\u00e9llo \u20ac".encode(),
        "overlong_utf8": b"\xc0\xaf", "surrogate": b"\xed\xa0\x80",
    }


def record_parser_seeds():
    interactions = (
        b"interaction_id,agent_id,team_id,channel,customer_id,opened_at,"
        b"first_response_at,closed_at,reopens,transfers,"
        b"first_contact_resolution,attr.plan\n"
        b"t1,a1,team,email,c1,2025-02-13T09:30:00Z,2025-02-13T09:45:00Z,"
        b"2025-02-14T09:30:00Z,0,1,yes,gold\n"
        b"t2,,,,,2025-02-13T09:30:00+01:00,,,,,,\n")
    responses = (
        b"response_id,interaction_id,agent_id,team_id,channel,customer_id,"
        b"submitted_at,nps,csat,ces,ves_ability,ves_confidence,comment,"
        b"attr.region\n"
        b"r1,t1,a1,team,chat,c1,2025-02-13T09:30:00Z,9,4,6,5,6,"
        b"\"fast, \"\"friendly\"\"\",eu\n"
        b"r2,,,,,,2025-02-13T09:30:00Z,x,,,,,,\n")
    return {
        "interactions.csv": b"\x00" + interactions,
        "responses.csv": b"\x01" + responses,
        "minimal_responses.csv": b"\x01response_id,nps\nr1,10\n",
        "bad_header.csv": b"\x00interaction_id,interaction_id,bogus\n",
    }


def interaction_proto():
    return (f_bytes(1, "t1") + f_bytes(2, "a1") + f_bytes(3, "team") +
            f_bytes(4, "email") + f_bytes(5, "c1") +
            f_bytes(6, timestamp(T0)) + f_bytes(7, timestamp(T0 + 900)) +
            f_bytes(8, timestamp(T0 + 86400, 5)) + f_varint(9, 1) +
            f_varint(10, 0) + f_varint(11, 1) +
            map_entry(12, "plan", "gold"))


def response_proto():
    return (f_bytes(1, "r1") + f_bytes(2, "t1") + f_bytes(3, "a1") +
            f_bytes(4, "team") + f_bytes(5, "chat") + f_bytes(6, "c1") +
            f_bytes(7, timestamp(T0)) + f_varint(8, 9) + f_varint(9, 4) +
            f_varint(10, 6) + f_varint(11, 5) + f_varint(12, 6) +
            f_bytes(13, "fast") + map_entry(14, "region", "eu"))


def selection_proto():
    return (f_bytes(1, timestamp(T0 - 30 * 86400)) + f_bytes(2, timestamp(T0)) +
            f_bytes(3, "a1") + f_bytes(5, "chat"))


def request_seeds():
    scores = (f_varint(1, 1) + f_varint(1, 4) + f_bytes(2, timestamp(T0 - 86400)) +
              f_bytes(3, timestamp(T0)) + f_bytes(4, "a1") + f_varint(7, 1) +
              f_bytes(8, timestamp(T0 - 172800)) +
              f_bytes(9, timestamp(T0 - 86400)))
    scores_attr = (f_varint(1, 7) + f_bytes(2, timestamp(T0 - 86400)) +
                   f_bytes(3, timestamp(T0)) + f_bytes(10, "plan"))
    drivers = (f_bytes(1, selection_proto()) + f_varint(2, 2) + f_varint(2, 5) +
               f_varint(3, 0) + f_varint(4, 7) + f_bytes(5, "plan"))
    trend = (f_bytes(1, selection_proto()) + f_varint(2, 1) + f_varint(3, 1) +
             f_varint(4, 5) + f_varint(5, 1))
    return {
        "interaction": b"\x00" + interaction_proto(),
        "response": b"\x01" + response_proto(),
        "scores": b"\x02" + scores,
        "scores_attribute": b"\x02" + scores_attr,
        "drivers": b"\x03" + drivers,
        "trend": b"\x04" + trend,
        "selection": b"\x05" + selection_proto(),
    }


def cell_seeds():
    sep = b"|cx|"
    rollup = cell([(0, 1), (9, 3), (18, 2), (30, 1), (40, 1), (52, 1),
                   (60, 1), (64, 2), (65, 1), (66, 90000), (75, 3),
                   (1024 + 600, 1), (4096 + 2206, -1)])
    rollup_negative = cell([(9, -3), (64, -1), (1024 + 600, -1)])
    driver = cell([(driver_field(0, 9, 500), 2), (driver_field(4, 10, 1), 1),
                   (driver_field(8, 4, 4095), 1),
                   (driver_field(19, 12, 0), -1)])
    big = cell([(3, (1 << 63) - 1)])
    return {
        "rollup": rollup,
        "driver": driver,
        "empty": b"\x01",
        "merge_rollups": rollup + sep + rollup_negative + sep + rollup,
        "merge_drivers": driver + sep + driver,
        "merge_no_existing": sep + rollup + sep + rollup_negative,
        "merge_overflow": big + sep + cell([(3, 1)]),
        "rollup_key": b"\x00" + varint(2) + b"a1" + b"\x80\x00\x4e\x20",
    }


def record_codec_seeds():
    stored_interaction = (
        f_bytes(1, "t1") + f_bytes(2, "a1") + f_bytes(3, "team") +
        f_bytes(4, "email") + f_bytes(5, "c1") + f_varint(6, T0 * 10**6) +
        f_varint(7, (T0 + 900) * 10**6) + f_varint(8, (T0 + 86400) * 10**6) +
        f_varint(9, 2) + f_varint(10, 1) + f_varint(11, 1) +
        map_entry(12, "plan", "gold"))
    stored_response = (
        f_bytes(1, "r1") + f_bytes(2, "t1") + f_bytes(3, "a1") +
        f_bytes(4, "team") + f_bytes(5, "chat") + f_bytes(6, "c1") +
        f_varint(7, T0 * 10**6) + f_varint(8, 9) + f_varint(9, 4) +
        f_varint(10, 6) + f_varint(11, 5) + f_varint(12, 6) +
        f_bytes(13, "fast") + map_entry(14, "region", "eu"))
    return {
        "interaction": stored_interaction,
        "response": stored_response,
        "negative_time": f_bytes(1, "t") + f_varint(6, -1),
        "empty": b"",
    }


SEEDS = {
    "csv_reader_fuzzer": csv_reader_seeds,
    "cell_values_fuzzer": cell_values_seeds,
    "record_parser_fuzzer": record_parser_seeds,
    "request_fuzzer": request_seeds,
    "cell_fuzzer": cell_seeds,
    "record_codec_fuzzer": record_codec_seeds,
}


def main():
    for target, seeds in SEEDS.items():
        folder = CORPUS / target
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for name, data in seeds().items():
            (folder / name).write_bytes(data)
    print(f"make-fuzz-corpus: {sum(len(s()) for s in SEEDS.values())} seeds "
          f"for {len(SEEDS)} targets in {CORPUS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
