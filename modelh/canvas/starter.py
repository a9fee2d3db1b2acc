"""The starter canvas ``modelh new`` writes: every key present, empty, with guidance.

An empty value means "not answered yet", so the starter loads cleanly and the
interview and the checker see every question as open.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from modelh import framework as fw
from modelh.canvas.files import write_atomic
from modelh.canvas.loader import parse_canvas
from modelh.canvas.schema import SCHEMA_ID, schema_text
from modelh.canvas.specs import DIMENSION_SPEC
from modelh.errors import UsageError
from modelh.framework import vocab

#: A dimension's keys, in the format's order; incentives are motivation's alone.
_DIMENSION_KEYS = tuple(k.name for k in DIMENSION_SPEC.keys if k.name != "incentives")

#: The schema file ``modelh new`` puts beside a canvas, for editors working offline.
SCHEMA_FILENAME = "modelh.schema.json"


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str, indent: str, width: int = 88) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(indent) + 2 + len(line) + 1 + len(word) > width:
            lines.append(f"{indent}# {line}")
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(f"{indent}# {line}")
    return lines


def starter_text(
    *,
    title: str,
    organization: str,
    prepared_by: list[str] | None = None,
    date: str | None = None,
    schema_ref: str | None = SCHEMA_FILENAME,
) -> str:
    """The text of a new, empty canvas for ``organization``'s model ``title``."""
    lines: list[str] = []
    add = lines.append
    if schema_ref:
        add(f"# yaml-language-server: $schema={schema_ref}")
    add("# A modelH canvas: one business model of one client. Fill it in, then run")
    add("# `modelh validate FILE` to check the format. An empty value means not answered yet.")
    add(f"modelh: {vocab.FORMAT_VERSION}")
    add("")
    add("canvas:")
    add(f"  title: {_quote(title)}")
    add(f"  organization: {_quote(organization)}")
    people = ", ".join(_quote(p) for p in (prepared_by or []))
    add(f"  prepared_by: [{people}]" + ("" if people else "   # consultants: [Name, Name]"))
    add("  prepared_for:      # the audience, e.g. Executive leadership team")
    add(f"  date: {_quote(date)}" if date else "  date:              # YYYY-MM-DD")
    add('  version: "0.1"')
    add(f"  status: draft      # {' | '.join(vocab.CANVAS_STATUSES)}")
    add(f"  kind:              # whose model: {' | '.join(vocab.CANVAS_KINDS)}")
    add("  confidentiality:   # printed on every report page")
    add("  branding:")
    add("    logo:            # an image path relative to this file, e.g. assets/logo.svg")
    add('    color:           # quoted, e.g. "#0b5f8a"')
    add("")
    add("# Customer Segments. Every model has buyers (who pay) and users (who receive")
    add("# care or service). Ids: lowercase letters, digits, hyphens; unique in the file.")
    add("segments: []")
    add("#  - id: members")
    add("#    name: Plan members 65+")
    add(f"#    role: user          # {' | '.join(vocab.SEGMENT_ROLES)}")
    add("#    description:")
    add(f"#    stage: communicate  # {' | '.join(vocab.STAGE_IDS)}")
    add("#    target_stage: interact")
    add("#    preferences: [preferred language, appointment times]")
    kinds = vocab.SEGMENT_KINDS
    add(f"#    kind: member        # {' | '.join(kinds[:5])} |")
    add(f"#                        # {' | '.join(kinds[5:])}")
    add("#    jobs:               # the jobs-to-be-done the model serves for them")
    add("#      - Keep my diabetes under control without a visit every week")
    add("#    trajectory:         # where they are heading in the healthcare ecosystem")
    add("#    destination:        # where the model means them to end up")
    add("")
    add("value_propositions: []")
    add("#  - id: guided-care")
    add("#    name: Guided care for chronic conditions")
    add("#    segments: [members]")
    add("#    description:")
    add("")
    add("channels: []")
    add("#  - id: member-app")
    add("#    name: Member app")
    channel_kinds = vocab.CHANNEL_KINDS
    add(f"#    kind: digital  # {' | '.join(channel_kinds[:5])} |")
    add(f"#                   # {' | '.join(channel_kinds[5:])}")
    add("")
    add("# The other blocks: one item a line, a text or {text: ..., segments: [ids]}.")
    for block in vocab.ITEM_BLOCKS:
        add(f"{block}: []")
    add("")
    add("customer_relationships:")
    add("  answers:")
    for question in fw.QUESTIONS:
        lines.extend(_comment(f"{question.number}. {question.text}", "    "))
        if question.per_segment:
            add("    # (one answer per segment: write segment-id: answer on lines below)")
        add(f"    {question.id}:")
    add("")
    add(f"  # The seven dimensions. use: {' | '.join(vocab.DIMENSION_USES)}; with none, say why")
    add("  # in reason. segments, channels and measures take ids from this file. segments")
    add("  # is a list of ids (empty: every segment) or the mix, one degree per segment:")
    add("  #   segments: {members: core, caregivers: supporting}  (one left out: none)")
    add("  dimensions:")
    for dim in fw.DIMENSIONS:
        lines.extend(_comment(f"{dim.name}: {dim.summary}", "    "))
        add(f"    {dim.id}:")
        for key in _DIMENSION_KEYS:
            add(f"      {key}:")
        if dim.id == "motivation":
            add("      incentives:      # who rewards what, and how the reward can be used")
    add("")
    add(f"  # Measures. domain: {' | '.join(vocab.DOMAIN_IDS[:4])} |")
    add(f"  # {' | '.join(vocab.DOMAIN_IDS[4:])}.")
    add("  # Run `modelh framework measures` for the indicator catalog.")
    add("  measures: []")
    add("  #  - id: member-nps")
    add("  #    name: Net promoter score, MA members")
    add("  #    domain: customer")
    add("  #    indicator: nps")
    add(f"  #    tracks: experience   # {' | '.join(vocab.MEASURE_TRACKS)}")
    add("  #    unit: points")
    add("  #    direction: up")
    add("  #    baseline: 18")
    add("  #    current: 18")
    add("  #    target: 35")
    add('  #    due: "2027-12"')
    add("  #    owner: CX office")
    add(f"  #    status: active       # {' | '.join(vocab.MEASURE_STATUSES)}")
    add("  #    segments: [members]  # whom it measures; left out: every segment")
    add("  #    channel: member-app  # for by-channel indicators (cost to satisfy)")
    add("  #    headline: true       # on the report's executive summary (at most five)")
    add("")
    add("# The journey map: members' and providers' journeys, each touch in the order the")
    add("# customer meets it. Durations: a number and minutes, hours, days or weeks.")
    add("journeys: []")
    add("#  - id: home-after-discharge")
    add("#    name: Home after a hospital stay")
    add("#    segment: members        # whose journey (a segment id)")
    add("#    job: Get home and stay home")
    add('#    time: {baseline: 9 days, current: 6 days, target: 2 days, due: "2027-06"}')
    add("#    owner: Care management")
    add("#    touches:")
    add("#      - name: Discharge call from the care guide")
    add("#        channel: member-app   # a channel id: its kind makes the touch digital")
    add(f"#        office: middle        # {' | '.join(vocab.OFFICES)}")
    add("#        dimension: coordination")
    add(f"#        pain: high            # {' | '.join(vocab.LEVELS)}")
    add("#        cost: medium")
    add("#        time: 2 days")
    add("")
    add("# Bone-deep CX: how far each capability reaches into each office")
    add(f"# ({' | '.join(vocab.CX_REACH)}), and the systems behind the smiles.")
    add("cx:")
    add("  capabilities:")
    for capability in vocab.CX_CAPABILITY_IDS:
        add(f"    {capability}:")
    add("  #  e.g. delivery: {front: established, middle: partial, back: absent}")
    add("  systems: []")
    add("  #  - id: claims")
    add("  #    name: Claims platform")
    kinds = vocab.SYSTEM_KINDS
    add(f"  #    kind: claims         # {' | '.join(kinds[:4])} |")
    add(f"  #                         # {' | '.join(kinds[4:])}")
    add("  #    office: back")
    add("  #    serves: [coordination, monetization]   # dimension ids")
    add("  #    data_governance: partial")
    add("  #    pain: high")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class NewCanvas:
    """What ``create_canvas`` wrote."""

    path: Path
    schema_path: Path | None  # the schema file written or refreshed beside it, if any
    schema_skipped: Path | None = None  # a file of that name that is not modelh's, left alone
    skipped_because: str = ""  # why it was left alone, for the user


def create_canvas(
    path: str | os.PathLike[str],
    *,
    title: str,
    organization: str,
    prepared_by: list[str] | None = None,
    date: str | None = None,
    write_schema: bool = True,
) -> NewCanvas:
    """Write a starter canvas at ``path``; never overwrite an existing file."""
    target = Path(path)
    if date is not None and not _is_iso_date(date):
        raise UsageError(f"date '{date}' is not a date written YYYY-MM-DD")
    if not title.strip():
        raise UsageError("the title must not be empty")
    if not organization.strip():
        raise UsageError("the organization must not be empty")
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise UsageError(f"{target}: a canvas file name ends in .yaml or .yml")
    if target.exists() or target.is_symlink():
        raise UsageError(f"{target} already exists; choose another name (nothing was written)")
    for parent in target.parents:
        if parent.exists() and not parent.is_dir():
            raise UsageError(f"{parent} is a file, so {target} cannot be created in it")
    schema_path = target.parent / SCHEMA_FILENAME if write_schema else None
    skipped, because, linked = None, "", False
    if schema_path is not None:
        because = _why_not_ours(schema_path)
        if because:  # never point a canvas at a foreign schema
            skipped, schema_path = schema_path, None
        elif schema_path.is_symlink():  # modelh's schema, through a link: used, not written
            linked = True
    text = starter_text(
        title=title.strip(),
        organization=organization.strip(),
        prepared_by=[p.strip() for p in prepared_by or [] if p.strip()],
        date=date,
        schema_ref=SCHEMA_FILENAME if schema_path is not None else None,
    )
    parse_canvas(text, str(target))  # a starter that does not load is a bug, not a file
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text.encode("utf-8"), exclusive=True)
    except FileExistsError:
        raise UsageError(f"{target} already exists; nothing was written") from None
    except OSError as exc:
        raise UsageError(f"{target}: cannot write the file: {exc.strerror}") from None
    if linked:
        schema_path = None  # nothing written beside the canvas
    elif schema_path is not None:
        try:
            write_atomic(schema_path, schema_text().encode("utf-8"), links="refuse")
        except OSError as exc:
            raise UsageError(
                f"wrote {target}, but not {schema_path}: {exc.strerror}; run "
                f"'modelh schema -o {schema_path}'"
            ) from None
    return NewCanvas(target, schema_path, skipped, because)


def _is_iso_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _why_not_ours(path: Path) -> str:
    """Why a canvas may not point to ``path`` as modelh's schema; "" when it may.

    It may when the file is absent (it is then written) or holds modelh's own
    schema: a regular file is refreshed, a symbolic link is used but never written
    through (it may point anywhere). A pipe or a device is never opened.
    """
    from modelh.canvas.guard import Kind, read_file
    from modelh.errors import CanvasError

    if not os.path.lexists(path):
        return ""
    link = path.is_symlink()
    if link and not path.exists():
        return "it is a symbolic link to nothing, and modelh never writes through a link"
    try:
        current = json.loads(read_file(path, Kind("a schema", "a schema file", 4 * 1048576)))
    except CanvasError as exc:
        reason = exc.problems[0].message
    except ValueError:
        reason = "it is not modelh's schema"
    else:
        if isinstance(current, dict) and current.get("$id") == SCHEMA_ID:
            return ""
        reason = "it is not modelh's schema"
    return f"{reason} (behind a symbolic link)" if link else reason
