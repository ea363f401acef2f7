#!/usr/bin/env python3
"""Prints the ratios the performance targets are stated in, from the harness's results.tsv (stdlib only)."""
import csv
import sys

rows = {r["tool"]: r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t")}
ours = rows.get("newssite")
if ours is None:
    sys.exit("no newssite row in " + sys.argv[1])
print(f"newssite: {float(ours['wall_s_median']):.2f} s wall (median), {float(ours['max_rss_mb_median']):.0f} MB peak RSS, check {ours['check']}")
hugo = rows.get("hugo")
if hugo is not None and hugo["wall_s_median"]:
    speed = float(hugo["wall_s_median"]) / float(ours["wall_s_median"])
    memory = float(ours["max_rss_mb_median"]) / float(hugo["max_rss_mb_median"])
    print(f"hugo wall / newssite wall = {speed:.2f}  (target >= 3.0)")
    print(f"newssite RSS / hugo RSS   = {memory:.2f}  (target <= 0.5)")
