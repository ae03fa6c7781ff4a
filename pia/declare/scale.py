"""Facts about the scale of a processing activity that the rest of the manifest does not give.

WP29's guidelines on DPOs (WP243 rev.01, section 2.1.3), to which WP248 refers for criterion 5, name four factors of
"large scale": the number of data subjects, the volume and range of data items, the duration or permanence of the
processing, and its geographical extent. The manifest already gives the number (`subjects_count`), the range of items
(`data_elements`) and retention periods; `scale:` adds how often data is collected, whether the processing is
permanent and how far it reaches, where the assessor knows them (`pia.risk.scale` judges them).
"""
from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from pia.i18n import N_


class Collection(str, Enum):
    """How often the activity collects data about each person (the volume factor of WP243 rev.01, 2.1.3)."""

    once = "once"  # at sign-up or set-up
    on_event = "on_event"  # when something happens: a message sent, a button pressed
    periodic = "periodic"  # at regular, spaced intervals: a daily total
    continuous = "continuous"  # a stream, or readings minutes apart while the service is in use


class Duration(str, Enum):
    """Whether the processing runs for a limited time or permanently (the duration factor of WP243 rev.01, 2.1.3)."""

    temporary = "temporary"  # a campaign, a trial, a one-off study
    permanent = "permanent"  # for as long as the service is offered


class Extent(str, Enum):
    """How far the processing reaches (the geographical extent factor of WP243 rev.01, 2.1.3)."""

    local = "local"  # one town or one site
    regional = "regional"  # a region or province
    national = "national"  # one country
    international = "international"  # several countries


# The words of the ids above and of the factors, as the risk engine's sentences show them (`Term`, `Message`).
SCALE_WORDS = (N_("once"), N_("on event"), N_("periodic"), N_("continuous"), N_("temporary"), N_("permanent"),
               N_("local"), N_("regional"), N_("national"), N_("international"), N_("volume of data"),
               N_("duration"), N_("geographical extent"))

# Extents the kit reads as wide (pia default: WP243 rev.01's examples of large-scale processing are a city's
# transport system and an international chain; a regional or local reach is left to the number of people).
WIDE_EXTENTS = frozenset({Extent.national, Extent.international})


class ScaleFacts(BaseModel):
    """What the assessor knows of an activity's scale beyond its number of data subjects (all optional)."""

    model_config = ConfigDict(extra="forbid")

    collection: Collection | None = Field(None, description=(
        "How often data is collected about each person: once, on_event, periodic or continuous (WP243 rev.01 "
        "2.1.3: volume of data). Not stated: the kit does not count the volume factor."))
    duration: Duration | None = Field(None, description=(
        "temporary or permanent (WP243 rev.01 2.1.3: duration or permanence). Not stated: derived from continuous "
        "collection or from the retention periods of the activity's data."))
    extent: Extent | None = Field(None, description=(
        "local, regional, national or international (WP243 rev.01 2.1.3: geographical extent). Not stated: derived "
        "from where the activity's data subjects are (subjects_in, else service.jurisdictions)."))
