"""Draft notice to users about a policy update, in plain Markdown, from a change review.

Written for someone who is not a lawyer: what changes, why it matters, what they can do and whom to ask.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pia.changes.rules import trigger_why
from pia.declare.manifest import DataGroup, Manifest, RightKind
from pia.declare.taxonomy import load_taxonomy

if TYPE_CHECKING:  # pragma: no cover
    from pia.changes.rules import ChangeReview, ClassifiedChange

GROUP_WORDS: dict[str, str] = {
    DataGroup.account.value: "account details (such as your name, phone number and email address)",
    DataGroup.order.value: "order and delivery details",
    DataGroup.device.value: "information about your cameras",
    DataGroup.snapshot.value: "camera snapshots and alert settings",
    DataGroup.tracking.value: "cookies and records of how you use our website and emails",
}

RIGHT_WORDS: dict[str, str] = {
    RightKind.access_correct.value: "See and correct your information",
    RightKind.delete.value: "Ask us to delete your information",
    RightKind.change_consent.value: "Change or withdraw your consent",
    RightKind.cancel_account.value: "Close your account",
}

CHANNEL_WORDS: dict[str, str] = {
    "push": "a push notification",
    "popup": "a pop-up in the app",
    "email": "email",
    "sms": "a text message",
    "website": "a notice on our website",
}

_SECTION_ORDER = {"processing_activities": 0, "data_elements": 1, "recipients": 2}
_ID_PATH = re.compile(r"^(?P<section>[a-z_.]+?)\[(?P<id>[^\]]+)\](?P<rest>.*)$")


def _sentence(text: str) -> str:
    text = " ".join(str(text).split())
    text = re.sub(r"\b(the )?contact in VIII\b", "the contacts listed below", text)
    return text if text.endswith((".", "!", "?")) else text + "."


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _join_words(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _groups(groups: list[str]) -> str:
    return _join_words([GROUP_WORDS.get(g, g) for g in groups])


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
            if str(el.group) in groups and el.name not in names:
                names.append(el.name)
    if not names:
        return f"your {_groups(sorted(groups))}"
    return "your " + _join_words([_lower_first(n) for n in names])


def _split(path: str) -> tuple[str, str | None, str]:
    m = _ID_PATH.match(path)
    if not m:
        return path, None, ""
    return m["section"], m["id"], m["rest"]


def _sensitive_note(el_category: str) -> str:
    cat = load_taxonomy()[el_category]
    return (f" This is sensitive personal information ({cat.name.lower()}): if it were leaked or misused it "
            "could seriously harm you or the people it concerns, so it needs your explicit agreement.")


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
        section, rid, _ = _split(ch.path)
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
                text = f"**We will collect a new kind of information: {_lower_first(el_after.name)}.**"
                if el_after.sensitive:
                    text += _sensitive_note(el_after.category)
                bullets.append(text)
            elif el_after is None and el_before is not None:
                bullets.append(f"**We will stop collecting {_lower_first(el_before.name)}.**")
            # from here both exist (a change path names an element of one side at least)
            elif el_after is not None and el_before is not None and ch.trigger == "retention_lengthened":
                until = f"up to {el_after.retention.max_days} days" if el_after.retention.max_days is not None \
                    else "with no fixed limit"
                was = f" (before: up to {el_before.retention.max_days} days)" if el_before.retention.max_days else ""
                bullets.append(f"**We will keep {_lower_first(el_after.name)} longer: {until}{was}.** "
                               f"{_sentence(el_after.retention.rule)}")
            elif el_after is not None and el_before is not None:
                note = " It now counts as sensitive personal information." \
                    if el_after.sensitive and not el_before.sensitive else ""
                bullets.append(f"**What we record as {_lower_first(el_after.name)} changes** (its kind, source or "
                               f"sensitivity).{note}")
        elif section == "recipients" and rid:
            if (section, rid) in seen:
                continue
            seen.add((section, rid))
            rec_before, rec_after = old_rec.get(rid), new_rec.get(rid)
            if rec_after is not None:
                cond = f" {_sentence(rec_after.condition)}" if rec_after.condition else ""
                consent = " Only if you agree." if rec_after.legal_basis.value == "consent" else ""
                head = "A new organisation will receive your information" if rec_before is None else \
                    "What we give to an organisation changes"
                via = [new_act[a].name for a in sorted(new_act) if rid in new_act[a].recipients]
                src = f", collected for {_join_words([_lower_first(v) for v in via])}" if via else ""
                bullets.append(f"**{head}: {rec_after.name}.** It would receive "
                               f"{_received(new, rec_after)}{src}.{consent}{cond}")
            elif rec_before is not None:
                bullets.append(f"**{rec_before.name} will no longer receive your information.**")
        elif section == "rights" and rid:
            if (section, rid) in seen:
                continue
            seen.add((section, rid))
            right_before, right_after = old_rights.get(rid), new_rights.get(rid)
            label = RIGHT_WORDS.get(rid, rid)
            if right_after is not None:
                bullets.append(f"**{label}: how you do it changes.** {_sentence(right_after.how)}")
            elif right_before is not None:
                bullets.append(f"**{label}: this right is no longer listed in the policy.**")
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
            bullets.append("**The reasons for which we may turn down a request about your information change.**")
        elif section == "settings.rights_response_days":
            bullets.append(f"**We will answer your requests within {new.settings.rights_response_days} days** "
                           f"(before: {old.settings.rights_response_days}).")
        elif section == "settings.erasure_grace_days":
            bullets.append(f"**After you close your account, we will erase your information within "
                           f"{new.settings.erasure_grace_days} days** (before: {old.settings.erasure_grace_days}).")
        elif section == "settings.minor_age":
            bullets.append(f"**Users under {new.settings.minor_age} (before: {old.settings.minor_age}) will need a "
                           "parent's or guardian's agreement.**")
        else:
            key = (section, None)
            if key not in seen:
                seen.add(key)
                bullets.append("**The situations in which we may use information without asking you change.**"
                               if section.startswith("consent_exemptions") else
                               f"**Other change: {section.replace('_', ' ')}.**")
    # assumptions document the assessment, not the policy: users are not told about them
    minor = sum(1 for c in review.minor_changes if not c.path.startswith("assumptions"))
    if minor:
        bullets.append(f"We also made {minor} smaller edit{'s' if minor != 1 else ''} (clearer wording, corrected "
                       "names, more detail) that do not change how your information is used.")
    return bullets


def _whole_recipient(change: ClassifiedChange, whole: set[str]) -> bool:
    value = change.after if change.after is not None else change.before
    return ".recipients[" in change.path and isinstance(value, str) and value in whole


def _activity_bullet(before, after, new_el, recipients, changes: list[ClassifiedChange]) -> str:
    if after is None:
        return f"**We will stop {_lower_first(before.name)}.** We will no longer use your information for it."
    uses = "; ".join(_lower_first(new_el[e].name) for e in after.data_elements if e in new_el)
    if before is None:
        optional = " It is optional: you can leave it switched off." if after.optional else ""
        return (f"**New use of your information: {_lower_first(after.name)}.** What for: "
                f"{_lower_first(_sentence(after.purpose))} It uses: {uses}.{optional}")
    parts = []
    for ch in changes:
        _, _, rest = _split(ch.path)
        field = rest.lstrip(".")
        if field == "purpose":
            parts.append(f"its purpose is now: {_lower_first(_sentence(after.purpose))}")
        elif field.startswith("data_elements[") and ch.after and ch.after in new_el:
            parts.append(f"it will also use {_lower_first(new_el[ch.after].name)}")
        elif field.startswith("data_elements[") and ch.before:
            parts.append(f"it will no longer use {ch.before.replace('_', ' ')}")
        elif field.startswith("recipients[") and ch.after in recipients:
            parts.append(f"{recipients[ch.after].name} will receive information from it")
        elif field.startswith("recipients[") and ch.before in recipients:
            parts.append(f"{recipients[ch.before].name} will no longer receive information from it")
        elif field.startswith("measures.") and ch.trigger == "promised_measure":
            measure = field.split(".")[1].replace("_", " ")
            parts.append(f"a protection our policy promises ({measure}) will no longer be fully in place")
        elif field.startswith("storage.locations[") and ch.trigger == "cross_border":
            parts.append(f"your information will also be stored in {ch.after}, outside the country")
        else:
            label = re.sub(r"\[.*$", "", field).split(".")[0].replace("_", " ")
            parts.append(f"the way it works changes ({label})")
    parts = list(dict.fromkeys(p.rstrip(".") for p in parts))
    return f"**{after.name} changes:** {'; '.join(parts)}."


_CONTACT_FIELDS = {"phone": "phone", "email": "email", "web": "the web", "address": "post"}


def _contact_bullet(old: Manifest, new: Manifest) -> str:
    o, n = old.controller, new.controller
    parts = []
    for who, before, after in (("our " + n.security_department.name.lower(), o.security_department.contact,
                                n.security_department.contact), ("us", o.contact, n.contact)):
        for field, word in _CONTACT_FIELDS.items():
            b, a = getattr(before, field), getattr(after, field)
            if a and a != b:
                parts.append(f"you can {'now ' if not b else ''}reach {who} by {word} at {a}"
                             + (f" (before: {b})" if b else ""))
            elif b and not a:
                parts.append(f"{who} can no longer be reached by {word} at {b}")
    if o.security_department.name != n.security_department.name:
        parts.append(f"the department responsible for protecting your information is now the "
                     f"{n.security_department.name.lower()}")
    before_c = {c.authority for c in o.complaint_channels}
    after_c = {c.authority for c in n.complaint_channels}
    if after_c - before_c:
        parts.append(f"you can also complain to {_join_words(sorted(after_c - before_c))}")
    if before_c - after_c:
        parts.append(f"{_join_words(sorted(before_c - after_c))} no longer listed for complaints")
    text = "; ".join(parts) or "the way to reach us changes"
    return f"**New contact details:** {text[:1].upper() + text[1:]}."


def _ownership_bullet(old: Manifest, new: Manifest) -> str:
    o, n = old.controller, new.controller
    parts = []
    if o.legal_entity != n.legal_entity:
        parts.append(f"your information will be held by {n.legal_entity} instead of {o.legal_entity}")
    added = [s for s in n.ownership.controlling_shareholders if s not in o.ownership.controlling_shareholders]
    gone = [s for s in o.ownership.controlling_shareholders if s not in n.ownership.controlling_shareholders]
    if added:
        parts.append(f"{_join_words(added)} become{'s' if len(added) == 1 else ''} a controlling shareholder")
    if gone:
        parts.append(f"{_join_words(gone)} {'is' if len(gone) == 1 else 'are'} no longer a controlling shareholder")
    if o.ownership.parent_company != n.ownership.parent_company:
        parts.append(f"the parent company becomes {n.ownership.parent_company}" if n.ownership.parent_company
                     else "there is no longer a parent company")
    if o.jurisdiction != n.jurisdiction:
        parts.append(f"the company responsible moves from {o.jurisdiction} to {n.jurisdiction}")
    stays = "" if o.legal_entity != n.legal_entity else f" {n.legal_entity} remains responsible for your information."
    return f"**Change of ownership:** {'; '.join(parts) or 'the ownership structure changes'}.{stays}"


def _asks(review: ChangeReview, new: Manifest) -> list[str]:
    tax = load_taxonomy()
    acts = {a.id: a for a in new.processing_activities}
    recs = {r.id: r for r in new.recipients}
    out = []
    for r in review.reasons:
        if r.kind == "new_purpose" and r.subject in acts:
            out.append(f"to use your information for {_lower_first(acts[r.subject].name)};")
        elif r.kind == "new_sensitive_category" and r.subject in tax:
            out.append(f"to process {tax[r.subject].name.lower()}, which is sensitive information;")
        elif r.kind == "new_consent_recipient" and r.subject in recs:
            rec = recs[r.subject]
            out.append(f"to give {_received(new, rec)} to {rec.name};")
        elif r.kind == "purpose_outside_exemption" and r.subject in acts:
            out.append(f"to use your information for the new purpose of {_lower_first(acts[r.subject].name)}: "
                       f"{_lower_first(_sentence(acts[r.subject].purpose)).rstrip('.')};")
        elif r.kind == "new_data_type" and r.subject in acts:
            out.append(f"to use more kinds of information for {_lower_first(acts[r.subject].name)};")
        elif r.kind == "cross_border":
            name = acts[r.subject].name if r.subject in acts else recs[r.subject].name if r.subject in recs else r.subject
            out.append(f"to store or send information of {_lower_first(name)} outside the country;")
    if out:
        out[-1] = out[-1].rstrip(";") + "."
    return out


def _contacts(new: Manifest) -> list[str]:
    c = new.controller
    lines = []
    general = [f"phone {c.contact.phone}" if c.contact.phone else "", f"email {c.contact.email}" if c.contact.email else "",
               f"web {c.contact.web}" if c.contact.web else "", f"post {c.contact.address}" if c.contact.address else ""]
    if any(general):
        lines.append(f"Questions and requests about your information: {_join_words(general)}.")
    d = c.security_department.contact
    dept = [f"phone {d.phone}" if d.phone else "", f"email {d.email}" if d.email else "",
            f"web {d.web}" if d.web else "", f"post {d.address}" if d.address else ""]
    if any(dept):
        lines.append(f"Our {c.security_department.name.lower()}: {_join_words(dept)}.")
    if c.complaint_channels:
        names = _join_words([ch.authority for ch in c.complaint_channels])
        lines.append(f"If you are not satisfied with our answer, you can complain to the authorities: {names}.")
    return lines


def draft_notice(review: ChangeReview) -> str:
    """The draft user notice for `review` (NEW's rights, contacts and channels), as Markdown."""
    old, new = review.manifests
    service = new.service.name
    policy = new.policy_ref
    version = f" to version {policy.version}" if policy and policy.version else ""
    when = policy.effective_date.isoformat() if policy and policy.effective_date else "[effective date]"
    draft = ("*Draft notice prepared from a change review. Check it, fill in the date, and have it approved "
             "before sending.*")
    out = [f"# We are updating how {service} handles your personal information", "", draft, ""]
    if not review.changes:
        out += ["Our privacy policy does not change: there is nothing to tell users.", ""]
        return "\n".join(out)
    if review.significant:
        how = _join_words([CHANNEL_WORDS.get(c, c) for c in review.notify.channels])
        sent = f" We send you this message by {how}." if how else ""
        out += [(f"We are updating our privacy policy{version}. Some of the changes matter to you, so we are "
                 f"telling you about them directly.{sent} The updated policy takes effect on {when}."), ""]
    else:
        out += [(f"We are updating our privacy policy{version} with small edits only: clearer wording and more "
                 "detail. How we use your information does not change. "
                 f"The updated policy takes effect on {when}."), ""]

    out += ["## What is changing", ""]
    out += [f"- {b}" for b in _what_changes(review, old, new)]
    out.append("")

    if review.triggers:
        out += ["## Why this matters to you", ""]
        for t in review.triggers:
            out.append(f"- {trigger_why(review.manifests[1], t.id)}")
        out.append("")

    asks = _asks(review, new)
    if asks:
        out += ["## We will ask for your agreement first", "",
                "Before any of the following starts, we will ask you. If you say no, we will not do it:", ""]
        out += [f"- {a}" for a in asks]
        out += ["", "You can change your mind later; see *Your rights* below.", ""]

    if new.rights:
        days = new.settings.rights_response_days
        out += ["## Your rights and how to use them", ""]
        for r in new.rights:
            limits = f" Limits: {_lower_first(_sentence(r.limitations))}" if r.limitations else ""
            out.append(f"- **{RIGHT_WORDS.get(r.kind.value, r.kind.value)}.** {_sentence(r.how)}{limits}")
        out += ["", f"We answer requests within {days} days.", ""]

    contacts = _contacts(new)
    if contacts:
        out += ["## Questions and complaints", ""]
        out += [f"- {line}" for line in contacts]
        out.append("")

    if any("VII.3" in c.clauses for c in new.commitments):
        out += ["## If you do not agree", "",
                ("If you keep using the service after the update takes effect, the updated policy applies to you. "
                 "If you do not accept it, you can stop using the service and close your account "
                 "(see *Your rights*)."), ""]
    return "\n".join(out)
