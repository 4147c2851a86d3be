#!/usr/bin/env python3
"""Anchors for the countries of world-atlas's 110m shapes that src/geo/anchors.rs has no hand-picked place
for: a point deep inside each country's largest polygon (the grid point farthest from its edges), never a
centroid, which far territories pull off the land. Prints the rows to paste into DEEP_POINTS: ISO numeric,
lon and lat in hundredths of a degree. Rings across 180° are not unwrapped: check such a country (Fiji).

    python3 scripts/derive_anchors.py node_modules/world-atlas/countries-110m.json node_modules/world-atlas/countries-50m.json

The second file, when given, anchors the countries the first has no shape for (islands and small states
such as Aruba, Macao or Liechtenstein), from their largest polygon in it.
"""
import json
import re
import sys


def rings_of(topo):
    t = topo["transform"]
    (sx, sy), (tx, ty) = t["scale"], t["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices):
        out = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    for g in topo["objects"]["countries"]["geometries"]:
        polys = g.get("arcs", [])
        if g["type"] == "Polygon":
            polys = [polys]
        elif g["type"] != "MultiPolygon":
            continue
        yield g.get("id"), g["properties"].get("name"), [[ring(r) for r in p] for p in polys]


def area(r):
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(r, r[1:] + r[:1]))) / 2


def inside(rings, p):
    odd = False
    for r in rings:
        for a, b in zip(r, r[1:] + r[:1]):
            if (a[1] > p[1]) != (b[1] > p[1]) and p[0] < a[0] + (p[1] - a[1]) / (b[1] - a[1]) * (b[0] - a[0]):
                odd = not odd
    return odd


def edge_distance(rings, p):
    best = float("inf")
    for r in rings:
        for a, b in zip(r, r[1:] + r[:1]):
            dx, dy = b[0] - a[0], b[1] - a[1]
            t = 0 if dx == dy == 0 else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
            best = min(best, (p[0] - a[0] - t * dx) ** 2 + (p[1] - a[1] - t * dy) ** 2)
    return best


def deep_point(rings):
    xs = [p[0] for p in rings[0]]
    ys = [p[1] for p in rings[0]]
    n = 40
    best = None
    for i in range(1, n):
        for j in range(1, n):
            p = (min(xs) + (max(xs) - min(xs)) * i / n, min(ys) + (max(ys) - min(ys)) * j / n)
            if inside(rings, p):
                d = edge_distance(rings, p)
                if best is None or d > best[0]:
                    best = (d, p)
    return best[1] if best else rings[0][0]


def main(paths):
    known = set(re.findall(r'\("([A-Z]{3})", \d+,', open("src/geo/anchors.rs").read()))
    codes = {int(n): a for a, n in re.findall(r'alpha3: "([A-Z0-9_]{3})", alpha2: "\w*", numeric: (\d+)', open("src/countries.rs").read())}
    rows = {}
    for path in paths:
        for gid, name, polys in rings_of(json.load(open(path))):
            if gid is None or not str(gid).isdigit() or int(gid) not in codes or codes[int(gid)] in known or int(gid) in rows:
                continue
            largest = max(polys, key=lambda p: area(p[0]))
            lon, lat = deep_point(largest)
            rows[int(gid)] = (codes[int(gid)], int(gid), lon, lat, name)
    for a3, n, lon, lat, name in sorted(rows.values()):
        print(f"    ({n}, {round(lon * 100)}, {round(lat * 100)}), // {a3} {name}")


main(sys.argv[1:])
