"""HQ's check that a station's audit chain only ever grows.

With every push the station sends the hash of the entry HQ saw last and the digests of every
entry since. HQ recomputes the links: if they lead from the hash it holds to the head the
station names, nothing HQ has seen was changed. HQ never sees an entry's content.

- base is where HQ left off, its hash matches, the links lead to the head: ok, HQ moves on.
- base is where HQ left off but its hash differs, or the links do not lead to the head: the
  chain was rewritten on the station (an alarm says where); HQ takes the new head as its
  reference so the next push is judged on its own.
- a new generation (the station was restored from a backup) starting from an older entry:
  the chain resumes from the backup; the entries after it were lost with the disk (an alarm
  records it, as information for the operator).
- otherwise (the station missed HQ's last answer): HQ answers "resync" with where it stands.
"""

from __future__ import annotations

import json

from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.domain.hash_chain import link
from app.hq.models import HqAlarm, HqStation
from app.sync.protocol import AuditLinks, AuditState


def _walk(base_hash: str, digests: list[str]) -> str:
    head = base_hash
    for digest in digests:
        head = link(head, bytes.fromhex(digest))
    return head


def follow(
    session: Session,
    station: HqStation,
    links: AuditLinks | None,
    generation: int,
    now_text: str,
) -> AuditState:
    if links is None:
        return "ok"
    reaches_head = _walk(links.base_hash, links.digests) == links.head_hash
    new_seq = links.base_seq + len(links.digests)
    if links.base_seq == station.audit_seq:
        if links.base_hash != station.audit_hash or not reaches_head:
            where = (
                f"entry {links.base_seq} HQ saw last now has another hash"
                if links.base_hash != station.audit_hash
                else f"the links after entry {links.base_seq} do not lead to the head sent"
            )
            _alarm(session, station, "audit_chain_broken", where, links, now_text)
            state: AuditState = "broken"
        else:
            state = "ok"
    elif generation > station.audit_generation and links.base_seq < station.audit_seq:
        if not reaches_head:
            _alarm(session, station, "audit_chain_broken", "restart links broken", links, now_text)
            state = "broken"
        else:
            lost = f"entries {links.base_seq + 1}-{station.audit_seq} were lost with the disk"
            _alarm(session, station, "audit_chain_restarted", lost, links, now_text)
            state = "restarted"
    else:
        return "resync"
    station.audit_seq = new_seq
    station.audit_hash = links.head_hash
    station.audit_generation = max(station.audit_generation, generation)
    if state != "ok" or station.audit_state == "ok":
        station.audit_state = state
    return state


def _alarm(
    session: Session,
    station: HqStation,
    kind: str,
    what: str,
    links: AuditLinks,
    now_text: str,
) -> None:
    detail = {
        "what": what,
        "hq_seq": station.audit_seq,
        "hq_hash": station.audit_hash,
        "base_seq": links.base_seq,
        "base_hash": links.base_hash,
        "head_seq": links.base_seq + len(links.digests),
    }
    session.execute(
        insert(HqAlarm).values(
            station_id=station.id, kind=kind, detail=json.dumps(detail), created_utc=now_text
        )
    )
