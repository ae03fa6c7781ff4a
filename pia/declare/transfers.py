"""Transfers abroad: where an activity's data leaves a regime, judged against each regime its data subjects are under.

The controller's home regime always counts (PIPL Art. 38 for a handler in China, GDPR Art. 44 in the EU). A service
that also serves people elsewhere (`service.jurisdictions`, or an activity's own `subjects_in`) is judged against
their regimes too: the personal data of people in China that reaches a recipient outside China is provided abroad
under PIPL Art. 38, whatever the controller's home; that of people in the EU that reaches a recipient outside the EU
is transferred under GDPR Chapter V.

Which facts count as leaving a regime R:
- a recipient of the activity's data located outside R: another party receives the data outside R (the three
  criteria of a transfer: an exporter subject to the law discloses data to an importer in a third country, EDPB
  Guidelines 05/2021 (v2.0), section 2);
- a storage location outside R, except, for a regime other than the controller's home, a location in the home
  regime: a controller that collects the data itself from people in R and keeps it at home has no importer (the
  same guidelines: collection directly from the data subjects is no transfer). pia default: the kit reads the
  same rule for every regime, as none of the others is modelled separately;
- `storage.cross_border: true`, for the home regime only (its meaning: the data leaves the controller's
  jurisdiction).
For the home regime the rule is the one the kit always applied, so a single-regime manifest is judged as before.

`leaving(m, a, regime)` is one regime's view, the one each law's own rule reads. A regime other than the
controller's home, and PIPL for a handler in China (PIPL Art. 3: outside China, only the data of people in China is
PIPL's), reads only its own people's data, so a place that holds only other people's data takes none of theirs out:
- declared first: `storage.residency` (whose data each storage location holds) and a recipient's `data_of` (whose
  data it receives) say it; a place declared to hold the data of people under the regime leaves it, one declared to
  hold only others' does not; a declaration that names none of the activity's data subjects' places is not read;
- else, for PIPL and a handler in China only, inferred (pia default, the reading the kit used before the
  declaration existed): a storage location or a recipient in the regime of the activity's other data subjects (a
  Chinese controller keeping EU families' data in Frankfurt) is read as holding theirs, as a service keeps a region
  for the users of that region. It is the lenient reading (no transfer), so the screening names each place it
  read this way and the field that would state it (`kept_in`); no other regime infers.
For the GDPR at home the controller's law governs all its processing wherever the people are (GDPR Art. 3(1)): no
cut. For a handler outside China with users in China, PIPL reaches it through Art. 3(2); the kit reads its direct
collection as no providing abroad and its passing the data to a recipient outside China as providing abroad
(`HANDLER_ABROAD_SOURCES`; the screening's finding states the reading).
"""
from __future__ import annotations

from dataclasses import dataclass

from pia.declare.manifest import Manifest, ProcessingActivity
from pia.declare.vocabulary import regime_of


# The sources of the reading for a handler outside China serving people in China (the PIPL Art. 55(4) finding
# states it): PIPL reaches it through Art. 3(2) and asks it for a representative (Art. 53); Art. 38, 39 and 55(4)
# speak of a handler providing personal information abroad, and the CAC's measures of a handler's data collected
# and generated in China, without saying whether a handler already abroad provides abroad; pia default: the
# three criteria of a transfer of the EDPB guidelines, as for every regime (its own storage is direct collection,
# another party outside China receiving the data is providing abroad).
HANDLER_ABROAD_SOURCES = ("PIPL Art. 3(2)", "PIPL Art. 53", "PIPL Art. 38", "PIPL Art. 39", "PIPL Art. 55(4)",
                          "CAC Outbound Data Transfer Security Assessment Measures (2022) Art. 2",
                          "EDPB Guidelines 05/2021 (v2.0), section 2")
# The sources of the GDPR's view: Chapter V for data leaving the EU/EEA (Art. 44), adequacy (Art. 45, the
# Commission's list), the controller's law over all its processing (Art. 3(1)).
GDPR_TRANSFER_SOURCES = ("GDPR Art. 3(1)", "GDPR Art. 44", "GDPR Art. 45", "GDPR Art. 46",
                         "European Commission adequacy decisions (2025)")


@dataclass(frozen=True)
class Transfer:
    """One fact by which an activity's data leaves a regime."""

    regime: str  # the regime the data leaves ('CN', 'EU', 'UK', or a country code)
    fact: str  # 'storage.cross_border', a storage location code or a recipient id
    kind: str  # 'cross_border', 'storage' or 'recipient'
    home: bool  # the regime is the controller's own

    @property
    def label(self) -> str:
        """The fact as the outputs name it: bare for the home regime (as before), `CN→US` for another regime."""
        return self.fact if self.home else f"{self.regime}→{self.fact}"


def subject_regimes(m: Manifest, a: ProcessingActivity) -> list[str]:
    """The regimes a transfer of `a` is judged against: the controller's, then those of the data subjects.

    Where the subjects are: the activity's `subjects_in`, else the service's `jurisdictions` (where its users are);
    neither: the controller's regime only.
    """
    home = regime_of(m.controller.jurisdiction)
    where = a.subjects_in if a.subjects_in is not None else m.service.jurisdictions
    out = [home]
    for code in where:
        r = regime_of(code)
        if r not in out:
            out.append(r)
    return out


def transfers(m: Manifest, a: ProcessingActivity) -> list[Transfer]:
    """Every fact by which activity `a`'s data leaves one of its subjects' regimes (module docstring). Pure."""
    home = regime_of(m.controller.jurisdiction)
    groups = {e.group for e in m.elements_of(a)}
    # a recipient counts only through the data groups it receives (as in the likelihood factors, pia default)
    recipients = [r for r in m.recipients_of(a) if set(r.data_groups) & groups]
    out: list[Transfer] = []
    for regime in subject_regimes(m, a):
        is_home = regime == home
        if is_home and a.storage.cross_border:
            out.append(Transfer(regime, "storage.cross_border", "cross_border", True))
        for loc in sorted(set(a.storage.locations)):
            where = regime_of(loc)
            if where != regime and (is_home or where != home):
                out.append(Transfer(regime, loc, "storage", is_home))
        out += [Transfer(regime, r.id, "recipient", is_home) for r in recipients if regime_of(r.location) != regime]
    return out


@dataclass(frozen=True)
class Kept:
    """A fact of `transfers` a regime's own rule does not read as its people's data leaving it, and how that is known."""

    transfer: Transfer
    place: str  # the storage location or the recipient's location
    holds: tuple[str, ...]  # the places whose people's data it holds (declared), or the other subjects' regimes
    declared: bool  # True: storage.residency / recipients[].data_of; False: the pia default inference


def _declared(m: Manifest, a: ProcessingActivity, t: Transfer) -> list[str] | None:
    """Whose data the place of a storage or recipient fact holds, as the manifest declares it (None: not declared)."""
    if t.kind == "storage":
        return (a.storage.residency or {}).get(t.fact)
    if t.kind == "recipient":
        return next((r.data_of for r in m.recipients if r.id == t.fact), None)
    return None


def _sorted_out(m: Manifest, a: ProcessingActivity, regime: str) -> tuple[list[Transfer], list[Kept]]:
    """The transfers out of `regime` its own rule reads, and the facts it does not (with why). Pure."""
    found = [t for t in transfers(m, a) if t.regime == regime]
    home = regime_of(m.controller.jurisdiction)
    if regime == home and regime != "CN":
        return found, []  # the controller's own law reads all its processing (GDPR Art. 3(1))
    where = {r.id: r.location for r in m.recipients}
    others = tuple(r for r in subject_regimes(m, a) if r != regime)
    out: list[Transfer] = []
    kept: list[Kept] = []
    for t in found:
        place = t.fact if t.kind == "storage" else where.get(t.fact, "") if t.kind == "recipient" else ""
        declared = _declared(m, a, t)
        # a declaration names the activity's own data subjects; one naming none of them (an EU region for a service
        # whose users are all in China) cannot say whose data the place holds: the rule without it reads
        if declared is not None and not {regime_of(p) for p in declared} & {regime, *others}:
            declared = None
        if declared is not None:
            if regime in {regime_of(p) for p in declared}:
                out.append(t)
            else:
                kept.append(Kept(t, place, tuple(declared), True))
        elif regime == "CN" == home and place and regime_of(place) in others:
            # pia default (module docstring): a place where the activity's other data subjects are holds theirs
            kept.append(Kept(t, place, (regime_of(place),), False))
        else:
            out.append(t)
    return out, kept


def leaving(m: Manifest, a: ProcessingActivity, regime: str) -> list[Transfer]:
    """The transfers of activity `a` out of `regime`, as that regime's own rule reads them (module docstring). Pure.

    Empty when `regime` is not among the activity's subject regimes (`subject_regimes`).
    """
    return _sorted_out(m, a, regime)[0]


def kept_in(m: Manifest, a: ProcessingActivity, regime: str) -> list[Kept]:
    """The places of `a` outside `regime` that its rule does not read as taking its people's data out, and why. Pure."""
    return _sorted_out(m, a, regime)[1]


# GDPR Art. 45: the places the European Commission has found to ensure an adequate level of protection (its list
# as of January 2025: 15 decisions; "European Commission adequacy decisions (2025)" in pia/data/sources.yaml). Two
# decisions cover only part of a country's organisations, which the manifest does not say: the place is named
# with the condition, not counted as adequate.
ADEQUATE = frozenset({"AD", "AR", "CH", "FO", "GB", "GG", "IL", "IM", "JE", "JP", "KR", "NZ", "UK", "UY"})
ADEQUATE_IN_PART = {"CA": "commercial organisations under PIPEDA",
                    "US": "organisations certified under the EU-US Data Privacy Framework"}
GDPR_REGIMES = ("EU", "UK")


def adequacy(place: str) -> str:
    """Whether an EU adequacy decision (GDPR Art. 45) covers `place`: 'yes', 'in part' or 'no'."""
    code = place.strip().upper()
    return "yes" if code in ADEQUATE else "in part" if code in ADEQUATE_IN_PART else "no"


def third_country_transfers(m: Manifest, a: ProcessingActivity) -> list[Transfer] | None:
    """`a`'s transfers to a third country as the GDPR reads them (Chapter V, Art. 44), None where it does not apply.

    For each GDPR regime (the EU/EEA, the UK) among the activity's data subjects' regimes, the data leaving it
    (`leaving`): a recipient or a storage location outside the EU/EEA (or the UK) wherever the controller is; a
    Dutch controller's Irish host is no third country, a Chinese processor of EU people's data is. None when no
    data subject of the activity is under either: the callers then keep the controller's own view.
    """
    gdpr = [r for r in subject_regimes(m, a) if r in GDPR_REGIMES]
    if not gdpr:
        return None
    return [t for regime in gdpr for t in leaving(m, a, regime)]


def regimes_left(m: Manifest, a: ProcessingActivity, fact: str) -> list[str]:
    """The regimes whose people's data a fact of `a` (a storage location or a recipient id) takes out, in order."""
    return [r for r in subject_regimes(m, a) if any(t.fact == fact for t in leaving(m, a, r))]


__all__ = ["ADEQUATE", "ADEQUATE_IN_PART", "GDPR_REGIMES", "GDPR_TRANSFER_SOURCES", "HANDLER_ABROAD_SOURCES", "Kept",
           "Transfer", "adequacy", "kept_in", "leaving", "regimes_left", "subject_regimes", "third_country_transfers",
           "transfers"]
