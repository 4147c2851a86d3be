"""The README's "Cutting a full dump" SQL on real engines: DuckDB out of core and Spark SQL in local mode, each
on a generated BACI zip, each giving exactly the rows `roundabout prepare` gives on that zip.

    ./build.sh test-sql             installs DuckDB, PySpark and a Java runtime, then runs this
    python tests/sql/cut.py [ROWS]  in .venv-sql, after `cargo build --bin roundabout`

The SQL is README.md's own text, read between its `<!-- test-sql: NAME -->` markers, so the two cannot drift.
"""
import csv
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / "target/debug/roundabout"
VERSION = "V202401"
# The README's `prepare` example: the cut its SQL spells out.
CUT = ["--exporter", "CHN,KAZ,KGZ", "--importer", "KAZ,KGZ,RUS", "--hs", "chpl", "--years", "2019-2023"]


def readme_sql():
    """The README's SQL by marker: DuckDB's and Spark SQL's views on the unzipped files, DuckDB's on the zip
    itself, and the query."""
    text = (ROOT / "README.md").read_text()
    blocks = dict(re.findall(r"<!-- test-sql: (\w+) -->\n```sql\n(.*?)```", text, re.S))
    for name in ("views", "duckdb_zip", "query"):
        if name not in blocks:
            sys.exit(f"README.md: no ```sql block after a <!-- test-sql: {name} --> line")
    if "-- Spark SQL\n" not in blocks["views"]:
        sys.exit("README.md: the views block has no `-- Spark SQL` line between DuckDB's views and Spark's")
    duck, spark = blocks["views"].split("-- Spark SQL\n")
    return statements(duck), statements(spark), statements(blocks["duckdb_zip"]), blocks["query"]


def statements(block):
    """A block's statements, its comment lines dropped."""
    out = []
    for s in block.split(";"):
        s = "\n".join(line for line in s.splitlines() if not line.lstrip().startswith("--")).strip()
        if s:
            out.append(s)
    return out


def baci_zip(d, rows, seed):
    """A BACI-style zip in d: one data CSV a year, the country-code file and a product-code file."""
    table = d / "generated.csv"
    subprocess.run([BIN, "generate", "--rows", str(rows), "--seed", str(seed), "--out", table], check=True)
    header, *lines = table.read_text().splitlines(keepends=True)
    years = {}
    for line in lines:
        years.setdefault(line.split(",", 1)[0], []).append(line)
    iso = re.findall(r'alpha3: "(\w+)", alpha2: "(\w*)", numeric: (\d+)', (ROOT / "src/countries.rs").read_text())
    path = d / f"BACI_HS17_{VERSION}.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for year, part in sorted(years.items()):
            z.writestr(f"BACI_HS17_Y{year}_{VERSION}.csv", header + "".join(part))
        z.writestr(f"country_codes_{VERSION}.csv", "country_code,country_name,country_iso2,country_iso3\n"
                   + "".join(f'{n},"Country {a3}, test",{a2},{a3}\n' for a3, a2, n in iso))
        z.writestr(f"product_codes_HS17_{VERSION}.csv", 'code,description\n010121,"Horses, pure-bred"\n')
    table.unlink()
    return path


def rows(files):
    """The tidy rows of CSV files, normalised and sorted: values exact, quantities to 6 places. The source
    column is left out: `prepare` names the file each row came from, the SQL names the dataset."""
    out = []
    for path in files:
        with open(path, newline="") as f:
            for r in csv.DictReader(f):
                q = round(float(r["quantity"]), 6) if r["quantity"] else None
                out.append((int(r["year"]), r["month"], r["exporter"], r["importer"], r["hs"],
                            Decimal(r["value_usd"]), q, r["unit"], r["reported_by"]))
    return sorted(out, key=lambda r: tuple("" if x is None else str(x) for x in r))


def compare(name, want, files):
    got = rows(files)
    if got == want:
        return f"{len(got)} rows, the same as prepare's"
    extra = [r for r in got if r not in want][:3]
    lost = [r for r in want if r not in got][:3]
    raise AssertionError(f"{len(got)} rows against prepare's {len(want)}; only in {name}'s: {extra}; "
                         f"only in prepare's: {lost}")


def duckdb_cut(d, views, query, spatial=False):
    """The README's DuckDB views and query, out of core: a memory limit, spilling to a temp directory. Its CSV
    reader holds 30 MB buffers, a few per thread and file, so 2 threads want about 200 MB. The spatial extension comes from its PyPI package, not DuckDB's download."""
    import duckdb
    (d / "story_duckdb.csv").unlink(missing_ok=True)
    con = duckdb.connect(config={"memory_limit": "256MB", "temp_directory": str(d / "duckdb-spill"), "threads": 2,
                                 "preserve_insertion_order": False})
    con.execute("SET enable_progress_bar = false")
    if spatial:
        from duckdb_extensions import import_extension
        import_extension("spatial", con=con)
    for s in views:
        con.execute(s)
    con.execute(f"COPY ({query}) TO 'story_duckdb.csv' (HEADER)")
    con.close()
    return [d / "story_duckdb.csv"]


def spark_session(tmp):
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[2]").appName("roundabout-test-sql")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             # The JVM's quick compiler only and a serial collector: half the CPU to start, on 2 cores.
             .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
             .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
             .config("spark.sql.shuffle.partitions", "4")
             .config("spark.local.dir", str(tmp / "spark-local"))
             .config("spark.sql.warehouse.dir", str(tmp / "spark-warehouse"))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def spark_cut(spark, d, views, query):
    """The README's Spark SQL views and query, written as the README says."""
    shutil.rmtree(d / "story", ignore_errors=True)
    spark = spark.newSession()  # temporary views of its own
    for s in views:
        spark.sql(s)
    spark.sql(f"INSERT OVERWRITE DIRECTORY 'story' USING csv OPTIONS (header 'true') {query}")
    return sorted((d / "story").glob("part-*.csv"))


def gzipped(views):
    """The views naming gzip copies of the year files (`.csv.gz`), which both engines read natively."""
    return [v.replace(f"_{VERSION}.csv'", f"_{VERSION}.csv.gz'") if "country_codes" not in v else v for v in views]


def main():
    n_rows = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    duck_views, spark_views, duck_zip_views, query = readme_sql()
    passed, failed = 0, 0
    with tempfile.TemporaryDirectory(prefix="roundabout-sql-") as tmp:
        tmp = Path(tmp)
        archive = baci_zip(tmp, n_rows, 7)
        subprocess.run([BIN, "prepare", "--data", archive, *CUT, "--out", tmp / "story_prepare.csv"], check=True)
        want = rows([tmp / "story_prepare.csv"])
        if len(want) < 100:
            sys.exit(f"the generated zip gives only {len(want)} rows for the cut: too few to test on")
        # The engines run in the folder that holds BACI's zip, its files as `unzip` leaves them and gzip
        # copies of the year files, so the README's relative paths stand as written (Spark resolves them
        # against the folder its JVM started in).
        with zipfile.ZipFile(archive) as z:
            z.extractall(tmp)
        for f in tmp.glob(f"BACI_HS17_Y*_{VERSION}.csv"):
            with open(f, "rb") as src, gzip.open(f"{f}.gz", "wb", compresslevel=1) as dst:
                shutil.copyfileobj(src, dst)
        os.chdir(tmp)
        spark = None
        checks = [
            ("DuckDB, out of core, unzipped CSVs", lambda: duckdb_cut(tmp, duck_views, query)),
            ("DuckDB, BACI's zip read directly (spatial extension)",
             lambda: duckdb_cut(tmp, duck_zip_views, query, spatial=True)),
            ("DuckDB, gzip CSVs", lambda: duckdb_cut(tmp, gzipped(duck_views), query)),
            ("Spark SQL, local, unzipped CSVs", lambda: spark_cut(spark, tmp, spark_views, query)),
            ("Spark SQL, gzip CSVs", lambda: spark_cut(spark, tmp, gzipped(spark_views), query)),
        ]
        for name, run in checks:
            start = time.monotonic()
            try:
                if name.startswith("Spark") and spark is None:
                    spark = spark_session(tmp)
                verdict = compare(name, want, run())
                passed += 1
                print(f"ok   {name}: {verdict} ({time.monotonic() - start:.1f} s)", flush=True)
            except Exception as e:  # one engine's failure is reported and the others still run
                failed += 1
                print(f"FAIL {name}: {e}", flush=True)
        if spark is not None:
            spark.stop()
        os.chdir(ROOT)
    print(f"cut SQL on {n_rows} generated BACI rows, {len(want)} kept")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
