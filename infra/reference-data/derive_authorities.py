#!/usr/bin/env python3
"""Derives the platform's reference list of English regions and local authorities from the
Department for Education's published explore-education-statistics files.

Usage: python3 infra/reference-data/derive_authorities.py ../shared/data/dfe > schemas/reference/authorities.csv

Each authority is named as in the latest year it appears; first_year/last_year say which years DfE
published it, so reorganised authorities (Dorset, Northamptonshire, Cumbria, ...) stay resolvable.
Joint returns (e.g. "E09000021 / E09000027", Kingston and Richmond) are split into their
authorities, each keeping the joint code in joint_code. London boroughs belong to the ONS region E12000007 and keep DfE's Inner/Outer London split as sub_region.
Source: Department for Education, Open Government Licence v3.0.
"""
import csv
import glob
import os
import sys

LONDON_PARTS = {"E13000001": "Inner London", "E13000002": "Outer London"}
LONDON = ("E12000007", "London")

# Structural changes the files only imply: (established, abolished, predecessors) by ONS code. Each new authority
# came into being on 1 April of the year of its structural changes order; the files cannot say so, because they
# show an authority in the years it reported, not the dates it existed (Cumbria still reports children in need
# for the year to 31 March 2023, after the census date it no longer existed on).
REORGANISATIONS = {
    # Bournemouth, Dorset and Poole (Structural Changes) Order 2018
    "E06000028": ("", "2019-04-01", ""), "E06000029": ("", "2019-04-01", ""), "E10000009": ("", "2019-04-01", ""),
    "E06000058": ("2019-04-01", "", "E06000028;E06000029;E10000009"), "E06000059": ("2019-04-01", "", "E10000009"),
    # Buckinghamshire (Structural Changes) Order 2019
    "E10000002": ("", "2020-04-01", ""), "E06000060": ("2020-04-01", "", "E10000002"),
    # Northamptonshire (Structural Changes) Order 2020
    "E10000021": ("", "2021-04-01", ""), "E06000061": ("2021-04-01", "", "E10000021"),
    "E06000062": ("2021-04-01", "", "E10000021"),
    # Cumbria, North Yorkshire and Somerset (Structural Changes) Orders 2022
    "E10000006": ("", "2023-04-01", ""), "E06000063": ("2023-04-01", "", "E10000006"),
    "E06000064": ("2023-04-01", "", "E10000006"),
    "E10000023": ("", "2023-04-01", ""), "E06000065": ("2023-04-01", "", "E10000023"),
    "E10000027": ("", "2023-04-01", ""), "E06000066": ("2023-04-01", "", "E10000027"),
}


def main(folder):
    latest = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("geographic_level") != "Local authority" or not row.get("new_la_code"):
                    continue
                year = int(row["time_period"][:4])
                codes = [c.strip() for c in row["new_la_code"].split("/")]
                numbers = [n.strip() for n in row["old_la_code"].split("/")]
                names = [n.strip() for n in row["la_name"].split(" / ")]
                joint = row["new_la_code"] if len(codes) > 1 else ""
                for code, number, name in zip(codes, numbers, names):
                    record(latest, row, year, code, number, name, joint)
    columns = ["gss_code", "dfe_number", "name", "region_code", "region_name", "sub_region", "first_year", "last_year",
               "joint_code", "established", "abolished", "predecessors"]
    out = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
    out.writeheader()
    for code in sorted(latest):
        established, abolished, predecessors = REORGANISATIONS.get(code, ("", "", ""))
        out.writerow({**latest[code], "established": established, "abolished": abolished, "predecessors": predecessors})


def record(latest, row, year, code, number, name, joint):
    region_code, region_name = row["region_code"], row["region_name"]
    sub_region = ""
    if region_code in LONDON_PARTS:
        sub_region = LONDON_PARTS[region_code]
        region_code, region_name = LONDON
    seen = latest.get(code)
    entry = {
        "gss_code": code, "dfe_number": number, "name": name,
        "region_code": region_code, "region_name": region_name, "sub_region": sub_region,
    }
    if seen is None:
        entry["first_year"] = entry["last_year"] = year
        entry["joint_code"] = joint
        latest[code] = entry
    else:
        first = min(seen["first_year"], year)
        last = max(seen["last_year"], year)
        if year >= seen["last_year"]:
            seen.update(entry)
        seen["first_year"], seen["last_year"] = first, last
        seen["joint_code"] = seen.get("joint_code") or joint


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/dfe")
