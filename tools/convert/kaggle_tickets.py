#!/usr/bin/python3
"""Converts the Kaggle "Customer Support Ticket Dataset" (suraj520; see
../shared/data/README.md) into cxscore's canonical CSV.

Usage: kaggle_tickets.py INPUT.csv OUT_DIR
Writes OUT_DIR/interactions.csv (every ticket) and OUT_DIR/responses.csv
(tickets with a Customer Satisfaction Rating, as CSAT 1..5).

Mapping decisions (the data set has no ticket-open time and no agent):
- interaction_id / response_id: "kaggle-<Ticket ID>".
- channel: Ticket Channel as is (Email, Phone, Chat, Social media).
- opened_at and first_response_at: First Response Time (UTC assumed).
- closed_at: Time to Resolution, left empty when it precedes the first
  response (about half the rated rows: a known quirk of this synthetic set).
- submitted_at: Time to Resolution, else First Response Time.
- customer_id: empty (the source holds names and e-mails; not copied).
- attr.product, attr.priority, attr.type: kept for segmentation.
"""

import csv
import pathlib
import sys


def rfc3339(value):
    value = value.strip()
    return value.replace(" ", "T") + "Z" if value else ""


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    source, out_dir = pathlib.Path(argv[1]), pathlib.Path(argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    with source.open(encoding="utf-8", newline="") as f, \
         (out_dir / "interactions.csv").open("w", encoding="utf-8", newline="") as fi, \
         (out_dir / "responses.csv").open("w", encoding="utf-8", newline="") as fr:
        interactions = csv.writer(fi, lineterminator="\n")
        responses = csv.writer(fr, lineterminator="\n")
        interactions.writerow(
            ["interaction_id", "agent_id", "team_id", "channel", "customer_id",
             "opened_at", "first_response_at", "closed_at", "reopens", "transfers",
             "first_contact_resolution", "attr.product", "attr.priority", "attr.type"])
        responses.writerow(
            ["response_id", "interaction_id", "agent_id", "team_id", "channel",
             "customer_id", "submitted_at", "nps", "csat", "ces", "ves_ability",
             "ves_confidence", "comment", "attr.product", "attr.priority",
             "attr.type"])
        for row in csv.DictReader(f):
            ticket = "kaggle-" + row["Ticket ID"]
            first = rfc3339(row["First Response Time"])
            resolved = rfc3339(row["Time to Resolution"])
            if not first:
                continue  # never answered: no time to anchor the ticket on
            closed = resolved if resolved and resolved >= first else ""
            attrs = [row["Product Purchased"], row["Ticket Priority"], row["Ticket Type"]]
            interactions.writerow([ticket, "", "", row["Ticket Channel"], "", first,
                                   first, closed, "", "", "", *attrs])
            rating = row["Customer Satisfaction Rating"].strip()
            if rating:
                responses.writerow([ticket, ticket, "", "", row["Ticket Channel"], "",
                                    resolved or first, "", int(float(rating)), "",
                                    "", "", "", *attrs])


if __name__ == "__main__":
    main(sys.argv)
