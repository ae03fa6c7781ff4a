"""Risk methods as data: levels, risk matrix and unacceptable level, loaded from YAML and checked.

Shipped methods live in `pia/data/methods/` (gbt39335, cnil, ico); a user's own file works the same way.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from pia.config import METHODS_DIR, display_path
from pia.errors import InputError, Problem
from pia.field_errors import field_message
from pia.yamlsource import YamlDocument, load_yaml

INTERNAL_IMPACT = ("low", "medium", "high", "severe")
INTERNAL_LIKELIHOOD = ("low", "medium", "high", "very_high")
DEFAULT_METHOD = "gbt39335"


class Level(BaseModel):
    """One level of a method's scale."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Identifier of the level, as used in the matrix and in JSON.")
    label: str = Field(description="Name of the level for people (may carry the standard's own term).")


class LikelihoodModel(str, Enum):
    """How exposure is read from the facts."""

    gbt39335_factors = "gbt39335_factors"  # GB/T 39335-2020 5.4: four groups of risk-source factors
    cnil_sources = "cnil_sources"  # CNIL PIA methodology: risk sources' capabilities


class NotAssessed(str, Enum):
    """How a catalogue measure the assessment does not mention counts."""

    as_missing = "as_missing"  # no credit, and its weight stays in the share (a gap nobody has ruled out)
    left_out = "left_out"  # neither credit nor weight: only the measures the assessment covers are weighed


class Rounding(str, Enum):
    """How a score (0-3) becomes a level of the internal scale."""

    nearest = "nearest"  # the nearest step, halves upward
    up = "up"  # the next step up unless the score is exactly on a step


class MethodParameters(BaseModel):
    """Choices the standards leave open; each is a `pia default` whose rationale is in its description.

    The defaults are those of the shipped methods; a method file may set others under `parameters:`.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    likelihood_model: LikelihoodModel = Field(LikelihoodModel.gbt39335_factors, description=(
        "Which grouping of the facts rates exposure: the GB/T 39335-2020 5.4 factor groups, or the CNIL "
        "risk sources (capabilities)."))
    exposure_rule: str = Field("top_two_mean", pattern="^top_two_mean$", description=(
        "pia default: exposure is the mean of the two highest group ratings, so that one kind of exposure "
        "alone reaches at most half way above the others and never the top of the scale."))
    improvable_credit: float = Field(0.5, ge=0, le=1, description=(
        "pia default: an 'improvable' measure counts for half of an implemented one in the current stage "
        "(it is in place, with known gaps)."))
    max_measure_reduction: float = Field(3.0, ge=0, le=3, description=(
        "pia default: steps of likelihood that every measure of a feared event, fully in place, removes "
        "(3: from the top of the scale to the bottom, as the CNIL's 'negligible' describes a threat the risk "
        "sources cannot carry out against the supporting assets)."))
    core_gate_floor: float = Field(0.2, gt=0, le=1, description=(
        "pia default: while a core measure of a feared event (weight 2) is missing, all its measures together "
        "count for this fraction: a gap in the main defence is not made up by many small measures."))
    core_gate_full_at: float = Field(0.5, gt=0, le=1, description=(
        "pia default: credit of the weakest core measure from which the measures count fully "
        "(0.5: every core measure at least improvable)."))
    severity_step_weight: float = Field(3.0, gt=0, description=(
        "pia default: weighted credit of severity-lowering measures (minimisation, de-identification, ...) "
        "that lowers severity by one whole level."))
    max_severity_reduction: float = Field(1.0, ge=0, le=3, description=(
        "pia default: measures lower severity by at most one level; the nature of the data fixes the rest."))
    not_assessed: NotAssessed = Field(NotAssessed.as_missing, description=(
        "pia default: a catalogue measure the assessment does not mention (status not_assessed) counts as missing "
        "(no credit, weight kept): the CNIL methodology weighs existing or planned measures, and a measure nobody "
        "has confirmed is neither; outputs still show it as not assessed, and the action plan asks to assess it. "
        "'left_out' weighs only the measures the assessment covers."))
    likelihood_rounding: Rounding = Field(Rounding.up, description=(
        "pia default: a likelihood score becomes a level by rounding up, so that the lowest level needs the "
        "exposure wholly countered (neither GB/T 39335-2020 Annex D nor the CNIL methodology gives arithmetic; "
        "the rule follows the CNIL likelihood scale, whose lowest level is a threat the risk sources cannot carry "
        "out, and the next one a threat that is merely difficult: exposure the measures leave, however small, is "
        "the latter). 'nearest' (halves upward) reads a score as the closest level instead. Severity always rounds "
        "up: measures lower it only by whole steps of severity_step_weight."))


class Method(BaseModel):
    """A risk method: impact and likelihood scales, a risk matrix and the level from which risk is unacceptable.

    The kit scores on one internal 4-step scale (impact low/medium/high/severe, likelihood
    low/medium/high/very_high: the GB/T 39335-2020 Annex D scales). Each method maps every internal step
    onto one of its own levels (`impact_from_internal`, `likelihood_from_internal`); a method with three
    levels (ICO) maps two internal steps onto one level. The risk is then read from the method's own
    matrix. Mappings must not go down and the matrix must not fall as a level rises, so that a rise on
    the internal scale never lowers a risk under any method.
    """

    model_config = ConfigDict(frozen=True)

    name: str = Field(description="Short name used with --method (e.g. gbt39335).")
    title: str = Field(description="Title of the method for people.")
    source: str = Field(description="The standard or guidance the method follows.")
    impact_levels: tuple[Level, ...] = Field(description="Impact (severity) levels, lowest first.")
    likelihood_levels: tuple[Level, ...] = Field(description="Likelihood levels, lowest first.")
    risk_levels: tuple[Level, ...] = Field(description="Risk levels, lowest first.")
    impact_from_internal: dict[str, str] = Field(description="Internal impact step -> this method's impact level.")
    likelihood_from_internal: dict[str, str] = Field(
        description="Internal likelihood step -> this method's likelihood level.")
    matrix: dict[str, dict[str, str]] = Field(description="impact level -> likelihood level -> risk level.")
    unacceptable_from: str = Field(description=(
        "Default risk level from which a risk is unacceptable, used when no organisation setting is given."))
    parameters: MethodParameters = Field(default_factory=MethodParameters,
                                         description="The method's pia default choices (see MethodParameters).")
    file: str = Field("", description="Where the method was read from.")

    # ------------------------------------------------------------------ lookups
    def impact_ids(self) -> list[str]:
        """The impact level ids, lowest first."""
        return [lv.id for lv in self.impact_levels]

    def likelihood_ids(self) -> list[str]:
        """The likelihood level ids, lowest first."""
        return [lv.id for lv in self.likelihood_levels]

    def risk_ids(self) -> list[str]:
        """The risk level ids, lowest first."""
        return [lv.id for lv in self.risk_levels]

    def risk_rank(self, level: str) -> int:
        """Position of a risk level on the method's risk scale (0 = lowest)."""
        return self.risk_ids().index(level)

    def risk(self, impact: str, likelihood: str) -> str:
        """Risk level of an impact and a likelihood given in this method's own levels."""
        return self.matrix[impact][likelihood]

    def score(self, impact_step: int, likelihood_step: int) -> tuple[str, str, str]:
        """Map internal steps (0..3) onto the method and read the matrix: (impact, likelihood, risk)."""
        impact = self.impact_from_internal[INTERNAL_IMPACT[impact_step]]
        likelihood = self.likelihood_from_internal[INTERNAL_LIKELIHOOD[likelihood_step]]
        return impact, likelihood, self.risk(impact, likelihood)

    def unacceptable(self, risk_level: str) -> bool:
        """True when `risk_level` reaches the method's unacceptable level."""
        return self.risk_rank(risk_level) >= self.risk_rank(self.unacceptable_from)

    def label(self, level: str) -> str:
        """People's label of any level id of this method."""
        for lv in (*self.impact_levels, *self.likelihood_levels, *self.risk_levels):
            if lv.id == level:
                return lv.label
        return level


# --------------------------------------------------------------------------- loading


def available_methods() -> list[str]:
    """Names of the methods shipped with the kit."""
    return sorted(p.stem for p in METHODS_DIR.glob("*.yaml"))


def default_method(regimes: frozenset[str] | set[str]) -> str:
    """The shipped method of a service's regimes: gbt39335 where Chinese law applies, else cnil (GDPR, WP248).

    pia default: the method whose sources are the service's law, so that a GDPR service is not assessed (and
    cited) under a Chinese national standard unless asked for.
    """
    return DEFAULT_METHOD if "CN" in regimes or not (set(regimes) & {"EU", "UK"}) else "cnil"


def load_method(name_or_path: str | Path | Method = DEFAULT_METHOD) -> Method:
    """Load a shipped method by name, or a method file by path.

    Parameters
    ----------
    name_or_path
        A shipped method's name (``gbt39335``, ``cnil``, ``ico``), a path to a method YAML file, or a
        `Method` (returned as it is).

    Returns
    -------
    Method
        The checked method.

    Raises
    ------
    InputError
        Unknown name, unreadable file, or an inconsistent method (missing matrix cell, unknown level,
        non-monotone matrix or mapping), each problem with file and line.
    """
    if isinstance(name_or_path, Method):
        return name_or_path
    text = str(name_or_path)
    shipped = METHODS_DIR / f"{text}.yaml"
    if "/" not in text and "\\" not in text and not text.endswith((".yaml", ".yml")):
        if not shipped.is_file():
            raise InputError(Problem("--method", f"unknown method {text!r} (shipped: {', '.join(available_methods())}; "
                                                 "or give the path of a method YAML file)"))
        path = shipped
    else:
        path = Path(text)
    return method_from_document(load_yaml(path))


def method_from_document(doc: YamlDocument) -> Method:
    """Check a parsed method file and build the `Method`; raise InputError listing every problem."""
    problems: list[Problem] = []
    src = doc.source

    def bad(loc: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(src, message, doc.line_of(loc), doc.path_of(loc)))

    data = doc.data
    if not isinstance(data, dict):
        raise InputError(Problem(src, "a method file must be a YAML mapping", 1))
    known = {"name", "title", "source", "impact", "likelihood", "risk_levels", "unacceptable_from", "matrix",
             "parameters"}
    for key in sorted(set(map(str, data)) - known):
        bad((key,), f"unknown field (allowed: {', '.join(sorted(known))})")
    for key in ("name", "title", "source", "unacceptable_from"):
        if not isinstance(data.get(key), str) or not data.get(key):
            bad((key,), "required text field is missing or empty")

    def levels(loc: tuple[Any, ...], raw: Any) -> list[Level]:
        if not isinstance(raw, list) or len(raw) < 2:
            bad(loc, "expected a list of at least two levels, lowest first ({id, label})")
            return []
        out: list[Level] = []
        for i, item in enumerate(raw):
            if isinstance(item, str):
                item = {"id": item, "label": item}
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                bad(loc + (i,), "a level needs an id (text)")
                continue
            if item["id"] in [lv.id for lv in out]:
                bad(loc + (i, "id"), f"duplicate level {item['id']!r}")
                continue
            out.append(Level(id=item["id"], label=str(item.get("label", item["id"]))))
        return out

    def axis(key: str, internal: tuple[str, ...]) -> tuple[list[Level], dict[str, str]]:
        raw = data.get(key)
        if not isinstance(raw, dict):
            bad((key,), "required mapping is missing (levels, from_internal)")
            return [], {}
        lv = levels((key, "levels"), raw.get("levels"))
        ids = [x.id for x in lv]
        mapping = raw.get("from_internal")
        out: dict[str, str] = {}
        if not isinstance(mapping, dict):
            bad((key, "from_internal"), f"required mapping of the internal steps {', '.join(internal)} to this method's levels")
            return lv, out
        for step in internal:
            if step not in mapping:
                bad((key, "from_internal"), f"internal step {step!r} is not mapped (needed: {', '.join(internal)})")
            elif mapping[step] not in ids:
                bad((key, "from_internal", step), f"unknown level {mapping[step]!r} (levels: {', '.join(ids)})")
            else:
                out[step] = mapping[step]
        for extra in sorted(set(map(str, mapping)) - set(internal)):
            bad((key, "from_internal", extra), f"unknown internal step (allowed: {', '.join(internal)})")
        if len(out) == len(internal):
            ranks = [ids.index(out[s]) for s in internal]
            if any(b < a for a, b in zip(ranks, ranks[1:], strict=False)):
                bad((key, "from_internal"), "the mapping must not go down as the internal step goes up")
        return lv, out

    impact_levels, impact_map = axis("impact", INTERNAL_IMPACT)
    likelihood_levels, likelihood_map = axis("likelihood", INTERNAL_LIKELIHOOD)
    risk_levels = levels(("risk_levels",), data.get("risk_levels"))
    risk_ids = [x.id for x in risk_levels]
    imp_ids = [x.id for x in impact_levels]
    lik_ids = [x.id for x in likelihood_levels]

    unacceptable = data.get("unacceptable_from")
    if isinstance(unacceptable, str) and risk_ids and unacceptable not in risk_ids:
        bad(("unacceptable_from",), f"unknown risk level {unacceptable!r} (risk levels: {', '.join(risk_ids)})")

    matrix: dict[str, dict[str, str]] = {}
    raw_matrix = data.get("matrix")
    if not isinstance(raw_matrix, dict):
        bad(("matrix",), "required mapping impact -> likelihood -> risk is missing")
    else:
        for imp in map(str, raw_matrix):
            if imp not in imp_ids:
                bad(("matrix", imp), f"unknown impact level {imp!r} (levels: {', '.join(imp_ids)})")
        for imp in imp_ids:
            row = raw_matrix.get(imp)
            if not isinstance(row, dict):
                bad(("matrix",), f"row for impact {imp!r} is missing")
                continue
            for lik in map(str, row):
                if lik not in lik_ids:
                    bad(("matrix", imp, lik), f"unknown likelihood level {lik!r} (levels: {', '.join(lik_ids)})")
            for lik in lik_ids:
                if lik not in row:
                    bad(("matrix", imp), f"cell impact {imp!r} x likelihood {lik!r} is missing")
                elif row[lik] not in risk_ids:
                    bad(("matrix", imp, lik), f"unknown risk level {row[lik]!r} (risk levels: {', '.join(risk_ids)})")
                else:
                    matrix.setdefault(imp, {})[lik] = row[lik]
        complete = len(matrix) == len(imp_ids) and all(len(r) == len(lik_ids) for r in matrix.values())
        if complete and imp_ids and lik_ids:
            for i, imp in enumerate(imp_ids):
                for j, lik in enumerate(lik_ids):
                    here = risk_ids.index(matrix[imp][lik])
                    if i and risk_ids.index(matrix[imp_ids[i - 1]][lik]) > here:
                        bad(("matrix", imp, lik), f"risk goes down from impact {imp_ids[i - 1]!r} to {imp!r} "
                                                  "(the matrix must not fall as impact rises)")
                    if j and risk_ids.index(matrix[imp][lik_ids[j - 1]]) > here:
                        bad(("matrix", imp, lik), f"risk goes down from likelihood {lik_ids[j - 1]!r} to {lik!r} "
                                                  "(the matrix must not fall as likelihood rises)")
    params = MethodParameters()
    if data.get("parameters") is not None:
        try:
            params = MethodParameters.model_validate(data["parameters"])
        except ValidationError as exc:
            for err in exc.errors():
                bad(("parameters", *err["loc"]), field_message(err))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.path, p.message))
        raise InputError(problems)
    return Method(parameters=params, name=data["name"], title=data["title"], source=data["source"],
                  impact_levels=tuple(impact_levels), likelihood_levels=tuple(likelihood_levels),
                  risk_levels=tuple(risk_levels), impact_from_internal=impact_map,
                  likelihood_from_internal=likelihood_map, matrix=matrix, unacceptable_from=unacceptable,
                  file=display_path(doc.source))
