"""The listing index: a second run answers from it, and an edit is never missed."""

from __future__ import annotations

import json
import os

from tests.conftest import REQUESTS

VALID = "reference: RDFR20201119001\ntitle: First title\ncountry: FR\n"


def listed(cli, folder):
    result = cli("requests", "list", "--dir", folder, "--all", "-f", "json")
    return result.exit_code, [r["title"] for r in json.loads(result.stdout)]


def test_second_run_uses_the_index_and_edits_are_seen(cli, write, monkeypatch, tmp_path):
    cache = tmp_path / "cache"
    monkeypatch.setenv("CONSORTIUM_CACHE_DIR", str(cache))
    path = write("requests/RDFR20201119001.yaml", VALID)
    assert listed(cli, path.parent) == (0, ["First title"])
    indexes = list(cache.glob("*.json"))
    assert len(indexes) == 1 and "First title" in indexes[0].read_text()
    assert listed(cli, path.parent) == (0, ["First title"])
    path.write_text(VALID.replace("First title", "Second, longer title"))
    assert listed(cli, path.parent) == (0, ["Second, longer title"])


def test_same_size_edits_with_restored_mtime_are_seen(cli, write, monkeypatch, tmp_path):
    monkeypatch.setenv("CONSORTIUM_CACHE_DIR", str(tmp_path / "cache"))
    path = write("requests/RDFR20201119001.yaml", VALID)
    listed(cli, path.parent)
    stat = path.stat()
    path.write_text(VALID.replace("First", "Other"))  # in place: same inode, same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert listed(cli, path.parent) == (0, ["Other title"])
    replacement = path.with_suffix(".new")
    replacement.write_text(VALID.replace("First", "Third"))
    os.replace(replacement, path)  # a new inode, as editors and git write files
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert listed(cli, path.parent) == (0, ["Third title"])


def test_a_broken_file_is_never_indexed(cli, write, monkeypatch, tmp_path):
    monkeypatch.setenv("CONSORTIUM_CACHE_DIR", str(tmp_path / "cache"))
    path = write("requests/RDFR20201119001.yaml", VALID + "typo: 1\n")
    for _ in range(2):
        result = cli("requests", "list", "--dir", path.parent, "--all")
        assert result.exit_code == 2 and ":4:1: unknown key 'typo'" in result.stderr


def test_corrupt_or_tampered_index_is_ignored(cli, write, monkeypatch, tmp_path):
    cache = tmp_path / "cache"
    monkeypatch.setenv("CONSORTIUM_CACHE_DIR", str(cache))
    path = write("requests/RDFR20201119001.yaml", VALID)
    listed(cli, path.parent)
    index = next(cache.glob("*.json"))
    data = json.loads(index.read_text())
    data["RDFR20201119001.yaml"][4]["country"] = "ZZ"  # fails validation: parsed anew
    index.write_text(json.dumps(data))
    assert listed(cli, path.parent) == (0, ["First title"])
    index.write_text("{not json")
    assert listed(cli, path.parent) == (0, ["First title"])


def test_no_cache_and_unwritable_cache(cli, monkeypatch, tmp_path):
    monkeypatch.setenv("CONSORTIUM_CACHE_DIR", str(tmp_path / "file"))
    (tmp_path / "file").write_text("not a folder")
    assert listed(cli, REQUESTS)[0] == 0
    monkeypatch.setenv("CONSORTIUM_NO_CACHE", "1")
    monkeypatch.setenv("CONSORTIUM_CACHE_DIR", str(tmp_path / "unused"))
    assert listed(cli, REQUESTS)[0] == 0
    assert not (tmp_path / "unused").exists()
