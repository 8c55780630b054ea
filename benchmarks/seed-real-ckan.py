#!/usr/bin/env python3
"""Seeds the real CKAN of build-aux/ckan-stack with N datasets in $PUB_CKAN_ORG
for benchmarks/org-list.sh: about 70 % public, 20 % private, 10 % drafts,
most with a frequency, 0 to 3 link resources of common formats. Datasets
already there (named bench-NNNNN) are kept, so a second run adds nothing.
Uses the org admin's token from the environment ($PUB_CKAN_TOKEN_ADMIN)."""
import json
import os
import random
import sys
import urllib.request

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
URL = os.environ["PUB_CKAN_URL"].rstrip("/")
TOKEN = os.environ["PUB_CKAN_TOKEN_ADMIN"]
ORG = os.environ["PUB_CKAN_ORG"]

TOPICS = ["Matrícula escolar", "Atenciones de urgencia", "Licencias de conducir", "Calidad del aire",
          "Presupuesto ejecutado", "Dotación de personal", "Compras públicas", "Permisos de edificación"]
FREQUENCIES = ["1d", "7d", "1m", "1m", "1m", "3m", "4m", "6m", "1y", "1y", None, None]
FORMATS = ["CSV", "CSV", "CSV", "XLSX", "JSON", "PDF"]


def call(action, payload):
    request = urllib.request.Request(f"{URL}/api/3/action/{action}", data=json.dumps(payload).encode(),
                                     headers={"Content-Type": "application/json", "Authorization": TOKEN})
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.load(answer)["result"]


def existing():
    names, start = set(), 0
    while True:
        page = call("package_search", {"fq": f'organization:{ORG} +name:bench-*', "rows": 1000, "start": start,
                                       "include_private": True, "include_drafts": True, "fl": "name"})
        names.update(r["name"] if isinstance(r, dict) else r for r in page["results"])
        start += 1000
        if start >= page["count"]:
            return names


def main():
    have = existing()
    rand = random.Random(12)
    made = 0
    for i in range(N):
        name = f"bench-{i:05d}"
        roll = rand.random()
        frequency = rand.choice(FREQUENCIES)
        formats = [rand.choice(FORMATS) for _ in range(rand.randint(0, 3))]
        if name in have:
            continue
        fields = {
            "name": name, "title": f"{rand.choice(TOPICS)} {2000 + rand.randint(0, 25)}",
            "notes": "Serie publicada por la institución.", "author": "Benchmark",
            "author_email": "benchmark@example.org", "license_id": "cc-by", "owner_org": ORG,
            "private": 0.7 <= roll < 0.9, "tags": [{"name": "benchmark"}],
            "resources": [{"name": "Datos", "url": f"https://example.invalid/{name}/{r}", "format": f}
                          for r, f in enumerate(formats)],
        }
        if frequency:
            fields["frequency"] = frequency
        dataset = call("package_create", fields)
        if roll >= 0.9:
            call("package_patch", {"id": dataset["id"], "state": "draft"})
        made += 1
        if made % 200 == 0:
            print(f"  seeded {made} datasets", flush=True)
    print(f"{len(have)} datasets were there, {made} added")


main()
