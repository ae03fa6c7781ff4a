"""Draft notice to users about a policy update, in plain Markdown, from a change review.

Written for someone who is not a lawyer: what changes, why it matters, what they can do and whom to ask; in the
language in force (`pia.i18n`: en or zh-CN), with the manifest's texts in that language where it gives them.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING

from pia.changes.audience import UNREACHABLE, change_subjects, declared_kinds, sort_kinds
from pia.changes.retention import bound as retention_bound
from pia.changes.rules import GUARDIAN_GDPR, trigger_why
from pia.declare.manifest import DataGroup, DataSubject, Manifest, RightKind
from pia.declare.subjects import describe_age
from pia.declare.vocabulary import DataSubjectRight
from pia.declare.taxonomy import load_taxonomy
from pia.i18n import N_, LocalizedText, _, current_language, ngettext, pick
from pia.sources import source_title

if TYPE_CHECKING:  # pragma: no cover
    from pia.changes.rules import ChangeReview, ClassifiedChange

GROUP_WORDS: dict[str, str] = {
    DataGroup.account.value: N_("account details (such as your name, phone number and email address)"),
    DataGroup.order.value: N_("order and delivery details"),
    DataGroup.device.value: N_("information about your cameras"),
    DataGroup.snapshot.value: N_("camera snapshots and alert settings"),
    DataGroup.tracking.value: N_("cookies and records of how you use our website and emails"),
}

# Every right by its name for users: the reference's combined kinds and the rights the laws name
# (vocabulary.DataSubjectRight), so a notice never shows a raw id.
RIGHT_WORDS: dict[str, str] = {
    RightKind.access_correct.value: N_("See and correct your information"),
    RightKind.delete.value: N_("Ask us to delete your information"),
    RightKind.change_consent.value: N_("Change or withdraw your consent"),
    RightKind.cancel_account.value: N_("Close your account"),
    DataSubjectRight.access.value: N_("See your information and get a copy"),
    DataSubjectRight.rectification.value: N_("Correct your information"),
    DataSubjectRight.erasure.value: N_("Ask us to delete your information"),
    DataSubjectRight.consent_withdrawal.value: N_("Withdraw your consent"),
    DataSubjectRight.portability.value: N_("Take your information with you"),
    DataSubjectRight.objection.value: N_("Object to a use of your information"),
    DataSubjectRight.restriction.value: N_("Ask us to pause the use of your information"),
    DataSubjectRight.account_cancellation.value: N_("Close your account"),
    DataSubjectRight.automated_decision_explanation.value: N_("Ask why an automated decision was taken about you"),
}

CHANNEL_WORDS: dict[str, str] = {
    "push": N_("a push notification"),
    "popup": N_("a pop-up in the app"),
    "email": N_("email"),
    "sms": N_("a text message"),
    "website": N_("a notice on our website"),
}

# Whom a notice is for, by the manifest's kinds of data subject (pia.changes.audience), in the notice's words.
AUDIENCE_WORDS: dict[str, str] = {
    DataSubject.customers.value: N_("customers"),
    DataSubject.minors.value: N_("young users (and their parents or guardians)"),
    DataSubject.bystanders.value: N_("people who appear in recordings"),
    DataSubject.website_visitors.value: N_("visitors to our website"),
    DataSubject.employees.value: N_("our employees"),
    DataSubject.students.value: N_("students"),
    DataSubject.patients.value: N_("patients"),
    DataSubject.elderly.value: N_("older users"),
    DataSubject.asylum_seekers.value: N_("asylum seekers"),
    DataSubject.vulnerable.value: N_("users who depend on us"),
    DataSubject.platform_workers.value: N_("drivers, couriers and others who work through our platform"),
}

_SECTION_ORDER = {"processing_activities": 0, "data_elements": 1, "recipients": 2}
_ID_PATH = re.compile(r"^(?P<section>[a-z_.]+?)\[(?P<id>[^\]]+)\](?P<rest>.*)$")


def _zh() -> bool:
    return current_language() == "zh"


def _sentence(text: str | None) -> str:
    text = " ".join(str(pick(text) or "").split())
    text = re.sub(r"\b(the )?contact in VIII\b|\s?VIII ?所列联系方式", _("the contacts listed below"), text)
    if text.endswith((".", "!", "?", "。", "！", "？")):
        return text
    return text + ("。" if _zh() else ".")


def _sp() -> str:
    """The space between two sentences: none in Chinese (its full stop is the break)."""
    return "" if _zh() else " "


def _end(text: str) -> str:
    """`text` without its closing full stop (either language's)."""
    return text.rstrip(".。")


def _name(text: str | None) -> str:
    """A manifest text in the language in force, lower-cased at the start in English."""
    return _lower_first(pick(text) or "")


def _list_item(text: str, last: bool) -> str:
    """A list item of the agreement section: `;` between items, a full stop after the last (`；` / `。` in zh)."""
    return text + (("。" if _zh() else ".") if last else ("；" if _zh() else ";"))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _join_words(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if _zh():
        return "、".join(items[:-1]) + "和" + items[-1]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _groups(groups: list[str]) -> str:
    return _join_words([_(GROUP_WORDS[g]) if g in GROUP_WORDS else g for g in groups])


def _right(kind: str) -> str:
    return _(RIGHT_WORDS[kind]) if kind in RIGHT_WORDS else kind.replace("_", " ")


def format_day(day: dt.date) -> str:
    """A date as readers of the language in force write it (Babel: July 1, 2026; 2026年7月1日)."""
    from babel.dates import format_date

    return format_date(day, format="long", locale="zh_CN" if _zh() else "en_US")


def _received(manifest: Manifest, recipient) -> str:
    """What a recipient actually receives, in the words of the notice.

    The data elements of the activities that name it, within its data groups (so the notice does not claim more,
    or less, than the manifest says); group words as a fallback.
    """
    groups = {str(g) for g in recipient.data_groups}
    names: list[str] = []
    for act in manifest.processing_activities:
        if recipient.id not in act.recipients:
            continue
        for el in manifest.elements_of(act):
            if str(el.group) in groups and _name(el.name) not in names:
                names.append(_name(el.name))
    if not names:
        return _("your {what}", what=_groups(sorted(groups)))
    return _("your {what}", what=_join_words(names))


def _whom(kinds: list[str]) -> str:
    """Kinds of data subject in the notice's words (`drivers, couriers ... and customers`)."""
    return _join_words([_(AUDIENCE_WORDS[k]) if k in AUDIENCE_WORDS else k.replace("_", " ") for k in kinds])


def _concerns(review: ChangeReview, paths: list[str]) -> str:
    """` *(Concerns: drivers ...)*` after a bullet whose changes touch fewer kinds than the notice is sent to.

    The notice goes to `notify.audience` (every kind the service declares when a change concerns everyone); empty
    when the bullet concerns all of them, or when the manifests do not say whose data it is.
    """
    old, new = review.manifests
    target = frozenset(review.notify.audience.subjects) or declared_kinds(old, new)
    found = [change_subjects(p, old, new) for p in paths]
    if len(target) < 2 or not found or any(f is None for f in found):
        return ""
    kinds = frozenset().union(*(f for f in found if f is not None))
    # compared by the people a message reaches: leaving out only bystanders narrows no one's notice
    if target - UNREACHABLE <= kinds:
        return ""
    # the people a message reaches first, those who only appear in recordings after them
    ordered = sorted(sort_kinds(kinds), key=lambda k: k in UNREACHABLE)
    return _sp() + "*" + _("(Concerns: {whom}.)", whom=_whom(ordered)) + "*"


def _audience_lines(review: ChangeReview) -> list[str]:
    """Whom the notice is for: only the people the changes concern when no change concerns everyone.

    People who merely appear in recordings have no account a channel reaches: the posted policy informs them.
    """
    aud = review.notify.audience
    lines = []
    if not aud.everyone and aud.subjects:
        reached = [k for k in aud.subjects if k not in UNREACHABLE]
        lines.append(_("**This notice is for {whom}:** the changes concern only their information. Other users "
                       "are not sent it; the updated policy is posted for everyone.", whom=_whom(reached or aud.subjects)))
    touched = {k for c in review.changes if c.trigger is not None
               for k in (change_subjects(c.path, *review.manifests) or ())}
    if touched & UNREACHABLE:
        lines.append(_("Some changes concern {whom}, who do not use our service: no message reaches them, so the "
                       "posted policy informs them.", whom=_whom(sort_kinds(touched & UNREACHABLE))))
    return lines


def _split(path: str) -> tuple[str, str | None, str]:
    m = _ID_PATH.match(path)
    if not m:
        return path, None, ""
    return m["section"], m["id"], m["rest"]


def _sensitive_note(category: str | None) -> str:
    """Why a new sensitive element needs explicit agreement; the category is left out where it repeats the name."""
    if category is None:
        return _sp() + _("This is sensitive personal information: if it were leaked or misused it could seriously harm "
                         "you or the people it concerns, so it needs your explicit agreement.")
    return _sp() + _("This is sensitive personal information ({category}): if it were leaked or misused it could "
                     "seriously harm you or the people it concerns, so it needs your explicit agreement.",
                     category=category)


def _category_words(manifest: Manifest, key: str) -> str:
    """A taxonomy category for users: its name, or the Chinese name of the manifest's element of that category.

    The taxonomy's names are English data; in Chinese the element's own Chinese name is used when it has one, else
    the category's name from the catalog (`pia.report.names.TAXONOMY_NAMES` marks them).
    """
    name = load_taxonomy()[key].name
    if _zh():
        for el in manifest.data_elements:
            if el.category == key and isinstance(el.name, LocalizedText) and "zh" in el.name.translations:
                return el.name.translations["zh"]
        return _(name)
    return name.lower()


def _what_changes(review: ChangeReview, old: Manifest, new: Manifest) -> list[str]:
    """One plain bullet per significant change, grouped by the record it concerns."""
    bullets: list[str] = []
    seen: set[tuple[str, str | None]] = set()
    old_el = {e.id: e for e in old.data_elements}
    new_el = {e.id: e for e in new.data_elements}
    old_act = {a.id: a for a in old.processing_activities}
    new_act = {a.id: a for a in new.processing_activities}
    old_rec = {r.id: r for r in old.recipients}
    new_rec = {r.id: r for r in new.recipients}
    old_rights = {r.kind.value: r for r in old.rights}
    new_rights = {r.kind.value: r for r in new.rights}

    order = {t.id: i for i, t in enumerate(review.triggers)}
    significant = sorted((c for c in review.changes if c.trigger is not None),
                         key=lambda c: (order.get(c.trigger or "", 99), _SECTION_ORDER.get(_split(c.path)[0], 9), c.path))
    # a recipient added or removed as a whole is explained once, in its own bullet
    whole = {rid for rid in set(new_rec) ^ set(old_rec)}
    for ch in significant:
        section, rid, _rest = _split(ch.path)
        count = len(bullets)
        if section == "processing_activities" and rid:
            if (section, rid) in seen:
                continue
            seen.add((section, rid))
            own = [c for c in significant if c.path.startswith(f"{section}[{rid}]")
                   and not _whole_recipient(c, whole)]
            if own:
                bullets.append(_activity_bullet(old_act.get(rid), new_act.get(rid), new_el, {**old_rec, **new_rec}, own))
        elif section == "data_elements" and rid:
            if (section, rid) in seen:
                continue
            seen.add((section, rid))
            el_before, el_after = old_el.get(rid), new_el.get(rid)
            if el_before is None and el_after is not None:
                text = _("**We will collect a new kind of information: {name}.**", name=_name(el_after.name))
                if el_after.sensitive:
                    category = _category_words(new, el_after.category)
                    text += _sensitive_note(None if category == _name(el_after.name) else category)
                bullets.append(text)
            elif el_after is None and el_before is not None:
                bullets.append(_("**We will stop collecting {name}.**", name=_name(el_before.name)))
            # from here both exist (a change path names an element of one side at least)
            elif el_after is not None and el_before is not None and ch.trigger == "retention_lengthened":
                if el_after.retention.max_days is not None:
                    until = _("up to {n} days", n=el_after.retention.max_days)
                elif math.isinf(retention_bound(el_after.retention).days or 0):
                    until = _("with no fixed limit")
                else:  # the period read from the rule's words, which follow
                    until = ""
                was = _(" (before: up to {n} days)", n=el_before.retention.max_days) \
                    if el_before.retention.max_days else ""
                head = _("**We will keep {name} longer: {until}{was}.**", name=_name(el_after.name), until=until,
                         was=was) if until else _("**We will keep {name} longer.**", name=_name(el_after.name))
                bullets.append(head + _sp() + _sentence(el_after.retention.rule))
            elif el_after is not None and el_before is not None and ch.trigger == "retention_unclear":
                bullets.append(_("**How long we keep {name} changes.**", name=_name(el_after.name)) + _sp()
                               + _sentence(el_after.retention.rule))
            elif el_after is not None and el_before is not None:
                note = _sp() + _("It now counts as sensitive personal information.") \
                    if el_after.sensitive and not el_before.sensitive else ""
                bullets.append(_("**What we record as {name} changes** (its kind, source or sensitivity).",
                                 name=_name(el_after.name)) + note)
        elif section == "recipients" and rid:
            if (section, rid) in seen:
                continue
            seen.add((section, rid))
            rec_before, rec_after = old_rec.get(rid), new_rec.get(rid)
            if rec_after is not None:
                cond = _sp() + _sentence(rec_after.condition) if rec_after.condition else ""
                consent = _sp() + _("Only if you agree.") if rec_after.legal_basis.value == "consent" else ""
                head = _("A new organisation will receive your information") if rec_before is None else \
                    _("What we give to an organisation changes")
                via = [_name(new_act[a].name) for a in sorted(new_act) if rid in new_act[a].recipients]
                src = _(", collected for {purposes}", purposes=_join_words(via)) if via else ""
                bullets.append(_("**{head}: {name}.** It would receive {what}{src}.", head=head,
                                 name=pick(rec_after.name), what=_received(new, rec_after), src=src) + consent + cond)
            elif rec_before is not None:
                bullets.append(_("**{name} will no longer receive your information.**", name=pick(rec_before.name)))
        elif section == "rights" and rid:
            if (section, rid) in seen:
                continue
            seen.add((section, rid))
            right_before, right_after = old_rights.get(rid), new_rights.get(rid)
            label = _right(rid)
            if right_after is not None:
                bullets.append(_("**{right}: how you do it changes.**", right=label) + _sp() + _sentence(right_after.how))
            elif right_before is not None:
                bullets.append(_("**{right}: this right is no longer listed in the policy.**", right=label))
        elif section.startswith("controller.ownership") or section in ("controller.legal_entity", "controller.jurisdiction"):
            if ("ownership", None) in seen:
                continue
            seen.add(("ownership", None))
            bullets.append(_ownership_bullet(old, new))
        elif section.startswith(("controller.security_department", "controller.contact", "controller.complaint_channels")):
            if ("contact", None) in seen:
                continue
            seen.add(("contact", None))
            bullets.append(_contact_bullet(old, new))
        elif section == "rejection_grounds":
            if ("rejection", None) in seen:
                continue
            seen.add(("rejection", None))
            bullets.append(_("**The reasons for which we may turn down a request about your information change.**"))
        elif section == "settings.rights_response_days":
            bullets.append(_("**We will answer your requests within {n} days** (before: {before}).",
                             n=new.settings.rights_response_days, before=old.settings.rights_response_days))
        elif section == "settings.erasure_grace_days":
            bullets.append(_("**After you close your account, we will erase your information within {n} days** "
                             "(before: {before}).", n=new.settings.erasure_grace_days,
                             before=old.settings.erasure_grace_days))
        elif section == "settings.minor_age":
            bullets.append(_("**Users under {age} (before: {before}) will need a parent's or guardian's agreement.**",
                             age=describe_age(new.settings.minor_age), before=describe_age(old.settings.minor_age)))
        else:
            key = (section, None)
            if key not in seen:
                seen.add(key)
                bullets.append(_("**The situations in which we may use information without asking you change.**")
                               if section.startswith("consent_exemptions") else
                               _("**Other change: {what}.**", what=section.replace("_", " ")))
        if len(bullets) > count and rid and section in _SECTION_ORDER:
            # whom the record's changes concern, where fewer than everyone the service holds data on
            bullets[-1] += _concerns(review, [c.path for c in significant if c.path.startswith(f"{section}[{rid}]")])
    # assumptions document the assessment, not the policy: users are not told about them; the date the policy
    # takes effect is announced at the top of the notice, not as an edit
    minor = sum(1 for c in review.minor_changes
                if not c.path.startswith("assumptions") and not c.path.endswith("policy.effective_date"))
    if minor:
        bullets.append(ngettext("We also made {n} smaller edit (clearer wording, corrected names, more detail) that "
                                "does not change how your information is used.",
                                "We also made {n} smaller edits (clearer wording, corrected names, more detail) that "
                                "do not change how your information is used.", minor))
    return bullets


def _whole_recipient(change: ClassifiedChange, whole: set[str]) -> bool:
    value = change.after if change.after is not None else change.before
    return ".recipients[" in change.path and isinstance(value, str) and value in whole


def _activity_bullet(before, after, new_el, recipients, changes: list[ClassifiedChange]) -> str:
    if after is None:
        return _("**We will stop {name}.** We will no longer use your information for it.", name=_name(before.name))
    uses = ("；" if _zh() else "; ").join(_name(new_el[e].name) for e in after.data_elements if e in new_el)
    if before is None:
        optional = _sp() + _("It is optional: you can leave it switched off.") if after.optional else ""
        return _("**New use of your information: {name}.** What for: {purpose} It uses: {uses}.",
                 name=_name(after.name), purpose=_lower_first(_sentence(after.purpose)), uses=uses) + optional
    parts = []
    for ch in changes:
        _section, _id, rest = _split(ch.path)
        field = rest.lstrip(".")
        if field == "purpose":
            parts.append(_("its purpose is now: {purpose}", purpose=_lower_first(_sentence(after.purpose))))
        elif field.startswith("data_elements[") and ch.after and ch.after in new_el:
            parts.append(_("it will also use {name}", name=_name(new_el[ch.after].name)))
        elif field.startswith("data_elements[") and ch.before:
            parts.append(_("it will no longer use {name}", name=ch.before.replace("_", " ")))
        elif field.startswith("recipients[") and ch.after in recipients:
            parts.append(_("{name} will receive information from it", name=pick(recipients[ch.after].name)))
        elif field.startswith("recipients[") and ch.before in recipients:
            parts.append(_("{name} will no longer receive information from it", name=pick(recipients[ch.before].name)))
        elif field.startswith("measures.") and ch.trigger == "promised_measure":
            measure = field.split(".")[1].replace("_", " ")
            parts.append(_("a protection our policy promises ({measure}) will no longer be fully in place",
                           measure=measure))
        elif field.startswith("storage.locations[") and ch.trigger == "cross_border":
            parts.append(_("your information will also be stored in {country}, outside the country", country=ch.after))
        else:
            label = re.sub(r"\[.*$", "", field).split(".")[0].replace("_", " ")
            parts.append(_("the way it works changes ({what})", what=label))
    parts = list(dict.fromkeys(_end(p) for p in parts))
    return _("**{name} changes:** {what}.", name=pick(after.name), what=("；" if _zh() else "; ").join(parts))


_CONTACT_FIELDS = {"phone": N_("phone"), "email": N_("email"), "web": N_("the web"), "address": N_("post")}


def _contact_bullet(old: Manifest, new: Manifest) -> str:
    o, n = old.controller, new.controller
    parts = []
    department = pick(n.security_department.name) or ""
    for who, before, after in ((_("our {department}", department=department.lower()), o.security_department.contact,
                                n.security_department.contact), (_("us"), o.contact, n.contact)):
        for field, word in _CONTACT_FIELDS.items():
            b, a = getattr(before, field), getattr(after, field)
            if a and a != b:
                text = (_("you can reach {who} by {way} at {address}", who=who, way=_(word), address=a) if b else
                        _("you can now reach {who} by {way} at {address}", who=who, way=_(word), address=a))
                parts.append(text + (_(" (before: {before})", before=b) if b else ""))
            elif b and not a:
                parts.append(_("{who} can no longer be reached by {way} at {address}", who=who, way=_(word), address=b))
    if o.security_department.name != n.security_department.name:
        parts.append(_("the department responsible for protecting your information is now the {department}",
                       department=department.lower()))
    before_c = {pick(c.authority) or "" for c in o.complaint_channels}
    after_c = {pick(c.authority) or "" for c in n.complaint_channels}
    if after_c - before_c:
        parts.append(_("you can also complain to {authorities}", authorities=_join_words(sorted(after_c - before_c))))
    if before_c - after_c:
        parts.append(_("{authorities} no longer listed for complaints",
                       authorities=_join_words(sorted(before_c - after_c))))
    text = ("；" if _zh() else "; ").join(parts) or _("the way to reach us changes")
    return _("**New contact details:** {details}.", details=text[:1].upper() + text[1:])


def _ownership_bullet(old: Manifest, new: Manifest) -> str:
    o, n = old.controller, new.controller
    parts = []
    if o.legal_entity != n.legal_entity:
        parts.append(_("your information will be held by {new} instead of {old}", new=n.legal_entity,
                       old=o.legal_entity))
    added = [s for s in n.ownership.controlling_shareholders if s not in o.ownership.controlling_shareholders]
    gone = [s for s in o.ownership.controlling_shareholders if s not in n.ownership.controlling_shareholders]
    if added:
        parts.append(ngettext("{names} becomes a controlling shareholder", "{names} become a controlling shareholder",
                              len(added), names=_join_words(added)))
    if gone:
        parts.append(ngettext("{names} is no longer a controlling shareholder",
                              "{names} are no longer a controlling shareholder", len(gone), names=_join_words(gone)))
    if o.ownership.parent_company != n.ownership.parent_company:
        parts.append(_("the parent company becomes {name}", name=n.ownership.parent_company)
                     if n.ownership.parent_company else _("there is no longer a parent company"))
    if o.jurisdiction != n.jurisdiction:
        parts.append(_("the company responsible moves from {old} to {new}", old=o.jurisdiction, new=n.jurisdiction))
    stays = "" if o.legal_entity != n.legal_entity else \
        _sp() + _("{entity} remains responsible for your information.", entity=n.legal_entity)
    what = ("；" if _zh() else "; ").join(parts) or _("the ownership structure changes")
    # a company name ending the sentence ("MegaRide Group Inc.") already ends with its full stop
    return _("**Change of ownership:** {what}.", what=what.removesuffix(".")) + stays


def _asks(review: ChangeReview, new: Manifest) -> list[str]:
    tax = load_taxonomy()
    acts = {a.id: a for a in new.processing_activities}
    recs = {r.id: r for r in new.recipients}
    out = []
    for r in review.reasons:
        if r.kind == "new_purpose" and r.subject in acts:
            out.append(_("to use your information for {purpose}", purpose=_name(acts[r.subject].name)))
        elif r.kind == "new_sensitive_category" and r.subject in tax and r.activity in acts:
            out.append(_("to process {category}, which is sensitive information, for {purpose}",
                         category=_category_words(new, r.subject), purpose=_name(acts[r.activity].name)))
        elif r.kind == "new_sensitive_category" and r.subject in tax:
            out.append(_("to process {category}, which is sensitive information",
                         category=_category_words(new, r.subject)))
        elif r.kind == "new_consent_recipient" and r.subject in recs:
            rec = recs[r.subject]
            out.append(_("to give {what} to {recipient}", what=_received(new, rec), recipient=pick(rec.name)))
        elif r.kind == "purpose_outside_exemption" and r.subject in acts:
            out.append(_("to use your information for the new purpose of {name}: {purpose}",
                         name=_name(acts[r.subject].name), purpose=_end(_lower_first(_sentence(acts[r.subject].purpose)))))
        elif r.kind == "new_data_type" and r.subject in acts:
            out.append(_("to use more kinds of information for {purpose}", purpose=_name(acts[r.subject].name)))
        elif r.kind == "cross_border" and r.subject in recs and r.subject not in acts:
            # a recipient abroad receives the information: it is not "information of" the recipient
            name = pick(recs[r.subject].name) or r.subject
            if new.regimes & {"EU", "UK"}:  # separate consent is PIPL's rule: only people in China are asked
                out.append(_("if you are in China, to send your information to {recipient}, outside the country",
                             recipient=name))
            else:
                out.append(_("to send your information to {recipient}, outside the country", recipient=name))
        elif r.kind == "cross_border":
            name = acts[r.subject].name if r.subject in acts else r.subject
            if new.regimes & {"EU", "UK"}:  # separate consent is PIPL's rule: only people in China are asked
                out.append(_("if you are in China, to store or send information of {name} outside the country",
                             name=_name(name)))
            else:
                out.append(_("to store or send information of {name} outside the country", name=_name(name)))
    return [_list_item(text, i == len(out) - 1) for i, text in enumerate(out)]


def _guardian_line(review: ChangeReview, new: Manifest) -> list[str]:
    """Who says yes for a child: the parent or guardian (PIPL Art. 31 under 14; GDPR Art. 8(1) below its age)."""
    from pia.sources import citation_ids

    ids = {i for r in review.reasons for i in citation_ids(r.clause)}
    cn, eu = "PIPL Art. 31" in ids, GUARDIAN_GDPR in ids
    if not (cn or eu):
        return []
    ages = sorted({new.settings.minor_age_for(g) for g in new.regimes & {"EU", "UK"}})
    if cn and eu:
        line = _("Where this concerns a child's information, we will ask the child's parent or guardian: Chinese law "
                 "requires it for a child under {cn}, and the GDPR for a child under {eu} (Article 8(1)).",
                 cn=new.settings.minor_age_for("CN"), eu="/".join(str(a) for a in ages))
    elif cn:
        line = _("Where this concerns a child's information, we will ask the child's parent or guardian: Chinese law "
                 "requires it for a child under {cn} (Article 31 of the Personal Information Protection Law).",
                 cn=new.settings.minor_age_for("CN"))
    else:
        line = _("Where this concerns a child's information, we will ask the child's parent or guardian: the GDPR "
                 "requires it for a child under {eu} (Article 8(1)).", eu="/".join(str(a) for a in ages))
    return [line, ""]


def _ways(point) -> list[str]:
    """How to reach a contact point, in words: phone, email, web, post."""
    return [_("phone {value}", value=point.phone) if point.phone else "",
            _("email {value}", value=point.email) if point.email else "",
            _("web {value}", value=point.web) if point.web else "",
            _("post {value}", value=point.address) if point.address else ""]


def _contacts(new: Manifest) -> list[str]:
    c = new.controller
    lines = []
    general = _ways(c.contact)
    if any(general):
        lines.append(_("Questions and requests about your information: {ways}.", ways=_join_words(general)))
    dept = _ways(c.security_department.contact)
    if any(dept):
        lines.append(_("Our {department}: {ways}.", department=(pick(c.security_department.name) or "").lower(),
                       ways=_join_words(dept)))
    if c.complaint_channels:
        names = _join_words([pick(ch.authority) or "" for ch in c.complaint_channels])
        lines.append(_("If you are not satisfied with our answer, you can complain to the authorities: {names}.",
                       names=names))
    return lines


# Why users receive the notice, by the law of each regime that protects them: the exact catalogue ids
# (pia/data/sources.yaml) behind each sentence of the closing line, so a test can hold the wording to them.
NOTICE_GROUNDS: dict[str, str] = {
    # PIPL Art. 17: para. 1 lists what individuals are told (and how: conspicuously, in clear language); para. 2:
    # when one of those matters changes, the change is told to them
    "changes_told": "PIPL Art. 17 para. 2",
    # PIPL Art. 14 para. 2: a changed purpose, method or category of data needs consent again
    "consent_again": "PIPL Art. 14 para. 2",
    # GDPR Art. 12(1): concise, transparent, intelligible, easily accessible, in clear and plain language
    "form": "GDPR Art. 12(1)",
    # GDPR Art. 13(3) / 14(4): before further processing for another purpose, that purpose is told
    "further_purpose": "GDPR Art. 13(3); GDPR Art. 14(4)",
    # the GDPR sets no list of changes to notify: the transparency guidelines ask that material changes are told
    "material_changes": "WP260 rev.01",
    "privacy_policy_model": "GB/T 35273-2020",
    "assessment_guide": "GB/T 39335-2020",
}
_GDPR_REGIMES = frozenset({"EU", "UK"})


def _purpose_changes(review: ChangeReview) -> bool:
    """Whether NEW uses information for a purpose OLD did not have: a new activity, or an activity's purpose changed."""
    return any(re.fullmatch(r"processing_activities\[[^\]]+\](\.purpose)?", c.path)
               and (c.kind.value == "added" or c.path.endswith(".purpose")) for c in review.changes)


def _pipl_grounds(review: ChangeReview) -> list[str]:
    """The closing line's reasons under Chinese law (PIPL Art. 17 para. 2, Art. 14 para. 2, the national standards)."""
    from pia.sources import citation_ids

    lang = "zh" if _zh() else "en"
    parts = [_("{law}, Article 17, second paragraph, requires us to tell you of the changes to what we told you about "
               "how we handle your information", law=source_title("PIPL", lang))]
    # Art. 14 para. 2 only where a reason for fresh consent rests on it (a changed purpose, method or data type)
    if any("PIPL Art. 14" in citation_ids(r.clause) for r in review.reasons):
        parts.append(_("its Article 14, second paragraph, requires your consent again when the purpose or the way we "
                       "handle your information, or the kinds of information, change"))
    parts.append(_("we follow the privacy-policy model of {standard}",
                   standard=source_title(NOTICE_GROUNDS["privacy_policy_model"], lang)))
    if review.risk.assessed and review.risk.method == "gbt39335":
        parts.append(_("we assessed the new version under {standard}",
                       standard=source_title(NOTICE_GROUNDS["assessment_guide"], lang)))
    return parts


def _gdpr_grounds(review: ChangeReview) -> list[str]:
    """The closing line's reasons under the GDPR (Art. 12(1); Art. 13(3) and 14(4) for a new purpose; WP260 rev.01)."""
    lang = "zh" if _zh() else "en"
    parts = [_("{law}, Article 12(1), requires us to tell you in a concise, clear and plain way",
               law=source_title("GDPR", lang))]
    if _purpose_changes(review):
        parts.append(_("its Articles 13(3) and 14(4) require us to tell you of a new purpose before we use your "
                       "information for it"))
    if review.significant:
        parts.append(_("the European data protection authorities' guidelines on transparency ({guidelines}) ask that "
                       "changes that matter to you are brought to your attention before they take effect",
                       guidelines=NOTICE_GROUNDS["material_changes"]))
    return parts


def _legal_basis(review: ChangeReview, new: Manifest) -> str:
    """Why users receive the notice, by the law of each regime that protects them, naming the laws by their titles.

    Chinese law for people in China (PIPL Art. 17 para. 2: changes are told; Art. 14 para. 2: consent again, when a
    reason rests on it; GB/T 35273-2020's policy model; GB/T 39335-2020 when the review used it); the GDPR for
    people in the European Union or the United Kingdom (Art. 12(1): the form; Art. 13(3) and 14(4): a new purpose
    is told before use; WP260 rev.01: material changes are told); each addressed to its readers when both apply.
    Empty when neither applies.
    """
    sep = "；" if _zh() else "; "
    cn, gdpr = "CN" in new.regimes, new.regimes & _GDPR_REGIMES
    if not (cn and gdpr):  # one regime: its reasons are every reader's
        grounds = _pipl_grounds(review) if cn else _gdpr_grounds(review) if gdpr else []
        return _("Why you receive this notice: {reasons}.", reasons=sep.join(grounds)) if grounds else ""
    china = _("If you are in China: {reasons}.", reasons=sep.join(_pipl_grounds(review)))
    eu = sep.join(_gdpr_grounds(review))
    where = (_("If you are in the United Kingdom: {reasons}.", reasons=eu) if gdpr == {"UK"} else
             _("If you are in the European Union: {reasons}.", reasons=eu) if gdpr == {"EU"} else
             _("If you are in the European Union or the United Kingdom: {reasons}.", reasons=eu))
    return _("Why you receive this notice.") + _sp() + china + _sp() + where


def draft_notice(review: ChangeReview, effective_date: dt.date | None = None) -> str:
    """The draft user notice for `review` (NEW's rights, contacts and channels), as Markdown.

    In the language in force. The date the update takes effect is `effective_date` (`pia diff --effective-date`),
    else NEW's `policy.effective_date` (or `service.policy.effective_date`); without either the notice says the
    date is still to be set.
    """
    old, new = review.manifests
    service = pick(new.service.name)
    policy = new.policy_ref
    version = _(" to version {version}", version=policy.version) if policy and policy.version else ""
    day = effective_date or (policy.effective_date if policy else None) or \
        (new.policy.effective_date if new.policy is not None else None)
    when = _("The updated policy takes effect on {date}.", date=format_day(day)) if day else \
        _("The date the updated policy takes effect is not set yet: add it before sending.")
    draft = (_("*Draft notice prepared from a change review. Check it and have it approved before sending.*") if day else
             _("*Draft notice prepared from a change review. Check it, fill in the date, and have it approved "
               "before sending.*"))
    out = ["# " + _("We are updating how {service} handles your personal information", service=service), "", draft, ""]
    if not review.changes:
        out += [_("Our privacy policy does not change: there is nothing to tell users."), ""]
        return "\n".join(out)
    if review.significant:
        how = _join_words([_(CHANNEL_WORDS[c]) if c in CHANNEL_WORDS else c for c in review.notify.channels])
        sent = _sp() + _("We send you this message by {channels}.", channels=how) if how else ""
        out += [_("We are updating our privacy policy{version}. Some of the changes matter to you, so we are telling "
                  "you about them directly.", version=version) + sent + _sp() + when, ""]
        audience = _audience_lines(review)
        out += [_sp().join(audience), ""] if audience else []
    else:
        out += [_("We are updating our privacy policy{version} with small edits only: clearer wording and more "
                  "detail. How we use your information does not change.", version=version) + _sp() + when, ""]

    out += ["## " + _("What is changing"), ""]
    out += [f"- {b}" for b in _what_changes(review, old, new)]
    out.append("")

    if review.triggers:
        out += ["## " + _("Why this matters to you"), ""]
        for t in review.triggers:
            out.append(f"- {trigger_why(review.manifests[1], t.id)}")
        out.append("")

    asks = _asks(review, new)
    if asks:
        out += ["## " + _("We will ask for your agreement first"), "",
                _("Before any of the following starts, we will ask you. If you say no, we will not do it:"), ""]
        out += [f"- {a}" for a in asks]
        out += ["", *_guardian_line(review, new), _("You can change your mind later; see *Your rights* below."), ""]

    if new.rights:
        days = new.settings.rights_response_days
        out += ["## " + _("Your rights and how to use them"), ""]
        for r in new.rights:
            limits = _sp() + _("Limits: {limits}", limits=_lower_first(_sentence(r.limitations))) if r.limitations else ""
            out.append("- " + _("**{right}.** {how}", right=_right(r.kind.value), how=_sentence(r.how)) + limits)
        out += ["", _("We answer requests within {n} days.", n=days), ""]

    contacts = _contacts(new)
    if contacts:
        out += ["## " + _("Questions and complaints"), ""]
        out += [f"- {line}" for line in contacts]
        out.append("")

    if any("VII.3" in c.clauses for c in new.commitments):
        out += ["## " + _("If you do not agree"), "",
                _("If you keep using the service after the update takes effect, the updated policy applies to you. "
                  "If you do not accept it, you can stop using the service and close your account "
                  "(see *Your rights*)."), ""]
    basis = _legal_basis(review, new)
    if basis:
        out += [f"*{basis}*", ""]
    return "\n".join(out)
