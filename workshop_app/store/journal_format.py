"""Read a rollback journal as SQLite reads it when it rolls one back, to say whether SQLite
would restore every page the journal holds, and which transaction wrote it.

The format (https://www.sqlite.org/fileformat.html, "The Rollback Journal"): the journal is
one or more segments, each a header padded to the sector size and then its records. A header
holds the magic, the number of records in its segment (written when the segment is synced,
before any page of the file is changed), a random nonce, the file's size in pages before the
transaction, the sector size and the page size. A record is a page number, the page as it was,
and a checksum: the nonce plus every 200th byte of the page.

SQLite stops rolling back at the first record whose page number or checksum is wrong, and
then ignores every later segment; so a journal with a damaged count or a damaged record would
restore only part of what its transaction changed. A journal SQLite wrote and synced holds
none of these: every record its headers count is whole, and nothing after the count reads as
a record. :func:`whole_rollback` says whether a journal is like that.

The nonce of the first header is drawn by SQLite when the transaction first changes a page,
and is the one thing in a journal that belongs to that transaction alone; every write of the
app puts it at the start of the file's new revision (:func:`nonce_of_open_journal`,
:mod:`workshop_app.store.row_sync`), which ties the journal to the file it was written for
(:mod:`workshop_app.store.journal`).
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

#: The first eight bytes of every synced segment header.
MAGIC = bytes.fromhex("d9d505f920a163d7")
#: The header fields SQLite reads: magic, count, nonce, pages before, sector size, page size.
HEADER_SIZE = 28
#: What a count of 0xFFFFFFFF means: as many records as the journal's size holds.
ALL_RECORDS = 0xFFFFFFFF
#: The page that holds SQLite's lock bytes (at 1 GiB) never has a record.
PENDING_BYTE = 0x40000000


def _u32(data: bytes, at: int) -> int:
    return int.from_bytes(data[at : at + 4], "big")


def nonce(head: bytes) -> str:
    """A journal's first nonce as eight lower-case hex digits (from its first 16 bytes)."""
    return head[12:16].hex()


def _record_is_valid(data: bytes, at: int, page_size: int, salt: int, pages: int) -> bool:
    """Whether the record at ``at`` is one SQLite would roll back (it stops at any other):
    the number of a page the file had before the transaction (SQLite journals no other),
    and a checksum that matches."""
    end = at + 4 + page_size + 4
    if end > len(data):
        return False
    page = _u32(data, at)
    if not 0 < page <= pages or page == PENDING_BYTE // page_size + 1:
        return False
    image = data[at + 4 : at + 4 + page_size]
    total = salt
    for i in range(page_size - 200, 0, -200):
        total += image[i]
    return total & 0xFFFFFFFF == _u32(data, at + 4 + page_size)


def whole_rollback(data: bytes) -> str | None:
    """None when SQLite would roll back every record of the journal ``data`` (its first
    header is synced, with sizes SQLite uses); else what is wrong with it, in words."""
    sector, page_size, pages = _u32(data, 20), _u32(data, 24), _u32(data, 16)
    if not all(512 <= n <= 65536 and n & (n - 1) == 0 for n in (sector, page_size)):
        return "its header names sizes SQLite does not use"
    record = 4 + page_size + 4
    restored: set[int] = set()
    at = 0
    while at + HEADER_SIZE <= len(data):
        head = data[at : at + HEADER_SIZE]
        if head[:8] != MAGIC:
            if at and head[:12] == bytes(12):
                break  # a segment cut off before its first sync: nothing of it is used
            if at and _u32(head, 0) == PENDING_BYTE // page_size + 1:
                break  # the name of a super-journal, which ends the records
            return "a header of it cannot be read"
        count, salt = _u32(head, 8), _u32(head, 12)
        offset = at + sector
        if count == ALL_RECORDS:
            count = (len(data) - sector) // record
        for number in range(count):
            page = _u32(data, offset)
            if page in restored or not _record_is_valid(data, offset, page_size, salt, pages):
                return f"record {number + 1} of {count} cannot be read"
            restored.add(page)
            offset += record
        if _record_is_valid(data, offset, page_size, salt, pages):
            return "it holds more records than its header counts"
        at = ((offset - 1) // sector + 1) * sector
    return None if restored else "it holds no page"


def nonce_of_open_journal(conn: sqlite3.Connection) -> str | None:
    """The nonce of the journal of ``conn``'s transaction, which has changed a page: read
    from the journal's first header (SQLite writes it as the journal is made), or None when
    there is no journal file to read (a file built in memory, a journal kept in memory)."""
    row = conn.execute("PRAGMA database_list").fetchone()
    if row is None or not row[2]:
        return None
    try:
        handle = os.open(Path(f"{row[2]}-journal"), os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        head = os.read(handle, 16)
    except OSError:
        return None
    finally:
        os.close(handle)
    return nonce(head) if len(head) == 16 else None
