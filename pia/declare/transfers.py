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

`leaving(m, a, regime)` is one regime's view, the one each law's own rule reads: PIPL's (Art. 38, 39, 55(4)) is
cut, for a controller in China, to the data of people in China, as PIPL governs processing in China and, outside
China, that of natural persons in China (PIPL Art. 3): a storage location or a recipient in the regime of the
activity's other data subjects (a Chinese controller keeping EU families' data in Frankfurt) is not read as
providing the data of people in China abroad (pia default: the manifest does not say whose data is kept where;
reading it as the data of the people of that place is the only reading under which it is not provided abroad, and a
manifest that keeps people in China's data there declares it by `storage.cross_border`).
"""
from __future__ import annotations

from dataclasses import dataclass

from pia.declare.manifest import Manifest, ProcessingActivity
from pia.declare.vocabulary import regime_of


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


def leaving(m: Manifest, a: ProcessingActivity, regime: str) -> list[Transfer]:
    """The transfers of activity `a` out of `regime`, as that regime's own rule reads them (module docstring). Pure.

    Empty when `regime` is not among the activity's subject regimes (`subject_regimes`).
    """
    found = [t for t in transfers(m, a) if t.regime == regime]
    if regime != "CN" or regime_of(m.controller.jurisdiction) != "CN":
        return found  # the cut reads the home rule only: a foreign regime's transfers already spare places at home
    others = set(subject_regimes(m, a)) - {"CN"}
    where = {r.id: r.location for r in m.recipients}

    def place(t: Transfer) -> str | None:
        return t.fact if t.kind == "storage" else where.get(t.fact) if t.kind == "recipient" else None

    # PIPL Art. 3: outside China, only the data of people in China is PIPL's; a place where the activity's other
    # data subjects are is read as holding theirs
    return [t for t in found if (p := place(t)) is None or regime_of(p) not in others]


def regimes_left(m: Manifest, a: ProcessingActivity, fact: str) -> list[str]:
    """The regimes whose people's data a fact of `a` (a storage location or a recipient id) takes out, in order."""
    return [r for r in subject_regimes(m, a) if any(t.fact == fact for t in leaving(m, a, r))]


__all__ = ["Transfer", "leaving", "regimes_left", "subject_regimes", "transfers"]
