#!/usr/bin/env python3
"""Reject assertions that cannot fail: `assert True`, `assert (x, "message")`, `assert x or True`,
`self.assertTrue(1)`, `assert a == a` and the like. Such a line looks like a check and checks
nothing. Usage: scripts/check_asserts.py [path ...]  (default: tests/). Exits 1 when it finds one.
"""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LITERALS = (ast.Tuple, ast.List, ast.Set, ast.Dict)


def always_true(node):
    """Whether an expression is truthy whatever the code under test does."""
    if isinstance(node, ast.Constant):
        return bool(node.value)
    if isinstance(node, LITERALS):
        return bool(node.keys if isinstance(node, ast.Dict) else node.elts)
    if isinstance(node, ast.Lambda):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return always_false(node.operand)
    if isinstance(node, ast.BoolOp):
        check = any if isinstance(node.op, ast.Or) else all
        return check(always_true(value) for value in node.values)
    if isinstance(node, ast.Compare) and len(node.ops) == 1:
        return isinstance(node.ops[0], ast.Eq | ast.Is | ast.GtE | ast.LtE) and same_value(
            node.left, node.comparators[0]
        )
    return False


def always_false(node):
    if isinstance(node, ast.Constant):
        return not node.value
    if isinstance(node, LITERALS):
        return not (node.keys if isinstance(node, ast.Dict) else node.elts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return always_true(node.operand)
    if isinstance(node, ast.BoolOp):
        check = all if isinstance(node.op, ast.Or) else any
        return check(always_false(value) for value in node.values)
    return False


def same_value(left, right):
    """The same expression on both sides, with no call that could give a different answer."""
    calls = any(isinstance(n, ast.Call | ast.Await | ast.Yield) for n in ast.walk(left))
    return not calls and ast.dump(left) == ast.dump(right)


UNITTEST = {
    "assertTrue": always_true,
    "assertFalse": always_false,
}


def problems(source, filename="<snippet>"):
    """(line, text) for each assertion in `source` that cannot fail."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Assert) and always_true(node.test):
            found.append((node.lineno, "assert that is always true"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in UNITTEST
            and node.args
            and UNITTEST[node.func.attr](node.args[0])
        ):
            found.append((node.lineno, f"{node.func.attr} whose outcome is fixed"))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("assertEqual", "assertIs")
            and len(node.args) >= 2
            and same_value(node.args[0], node.args[1])
        ):
            found.append((node.lineno, f"{node.func.attr} of an expression with itself"))
    return sorted(found)


def main(paths):
    files = []
    for path in paths or [ROOT / "tests"]:
        path = Path(path)
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    failed = False
    for file in files:
        for line, text in problems(file.read_text(), str(file)):
            print(f"{file}:{line}: {text}")
            failed = True
    if failed:
        print("check_asserts: these assertions cannot fail; assert what the code does.")
        return 1
    print(f"check_asserts: {len(files)} files, no assertion that cannot fail")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
