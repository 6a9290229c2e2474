#!/usr/bin/env bash
# Mutation testing of the core modules with mutmut 3 (not in CI: minutes per module).
#
# Each module is mutated on its own and tested only with its own tests (the table below), so a
# mutant counts as killed only when the tests meant for that module catch it. Per module the
# script prints the score (killed / run, %; the equivalent mutants listed in docs/testing.md left
# out) and lists the surviving mutants; docs/testing.md records the last run and why each
# survivor left is equivalent.
#
#   ./scripts/mutation.sh                       # every module in the table
#   ./scripts/mutation.sh facetten matrix        # some modules
#   ./scripts/mutation.sh matrix 'kennisbank.matrix.xǁThemamatrixǁ__init__*'   # only these mutants
#   ./scripts/mutation.sh --list                 # the table
#
# mutmut reads its settings from [tool.mutmut] in pyproject.toml. For each module the script
# makes mutants/<module>/ with links to the project and a pyproject.toml that adds the module
# (only_mutate) and its tests; mutmut copies the project into mutants/<module>/mutants/ and runs
# pytest there on one SQLite test database, made once per run and reused by every mutant.
# Results are kept while the module and its tests stay the same; a change of either runs every
# mutant again. MUTATION_WORKERS sets mutmut's parallel workers (default 1); runs under `nice`.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PY="${VENV:-.venv}/bin/python"
WORKERS="${MUTATION_WORKERS:-1}"

# module key | file to mutate | its tests (pytest paths, space-separated; test files that do not
# exist yet are left out, so a module's test_<module>_mutants.py is picked up once it is written)
MODULES=$(cat <<'TABLE'
facetten|kennisbank/facetten.py|tests/kennisbank/test_facet_rules.py tests/kennisbank/test_facets.py tests/kennisbank/test_province_facet.py tests/kennisbank/test_facetten_mutants.py
matrix|kennisbank/matrix.py|tests/kennisbank/test_themamatrix.py tests/kennisbank/test_facetindex.py
paginacache|portal/site/paginacache/*|tests/site/test_page_cache.py tests/site/test_voorkant.py tests/site/test_paginacache_mutants.py
afhankelijkheden|portal/basis/afhankelijkheden.py|tests/site/test_page_cache.py tests/site/test_voorkant.py tests/kennisbank/test_facetindex.py tests/site/test_afhankelijkheden_mutants.py
facetindex|kennisbank/facetindex.py|tests/kennisbank/test_facetindex.py tests/kennisbank/test_facet_rules.py tests/kennisbank/test_facets.py tests/kennisbank/test_related_products.py tests/kennisbank/test_themamatrix.py tests/kennisbank/test_facetindex_mutants.py
rechten|werkplaatsen/rechten.py|tests/site/test_roles.py tests/werkplaatsen/test_rechten_mutants.py
paginarechten|portal/site/paginarechten.py|tests/site/test_roles.py tests/site/test_privilege_escalation.py tests/site/test_paginarechten_mutants.py tests/site/test_admin_scale.py
feeds|kennisbank/feeds.py|tests/kennisbank/test_filtered_feed.py tests/site/test_open_data.py tests/kennisbank/test_feeds_mutants.py
ical|agenda/ical.py|tests/agenda/test_icalendar.py tests/agenda/test_agenda_filters.py
aankondigingen|portal/site/aankondigingen.py|tests/site/test_homepage.py tests/site/test_aankondigingen_mutants.py
zoeken|portal/site/zoeken.py|tests/site/test_search.py tests/site/test_dutch_search.py tests/site/test_zoeken_mutants.py
middleware|portal/site/middleware.py|tests/site/test_headers.py
openbaar|portal/basis/openbaar.py|tests/site/test_leaks.py tests/kennisbank/test_related_products.py tests/site/test_openbaar_mutants.py tests/site/test_openbaar_bewaard.py
plaatsen|werkplaatsen/plaatsen.py|tests/werkplaatsen/test_places.py tests/werkplaatsen/test_plaatsen_mutants.py
inschrijving|agenda/inschrijving.py|tests/agenda/test_aanmelden.py tests/agenda/test_inschrijving_mutants.py
attenderingen|portal/volgen/attenderingen.py|tests/volgen/test_attenderingen.py tests/volgen/test_smtp.py tests/volgen/test_attenderingen_mutants.py
volgtokens|portal/volgen/tokens.py|tests/volgen/test_attenderingen.py tests/volgen/test_volgtokens_mutants.py
oai|kennisbank/oai/repository.py|tests/kennisbank/test_oai.py tests/kennisbank/test_oai_mutants.py
documenten|portal/site/forms.py|tests/site/test_documents.py tests/site/test_images.py tests/site/test_documenten_mutants.py
TABLE
)

if [ "${1:-}" = "--list" ]; then
    echo "$MODULES" | column -t -s '|'
    exit 0
fi

SELECTED=()
PATTERNS=()
for arg in "$@"; do
    if echo "$MODULES" | cut -d'|' -f1 | grep -qx -- "$arg"; then
        SELECTED+=("$arg")
    else
        PATTERNS+=("$arg")
    fi
done
[ ${#SELECTED[@]} -eq 0 ] && mapfile -t SELECTED < <(echo "$MODULES" | cut -d'|' -f1)

toml_list() {  # words -> ["a", "b"]
    local out="" w
    for w in "$@"; do out+="${out:+, }\"$w\""; done
    echo "[$out]"
}

run_module() {
    local key=$1 file tests work
    file=$(echo "$MODULES" | awk -F'|' -v k="$key" '$1 == k {print $2}')
    # shellcheck disable=SC2207
    tests=($(echo "$MODULES" | awk -F'|' -v k="$key" '$1 == k {print $3}'))
    local existing=()
    for t in "${tests[@]}"; do [[ $t != tests/* || -e $t ]] && existing+=("$t"); done
    work="mutants/$key"
    mkdir -p "$work"
    for entry in portal kennisbank agenda werkplaatsen templates static tests locale manage.py; do
        [ -e "$entry" ] && ln -sfn "$ROOT/$entry" "$work/$entry"
    done
    # The project's pyproject.toml (pytest settings, [tool.mutmut]) plus this module's part.
    awk -v only="only_mutate = $(toml_list "$file")" \
        -v sel="pytest_add_cli_args_test_selection = $(toml_list "${existing[@]}")" \
        '{print} /^\[tool\.mutmut\]$/ {print only; print sel}' pyproject.toml |
        sed 's#^also_copy = \[#also_copy = ["mutatie_settings.py", "mutatie_db.py", #' >"$work/pyproject.toml"
    # mutmut keeps its verdicts and does not notice changed tests (or a changed module): when
    # the module or its tests changed since the last run, every mutant is run again, so that
    # the score printed is always that of one run of the current code and tests.
    local stamp names=("${PATTERNS[@]}")
    # shellcheck disable=SC2086
    stamp=$(cat $file "${existing[@]}" 2>/dev/null | sha256sum | cut -c1-16)
    if [ -f "$work/.stamp" ] && [ "$(cat "$work/.stamp")" != "$stamp" ]; then
        rm -rf "$work/mutants" "$work/results.txt"
    fi
    echo "$stamp" >"$work/.stamp"

    # Every mutant is tested in a process of its own: one test database in a file, made once
    # per run and reused, spares each of them the migrations.
    rm -f "$work"/testdb.sqlite3*
    cat >"$work/mutatie_settings.py" <<PY
from portal.settings.test import *  # noqa: F403

DATABASES["default"]["TEST"] = {"NAME": "$ROOT/$work/testdb.sqlite3"}  # noqa: F405
PY
    # mutmut tests several mutants at once (MUTATION_WORKERS), each in its own process: each
    # gets its own copy of that database. On one shared SQLite file a test that writes waits
    # for another process's transaction and fails after a few seconds, which mutmut counts as
    # a kill although the mutant changed nothing.
    cat >"$work/mutatie_db.py" <<'PY'
import os
import shutil

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    from django.conf import settings

    test = settings.DATABASES["default"]["TEST"]
    basis = test.setdefault("BASIS", test["NAME"])
    if os.path.exists(basis):
        test["NAME"] = f"{basis}.{os.getpid()}"
        shutil.copyfile(basis, test["NAME"])


def pytest_collection_modifyitems(items):
    # mutmut passes a mutant's tests fastest first, mixed across files, and stops at the first
    # failure. Mixed, the files' module-scoped trees are built again at every switch (up to 20
    # seconds each) and a mutant caught late runs into mutmut's time limit. Grouped by file,
    # this module's *_mutants.py first, each tree is built once.
    eerste = {}
    for item in items:
        eerste.setdefault(item.path, len(eerste))
    items.sort(key=lambda item: (not item.path.name.endswith("_mutants.py"), eerste[item.path]))


def pytest_unconfigure(config):
    from django.conf import settings

    test = settings.DATABASES["default"]["TEST"]
    if test["NAME"] != test.get("BASIS", test["NAME"]):
        for pad in (test["NAME"], test["NAME"] + "-journal"):
            if os.path.exists(pad):
                os.remove(pad)
        test["NAME"] = test["BASIS"]
PY
    echo "== $key: $file, tested by ${existing[*]}"
    (
        cd "$work"
        export DJANGO_SETTINGS_MODULE=mutatie_settings DATABASE_URL=sqlite:///:memory:
        export PYTEST_ADDOPTS="--reuse-db -p mutatie_db"
        nice -n 19 "../../$PY" -m mutmut run --max-children "$WORKERS" "${names[@]}" \
            >mutmut.log 2>&1 || { tail -40 mutmut.log; echo "mutmut failed for $key: see $work/mutmut.log"; exit 1; }
        nice -n 19 "../../$PY" -m mutmut results --all true >results.txt 2>/dev/null || true
        # A mutant's process that mutmut stopped for taking too long left its copy behind.
        rm -f testdb.sqlite3.*
    )
    "$PY" - "$work/results.txt" "$key" docs/testing.md <<'PY'
import re
import sys
from collections import Counter

path, key, documented = sys.argv[1:4]
statuses = {}
for line in open(path):
    name, sep, status = line.strip().rpartition(": ")
    if sep:
        statuses[name] = status
# Survivors that docs/testing.md lists as equivalent (with the reason) do not count against it.
equivalent = set(re.findall(r"^- `([^`]+)`", open(documented).read(), re.MULTILINE))
counts = Counter(
    "equivalent" if s in ("survived", "timeout") and n in equivalent else s
    for n, s in statuses.items()
)
total = sum(counts.values())
killed = counts["killed"] + counts["timeout"] + counts["caught by type check"]
unchecked = counts["not checked"]
tested = total - unchecked - counts["equivalent"]
score = 100 * killed / tested if tested else 0.0
line = f"   score {key}: {killed}/{tested} killed = {score:.1f}%"
if counts["equivalent"]:
    line += f" ({counts['equivalent']} equivalent mutants left out, see docs/testing.md)"
if unchecked:
    line += f" (incomplete: {unchecked} of {total} mutants not checked yet)"
if counts["timeout"]:
    # On a loaded machine a mutant that every test passes can take longer than mutmut's limit:
    # the timeouts are listed below, to be checked by hand against the module's tests.
    line += f" ({counts['timeout']} of them by timeout, listed)"
print(line)
for name, status in sorted(statuses.items()):
    if status not in ("killed", "caught by type check", "not checked"):
        print(f"   {status if name not in equivalent else 'equivalent':>12}  {name}")
PY
}

for key in "${SELECTED[@]}"; do
    run_module "$key"
done
echo "(mutmut show <name> in mutants/<module>/ shows a mutant's diff)"
