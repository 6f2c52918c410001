"""The skeleton of a proposal repo, as files to write: `consortium init` writes them.

Everything a team needs on day one: the consortium file (the call, the request it answers,
no members yet, valid as it stands), folders for clusters and requests, the JSON Schemas
for editors to complete and check files offline (each YAML file of ours names its schema
in a ``yaml-language-server`` comment), the CI workflow using the action and the
pre-commit config using the hooks. Nothing here touches the disk.
"""

from __future__ import annotations

import json

from consortium import HOME, __version__
from consortium.files.schema import json_schema
from consortium.files.yamlwriter import scalar

ACTION = "consortium-eu/consortium@v0"
SCHEMA_DIR = ".schemas"
KINDS = ("request", "cluster", "consortium", "call")

WORKFLOW = f"""\
# An example workflow for a proposal repo: copy it to .github/workflows/consortium.yml
# (`consortium init` writes it for you). Replace `{ACTION}` with where the
# action is hosted. Each push and pull request gets the verdict as the job's status,
# the findings as annotations on the files and lines, and a Markdown report in the job summary.
name: consortium

on:
  push:
    branches: [main]
  pull_request:
  schedule:
    - cron: '0 6 * * 1'  # Mondays: deadlines pass without a commit

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: {ACTION}
        with:
          file: consortium.yaml
      # The report for the partners (one HTML page), kept with the run as an artifact,
      # whatever the verdict: download it from the run's page and mail it.
      - name: consortium report
        if: ${{{{ !cancelled() }}}}
        run: consortium report consortium.yaml -o consortium-report.html --force
      - uses: actions/upload-artifact@v4
        if: ${{{{ !cancelled() }}}}
        with:
          name: consortium-report
          path: consortium-report.html
      # Weekly (even when the check above fails): ask the Funding & Tenders Portal again
      # for each call file `consortium calls fetch` wrote; a moved deadline fails the job
      # with an annotation on the call file's line.
      - name: Deadlines as the portal says them
        if: ${{{{ !cancelled() && github.event_name == 'schedule' && hashFiles('calls/*.yaml') != '' }}}}
        run: consortium calls refresh --format github
"""

PRE_COMMIT = f"""\
# pre-commit (https://pre-commit.com): `pre-commit install`, then every commit that changes
# a proposal file validates it and checks the consortium.
# `rev:` is the release of consortium you installed (`consortium --version`, tagged
# v<version>); replace `repo:` and `rev:` if you host consortium elsewhere or pin another tag.
repos:
  - repo: {HOME}
    rev: v{__version__}
    hooks:
      - id: consortium-validate
      - id: consortium-check
"""

FOLDER_README = """\
# {folder}/

{what}, one YAML file each (`consortium schema {kind}` prints the fields). Start each file
with this line so editors complete and check it offline:

    # yaml-language-server: $schema=../{schemas}/{kind}.json
"""


def modeline(kind: str, depth: int = 0) -> str:
    """The comment that points yaml-language-server at the schema of ``kind``."""
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{kind}.json\n"


def consortium_text(call: str, request: str | None) -> str:
    lines = [
        modeline("consortium"),
        f"# The consortium for call {call}. Add each member as its cluster agrees, with its\n",
        "# profile in clusters/<id>.yaml:\n",
        "#   - {cluster: <id>, role: coordinator|partner, status: confirmed|interested}\n",
        f"call: {scalar(call)}\n",
        f"request: {scalar(request)}\n" if request else "",
        "members: []\n",
    ]
    return "".join(lines)


def skeleton(call: str, request: str | None) -> dict[str, str]:
    """Relative path to text, for every file of a new proposal repo."""
    files = {"consortium.yaml": consortium_text(call, request)}
    readmes = {"clusters": ("cluster", "Cluster profiles"), "requests": ("request", "Requests")}
    for folder, (kind, what) in readmes.items():
        text = FOLDER_README.format(folder=folder, what=what, kind=kind, schemas=SCHEMA_DIR)
        files[f"{folder}/README.md"] = text
    for kind in KINDS:
        files[f"{SCHEMA_DIR}/{kind}.json"] = json.dumps(json_schema(kind), indent=2) + "\n"
    files[".github/workflows/consortium.yml"] = WORKFLOW
    files[".pre-commit-config.yaml"] = PRE_COMMIT
    return files
