"""Runs the README's "Cutting a full dump" SQL in DuckDB on a generated BACI sample and checks that it gives the
rows `roundabout prepare` gives. A manual check, not part of the tests (it needs `pip install duckdb`).

    cargo build --release && python3 scripts/check_cut_sql.py
"""
import csv
import re
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target/release/roundabout"


def sql_blocks():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Cutting a full dump", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def rows(path):
    with open(path, newline="") as f:
        out = []
        for r in csv.DictReader(f):
            q = float(r["quantity"]) if r["quantity"] else None
            out.append((int(r["year"]), r["month"], r["exporter"], r["importer"], r["hs"], Decimal(r["value_usd"]),
                        None if q is None else round(q, 6), r["unit"], r["reported_by"]))
        return sorted(out, key=lambda r: tuple("" if x is None else str(x) for x in r))


def main():
    views, query = sql_blocks()
    duck_views = views.split("-- Spark SQL")[0]
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        data = d / "BACI_HS17_Y2016_V202401.csv"
        subprocess.run([BIN, "generate", "--rows", sys.argv[1] if len(sys.argv) > 1 else "300000", "--seed", "7",
                        "--out", data], check=True)
        codes = d / "country_codes_V202401.csv"
        iso = re.findall(r'alpha3: "(\w+)", alpha2: "(\w*)", numeric: (\d+)', (ROOT / "src/countries.rs").read_text())
        codes.write_text("country_code,country_name,country_iso2,country_iso3\n"
                         + "".join(f"{n},x,{a2},{a3}\n" for a3, a2, n in iso))
        subprocess.run([BIN, "prepare", "--data", data, "--codes", codes, "--exporter", "CHN,KAZ,KGZ",
                        "--importer", "KAZ,KGZ,RUS", "--hs", "chpl", "--years", "2019-2023",
                        "--out", d / "story_roundabout.csv"], check=True)
        con = duckdb.connect()
        con.execute(f"SET file_search_path = '{d}'")
        for stmt in filter(str.strip, duck_views.replace("-- DuckDB", "").split(";")):
            con.execute(stmt.replace("'BACI_", f"'{d}/BACI_").replace("'country_codes", f"'{d}/country_codes"))
        con.execute(f"COPY ({query}) TO '{d}/story_duckdb.csv' (HEADER)")
        ours, theirs = rows(d / "story_roundabout.csv"), rows(d / "story_duckdb.csv")
        print(f"duckdb {duckdb.__version__}: {len(theirs)} rows; roundabout prepare: {len(ours)} rows")
        if ours != theirs or not ours:
            diff = [r for r in theirs if r not in ours][:5] + [r for r in ours if r not in theirs][:5]
            sys.exit(f"the SQL cut and `roundabout prepare` differ: {diff}")
        print("same rows, values and quantities")


if __name__ == "__main__":
    main()
