"""Fairness of automated decisions (PIPL Art. 24(1)), read by `pia check` (`declare.lint`).

PIPL Art. 24(1): a handler that uses personal information for automated decision-making keeps the decision-making
transparent and its results fair and impartial, and does not treat people with unreasonable differences in
transaction prices or other transaction terms. PIPL Art. 73(2) defines automated decision-making as computer programs
analysing and evaluating people's behaviour, habits, interests, or their economic, health or credit status, and
deciding from it: broader than the decisions with legal or similar effect of GDPR Art. 22. The right to an
explanation and to refuse (Art. 24(3)) is checked apart (`right_missing`).

An activity comes under the rule where it declares `automated_decisions`, or `personalised_pricing` (prices or other
transaction terms set per person from their data). It then states how it meets the rule in `fairness`; a statement is
the assessor's, which the kit cannot test, so the finding only asks for it, and for the pricing rule reminds of the
prohibition whatever is stated.
"""
from __future__ import annotations

from dataclasses import dataclass

from pia.declare.manifest import Manifest
from pia.i18n import L_, Message

SOURCE = "PIPL Art. 24(1)"


@dataclass(frozen=True)
class FairnessFinding:
    """One activity's gap against PIPL Art. 24(1)."""

    activity: int  # index in processing_activities
    rule: str  # automated_decision_fairness or differential_pricing
    field: str  # the manifest field the finding points at
    serious: bool  # a warning (nothing stated) rather than a note
    message: Message


def fairness_findings(m: Manifest) -> list[FairnessFinding]:
    """The activities that take automated decisions or price per person without a fairness statement. Pure.

    Only where the PIPL applies (the controller or its users in China): the GDPR has no counterpart of the pricing
    rule, and its Art. 22 safeguards are checked as rights.
    """
    if "CN" not in m.regimes:
        return []
    out: list[FairnessFinding] = []
    for i, a in enumerate(m.processing_activities):
        stated = bool(a.fairness and str(a.fairness).strip())
        if a.automated_decisions and not stated:
            out.append(FairnessFinding(i, "automated_decision_fairness", "automated_decisions", True, L_(
                "activity {id!r} takes automated decisions: the decision-making must be transparent and its results "
                "fair and impartial; state how in `fairness` (the logic disclosed to people, how results are "
                "checked for unreasonable differences between them)", id=a.id)))
        if a.personalised_pricing:
            out.append(FairnessFinding(i, "differential_pricing", "personalised_pricing", not stated, L_(
                "activity {id!r} sets prices or other transaction terms per person from their data: unreasonable "
                "differential treatment in transaction prices or terms is not allowed; record the pricing rules and "
                "how differences between people are justified and checked", id=a.id) if not stated else L_(
                "activity {id!r} sets prices or other transaction terms per person: its fairness statement must "
                "cover why each difference in price or terms between people is reasonable", id=a.id)))
    return out


__all__ = ["SOURCE", "FairnessFinding", "fairness_findings"]
