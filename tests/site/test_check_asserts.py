"""scripts/check_asserts.py (a step of scripts/test.sh) finds assertions that cannot fail."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_asserts.py"
spec = importlib.util.spec_from_file_location("check_asserts", SCRIPT)
check_asserts = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_asserts)


@pytest.mark.parametrize(
    "line",
    [
        "assert True",
        "assert 1",
        "assert 'tekst'",
        "assert (response.status_code == 200, 'message')",
        "assert [x]",
        "assert {'a': 1}",
        "assert x or True",
        "assert x == 'y' or 1",
        "assert (x == y) or 'fallback'",
        "assert not None",
        "assert not (x and False)",
        "assert PAGINATYPEN == PAGINATYPEN",
        "assert settings.X is settings.X",
        "self.assertTrue(True)",
        "self.assertTrue((x, y))",
        "self.assertFalse(None)",
        "self.assertFalse(x and False)",
        "self.assertEqual(LIMIT, LIMIT)",
    ],
)
def test_an_assertion_that_cannot_fail_is_reported(line):
    found = check_asserts.problems(f"x = y = None\n{line}\n")
    assert [number for number, _ in found] == [2]


@pytest.mark.parametrize(
    "line",
    [
        "assert x",
        "assert x or y",
        "assert not x",
        "assert response.status_code == 200, 'message'",
        "assert [e.title for e in feed.entries] == ['Een']",
        "assert maak(seed=1) == maak(seed=1)",
        "assert x is None or x == 1",
        "self.assertTrue(x)",
        "self.assertFalse(x and y)",
        "self.assertEqual(response.status_code, 200)",
    ],
)
def test_an_assertion_that_can_fail_passes(line):
    assert check_asserts.problems(f"x = y = None\n{line}\n") == []


def test_the_script_fails_on_such_a_file_and_passes_on_the_tests(tmp_path):
    snippet = tmp_path / "test_snippet.py"
    snippet.write_text("def test_iets(x):\n    assert x == 1 or True\n")
    result = subprocess.run(
        [sys.executable, SCRIPT, snippet], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert f"{snippet}:2: assert that is always true" in result.stdout

    result = subprocess.run([sys.executable, SCRIPT], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
