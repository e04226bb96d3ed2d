#!/usr/bin/python3
"""Converts the Olist e-commerce sample (see ../shared/data/README.md) into
cxscore's canonical CSV.

Usage: olist.py OLIST_SAMPLE_DIR OUT_DIR
Writes OUT_DIR/interactions.csv (orders) and OUT_DIR/responses.csv (reviews).

Mapping decisions:
- An order is an interaction: opened_at = purchase, first_response_at =
  approval, closed_at = delivery to the customer (empty when not delivered
  or when delivery precedes purchase); agent_id = the seller of the order's
  first item; channel "web"; attr.status = order_status.
- A review is a response: response_id = review_id + ":" + order_id (review_id
  alone is not unique in this data), interaction_id = order_id, csat =
  review_score (1..5), submitted_at = review_answer_timestamp, comment =
  title and message joined (Portuguese), agent as the order's seller.
- customer_id is the order's customer_id (an opaque hash in the source).
- Timestamps are taken as UTC (the source has no zone).
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
    src, out = pathlib.Path(argv[1]), pathlib.Path(argv[2])
    out.mkdir(parents=True, exist_ok=True)

    def rows(name):
        with (src / name).open(encoding="utf-8", newline="") as f:
            yield from csv.DictReader(f)

    seller = {}
    for item in rows("olist_order_items_dataset.csv"):
        if item["order_item_id"] == "1":
            seller[item["order_id"]] = item["seller_id"]

    orders = {}
    with (out / "interactions.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["interaction_id", "agent_id", "team_id", "channel", "customer_id",
                    "opened_at", "first_response_at", "closed_at", "reopens",
                    "transfers", "first_contact_resolution", "attr.status"])
        for o in rows("olist_orders_dataset.csv"):
            opened = rfc3339(o["order_purchase_timestamp"])
            approved = rfc3339(o["order_approved_at"])
            delivered = rfc3339(o["order_delivered_customer_date"])
            if approved and approved < opened:
                approved = ""
            if delivered and delivered < opened:
                delivered = ""
            orders[o["order_id"]] = o
            w.writerow([o["order_id"], seller.get(o["order_id"], ""), "", "web",
                        o["customer_id"], opened, approved, delivered, "", "", "",
                        o["order_status"]])

    with (out / "responses.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["response_id", "interaction_id", "agent_id", "team_id", "channel",
                    "customer_id", "submitted_at", "nps", "csat", "ces", "ves_ability",
                    "ves_confidence", "comment"])
        for r in rows("olist_order_reviews_dataset.csv"):
            order = orders.get(r["order_id"])
            comment = " - ".join(p.strip() for p in
                                 (r["review_comment_title"], r["review_comment_message"])
                                 if p.strip())
            w.writerow([f'{r["review_id"]}:{r["order_id"]}', r["order_id"],
                        seller.get(r["order_id"], ""), "", "web",
                        order["customer_id"] if order else "",
                        rfc3339(r["review_answer_timestamp"]), "", r["review_score"],
                        "", "", "", comment.encode("utf-8")[:4096].decode("utf-8", "ignore")])


if __name__ == "__main__":
    main(sys.argv)
