"""File-name slugs for Norwegian and Sami names: «Nordbyen – Sámi Báiki» → «nordbyen-sami-baiki»."""

from __future__ import annotations

import re
import unicodedata

from ..model.passages import plain

_TRANSLITERATE = str.maketrans(
    {
        "æ": "ae",
        "Æ": "ae",
        "ø": "o",
        "Ø": "o",
        "å": "a",
        "Å": "a",
        "đ": "d",
        "Đ": "d",
        "ŋ": "n",
        "Ŋ": "n",
        "ŧ": "t",
        "Ŧ": "t",
        "ß": "ss",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ł": "l",
        "Ł": "l",
        "œ": "oe",
        "Œ": "oe",
    }
)


def slugify(text: str) -> str:
    """ASCII lowercase, æ→ae ø→o å→a, Sami letters (á č đ ŋ š ŧ ž) transliterated, anything
    else that is not a letter or digit becomes a hyphen (may return "")."""
    text = unicodedata.normalize("NFC", plain(text)).translate(_TRANSLITERATE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
