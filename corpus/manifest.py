"""Where plain-text articles came from: a folder's list of sources.

A folder of ``.txt`` pages saved from the web usually sits beside a list of
where each came from (``SOURCES.md``, ``sources.csv``): one line per page,
naming the file and its address, in any layout ("- 001.txt | https://… |
title", "001.txt,https://…"). The address is the page's masthead for a
reader (``baothainguyen.vn``) and so part of what the article says about its
own place; the readers attach it to each article as its ``url``.
"""

from __future__ import annotations

from pathlib import Path

import regex

MANIFEST_NAMES = ("SOURCES.md", "sources.md", "SOURCES.txt", "sources.txt", "sources.csv", "SOURCES.csv")
_FILE = regex.compile(r"(?<![\w./-])([\w.-]+\.(?:txt|html?))(?![\w-])", regex.IGNORECASE)
_URL = regex.compile(r"https?://[^\s|<>\"',]+")
_MAX_BYTES = 20_000_000   # a list of sources, not an archive: larger files are not read


def parse_manifest(text: str) -> dict[str, str]:
    """File name -> address, for each line that names both (the first of each on the line)."""
    urls: dict[str, str] = {}
    for line in text.splitlines():
        name, url = _FILE.search(line), _URL.search(line)
        if name and url:
            urls.setdefault(name.group(1), url.group(0).rstrip(").;"))
    return urls


def read_manifest(path: Path) -> dict[str, str]:
    """The addresses a manifest file lists; {} when it cannot be read."""
    try:
        if path.stat().st_size > _MAX_BYTES:
            return {}
        return parse_manifest(path.read_bytes().decode("utf-8", errors="replace"))
    except OSError:
        return {}


def folder_sources(folder: Path) -> dict[str, str]:
    """The addresses the manifests of a folder, or of the folder above it
    ("corpus/SOURCES.md" for "corpus/work/*.txt"), list, by file name."""
    urls: dict[str, str] = {}
    for place in (folder, folder.parent):
        for name in MANIFEST_NAMES:
            path = place / name
            if path.is_file():
                for file, url in read_manifest(path).items():
                    urls.setdefault(file, url)
    return urls
