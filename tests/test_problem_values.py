"""Errors are values of one kind: a Problem, located at a file or, when there is none, at
what it is about (standard output, an environment variable, a call's rules)."""

from __future__ import annotations

from pathlib import Path

from consortium.facts.eligibility import misnamed_set
from consortium.files.problems import Problem
from consortium.files.roots import Root
from consortium.importing.address import key_problem
from consortium.importing.pws import unreadable


def test_a_problem_about_no_file_names_its_subject_not_an_invented_path() -> None:
    problem = key_problem("")
    assert isinstance(problem, Problem) and problem.path is None
    assert problem.subject == "EEN_API_KEY"
    assert str(problem) == f"EEN_API_KEY: {problem.message}"
    assert key_problem("abc123") is None
    assert str(Problem(None, "said alone")) == "said alone"


def test_a_call_rule_and_a_service_profile_are_no_files() -> None:
    misnamed = misnamed_set(["COSME"], "2021-2027")
    assert misnamed is not None and misnamed.path is None
    assert misnamed.subject == "rules.eligible_countries"
    assert misnamed_set(["COSME"], "2014-2020") is None
    deep = unreadable({"a": [[[[[[]]]]]] * 1} | {"b": "\ud800"})
    assert deep is not None and deep.path is None and "no character" in deep.message


def test_a_refused_read_is_located_at_the_file(tmp_path: Path) -> None:
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "link.yaml").symlink_to(tmp_path / "out.yaml")
    refused = Root(tmp_path / "proj").refuses(tmp_path / "proj" / "link.yaml")
    assert refused is not None and refused.path == tmp_path / "proj" / "link.yaml"
    assert "links must stay inside the repository" in refused.message
