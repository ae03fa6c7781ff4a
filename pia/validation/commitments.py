"""The manifest's commitments against the check catalogue: every check a commitment cites must exist.

A commitment citing an undefined check would be reported as tested while nothing tests it.
"""
from __future__ import annotations

from typing import Any

from pia.errors import InputError, Problem, quote


def undefined_checks(manifest: Any) -> list[Problem]:
    """One problem per `commitments.N.evidence.M` that names no check of `pia validate`.

    Parameters
    ----------
    manifest
        A loaded `pia.declare.manifest.Manifest`.

    Returns
    -------
    list of Problem
        Located at the cited id's line in the manifest file.
    """
    if manifest.datasets:  # the manifest's own checks: are what `pia validate` runs for it
        known = {c.id for c in manifest.checks}
        where = "which is not a check of this manifest (its checks: section)"
    else:  # no datasets declared: `pia validate` runs the reference manifest's checks
        from pia.validation.checks import CHECKS

        known = {c.id for c in CHECKS}
        where = ("which pia validate does not define (this manifest declares no datasets:, so the reference's "
                 "checks apply)")
    problems = []
    for i, commitment in enumerate(manifest.commitments):
        for j, cited in enumerate(commitment.evidence):
            if cited not in known:
                problems.append(Problem(manifest.source, f"commitment {commitment.id} cites check {quote(cited)}, "
                                        + where,
                                        manifest.line_of("commitments", i, "evidence", j),
                                        f"commitments.{i}.evidence.{j}"))
    return problems


def require_defined_checks(manifest: Any) -> Any:
    """`manifest` itself, or InputError listing every cited check that does not exist."""
    problems = undefined_checks(manifest)
    if problems:
        raise InputError(problems)
    return manifest
