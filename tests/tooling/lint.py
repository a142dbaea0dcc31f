#!/usr/bin/env python3
# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run the hooks of ``.pre-commit-config.yaml`` over the whole tree: the lint step of tests/run.

The hooks are local ones that call installed tools (``language: system``). Each hook's files are
chosen as ``pre-commit run --all-files`` chooses them (the top-level and the hook's ``files`` and
``exclude`` patterns, ``types``, ``types_or`` and ``exclude_types`` by identify's tags), and its
``entry`` and ``args`` run on them from the repository's root. So a hook added to the config is
run here too, and a finding here is one the commit hook reports. Two differences, on purpose:
files that git does not track but does not ignore either are checked too (tests/run tests the work
tree, and a new file is the likeliest to have findings), and git is not needed (outside a
checkout every file under the root is a candidate). Nothing is changed: the hooks only report.

    tests/tooling/lint.py                       every hook on every file
    tests/tooling/lint.py --hook ruff           one hook (repeat for more)
    tests/tooling/lint.py addons/claims_base    only the files under these paths

Each hook counts as one test: passed, or failed with its findings printed.
"""

import argparse
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / ".pre-commit-config.yaml"
SETUP_HINT = "install the lint tools: pip install -r requirements-dev.txt (tests/run does it)"
# a finding starts with path:line[:column]: (pylint, ruff --output-format=concise, oca-checks-*)
# or path: (file-wide findings of oca-checks-po)
FINDING = re.compile(r"^[^\s:]*[/.][^\s:]*(:\d+)*: \S")
SKIPPED_DIRS = {".git", "__pycache__", "node_modules"}
MAX_COMMAND_CHARS = 100_000  # well under ARG_MAX; pre-commit splits long file lists as well


def _print(message):
    print(f"[lint] {message}", flush=True)


def load_hooks(config_path=CONFIG):
    """(top-level config, hooks of its local repos) from the pre-commit config."""
    import yaml  # noqa: PLC0415 - PyYAML comes with pre-commit (requirements-dev.txt)

    config = yaml.safe_load(config_path.read_text())
    hooks = [hook for repo in config.get("repos", []) if repo.get("repo") == "local"
             for hook in repo.get("hooks", [])]
    return config, hooks


def candidate_files(root=REPO):
    """Files under ``root`` as pre-commit's --all-files sees them, plus untracked unignored ones."""
    try:
        output = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=root, capture_output=True, check=True).stdout.decode()
        names = [name for name in output.split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        names = []
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
            relative = Path(folder).relative_to(root)
            names.extend((relative / name).as_posix() for name in files)
    # the index may still list a file that was deleted or moved away in the work tree
    return sorted({name for name in names if (root / name).is_file()})


def select_files(config, hook, names, root=REPO):
    """The names the hook runs on, filtered as pre-commit filters them."""
    from identify import identify  # noqa: PLC0415 - comes with pre-commit

    top_files = re.compile(config.get("files", ""))
    top_exclude = re.compile(config.get("exclude", "^$"))
    files = re.compile(hook.get("files", ""))
    exclude = re.compile(hook.get("exclude", "^$"))
    types = set(hook.get("types", ["file"]))
    types_or = set(hook.get("types_or", []))
    exclude_types = set(hook.get("exclude_types", []))
    selected = []
    for name in names:
        if not (top_files.search(name) and not top_exclude.search(name)):
            continue
        if not (files.search(name) and not exclude.search(name)):
            continue
        tags = identify.tags_from_path(str(root / name))
        if types <= tags and (not types_or or types_or & tags) and not exclude_types & tags:
            selected.append(name)
    return selected


def _partitions(command, names):
    """The command with the file names, split into command lines of a sane length."""
    if not names:
        return [command]
    chunks, chunk, size = [], [], sum(len(part) + 1 for part in command)
    for name in names:
        if chunk and size + len(name) + 1 > MAX_COMMAND_CHARS:
            chunks.append(chunk)
            chunk, size = [], sum(len(part) + 1 for part in command)
        chunk.append(name)
        size += len(name) + 1
    chunks.append(chunk)
    return [command + chunk for chunk in chunks]


def run_hook(config, hook, names, root=REPO):
    """(ok, output, number of files) of one hook."""
    language = hook.get("language")
    selected = select_files(config, hook, names, root)
    if not selected and not hook.get("always_run"):
        return True, "", 0
    if language == "fail":
        return False, hook["entry"] + "\n" + "\n".join(selected), len(selected)
    if language != "system":
        return False, (f"language {language!r} is not run by tests/tooling/lint.py: local hooks "
                       "must be `language: system` (no network at commit time)"), len(selected)
    command = shlex.split(hook["entry"]) + [str(arg) for arg in hook.get("args", [])]
    passed_names = selected if hook.get("pass_filenames", True) else []
    ok, outputs = True, []
    for argv in _partitions(command, passed_names):
        try:
            result = subprocess.run(argv, cwd=root, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True, check=False)
        except FileNotFoundError:
            return False, f"{argv[0]} is not installed: {SETUP_HINT}", len(selected)
        ok = ok and result.returncode == 0
        outputs.append(result.stdout.rstrip())
    return ok, "\n".join(output for output in outputs if output), len(selected)


def _stage_matches(hook):
    stages = hook.get("stages")
    return not stages or bool({"pre-commit", "commit"} & set(stages))


def run(paths=(), hook_ids=(), log=_print, root=REPO):
    """Run the hooks; print each one's result and findings; return (passed, failed)."""
    try:
        config, hooks = load_hooks(root / CONFIG.name)
        names = candidate_files(root)
    except ImportError as error:
        log(f"cannot read {CONFIG.name} ({error}): {SETUP_HINT}")
        return 0, 1
    if paths:
        try:
            prefixes = [Path(os.path.abspath(path)).relative_to(root).as_posix()
                        for path in paths]
        except ValueError as error:
            log(f"not a path of the repository: {error}")
            return 0, 1
        names = [name for name in names
                 if any(prefix in (".", name) or name.startswith(prefix.rstrip("/") + "/")
                        for prefix in prefixes)]
    unknown = set(hook_ids) - {hook["id"] for hook in hooks}
    if unknown:
        log(f"no such hook in {CONFIG.name}: {', '.join(sorted(unknown))}")
        return 0, 1
    passed = failed = 0
    for hook in hooks:
        if (hook_ids and hook["id"] not in hook_ids) or not _stage_matches(hook):
            continue
        name = hook.get("name", hook["id"])
        ok, output, count = run_hook(config, hook, names, root)
        findings = sum(1 for line in output.splitlines() if FINDING.match(line))
        if ok:
            passed += 1
            log(f"{name}: passed ({count} files)" if count else f"{name}: no files, passed")
        else:
            failed += 1
            log(f"{name}: FAILED, {findings} findings in {count} files")
            print(output, flush=True)
    log(f"{passed} hooks passed, {failed} failed")
    return passed, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hook", action="append", default=[], help="run only this hook id")
    parser.add_argument("paths", nargs="*", help="only files under these paths")
    args = parser.parse_args()
    _passed, failed = run(args.paths, args.hook)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
