#!/usr/bin/env python3
"""Derive the default story's tables from the reference files in data/sources.

Writes www/data/story.csv (Roundabout's tidy format: one directed flow a row, each naming its source)
and www/data/headlines.json (published headline figures, each with its source).

Usage: scripts/derive_story.py [SHARED_DATA_DIR] [OUT_DIR]
       defaults: data/sources and www/data, relative to the repository
"""
import csv
import json
import sys
from decimal import Decimal, ROUND_HALF_EVEN
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
YEARS = range(2019, 2024)
# The story's countries: the origin, the two Central Asian hubs, the destination.
COUNTRIES = {"CHN", "KAZ", "KGZ", "RUS"}
TIDY_HEADER = ["year", "month", "exporter", "importer", "hs", "value_usd", "quantity", "unit",
               "reported_by", "source"]

IMF_SOURCE = ("IMF International Trade in Goods (IMTS), Russia as reporter; "
              "Russia has published no partner data since 2021, later years rest on partners' reports")
GACC_SOURCE = "General Administration of Customs of China (GACC), via Eurasianet: {url}"

# Headline figures the page shows as annotations: metric id in published_figures.csv -> caption.
HEADLINES = {
    "chn_exports_45_sanctioned_goods_to_kaz_plus_kgz":
        "China's exports of the 45 sanctioned high-priority goods to Kazakhstan and Kyrgyzstan: "
        "$1.3bn in 2023, up 64% on 2022.",
    "kaz_drone_imports_from_china":
        "Kazakhstan bought $5.9m of drones from China in 2023 ...",
    "kaz_drone_exports_to_russia":
        "... and exported $2.7m of drones to Russia.",
    "chn_exports_to_kaz_gacc":
        "China's customs count $24.7bn of exports to Kazakhstan in 2023; "
        "Kazakhstan counts $15.4bn of imports from China.",
    "chn_kgz_turnover_gacc":
        "China's customs count $19.8bn of trade with Kyrgyzstan in 2023; "
        "Kyrgyzstan counts $5.4bn of imports from China.",
    "kgz_exports_to_russia_growth":
        "Kyrgyzstan's exports to Russia rose 145% in 2022 (Kyrgyz customs).",
}


def cents(value: Decimal) -> str:
    """A dollar amount with at most two decimals, no trailing zeros."""
    q = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    text = format(q, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def national_rows(data: Path):
    with open(data / "national_stats_partner_totals_kaz_kgz_2019_2023.csv", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            reporter, partner, year = r["reporter"], r["partner"], int(r["year"])
            if partner not in COUNTRIES or year not in YEARS:
                continue
            if r["flow"] == "export":
                exporter, importer, side = reporter, partner, "exporter"
            else:
                exporter, importer, side = partner, reporter, "importer"
            yield (year, exporter, importer, Decimal(r["value_usd"]), side, r["source"])


def imf_rows(data: Path):
    with open(data / "imf_imts_russia_by_partner_2016_2024.csv", encoding="utf-8-sig") as f:
        for r in csv.DictReader(f):
            partner = r["COUNTERPART_COUNTRY.ID"]
            if r["COUNTRY.ID"] != "RUS" or partner not in COUNTRIES:
                continue
            if r["SCALE"] != "Millions":
                raise ValueError(f"IMF file: unexpected scale {r['SCALE']!r} for {partner}")
            for year in YEARS:
                cell = r[str(year)]
                if not cell:
                    continue
                value = Decimal(cell) * 1_000_000
                if r["INDICATOR.ID"] == "XG_FOB_USD":
                    yield (year, "RUS", partner, value, "exporter", IMF_SOURCE + ", exports FOB")
                elif r["INDICATOR.ID"] == "MG_CIF_USD":
                    yield (year, partner, "RUS", value, "importer", IMF_SOURCE + ", imports CIF")


def published(data: Path):
    with open(data / "published_figures.csv", encoding="utf-8") as f:
        return {r["metric"]: r for r in csv.DictReader(f)}


def gacc_rows(figures):
    """China's own customs totals, where a published figure gives an export value for one year."""
    r = figures["chn_exports_to_kaz_gacc"]
    if r["unit"] != "USD bn":
        raise ValueError(f"published figures: unexpected unit {r['unit']!r}")
    yield (int(r["period"]), "CHN", "KAZ", Decimal(r["value"]) * 1_000_000_000, "exporter",
           GACC_SOURCE.format(url=r["source_url"]))


def headlines(figures):
    out = []
    for metric, caption in HEADLINES.items():
        r = figures[metric]
        out.append({"metric": metric, "route": r["geography"], "period": r["period"],
                    "value": r["value"], "unit": r["unit"], "caption": caption,
                    "note": r["note"], "source_url": r["source_url"]})
    return out


def main(argv):
    data = Path(argv[1]) if len(argv) > 1 else REPO / "data" / "sources"
    out = Path(argv[2]) if len(argv) > 2 else REPO / "www" / "data"
    figures = published(data)
    rows = sorted([*national_rows(data), *imf_rows(data), *gacc_rows(figures)],
                  key=lambda r: (r[1], r[2], r[0], r[4], r[5]))
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "story.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(TIDY_HEADER)
        for year, exporter, importer, value, side, source in rows:
            w.writerow([year, "", exporter, importer, "TOTAL", cents(value), "", "", side, source])
    with open(out / "headlines.json", "w", encoding="utf-8") as f:
        json.dump(headlines(figures), f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {len(rows)} flows to {out / 'story.csv'}")


if __name__ == "__main__":
    main(sys.argv)
