"""The officer's choices on a minutes proposal (no Qt here).

``ReviewState`` holds, for every proposed recommendation and action, whether it is accepted and
its (possibly edited) wording and owner; ``ReviewState.reduced_proposal()`` gives a proposal of
the importer's own dataclasses holding only what was accepted, as edited, ready for
``services.minutes_import.save_minutes`` (with ``accept=everything``: the choice is already made).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from desktop_app.services.minutes_reading import (
    MinutesProposal,
    ProposedAction,
    ProposedItem,
    ProposedRecommendation,
)

REC, ACTION = "recommendation", "action"
# the group of actions the minutes give for the whole meeting (a closing "Actions agreed" table
# naming no minute): shown after the items, saved against the meeting under no agenda item
MEETING_GROUP = "Actions for the whole meeting"


def item_flags(item: ProposedItem) -> list[str]:
    """The notes an item carries, in words: exempt (with paragraph), incomplete."""
    flags = []
    if item.exempt:
        flags.append("Exempt" + (f" \u2013 paragraph {item.exempt_paragraph}"
                                 if item.exempt_paragraph else ""))
    if item.incomplete:
        flags.append("Incomplete \u2014 the page cut the text")
    return flags


def is_meeting_group(item: ProposedItem) -> bool:
    return not item.number and item.title == MEETING_GROUP


def item_heading(item: ProposedItem) -> str:
    if is_meeting_group(item):
        return f"{MEETING_GROUP} (no minute named)"
    return f"{item.number}.  {item.title or '(untitled item)'}"


def where(item: ProposedItem) -> str:
    """"under item 17/23", or "for the whole meeting"."""
    return "for the whole meeting" if is_meeting_group(item) else f"under item {item.number}"


@dataclasses.dataclass(eq=False)
class Choice:
    """One proposed recommendation or action, with what the officer decided."""

    kind: str                                   # REC or ACTION
    item: ProposedItem
    original: ProposedRecommendation | ProposedAction
    accepted: bool
    text: str
    owner: str = ""

    @property
    def label(self) -> str:
        return getattr(self.original, "label", "")

    @property
    def procedural(self) -> bool:
        return bool(getattr(self.original, "procedural", False))

    @property
    def default_accepted(self) -> bool:
        return not self.procedural

    @property
    def text_edited(self) -> bool:
        return self.text != self.original.text

    @property
    def owner_edited(self) -> bool:
        return self.kind == ACTION and self.owner != self.original.owner

    @property
    def edited(self) -> bool:
        return self.text_edited or self.owner_edited

    def title(self) -> str:
        """"Recommendation (a)", "Procedural resolution", "Action"."""
        if self.kind == ACTION:
            return "Action"
        word = "Procedural resolution" if self.procedural else "Recommendation"
        return f"{word} {self.label}".strip()

    def short_title(self) -> str:
        """"Rec. (a)", "Procedural (c)", "Action": for the narrow first column."""
        if self.kind == ACTION:
            return "Action"
        return f"{'Procedural' if self.procedural else 'Rec.'} {self.label}".strip()

    def restore(self) -> None:
        self.text = self.original.text
        if self.kind == ACTION:
            self.owner = self.original.owner


class ReviewState:
    """The choices on one proposal. Procedural resolutions start unticked, the rest ticked."""

    def __init__(self, proposal: MinutesProposal):
        self.proposal = proposal
        # the rows shown: the agenda items, then the meeting's own actions when there are any
        self.groups: list[ProposedItem] = list(proposal.items)
        if proposal.meeting_actions:
            self.groups.append(ProposedItem(
                number="", title=MEETING_GROUP, actions=list(proposal.meeting_actions),
                minutes_text="These actions are listed after the last minute and name no "
                             "minute: they are saved against the meeting, under no agenda item."))
        self.by_item: list[list[Choice]] = []
        for item in self.groups:
            choices = [Choice(REC, item, rec, not rec.procedural, rec.text)
                       for rec in item.recommendations]
            choices += [Choice(ACTION, item, action, True, action.text, action.owner)
                        for action in item.actions]
            self.by_item.append(choices)

    def choices(self) -> Iterator[Choice]:
        for choices in self.by_item:
            yield from choices

    def counts(self) -> tuple[int, int]:
        """(recommendations, actions) accepted."""
        recs = sum(1 for c in self.choices() if c.accepted and c.kind == REC)
        actions = sum(1 for c in self.choices() if c.accepted and c.kind == ACTION)
        return recs, actions

    def totals(self) -> tuple[int, int]:
        recs = sum(1 for c in self.choices() if c.kind == REC)
        return recs, sum(1 for c in self.choices() if c.kind == ACTION)

    def edited_count(self) -> int:
        return sum(1 for c in self.choices() if c.accepted and c.edited)

    def problems(self) -> list[str]:
        """What stops saving: an accepted proposal left with no wording."""
        return [f"{where(c.item).split(' ', 1)[1]}: the {c.title().lower()} has no wording"
                for c in self.choices() if c.accepted and not c.text.strip()]

    def reduced_proposal(self) -> MinutesProposal:
        """The proposal with only the accepted recommendations and actions, as edited. Every
        agenda item is kept: the meeting's items and minutes are saved whatever is chosen."""
        items = []
        meeting_actions: list[ProposedAction] = []
        for item, choices in zip(self.groups, self.by_item, strict=True):
            recs = [dataclasses.replace(c.original, text=c.text.strip())
                    for c in choices if c.kind == REC and c.accepted]
            actions = [dataclasses.replace(c.original, text=c.text.strip(),
                                           owner=c.owner.strip())
                       for c in choices if c.kind == ACTION and c.accepted]
            if is_meeting_group(item):
                meeting_actions = actions
                continue
            items.append(dataclasses.replace(item, recommendations=recs, actions=actions))
        return dataclasses.replace(self.proposal, items=items, meeting_actions=meeting_actions)
