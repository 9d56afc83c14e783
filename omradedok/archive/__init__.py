"""The case into the archive: ``arkivmelding.xml`` (KS Fiks Arkiv V1, Noark 5) for a build.

The XML schemas it follows ship in ``xsd/`` with their licence (MIT, © KS).
"""

from __future__ import annotations

from .arkivmelding import (
    FILENAME,
    ArchiveCase,
    arkivmelding_xml,
    check_archivable,
    parse_case_number,
    schema_path,
)

__all__ = [
    "FILENAME",
    "ArchiveCase",
    "arkivmelding_xml",
    "check_archivable",
    "parse_case_number",
    "schema_path",
]
